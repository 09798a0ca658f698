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
