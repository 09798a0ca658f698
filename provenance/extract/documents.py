"""Pass `documents`: claims of documents and list items, and the passages they open.

A sentence with no person's cue may still be a document's claim ("The
memo calls for ...", "Under the draft, ..."; provenance.attribute.document).
Once a paragraph holds a document claim, the passage that follows (the
rest of that paragraph and the next two) is read even where a sentence has
no cue word: it goes on setting out the document.  Under a list intro, an
item with no speaker of its own is a claim of the intro's source.  This pass
also fixes which sentences are read at all (`Doc.attended`).
"""
from __future__ import annotations

from provenance.attribute import direct, document, noun_claims, relay, speaker_np, study_findings
from provenance.attribute.frames import Attribution

from .model import MAX_SENTENCE, Doc, Extra, Intro, trim

PASSAGE = 2  # paragraphs after a document claim that still set out the document


def _documentish(x: Attribution, doc_word) -> bool:
    if x.rule == "document.finding":
        return False  # a poll's or study's finding opens no passage of a document's terms
    words = x.mention.text.split() if x.mention is not None else []
    return x.kind == "document" or bool(words and doc_word.search(words[-1]))


def _outlet_speaking(x: Attribution) -> bool:
    """An outlet as the only source of a clause ('according to AP', '..., the Times wrote')."""
    m = x.mention
    return m is not None and (relay.outlet_phrase(m.text) is not None or relay.described_outlet(m.text) is not None)


def _list_item(doc: Doc, si: int, intro: Intro) -> Attribution:
    s = doc.sentences[si]
    a, b = trim(doc.text, s.start, s.end)
    qs = doc.qindex.within(a, b)
    quote = direct.quote_text(doc.text, qs)
    if intro.kind == "person":
        return Attribution(a, b, "mixed" if qs else "indirect", "list", "reported.list_item", intro.mention, si,
                           quote, cue_start=a)
    return Attribution(a, b, "document", "list", "document.list_item", None, si, quote,
                       speaker_type="document", cue_start=a)


def run(doc: Doc) -> None:
    doc_word = document.patterns().doc_word
    text, masked = doc.text, doc.masked
    passage_gap = 99  # paragraphs since the last document claim
    for block in doc.blocks:
        heading = block.kind == "heading"
        if heading:
            passage_gap = 99
        intro = doc.intro_for.get(block.index)
        para_has_doc = False
        for si in doc.by_block.get(block.index, []):
            s = doc.sentences[si]
            in_passage = passage_gap <= PASSAGE or para_has_doc
            if s.end - s.start > MAX_SENTENCE or not (si in doc.cued or in_passage):
                continue
            toks = doc.sentence_tokens(si)
            if not toks:
                continue
            doc.attended.append(si)
            new = [c.att for c in doc.clauses.get(si, ())]
            extras: list[Extra] = []
            outlets: list[Attribution] = []
            if not heading and intro is None and all(x.rule == "reported.agentless" or _outlet_speaking(x) for x in new):
                outlets = [x for x in new if x.rule != "reported.agentless"]
                dc = document.document_claim(text, masked, toks, s.start, s.end, in_passage)
                found = None if dc is not None else study_findings.finding_claim(text, masked, toks, s.start, s.end)
                dc = dc or found
                if dc is not None:
                    men, rule, cue = dc
                    men = speaker_np.trim_openers(men, toks, text)  # "Though his plan would ..."
                    a, b = trim(text, s.start, s.end)
                    if new and men is not None:
                        a = max(a, men.start)
                    quote = direct.quote_text(text, doc.qindex.within(a, b))
                    extras.append(Extra(Attribution(a, b, "document", cue, rule, men, si, quote,
                                                    speaker=study_findings.source_name(men) if found else None,
                                                    speaker_type="document", cue_start=a)))
                    if outlets:  # "According to AP, the draft would require ...": AP relays the draft's claim
                        doc.clauses[si] = [c for c in doc.clauses[si] if c.att not in outlets]
                        new = [x for x in new if x not in outlets]
            if not extras and not heading and intro is None and all(x.rule == "reported.agentless" for x in new):
                nc = noun_claims.claim(text, masked, s.start, s.end, si, doc.qindex)  # "his claim that ..."
                if nc is not None:
                    extras.append(Extra(nc))
            if intro is not None and block.kind == "bullet" and all(
                    x.mention is not None and doc_word.search(x.mention.text or "") for x in new):
                extras.append(Extra(_list_item(doc, si, intro), intro.block))
            if extras:
                doc.extras[si] = extras
            if any(_documentish(x, doc_word) for x in new) or any(_documentish(e.att, doc_word) for e in extras):
                para_has_doc = True
        here = doc.intros.get(block.index)
        if here is not None and here.kind == "document":
            para_has_doc = True
        passage_gap = 0 if para_has_doc else passage_gap + (0 if heading else 1)
