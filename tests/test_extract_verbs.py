"""Cue verbs: inflections generated from rules/verbs.json, and nouns that look like cue verbs."""
from provenance.attribute.lexicon import british_forms, inflect, lexicon
from provenance.extract import extract_claims
from provenance.records import Article


def claims(text):
    return extract_claims(Article(path="t.txt", text=text, sha256="x"))


def test_inflections_double_keep_ee_and_follow_irregulars():
    assert inflect("admit", {"admit"}) == ["admit", "admits", "admitted", "admitting"]
    assert inflect("dub") == ["dub", "dubs", "dubbed", "dubbing"]
    assert inflect("edit") == ["edit", "edits", "edited", "editing"]  # two syllables, stress first: no doubling
    assert inflect("guarantee")[2:] == ["guaranteed", "guaranteeing"]
    assert british_forms("signal") == ["signalled", "signalling"] and british_forms("call") == []
    lex = lexicon()
    for wrong in ("admited", "foreseed", "gived", "keeped", "setted out", "concured", "commited"):
        assert wrong not in lex.form_lemma and wrong not in lex.doc_verb_forms
    assert lex.form_lemma["admitted"] == "admit" and lex.form_kind["signalled"] == "past"
    assert "foresaw" in lex.doc_verb_forms


def test_british_and_doubled_forms_are_cues():
    (c,) = claims("The harbour master signalled that the quay would reopen on Friday.")
    assert c.cue == "signalled" and c.speaker_mention == "The harbour master"
    (c,) = claims("Councillor Ada Brink admitted that the budget was short by a third.")
    assert c.cue == "admitted" and c.speaker_name == "Ada Brink"


def cues_of(text):
    return [(c.speaker_mention, c.cue) for c in claims(text)]


def test_nouns_that_look_like_cue_verbs_make_no_claim():
    for t in ("The farm vote in several border states could decide the race.",
              "The former secretary of state toured the harbour on Monday.",
              "The ministers took questions from farmers invited to the hall.",
              "Following early reports of a fire, the road was closed.",
              "Mayor Ilse Varga gave new details about the tunnel works.",
              "Mr. Holm studied reports like the 2019 river survey.",
              "Federal and state"):
        assert cues_of(t) == [], t


def test_the_same_forms_as_verbs_still_cue():
    assert cues_of("The charter states that members must pay dues.") == [("The charter", "states")]
    assert cues_of("Senator Ada Roth questions whether the levy is lawful.") == [("Senator Ada Roth", "questions")]
    assert cues_of("Donald Trump is warning voters that fares will rise.")[0][1] == "warning"
    assert cues_of("The levy is unlawful, the union claims.") == [("the union", "claims")]
    assert cues_of("The inspector reports the mine will close.")[0][1] == "reports"
    assert cues_of("Asked about the strike, she comments on the talks.")[0][1] == "comments"


def test_third_person_form_before_an_infinitive():
    assert cues_of("Harbour union vows to extend strike") == [("Harbour union", "vows")]
    assert cues_of("Renewed calls to resign grew louder.") == []
