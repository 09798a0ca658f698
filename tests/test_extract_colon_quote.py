"""A quotation after a colon that closes a clause with no speech verb (sentences of our own writing)."""
from extracting import claims


def test_a_subject_then_a_colon_then_its_quotation():
    t = "Irma Kolar went further on her blog: “The pass will stay shut until the bridge is rebuilt.”"
    (c,) = claims(t)
    assert (c.kind, c.speaker_name, c.cue) == ("direct", "Irma Kolar", ":")
    assert t[c.start:c.end] == t


def test_a_pronoun_subject_and_a_quotation_of_several_sentences():
    t = ('Irma Kolar lost patience with the council. She went on: "You have no plan. '
         'You have had no plan for a year."')
    c = [c for c in claims(t) if c.cue == ":"][0]
    assert c.speaker_name == "Irma Kolar" and c.kind == "direct"
    assert t[c.start:c.end].endswith('for a year."')


def test_an_inverted_speech_verb_before_the_colon():
    t = 'Irma Kolar, the mayor, opened the meeting. Added Kolar: "The pass will stay shut until spring."'
    (c,) = [c for c in claims(t) if c.cue == ":"]
    assert (c.speaker_name, c.speaker_mention) == ("Irma Kolar", "Kolar")


def test_must_not_credit_a_colon_quotation_to_what_is_no_speaker():
    for t in ('The sign on the gate read: "Closed until further notice by order of the mayor."',
              'Her answer was short: "No."',
              'Mayor Kolar Blasts Council Over Bridge: "You Have No Plan At All"',
              'She was so upset that I had to change my answer: "Of course the pass is open."'):
        assert [c for c in claims(t) if c.cue == ":"] == [], t
