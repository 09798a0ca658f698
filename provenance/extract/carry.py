"""Relays carried over a relayed passage.

"X said A, AFP reported. He also said B": B reached the article through AFP
too.  A claim with no relay of its own takes the relays of the last relayed
claim when its speaker is the same source taken up again: a pronoun ("he",
"according to him"), a definite description ("the ministry"), or the same
words.  It carries within the paragraph, and into the next paragraph for a
pronoun opening it.  A claim by another named source ends the passage.
A document works the same way: "A draft seen by AP says A. It does not say
B" — B too is read in the copy AP saw.
"""
from __future__ import annotations

from provenance.attribute.frames import Attribution
from provenance.attribute.lexicon import lexicon

from .model import Doc, with_via


def _same_source(a: Attribution, last: Attribution, pronoun: bool) -> bool:
    if pronoun:
        return True
    m, n = a.mention.text.lower().split(), last.mention.text.lower().split() if last.mention is not None else []
    if m == n:
        return True
    lex = lexicon()
    # "the ministry" after "Russia's Defence Ministry said": a definite description whose head the last source shares
    return (len(m) == 2 and m[0] == "the" and bool(n) and n[-1] == m[1]
            and (m[1] in lex.organization_heads or m[1] in lex.role_words))


def carry_relays(doc: Doc, atts: list[Attribution]) -> list[Attribution]:
    pronouns = lexicon().pronouns
    out: list[Attribution] = []
    last: Attribution | None = None
    last_para = -1
    for a in atts:
        para = doc.sentences[a.sentence].paragraph
        if a.via or a.mention is None:
            if a.via and a.mention is not None:
                last, last_para = a, para
            out.append(a)
            continue
        pronoun = a.mention.text.lower() in pronouns
        near = last is not None and (para == last_para or pronoun and para == last_para + 1
                                     and not any(doc.sentences[x.sentence].paragraph == para for x in out))
        if near and _same_source(a, last, pronoun):
            a = with_via(a, last.via)
            last_para = para
        elif not pronoun:
            last = None
        out.append(a)
    return out
