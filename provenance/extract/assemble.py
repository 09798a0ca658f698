"""The assembler: annotations -> attributions, paragraph by paragraph.

Each read sentence gives its cue clauses (with the relays bound to them:
"told Reuters" to its own cue, the sentence's other relays to all; an outlet
that is itself the speaker, "broadcaster X reported that", is no relay) and then
its document claim or list item.  The sentence of a list intro gives no
claim itself; its relays go to its items, or else to the claims of the next
paragraph that has none.  A paragraph that is only a quotation is a claim
of the speaker named before a colon just above it, of the speaker of the
quotation just before it, or of nobody (recorded as unresolved).
"""
from __future__ import annotations

import re
from dataclasses import replace

from provenance.attribute import direct, document, relay
from provenance.attribute.frames import Attribution, Mention
from provenance.attribute.lexicon import lexicon

from . import dash_credit, headline_colon, transcript
from .carry import carry_relays
from .model import Doc, with_via


def _dedupe(*parts) -> tuple[str, ...]:
    return tuple(dict.fromkeys(x for p in parts for x in p))


def _sentence(doc: Doc, si: int) -> list[Attribution]:
    rels = doc.relays.get(si, ())
    clauses = doc.clauses.get(si, ())
    # an outlet that is itself a speaker of the sentence ("CNN reported A; X retorted B") relays no other clause
    speaking = [(m.start, m.end) for m in (c.att.mention for c in clauses) if m is not None]
    sent_rels = [r for r in rels if r.mode != "told"]
    out = []
    for c in clauses:
        mine = c.att.mention
        sent_via = relay.vias([r for r in sent_rels if not any(a <= r.start < b for a, b in speaking)
                               or mine is not None and mine.start <= r.start < mine.end])
        told = [r.outlet for r in rels if r.mode == "told" and c.cue_start <= r.start <= c.cue_end + 60]
        att = with_via(c.att, _dedupe(told, sent_via))
        men = att.mention
        own = [r.outlet for r in rels if men is not None and men.start <= r.start < men.end]
        if own and att.speaker is None:
            cited = _citing(doc, c.cue_end)
            if cited is not None:  # "The Daily Post reported, citing officials, that ...": the officials, via the Post
                att = replace(att, mention=cited, via=_dedupe(own, att.via))
            else:  # "Ukrainian broadcaster Suspilne reported that ...": the outlet's own finding
                att = replace(att, via=tuple(v for v in att.via if v not in own), speaker=own[0], speaker_type="outlet")
        out.append(att)
    sent_via = relay.vias(sent_rels)
    for e in doc.extras.get(si, ()):
        via = (doc.intro_via.get(e.intro, ()) if e.intro is not None else ()) or sent_via
        out.append(with_via(e.att, via))
    return out


_CITING = re.compile(r"\s*,?\s*citing\s+(?P<np>[^,;:“\"]{2,80}?)\s*(?=,|\s+that\b|\s+as\s+saying\b)")


def _citing(doc: Doc, cue_end: int) -> Mention | None:
    """The source an outlet cites right after its cue ('reported, citing two officials,')."""
    m = _CITING.match(doc.masked, cue_end)
    return Mention(doc.text[m.start("np"):m.end("np")], m.start("np"), m.end("np")) if m else None


def assemble(doc: Doc) -> list[Attribution]:
    atts: list[Attribution] = []
    attended = set(doc.attended)
    pending_via: tuple[str, ...] = ()
    for block in doc.blocks:
        ids = doc.by_block.get(block.index, [])
        para = [a for si in ids if si in attended for a in _sentence(doc, si)]
        intro = doc.intros.get(block.index)
        if intro is not None:
            s = doc.sentences[intro.sentence]
            para = [x for x in para if not (x.start >= s.start and x.end <= s.end)]
            pending_via = doc.intro_via.get(block.index, ())
        elif block.kind != "bullet" and pending_via and para:
            para = [x if x.via else with_via(x, pending_via) for x in para]
            pending_via = ()
        refs = doc.block_refs.get(block.index)
        if refs:
            para = [with_via(x, _dedupe(x.via, refs)) for x in para]
        if not para and ids and block.kind != "bullet":
            para.extend(x for x in [dash_credit.claim(doc, block, ids[0]) or transcript.claim(doc, block, ids[0])]
                        if x is not None)
        if not para and ids and block is doc.blocks[0] and (block.kind == "heading" or doc.title_line(block)):
            para.extend(x for x in [headline_colon.claim(doc, block, ids[0])] if x is not None)  # the title
        if not para and block.kind == "text" and ids and not direct.quote_only(doc.masked, block.start, block.end):
            para.extend(x for x in [_block_quote(doc, block, ids[0])] if x is not None)
        if not para and block.kind == "text" and ids and direct.quote_only(doc.masked, block.start, block.end):
            fl = _floating(doc, block, ids[0], atts, doc.colon_mention.get(block.index - 1))
            if fl is not None:
                para.append(fl)
        atts.extend(para)
    if doc.document_relays:
        dv = _dedupe(doc.document_relays)
        dw = document.patterns().doc_word
        atts = [with_via(a, dv) if (a.kind == "document" or a.mention is not None and dw.search(a.mention.text))
                and not a.via else a for a in atts]
    return carry_relays(doc, atts)


def _block_quote(doc: Doc, block, si: int) -> Attribution | None:
    """'The governor added:' + a paragraph with no quotation marks: the paragraph is his (a block quote)."""
    intro = doc.intros.get(block.index - 1)
    if intro is None or doc.qindex.within(block.start, block.end):
        return None
    men = intro.mention if intro.kind == "person" else None
    if men is None and not intro.kind:
        toks = doc.sentence_tokens(intro.sentence)
        if len(toks) >= 3 and toks[-1].text == ":" and toks[-2].low in lexicon().form_lemma:
            men = doc.colon_mention.get(block.index - 1)  # "The governor added:"
    if men is None:
        return None
    return Attribution(block.start, block.end, "indirect", ":", "reported.block_quote", men, si, None,
                       cue_start=block.start)


def _floating(doc: Doc, block, si: int, atts: list[Attribution], intro: Mention | None) -> Attribution | None:
    qs = doc.qindex.within(block.start, block.end)
    if sum(len(doc.text[q.inner_start:q.inner_end].split()) for q in qs) < 4:
        return None
    quote = direct.quote_text(doc.text, qs)
    if intro is not None:  # the speaker named before a colon introduces the quotation
        return Attribution(block.start, block.end, "direct", "colon", "direct.colon", intro, si, quote,
                           cue_start=block.start)
    prev = atts[-1] if atts else None
    if prev is not None and prev.kind in ("direct", "mixed") and prev.end >= doc.paragraphs[max(0, block.index - 2)].start:
        return Attribution(block.start, block.end, "direct", prev.cue, "direct.floating", prev.mention, si, quote,
                           prev.via, prev.speaker, prev.speaker_type, prev.role, prev.unresolved, block.start)
    return Attribution(block.start, block.end, "direct", "", "direct.floating", None, si, quote,
                       unresolved="quote with no speaker in reach", cue_start=block.start)
