"""Speech verbs of news writing read from rules/verbs.json (sentences of our own writing)."""
from extracting import claims


def test_new_speech_verbs_take_content():
    for sentence, cue in (("Brekke touted the new ferry as the fastest on the coast.", "touted"),
                          ("Ruiz blasted the board for cutting the night route.", "blasted"),
                          ("Brekke likened the fare rise to a tax on islanders.", "likened"),
                          ("“At least the fog is free,” Ruiz joked.", "joked"),
                          ("Brekke bragged that the harbour had never been busier.", "bragged"),
                          ("Ruiz cited the storm as the reason for the delay.", "cited")):
        (c,) = claims(sentence)
        assert c.cue == cue, sentence


def test_the_same_words_as_nouns_or_without_content_make_no_claim():
    assert claims("The blast shook the port at dawn.") == []
    assert claims("His jokes fell flat with the crowd.") == []
    assert claims("Ruiz cited a storm warning.") == []  # 'cite' counts only with 'as'
    text = "The Harbour Ledger reported, citing two officials, that the ferry would stop."
    (c,) = claims(text)
    assert c.speaker_name == "two officials" and c.via == ("The Harbour Ledger",)



def test_slam_is_a_cue():
    (c,) = claims("Ruiz slammed the fare rise as a tax on islanders.")
    assert (c.cue, c.speaker_name) == ("slammed", "Ruiz")
