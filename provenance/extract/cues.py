"""Pass `cues`: where may an attribution or an outlet be?

One look-up per token (no regex alternation): a token whose lower-case form
(or a part of a hyphenated/possessive token: "ex-minister", "AFP's") may open
an attribution (speech verbs, document nouns, 'according', rules/verbs.json
and rules/lexicon.json) or begin an outlet name (rules/outlets.json).  A
sentence with no cue word is narration unless its paragraph is a heading, a
list item, part of a quoted document's passage, or the introduction of a list.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from provenance.attribute import colon_quote, findings, relay
from provenance.attribute.lexicon import lexicon

from .model import MAX_SENTENCE, Doc

_WORD = re.compile(r"[^\W\d_]+")
_CUE_WORDS: frozenset[str] | None = None


def cue_words() -> frozenset[str]:
    """Lower-case words that may open an attribution (speech verbs, document nouns, 'according', artifacts...)."""
    global _CUE_WORDS
    if _CUE_WORDS is None:
        lex = lexicon()
        words = {f.split()[0] for f in lex.form_lemma} | set(lex.document_heads)
        words |= lex.candidate_words
        words |= findings.words().cue_words  # polls, surveys, footage; estimate verbs
        words |= {w + "s" for w in lex.document_heads}
        _CUE_WORDS = frozenset(words)
    return _CUE_WORDS


_OUTLET_WORDS: frozenset[str] | None = None


def outlet_words_() -> frozenset[str]:
    """Lower-case words that may belong to an outlet's name: first words of listed outlets, descriptors
    ('agency', 'broadcaster'), relay participles, last words of publications ('Times', 'Gazette')."""
    global _OUTLET_WORDS
    if _OUTLET_WORDS is None:
        o = relay.outlets()
        _OUTLET_WORDS = o.first_words | o.triggers | {w.lower() for w in lexicon().publication_words}
    return _OUTLET_WORDS


def run(doc: Doc) -> None:
    cues, outlet_words = cue_words(), outlet_words_()
    cue_pos, outlet_pos = doc.cue_pos, doc.outlet_pos
    for t in doc.toks:
        w = t.low
        if w in cues:
            cue_pos.append(t.start)
        if w in outlet_words:
            outlet_pos.append(t.start)
        elif ("-" in w or "'" in w or "." in w) and len(w) > 2:
            parts = _WORD.findall(w)
            if any(x in cues for x in parts):
                cue_pos.append(t.start)
            if any(x in outlet_words for x in parts):
                outlet_pos.append(t.start)
    sentences = doc.sentences
    for block in doc.blocks:
        ids = doc.by_block.get(block.index, [])
        colon = doc.block_text(block).endswith(":")
        for k, si in enumerate(ids):
            s = sentences[si]
            if s.end - s.start > MAX_SENTENCE:
                continue  # a run of text with no sentence end: attribution there is quadratic and meaningless
            if (block.kind in ("heading", "bullet") or has(cue_pos, s.start, s.end)
                    or colon and k == len(ids) - 1 or colon_quote.COLON_QUOTE.search(doc.masked, s.start, s.end)):
                doc.cued.add(si)


def has(positions: list[int], start: int, end: int) -> bool:
    """Is any of the sorted `positions` within [start, end)?"""
    return bisect_left(positions, start) < bisect_left(positions, end)
