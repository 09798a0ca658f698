"""Adjuncts around a speech verb: fronted dates and settings between the verb and its content
(sentences of our own writing)."""
from extracting import claims


def test_fronted_date_is_no_part_of_the_speaker():
    for t, name in (("On April 3 Irma Kolar wrote that the pass had reopened.", "Irma Kolar"),
                    ("On 3 April Irma Kolar said the pass had reopened.", "Irma Kolar"),
                    ("On Friday Irma Kolar said the pass had reopened.", "Irma Kolar"),
                    ("In 2023 the Harbour Authority said the pass had reopened.", "Harbour Authority")):
        (c,) = claims(t)
        assert c.speaker_name == name, t
        assert "pass had reopened" in t[c.start:c.end]


def test_a_number_before_a_subject_that_is_no_date_still_blocks_it():
    assert claims("The votes of all 12 council members said nothing new.") == []


def test_settings_between_the_verb_and_its_that_clause():
    t = ("Irma Kolar repeated at a rally in Dorvik on June 2, and in a radio interview the next day, "
         "that the pass would reopen.")
    (c,) = claims(t)
    assert c.speaker_name == "Irma Kolar"
    assert t[c.start:c.end].endswith("the pass would reopen.")


def test_a_setting_with_no_content_after_it_is_still_no_claim():
    assert claims("Irma Kolar spoke at a rally in Dorvik on June 2, and in a radio interview the next day.") == []
    assert claims("Irma Kolar said at a rally in Dorvik on June 2, and then left for the capital.") == []


def test_a_quotation_of_several_sentences_before_the_speaker_and_a_relay_tail():
    t = '"The pass is shut. It will stay shut," Irma Kolar said, as the Dorvik agency NVX reported.'
    (c,) = claims(t)
    assert (c.kind, c.speaker_name, c.via) == ("direct", "Irma Kolar", ("NVX",))
    assert t[c.start:c.end] == t  # the first sentence of the quotation is part of the claim


def test_a_circumstance_after_a_trailing_attribution():
    t = '"The pass is shut," Irma Kolar said, as the crowd cheered.'
    (c,) = claims(t)
    assert (c.kind, c.speaker_name) == ("direct", "Irma Kolar")
    t = "Irma Kolar said, as prices rose, that the pass was shut."
    (c,) = claims(t)
    assert c.kind == "indirect" and t[c.start:c.end] == t


def test_a_participle_claim_after_a_fronted_date_and_a_verb_of_action():
    for t in ("On June 2 the Dorvik Treasury froze the accounts, saying the harbour company had lied.",
              "In March Irma Kolar closed the port, saying the storm was too strong.",
              "Irma Kolar closed the port, saying the storm was too strong."):
        (c,) = claims(t)
        assert c.speaker_name in ("Dorvik Treasury", "Irma Kolar"), t
        assert c.speaker_type in ("organization", "person")
        assert "storm" in t[c.start:c.end] or "lied" in t[c.start:c.end]
