"""Relays: how an outlet that passed a claim on is read (sentences of our own writing)."""
from provenance.extract import extract_claims
from provenance.records import Article


def claims(text):
    return extract_claims(Article(path="t.txt", text=text, sha256="x"))


def via_of(text, words):
    (c,) = [c for c in claims(text) if words in text[c.start:c.end]]
    return c.via


def test_relay_carried_to_the_same_speaker_taken_up_again():
    t = "Mayor Lena Dorsch said the dam was safe, Reuters reported. She also said repairs would end in May."
    assert via_of(t, "repairs would end") == ("Reuters",)
    t = "Mayor Lena Dorsch said the dam was safe, Reuters reported.\nShe said repairs would end in May."
    assert via_of(t, "repairs would end") == ("Reuters",)
    t = ("The Transport Ministry said the line would reopen, Reuters reported. "
         "The ministry said trains would run hourly.")
    assert via_of(t, "trains would run") == ("Reuters",)


def test_relay_not_carried_to_another_source():
    t = "Mayor Lena Dorsch said the dam was safe, Reuters reported. Engineer Piet Voss said it was cracked."
    assert via_of(t, "it was cracked") == ()
    t = ("Mayor Lena Dorsch said the dam was safe, Reuters reported. Engineer Piet Voss said it was cracked. "
         "He said repairs would take a year.")
    assert via_of(t, "take a year") == ()
    t = "Mayor Lena Dorsch said the dam was safe, Reuters reported.\nThe weather was fine.\nShe said repairs would end."
    assert via_of(t, "repairs would end") == ()


def test_document_relay_carried_to_the_pronoun_taking_it_up():
    t = "A draft seen by Reuters says the quay would close. It does not explain how workers would be paid."
    assert via_of(t, "does not explain") == ("Reuters",)
