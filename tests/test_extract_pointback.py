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


def test_an_outlets_own_finding_before_a_clause_break_is_no_relay():
    t = "Reuters reported that the talks had been called off; the harbour office retorted that no talks had been planned."
    cs = sorted(claims(t), key=lambda c: c.start)
    assert [(c.speaker_name, c.speaker_type, c.via) for c in cs] == [
        ("Reuters", "outlet", ()), ("harbour office", "organization", ())]


def test_an_outlet_reporting_a_speaker_is_still_a_relay():
    t = "Reuters reported that the harbour office said no talks had been planned."
    (c,) = claims(t)
    assert c.speaker_name == "harbour office" and c.via == ("Reuters",)


def test_a_denial_and_its_counter_assertion_are_one_claim():
    t = "The harbour office rejected the report, saying no ship had left the port."
    (c,) = claims(t)
    assert t[c.start:c.end] == t and c.cue == "rejected"


def test_other_verbs_keep_their_participle_claim_apart():
    t = "The mayor praised the crews, saying they had saved the harbour."
    assert len(claims(t)) == 2


def test_an_answering_appositive_may_end_with_a_short_time_phrase():
    t = "The envoy said the truce covered the whole valley, a reading the council rejected within hours."
    cs = claims(t)
    assert any(c.cue == "rejected" and "council" in (c.speaker_name or "") for c in cs)
    # a that-clause after the time phrase is a statement of its own, not a pointback
    t = "The envoy said the truce held, a report the council denied on Monday that troops had moved."
    assert not any(c.rule == "reported.pointback" for c in claims(t))


def test_which_the_source_denied_is_its_own_claim():
    t = "The union said the port would close for a week, which the harbour office denied."
    cs = claims(t)
    assert any(c.rule == "reported.pointback" and "harbour office" in (c.speaker_name or "") for c in cs)
    # a relative clause with its own object is no pointback
    t = "The talks included the harbour office, which has denied any role in the strike."
    assert not any(c.rule == "reported.pointback" for c in claims(t))
