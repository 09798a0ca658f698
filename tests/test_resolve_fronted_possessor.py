"""A pronoun speaker after a possessor in a fronted adverbial (sentences of our own writing)."""
from extracting import claims


def _said(t):
    return [c for c in claims(t) if c.cue == "said"][0]


def test_the_previous_speaker_goes_on_after_a_fronted_possessor():
    t = ("Irma Kolar had claimed a day earlier that the pass was shut. "
         "After Tomas Ruel's post she said the pass would reopen.")
    assert _said(t).speaker_name == "Irma Kolar"


def test_the_possessor_stays_the_antecedent_when_no_speaker_goes_on():
    t = "The storm passed. After Tomas Ruel's post he said the pass would reopen."
    assert _said(t).speaker_name == "Tomas Ruel"


def test_a_possessor_that_is_no_fronted_adverbial_is_unchanged():
    t = "Irma Kolar had claimed that the pass was shut. Tomas Ruel's aide arrived and he said the pass would reopen."
    assert _said(t).speaker_name == "Tomas Ruel"
