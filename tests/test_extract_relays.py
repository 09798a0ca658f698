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


def speaker_via(text, words):
    (c,) = [c for c in claims(text) if words in text[c.start:c.end]]
    return c.speaker_mention, c.speaker_type, c.via


def test_outlets_named_by_construction_though_not_listed():
    t = '"The pass is shut," Irma Kolar said, as the Tyrol agency TPA reported.'
    assert via_of(t, "pass is shut") == ("TPA",)
    t = "Irma Kolar told the Lakeside Gazette that the pass was shut."
    assert via_of(t, "pass was shut") == ("Lakeside Gazette",)
    t = "Irma Kolar said the pass was shut, The Alpine Herald reported."
    assert via_of(t, "pass was shut") == ("The Alpine Herald",)
    t = "Irma Kolar said in remarks carried by Reuters that the pass was shut."
    assert via_of(t, "pass was shut") == ("Reuters",)


def test_a_nationality_or_an_agency_of_another_kind_is_no_relay():
    t = "Irma Kolar told Austrian television that the pass was shut."
    assert via_of(t, "pass was shut") == ()
    t = "The UN weather agency WMO said the winter had been the warmest on record."
    assert via_of(t, "warmest on record") == ()


def test_interfax_ukraine_is_not_interfax():
    t = "Irma Kolar told Interfax-Ukraine that the pass was shut."
    assert via_of(t, "pass was shut") == ("Interfax-Ukraine",)


def test_an_outlet_reporting_its_own_finding_is_the_speaker():
    t = "The Wall Street Journal reported that the pass had been shut for a week."
    assert speaker_via(t, "shut for a week") == ("The Wall Street Journal", "outlet", ())
    t = "Tyrol state broadcaster ORT reported that the pass had been shut."
    assert speaker_via(t, "had been shut") == ("Tyrol state broadcaster ORT", "outlet", ())
    t = "The Alpine Herald reported, citing two officials, that the pass had been shut."
    assert speaker_via(t, "had been shut") == ("two officials", "anonymous", ("The Alpine Herald",))


def test_according_to_an_outlet_keeps_the_document_as_source():
    t = "According to Reuters, the draft would close the pass in winter."
    (c,) = claims(t)
    assert c.speaker_type == "document" and c.via == ("Reuters",)


def test_told_this_newspaper_is_a_relay_of_the_articles_own_outlet():
    from provenance.extract import extract_claims
    from provenance.records import Article
    t = 'The envoy told this newspaper on Monday that "the bridge will reopen in May".'
    (c,) = extract_claims(Article(path="t.txt", text=t, sha256="x", outlet="The Valley Review"))
    assert c.via == ("The Valley Review",) and c.speaker_name == "the envoy"
    # no outlet known for the article: no relay invented
    (c,) = extract_claims(Article(path="t.txt", text=t, sha256="x"))
    assert c.via == ()
    # another outlet named: that one
    t = 'The envoy told The Harbour Times on Monday that "the bridge will reopen in May".'
    (c,) = extract_claims(Article(path="t.txt", text=t, sha256="x", outlet="The Valley Review"))
    assert c.via == ("The Harbour Times",)
