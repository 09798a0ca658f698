from hypothesis import given, settings, strategies as st

from provenance.records import Article, CLAIM_KINDS
from provenance.extract import extract_claims


def claims(text):
    return extract_claims(Article(path="t.txt", text=text, sha256="x"))


def by_ev(text, ev):
    return [c for c in claims(text) if ev in text[c.start:c.end]]


def test_direct_quote_after_and_before_cue():
    t = "“We will rebuild the school,” Mayor Ilse Marnik said.\nMarnik wrote: “Nothing is decided.”"
    a, b = claims(t)
    assert (a.kind, a.speaker_name, a.quote) == ("direct", "Ilse Marnik", "We will rebuild the school,")
    assert (b.kind, b.cue) == ("direct", "wrote")


def test_inverted_cue_and_interrupted_quote_one_claim():
    t = "“The bridge is safe,” said engineer Tomas Ruel. “We checked it twice.”"
    cs = claims(t)
    assert len(cs) == 1 and cs[0].speaker_name == "Tomas Ruel"
    assert t[cs[0].start:cs[0].end] == t


def test_mixed_and_indirect():
    t = "Tomas Ruel said the bridge was “perfectly safe” after tests. Ruel insisted that no cracks were found."
    a, b = claims(t)
    assert a.kind == "mixed" and b.kind == "indirect" and b.cue == "insisted"


def test_according_to_and_agentless_criticism():
    (c,) = claims("According to Tomas Ruel, the tunnel will open in May.")
    assert (c.cue, c.speaker_name, c.kind) == ("according to", "Tomas Ruel", "indirect")
    cs = claims("The levy has been criticized for hurting farmers.")
    assert cs and cs[0].speaker_type == "anonymous" and cs[0].rule == "reported.agentless"


def test_two_statements_and_two_sources():
    t = "Ilse Marnik warned that fares would rise, adding that routes would be cut."
    cs = claims(t)
    assert len(cs) == 2 and all(c.speaker_name == "Ilse Marnik" for c in cs)
    assert cs[0].end <= cs[1].start
    t = "Ilse Marnik said the depot would close, two union officials confirmed to AFP."
    cs = claims(t)
    assert {c.speaker_type for c in cs} == {"person", "anonymous"}
    assert ("AFP",) in [c.via for c in cs]


def test_joint_statement_gives_one_claim_per_person():
    t = "Prime Minister Anna Lund and Chancellor Piet Mohr said the border would stay open."
    assert sorted(c.speaker_name for c in claims(t)) == ["Anna Lund", "Piet Mohr"]


def test_relay_nearest_first():
    (c,) = claims("The Kremlin on Monday urged Kyiv to talk, AFP reported.")
    assert c.speaker_name == "Kremlin" and c.via == ("AFP",)


def test_document_claims_and_continuation():
    t = ("Under the proposal, tariffs would fall by half. Quotas would also be lifted.\n"
         "Such a step would be a big win for exporters.")
    cs = claims(t)
    assert [c.kind for c in cs] == ["document", "document"]
    assert "Such a step" not in "".join(t[c.start:c.end] for c in cs)


def test_bullets_under_document_intro():
    t = "The draft lists these points, according to the text seen by Reuters:\n• Tariffs fall by half.\n• Quotas end in 2027."
    cs = claims(t)
    assert [t[c.start:c.end] for c in cs] == ["Tariffs fall by half.", "Quotas end in 2027."]
    assert all(c.kind == "document" and c.via == ("Reuters",) for c in cs)


def test_floating_quote_inherits_and_orphan_quote_unresolved():
    t = "“The lake is drying,” Ilse Marnik said.\n“We need rain this spring.”"
    a, b = claims(t)
    assert b.rule == "direct.floating" and b.speaker_name == "Ilse Marnik"
    (c,) = claims("The weather was mild.\n“Nobody will remember this winter at all.”")
    assert c.speaker_name is None and c.unresolved == "quote with no speaker in reach"


def test_unbalanced_quote_does_not_crash():
    cs = claims("Ruel said the plan was “doomed and walked out.")
    assert len(cs) == 1 and cs[0].speaker_name == "Ruel"


def test_headline_and_furniture():
    t = ("Mayor Rejects Budget Cuts\nVoters Line Up at Dawn\n"
         "A woman walks past a school in Lviv on May 2. – Anna Ruel/Reuters\nContinues after advertising")
    cs = claims(t)
    assert [t[c.start:c.end] for c in cs] == ["Mayor Rejects Budget Cuts"]


def test_perception_verbs_are_not_claims():
    assert claims("Moscow, which views the bloc as a threat, sent envoys.") == []
    assert claims("The minister is expected to discuss the budget.") == []


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab Zx.,;:“”\"‘’'\n•-*said toldAccording Peskov plan would") ), max_size=300))
def test_arbitrary_text_never_raises_and_offsets_hold(text):
    for c in claims(text):
        assert 0 <= c.start < c.end <= len(text)
        assert text[c.start:c.end].strip() == text[c.start:c.end]
        assert c.kind in CLAIM_KINDS


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=400))
def test_any_unicode_never_raises(text):
    for c in claims(text):
        assert 0 <= c.start < c.end <= len(text)
