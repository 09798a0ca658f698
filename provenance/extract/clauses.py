"""Pass `clauses`: the span and kind of the claim each cue frame makes.

Content after the cue ("X said that A") runs to the next frame's clause;
content before it ("A, X said") is the sentence up to a following relative
frame; a relative frame ("X, who warned that A, said B") ends at the comma
before the main verb.  A span touching a quotation grows to the whole
quotation (over following sentences of a quote that runs on).
"""
from __future__ import annotations

import re

from provenance.attribute import direct, frame_select, relative
from provenance.attribute.frames import Attribution, skip_adverbial
from provenance.attribute.lexicon import lexicon

from .model import Clause, Doc, trim


_WITH = re.compile(r"\bwith\s+$")


def _bounds(doc: Doc, toks, frames, f, s, fwd, rel, lead_end) -> tuple[int, int]:
    masked = doc.masked
    if f.content == "before":
        a, b = s.start, s.end
        nxt_rel = [g for g in rel if g.cue_start > f.cue_start]
        if nxt_rel:
            b = nxt_rel[0].subj_start  # "..., according to X, | which said ..."
        part = [g for g in frames if g.mode == "participle" and g.cue_start > f.cue_end]
        if part:
            b = min(b, part[0].cue_start)  # '"...," the mayor said, | adding that ...': the participle's own claim
        return a, b
    k = fwd.index(f)
    a = s.start if k == 0 else frame_select.clause_start(masked, f, fwd[k - 1].cue_end)
    if k == 0 and f.mode == "participle":  # '"...," Ruiz said, | suggesting ...': after the trailing attribution
        done = [g for g in frames if g.content == "before" and g.cue_end <= f.cue_start]
        if done:
            a = frame_select.clause_start(masked, f, done[-1].cue_end)
    b = s.end
    later = [g for g in frames if g.cue_start > f.cue_start and g is not f]
    if later:
        g = later[0]
        b = frame_select.clause_start(masked, g, f.cue_end) if g.content == "after" else (
            g.mention.start if g.mention is not None and g.mode != "after" else g.cue_start)
    if f.mode == "relative":  # "X, who warned that A, | said B": closed by the comma before the main verb
        a, b = f.subj_start, relative.clause_end(masked, toks, f, later, b, lead_end)
    elif f.mention is not None and _WITH.search(masked, max(a, f.mention.start - 6), f.mention.start):
        a = f.mention.start  # "The pass closed, with | analysts saying ...": the narration before is no part of it
    return a, b


def sentence_clauses(doc: Doc, si: int, block_end: int) -> list[Clause]:
    frames = doc.frames.get(si) or []
    if not frames:
        return []
    text, masked, qindex = doc.text, doc.masked, doc.qindex
    s = doc.sentences[si]
    toks = doc.sentence_tokens(si)
    fwd = [f for f in frames if f.content == "after"]
    lead_end = toks[skip_adverbial(toks)].start if toks else s.start
    rel = [f for f in frames if f.mode == "relative"]
    out: list[Clause] = []
    for f in frames:
        a, b = trim(text, *_bounds(doc, toks, frames, f, s, fwd, rel, lead_end))
        if b <= a:
            continue
        if f.content == "before" or any(q.start < b and q.end > a for q in qindex.within(a, b)):
            a2, b2 = direct.extend_to_quotes(text, masked, a, b, doc.sentences, si, qindex, block_end)
            if f.content == "before" or len(frames) == 1:
                a, b = a2, b2
        qs = [q for q in qindex.within(a, b) if q.end <= b + 1]
        fa, fb = frame_select.frame_bounds(masked, f, b)
        kind = direct.claim_kind(text, masked, a, b, fa, fb, max(a, lead_end), qs)
        if f.mode == "agentless" and f.mention is None:
            att = Attribution(a, b, "indirect", f.cue, "reported.agentless", None, si, None, (),
                              speaker=lexicon().agentless_speaker, speaker_type="anonymous", cue_start=f.cue_start)
        else:
            rule = ("direct" if kind == "direct" else "reported") + "." + f.mode
            att = Attribution(a, b, kind, f.cue, rule, f.mention, si, direct.quote_text(text, qs), (),
                              cue_start=f.cue_start)
        out.append(Clause(att, f.cue_start, f.cue_end))
    return out


def run(doc: Doc) -> None:
    for block in doc.blocks:
        for si in doc.by_block.get(block.index, []):
            if si in doc.frames:
                clauses = sentence_clauses(doc, si, block.end)
                if clauses:
                    doc.clauses[si] = clauses
