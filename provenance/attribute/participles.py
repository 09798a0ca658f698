"""Speech verbs in -ing that the comma rule of reported.py misses.

- a progressive with adverbs before the verb: 'is also urging voters to', 'is once again questioning';
- a participle right after a noun or a clause, its speaker the sentence's subject: 'unleashed a series of
  tweets saying that ...', 'sent a letter to the board urging them to reconsider', 'each touting their record
  and saying the other lacks judgment', 'such as A and B, now saying they think ...'.  It needs content of
  its own after it (a that-clause, a quotation or colon, a request, or a clause opening with a pronoun, a
  determiner or a name); after a preposition other than 'by', 'for', 'after' ... it is no speech ('without
  saying', 'of saying').

And a relative 'who' with no comma before it: 'listeners to her program who said ...' -> the listeners.
"""
from __future__ import annotations

from functools import lru_cache

from provenance.attribute.frames import BE, Tok, np_ending_at
from provenance.attribute.lexicon import _load, lexicon

_BE = BE | {"'s", "’s", "'re", "’re"}  # and the contracted forms


def _adverb(t: Tok) -> bool:
    lex = lexicon()
    if t.low in _BE or t.low in lex.auxiliaries:
        return False
    return not t.cap and (t.low in lex.skip_words or t.low.endswith("ly") and t.low not in lex.ly_nouns) \
        or t.low in ("again", "once", "still", "now", "also", "even")


def progressive(toks: list[Tok], vi: int) -> bool:
    """Is toks[vi] an -ing form after a form of 'be' and one or more adverbs ('is once again questioning'),
    or after a pronoun with a contracted 'be' ('He’s claiming that ...', 'They're saying')?"""
    k = vi - 1
    if k >= 0 and _contracted_be(toks[k]):
        return True
    while k >= 0 and vi - k <= 4 and _adverb(toks[k]):
        k -= 1
    return k < vi - 1 and k >= 0 and toks[k].low in _BE


def contracted_subject(t: Tok) -> int:
    """Length of the pronoun in a token that contracts it with 'be' ('He’s' -> 2, 'They're' -> 4), else 0."""
    low = t.low.replace("’", "'")
    for end in ("'s", "'re", "'m"):
        if low.endswith(end) and low[:-len(end)] in ("he", "she", "it", "they", "we", "you", "i"):
            return len(low) - len(end)
    return 0


def _contracted_be(t: Tok) -> bool:
    return contracted_subject(t) > 0


def loose(toks: list[Tok], vi: int, ve: int, content_follows: bool, lemma: str) -> bool:
    """Is the -ing cue toks[vi..ve] a participle whose speaker is the sentence's subject (see above)?"""
    lex = lexicon()
    if vi < 2 or ve + 1 >= len(toks):
        return False
    prev = toks[vi - 1]
    if prev.low in lex.prepositions or prev.low in _not_after() or prev.low in lex.determiners or prev.low in _BE or prev.text in ("(", "“", "\"") \
            or _adverb(prev):
        return False  # 'of saying', 'the saying'; '..., now saying': the subject is no longer the sentence's
    if lemma in lex.weak or lemma in lex.needs_content and not content_follows:
        return False
    nxt = toks[ve + 1]
    return content_follows or nxt.low in lex.verb_position_next or nxt.cap and nxt.low not in lex.time_words


def relative_antecedent(toks: list[Tok], j: int) -> tuple[int, int] | None:
    """toks[j] is 'who' with no comma before it: the person noun (or name) it follows, over a short
    postmodifier ('listeners to her radio program who', 'a clerk at the harbour office who'); or 'which'
    after an institution ('the Harbour Police Department which reported ...')."""
    if j < 1 or toks[j].low not in ("who", "which") or toks[j - 1].text == ",":
        return None
    lex = lexicon()
    people = _people() if toks[j].low == "who" else frozenset(lex.organization_heads)  # 'the police department which
    after = lex.prepositions | lex.postmodifiers
    for k in range(j - 1, max(-1, j - 7), -1):
        t = toks[k]
        if t.text in (",", ";", ":", "(", ")") or t.low in ("that", "which", "who"):
            return None
        if (t.low in people or t.cap and k + 1 < j and toks[k + 1].low in after) and (
                k == j - 1 or toks[k + 1].low in after):
            return np_ending_at(toks, k) or (k, k)
    return None


@lru_cache(maxsize=1)
def _not_after() -> frozenset[str]:
    return frozenset(_load("verbs.json").get("participle_not_after", ()))


@lru_cache(maxsize=1)
def _people() -> frozenset[str]:
    return frozenset(_load("lexicon.json").get("subject_heads", ())) | lexicon().anonymous_heads
