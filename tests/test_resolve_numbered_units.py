"""Numbered units and bodies named like people (sentences of our own writing)."""
from extracting import claims


def test_a_numbered_unit_keeps_its_number_and_is_a_body():
    t = ("The 12th Coastal Defence Corps, which holds the harbour, said the enemy had landed 300 troops. "
         "It acknowledged that some boats had reached the pier.")
    first, second = sorted(claims(t), key=lambda c: c.start)
    assert (first.speaker_name, first.speaker_type) == ("12th Coastal Defence Corps", "organization")
    assert second.speaker_name == "12th Coastal Defence Corps"  # 'It' goes back to the body


def test_a_possessive_owner_before_the_number():
    (c,) = claims("Brelia's 3rd Mountain Brigade said the pass was held.")
    assert c.speaker_mention == "Brelia's 3rd Mountain Brigade" and c.speaker_type == "organization"


def test_a_capitalised_name_ending_in_a_body_word_is_no_person():
    (c,) = claims("A spokesperson for the Port of Dorvik Authority said ten ships were waiting.")
    assert c.speaker_type != "person"


def test_an_ordinal_before_a_person_is_not_taken():
    c = [c for c in claims("On the 7th Irma Kolar said the pass was open.")][0]
    assert c.speaker_name == "Irma Kolar"
