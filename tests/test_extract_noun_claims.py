"""Claims carried by a speech noun and its possessor (sentences of our own writing)."""
from extracting import claims


def test_possessor_of_a_speech_noun_is_the_speaker():
    text = "The board ran a check on Ola Brekke’s claim that the ferry lost money every year."
    (c,) = claims(text)
    assert (c.cue, c.rule, c.speaker_name) == ("claim", "reported.noun", "Ola Brekke")
    assert "the ferry lost money every year" in text[c.start:c.end]
    text = "Ola Brekke runs the port. The strike came despite his repeated warnings that the pier would close."
    c = [c for c in claims(text) if c.rule == "reported.noun"][0]
    assert (c.cue, c.speaker_name) == ("warnings", "Ola Brekke")


def test_no_noun_claim_without_a_possessor_or_a_that_clause():
    assert claims("The claim that fares would fall was false.") == []
    assert claims("The strike came despite repeated warnings from the union.") == []
    assert claims("Ola Brekke’s claim to the land was rejected.") == []
