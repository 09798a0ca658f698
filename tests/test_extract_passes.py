"""Each attribution pass on its own (sentences of our own writing)."""
from provenance.extract import PASSES, annotate, blocks, clauses, cues, documents, intros, relays, speech
from provenance.extract.assemble import assemble
from provenance.extract.model import build, trim
from provenance.records import Article


def doc_after(text, last):
    """The document model after the passes up to and including `last`."""
    doc = build(Article(path="t.txt", text=text, sha256="x"))
    for name, run in PASSES:
        run(doc)
        if name == last:
            return doc
    raise AssertionError(last)


def sent(doc, si):
    s = doc.sentences[si]
    return doc.text[s.start:s.end]


def test_passes_are_listed_once_in_order():
    names = [n for n, _ in PASSES]
    assert names == ["blocks", "cues", "intros", "speech", "clauses", "documents", "relays"]
    assert [r for _, r in PASSES] == [blocks.run, cues.run, intros.run, speech.run, clauses.run, documents.run, relays.run]


def test_blocks_skips_repeated_heading():
    t = "Harbour tolls rise\nHarbour tolls rise\nThe port authority said tolls would rise in June."
    doc = doc_after(t, "blocks")
    assert [doc.block_text(b) for b in doc.blocks] == ["Harbour tolls rise", t.splitlines()[2]]


def test_cues_marks_only_sentences_with_a_cue_word():
    t = "The ferry left at noon. The captain said the sea was calm. Gulls followed it."
    doc = doc_after(t, "cues")
    assert [sent(doc, si) for si in sorted(doc.cued)] == ["The captain said the sea was calm."]
    assert cues.has(doc.cue_pos, 0, len(t)) and not cues.has(doc.cue_pos, 0, 20)


def test_intros_intro_in_force_over_its_bullets_only():
    t = "The draft charter sets out three points:\n- run buses at night\n- open a library\nThe council met on Monday.\n- a stray item"
    doc = doc_after(t, "intros")
    (intro,) = doc.intros.values()
    assert (intro.block, intro.kind) == (0, "document")
    assert sorted(doc.intro_for) == [1, 2]  # not the item after the plain paragraph


def test_intros_colon_speaker_for_a_quotation_paragraph():
    t = "Inspector Brann set out the findings at length:\n“The valves were never tested, and the logs were invented.”"
    doc = doc_after(t, "intros")
    assert doc.colon_mention[0].text == "Inspector Brann"
    (c,) = assemble(annotate(Article(path="t.txt", text=t, sha256="x")))
    assert c.rule == "direct.colon" and c.mention.text == "Inspector Brann"


def test_speech_drops_the_question_of_an_asked_clause():
    t = "Asked whether the plant would close, the manager said no decision had been taken."
    doc = doc_after(t, "speech")
    (f,) = doc.frames[0]
    assert f.cue == "said"


def test_clauses_split_two_speakers_in_one_sentence():
    t = "Nadia Ferro warned that fares would rise, adding that two routes would be cut."
    doc = doc_after(t, "clauses")
    spans = [t[c.att.start:c.att.end] for c in doc.clauses[0]]
    assert spans == ["Nadia Ferro warned that fares would rise", "adding that two routes would be cut."]


def test_documents_opens_a_passage_without_cue_words():
    t = "The leaked memo calls for a hiring freeze.\nStaff would lose their bonuses.\nResults\nThe town held a fair."
    doc = doc_after(t, "documents")
    read = [sent(doc, si) for si in doc.attended]
    assert "Staff would lose their bonuses." in read  # no cue word, but inside the memo's passage
    assert "The town held a fair." not in read  # a heading ends the passage
    (extra,) = doc.extras[1]
    assert extra.att.kind == "document" and extra.att.rule == "document.continuation"


def test_relays_back_reference_to_the_last_reporting_outlet():
    t = "Reuters reported that the mine would close. The mayor said the town would survive, per the report."
    doc = doc_after(t, "relays")
    assert [r.outlet for r in doc.relays[0]] == ["Reuters"]
    assert [(r.outlet, r.mode) for r in doc.relays[1]] == [("Reuters", "ref")]
    assert doc.block_refs[0] == ["Reuters"]


def test_assemble_binds_told_relay_to_its_own_cue():
    t = "The mayor told Reuters the mine would stay open."
    (a,) = assemble(annotate(Article(path="t.txt", text=t, sha256="x")))
    assert a.via == ("Reuters",)


def test_trim_drops_edge_punctuation_and_conjunctions():
    t = "and the river rose, and"
    assert t[slice(*trim(t, 0, len(t)))] == "the river rose"
