"""An appositive pointing back to a statement with the source that answered it (sentences of our own writing)."""
from extracting import claims


def test_a_claim_the_other_side_rejected_is_its_own_claim():
    t = "The storm season began soon after Brelia said it had taken Dorvik, a claim Ostrava flatly rejected."
    cs = claims(t)
    assert len(cs) == 2
    first, second = sorted(cs, key=lambda c: c.start)
    assert first.speaker_mention == "Brelia" and t[first.start:first.end].endswith("taken Dorvik")
    assert second.speaker_mention == "Ostrava" and t[second.start:second.end] == "a claim Ostrava flatly rejected."


def test_a_described_source_and_that():
    t = "The ministry said 40 boats had sunk, a figure that the harbour office disputes."
    second = max(claims(t), key=lambda c: c.start)
    assert second.speaker_mention == "the harbour office"
    assert t[second.start:second.end] == "a figure that the harbour office disputes."


def test_must_not_read_other_appositives_as_answers():
    for t in ("The council met on Monday, a report the mayor published on Tuesday.",
              "The mayor said the pass was open, a claim that was repeated on Tuesday.",
              "The mayor said the pass was open, the first good news in weeks."):
        assert [c for c in claims(t) if c.rule == "reported.pointback"] == [], t
