"""Findings of polls, studies and analyses as document claims (sentences of our own writing)."""
from extracting import claims


def test_a_study_or_poll_states_a_finding():
    # a study whose author is named ('by X') is the author's claim (provenance.attribute.findings)
    (c,) = claims("A 2019 study by Harlow University found that river towns lost a third of their clinics.")
    assert c.cue == "found" and c.speaker_name == "Harlow University"
    # with no author named, the study itself is the source: a document claim
    (c,) = claims("A 2019 study found that river towns lost a third of their clinics.")
    assert (c.kind, c.cue, c.speaker_type) == ("document", "found", "document")
    assert c.speaker_name == "2019 study"
    (c,) = claims("The latest Ledger poll released Friday shows the mayor ahead by four points.")
    assert c.kind == "document" and c.speaker_name == "latest Ledger poll"
    (c,) = claims("Polls in the valley have similarly shown the lead shrinking.")
    assert c.cue == "shown" and c.speaker_name == "Polls"


def test_a_finding_credited_after_the_content():
    text = "Gifts to the port fund rose by a fifth last year, an analysis of the new filings shows."
    (c,) = claims(text)
    assert c.kind == "document" and c.speaker_name == "analysis"
    assert text[c.start:c.end].startswith("Gifts to the port fund")


def test_no_finding_without_a_finding_noun_as_subject():
    assert claims("The poll workers found a box of ballots in the basement.") == []
    assert claims("He showed up late to the study session.") == []
    assert claims("Did the survey show anything at all?") == []
    assert claims("The study is expected to show results next year.") == []
