"""A source that an outlet saw or quoted, named after "according to".

"..., according to a copy seen by the Herald", "..., according to the draft
consulted by AFP" and "..., according to a senior official quoted by Tass"
credit the content to the document or the person: the source is the phrase
before the relay participle ("a copy", "the draft", "a senior official";
participles: verbs.json relay_participles), and the outlet after "by" only
passed it on (provenance.attribute.relay finds it as a relay).  A phrase
whose head is neither a document noun nor a person or unnamed source
("figures released by the ministry") is left whole.
"""
from __future__ import annotations

from provenance.attribute.frames import Tok
from provenance.attribute.lexicon import lexicon


def source_part(toks: list[Tok], rng: tuple[int, int]) -> tuple[int, int] | None:
    """Token range of the source phrase that opens rng when rng is '<source> <participle> by <relay>'
    (the participle within rng or right after it), else None."""
    lex = lexicon()
    i, j = rng
    k = next((n for n in range(i + 1, min(j + 2, len(toks) - 1))
              if toks[n].low in lex.relay_participles and toks[n + 1].low == "by"), -1)
    if k < 0:
        return None
    words = [t.low for t in toks[i:k]]
    cut = next((n for n, w in enumerate(words) if n and w in lex.postmodifiers), len(words))
    head = words[cut - 1] if cut else ""
    if head in lex.document_heads or head in lex.anonymous_heads or head in lex.role_words:
        return (i, k - 1)
    return None
