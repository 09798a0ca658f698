"""A speaker mention reduced to its noun phrase before it is resolved.

Words that an extraction pass may leave around a speaker are no part of its
name: a trailing time adjunct ('the ministry on Thursday', 'prosecutors in
April'), a trailing adverb ('Holm reportedly'), and a verb with what follows
it after a name ('Varga gave new' -> 'Varga', 'Nordwatch warned').  The
words of time and speech come from rules/lexicon.json.
"""
from __future__ import annotations

from provenance.attribute.lexicon import lexicon

_TIME_PREPS = {"on", "in", "at", "during", "last", "this", "early", "late", "late-night", "overnight", "by"}


def _verb(word: str, lex) -> bool:
    low = word.lower()
    return (low in lex.form_lemma or low in lex.past_irregular
            or (low.endswith("ed") and len(low) > 4 and low not in lex.not_verbs_ed))


def _headish(word: str, lex) -> bool:
    low = word.lower()
    return word[:1].isupper() or low in lex.role_words or low in lex.organization_heads or low in lex.anonymous_heads


def tidy(mention: str) -> str:
    lex = lexicon()
    words = mention.split()
    # 'the ministry on Thursday', 'officials late on Friday'
    for k in range(1, len(words)):
        if words[k].lower() in _TIME_PREPS and all(w.lower().strip(".,") in lex.time_words or w[:1].isdigit()
                                                    or w.lower() in _TIME_PREPS for w in words[k + 1:]) \
                and any(w.lower().strip(".,") in lex.time_words for w in words[k + 1:]):
            words = words[:k]
            break
    # 'Holm reportedly', 'experts generally'
    while len(words) > 1 and words[-1].islower() and words[-1].endswith("ly") and len(words[-1]) > 5 \
            and _headish(words[-2], lex) and not _headish(words[-1], lex):
        words.pop()
    # 'Varga gave new': a name, then a verb
    k = 0
    while k < len(words) and words[k][:1].isupper():
        k += 1
    if 0 < k < len(words) and words[k][:1].islower() and _verb(words[k], lex) \
            and not words[k - 1].endswith(("'s", "’s")):  # "Nordland's armed forces": a modifier
        words = words[:k]
    return " ".join(words) if words else mention
