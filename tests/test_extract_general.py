"""Constructions of unseen wire stories (our own sentences: strikes, courts, central banks,
sport, disasters), each pinned by speaker, type, kind, via and the span of its content."""
from provenance.extract import extract_claims
from provenance.records import Article


def claims(text):
    return extract_claims(Article(path="t.txt", text=text, sha256="x"))


def one(text, ev):
    cs = [c for c in claims(text) if ev in text[c.start:c.end]]
    assert len(cs) == 1, [(c.speaker_name, text[c.start:c.end]) for c in claims(text)]
    return cs[0]


def test_noun_phrase_subject_with_participial_modifier():
    t = ("LISBON, May 4 (Reuters) - The union representing Lisbon bus drivers said on Tuesday it would walk out next week "
         "unless the transport authority raised wages.")
    c = one(t, "walk out next week")
    assert c.kind == "indirect" and c.speaker_type == "organization"
    assert "union" in c.speaker_name.lower()


def test_organisation_subjects_any_head():
    t = "The port authority said the scheme would create more jobs than it removes."
    c = one(t, "create more jobs")
    assert (c.speaker_name, c.speaker_type, c.kind) == ("port authority", "organization", "indirect")
    for subj in ("The central bank", "The company", "The club", "Police", "The ministry"):
        c = one(f"{subj} said the figures were final.", "figures were final")
        assert c.speaker_type == "organization", subj


def test_reported_speech_beats_document_reading_of_its_complement():
    c = one("The regulator said the proposal would raise bills by a tenth.", "raise bills")
    assert c.kind == "indirect" and c.speaker_type == "organization"


def test_generic_document_named_as_the_article_calls_it():
    t = "Unions rejected the council's parking plan on Monday. Under the plan, fees would double."
    c = one(t, "fees would double")
    assert c.kind == "document" and c.speaker_type == "document"
    assert c.speaker_name == "council's parking plan"
    assert "peace" not in c.speaker_name


def test_name_particles_and_role_before_name():
    t = '"We will not let robots take our jobs without a fight," union leader Pieter van Dam told reporters.'
    c = one(t, "robots take our jobs")
    assert (c.speaker_name, c.role, c.kind) == ("Pieter van Dam", "union leader", "direct")
    for name in ("Abdullah bin Rashid", "Carlos de la Vega", "Ursula ter Horst", "Mary-Kate O'Neill", "J.K. Osei"):
        c = one(f"{name} said the mine would reopen.", "mine would reopen")
        assert c.speaker_name == name


def test_spokesperson_for_an_organisation():
    c = one("A spokesperson for the ministry said the talks would resume on Friday.", "talks would resume")
    assert c.speaker_type == "anonymous" and c.speaker_name == "a spokesperson for the ministry"


def test_said_in_a_statement_and_wrote_on_platform():
    c = one("The central bank said in a statement that inflation had peaked.", "inflation had peaked")
    assert c.speaker_name == "central bank" and c.kind == "indirect"
    c = one("Opposition leader Maria Santos wrote on X that the count had been rigged.", "rigged")
    assert (c.speaker_name, c.cue) == ("Maria Santos", "wrote")


def test_told_outlet_is_via():
    t = "Coach Jens Albrecht told AFP the squad was ready. Striker Leo Brandt told the BBC he would stay."
    a, b = claims(t)
    assert (a.speaker_name, a.via) == ("Jens Albrecht", ("AFP",))
    assert (b.speaker_name, b.via) == ("Leo Brandt", ("BBC",))


def test_according_to_a_statement_from_organisation():
    c = one("Bread prices will rise by 4 percent, according to a statement from the Finance Ministry.", "Bread")
    assert c.speaker_type == "organization" and "Finance Ministry" in c.speaker_name
    c = one("According to a spokesperson for the club, the goalkeeper is injured.", "goalkeeper")
    assert c.speaker_type == "anonymous" and c.speaker_name == "a spokesperson for the club"


def test_role_noun_resolves_to_the_named_holder_not_a_known_speaker():
    t = "Finance Minister Karin Holm presented the budget on Tuesday. The minister said spending would fall."
    c = one(t, "spending would fall")
    assert c.speaker_name == "Karin Holm" and c.speaker_type == "person"


def test_unnamed_role_keeps_its_description():
    c = one("The prosecutor argued that the defendant had lied.", "defendant had lied")
    assert c.speaker_name == "the prosecutor" and c.speaker_type == "anonymous"


def test_pronoun_after_named_person_and_honorific():
    t = "Karin Holm spoke in parliament. She added that taxes would not rise."
    assert one(t, "taxes").speaker_name == "Karin Holm"
    c = one("Mr. Hale conceded that the figures were wrong.", "figures were wrong")
    assert (c.speaker_name, c.speaker_type) == ("Hale", "person")


def test_single_curly_quotes_with_appositive_speaker_is_direct():
    t = "‘We are not going anywhere,’ the mayor, Sofia Marr, said."
    c = one(t, "not going anywhere")
    assert (c.speaker_name, c.kind) == ("Sofia Marr", "direct")


def test_relative_clause_does_not_steal_the_speaker():
    t = "Judge Amelia Crane, who presided over the fraud trial, said the evidence was overwhelming."
    c = one(t, "evidence was overwhelming")
    assert c.speaker_name == "Amelia Crane"


def test_said_adding_that_gives_two_claims():
    t = "Governor Paul Reyes said the roads would reopen, adding that the flood damage was severe."
    cs = claims(t)
    assert len(cs) == 2 and {c.speaker_name for c in cs} == {"Paul Reyes"}


def test_asked_whether_lead_in():
    t = "Asked whether rates would rise again, central bank governor Lena Frisk said the board would wait."
    c = one(t, "board would wait")
    assert c.speaker_name == "Lena Frisk"


def test_broad_speech_verbs_in_all_inflections():
    for verb in ("argued", "cautioned", "conceded", "acknowledged", "insisted", "tweeted", "posted"):
        c = one(f"Rescue chief Tomas Veld {verb} that the dam would hold.", "dam would hold")
        assert (c.speaker_name, c.cue) == ("Tomas Veld", verb)


def test_quote_then_said_name_title_of_org():
    t = "“The verdict is a disgrace,” said Tom Ellery, the chairman of Northbridge Rovers."
    c = one(t, "disgrace")
    assert (c.speaker_name, c.kind) == ("Tom Ellery", "direct")


def test_multi_paragraph_quote_reopening():
    t = ("“The court has failed the victims of this fire and their families,” said Anika Rao, a lawyer.\n"
         "“We will appeal this ruling in every court open to us.\n"
         "“And we will win,” she said.")
    cs = claims(t)
    assert cs and all(c.speaker_name == "Anika Rao" for c in cs)
    assert any("appeal this ruling" in t[c.start:c.end] or "appeal this ruling" in (c.quote or "") for c in cs)
