"""Constructions of reported speech, and narration that is no claim (sentences of our own writing)."""
from provenance.extract import extract_claims
from provenance.records import Article


def claims(text):
    return extract_claims(Article(path="t.txt", text=text, sha256="x"))


def test_narration_of_what_was_not_said_is_no_claim():
    for t in ("The ministry has not commented on the figures.",
              "Irma Kolar did not claim that the pass was safe.",
              "Irma Kolar has not yet said whether the pass will reopen.",
              "The mayor declined to give a figure for the losses.",
              "Reporters asked whether the pass would reopen."):
        assert claims(t) == [], t
    (c,) = claims("Irma Kolar did not rule out new talks.")  # a position taken, not silence
    assert c.speaker_name == "Irma Kolar"


def test_inverted_needs_about_verb_after_a_quotation():
    (c,) = claims('"We are ready," responded Irma Kolar.')
    assert (c.kind, c.speaker_name, c.cue) == ("direct", "Irma Kolar", "responded")


def test_quote_then_told_reporters_then_a_manner_clause():
    (c,) = claims('"The pass will reopen," Irma Kolar told reporters, pointing to the cleared road.')
    assert (c.kind, c.speaker_name, c.cue) == ("direct", "Irma Kolar", "told")


def test_with_subject_saying():
    t = "The pass was closed on Monday, with analysts saying it could stay shut for weeks."
    (c,) = claims(t)
    assert t[c.start:c.end] == "analysts saying it could stay shut for weeks."
    assert c.speaker_type == "anonymous"
    assert claims("He left the room with colleagues saying nothing.") == []


def test_speech_acts_with_no_content_are_no_claims():
    for t in ("Irma Kolar spoke on camera.", "The union answered within hours.",
              "Why would the union insist on a strike nobody wanted?"):
        assert claims(t) == [], t
    (c,) = claims("Irma Kolar spoke at length about a new tunnel under the pass.")  # a topic the guidelines count
    assert c.cue == "spoke"
    (c,) = claims('"We are ready," Irma Kolar answered.')
    assert (c.kind, c.cue) == ("direct", "answered")
    (c,) = claims('Irma Kolar spoke to reporters: "The pass is shut."')
    assert c.kind == "direct"


def test_weak_verb_to_a_listener_then_that_clause():
    (c,) = claims("Ivan Petrenko reported to the mayor that the bridge was held.")
    assert (c.speaker_name, c.cue) == ("Ivan Petrenko", "reported")
    assert claims("The envoy previously discussed with Kyiv a ceasefire.") == []


def test_saying_that_gives_the_grounds_stays_in_the_claim():
    t = "The port authority rejected the report, saying no ship had been turned away."
    (c,) = claims(t)
    assert t[c.start:c.end].rstrip(".") == t.rstrip(".")
    assert c.speaker_name == "port authority" or "port authority" in (c.speaker_name or "").lower()
    t = "Irma Kolar denied the figures on Tuesday, insisting that the pass had never closed."
    (c,) = claims(t)
    assert "never closed" in t[c.start:c.end] and "denied the figures" in t[c.start:c.end]


def test_adding_and_a_second_speaker_still_make_two_claims():
    # 'adding' adds a second statement: two claims
    t = '"The pass is open," Irma Kolar said, adding that the tunnel would reopen in May.'
    assert len(claims(t)) == 2


def test_a_count_of_points_alone_does_not_name_a_known_plan():
    # a mediator's twelve-point plan in an article that never names China is not China's plan
    t = ("Valdoria and Meridia signed the Ostrava 12-point plan on Monday. "
         "The plan says both armies will withdraw their artillery.")
    docs = {c.speaker_name for c in claims(t) if c.speaker_type == "document"}
    assert docs and not any("China" in d for d in docs), docs
    t = ("China's 12-point plan for Ukraine was published in Beijing. "
         "The plan says talks should resume.")
    docs = {c.speaker_name for c in claims(t) if c.speaker_type == "document"}
    assert docs == {"China 12-point peace plan"}, docs


def test_a_dismissal_and_its_counter_assertion_with_and_said_are_one_claim():
    t = ('The mayor replied that the 90% figure was "a fabrication" spread by the opposition '
         'and said the turnout had been "perfectly normal."')
    (c,) = claims(t)
    assert (c.start, c.end) == (0, len(t))
    # two statements with nothing dismissed stay two claims
    t = "The mayor replied that the turnout had been high and said the count would end on Friday."
    assert len(claims(t)) == 2


def test_a_quote_of_two_sentences_before_a_described_speaker_is_one_direct_claim():
    t = '"The bridge is open again. Trucks are crossing," port spokesman Irma Kolar said.'
    (c,) = claims(t)
    assert (c.start, c.end, c.kind, c.speaker_name) == (0, len(t), "direct", "Irma Kolar")
    t = '"The bridge is open," senior engineer Ola Brekke told reporters.'
    (c,) = claims(t)
    assert c.kind == "direct" and c.speaker_name == "Ola Brekke"
