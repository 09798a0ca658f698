"""The whole subject of a speech verb when the speaker-phrase finders read none.

The finders of frames.py read backwards over capitalised words and role
nouns; a subject with a longer postmodifier or a coordination escapes them:
'Experts on the region and on arms control said', 'Political observers in
the state and around the country say', 'Another 19 percent said', '...,
attorneys for the family said.'  Here the subject is the whole run of words
from the clause's edge to the verb when it holds no verb, pronoun or clause
word and one of its heads (the word before a postmodifier, in each conjunct)
is a name or a noun for people (rules/lexicon.json subject_heads and the
speaker nouns).  Also: an aside between dashes before the verb ('Kall --
co-editor of a book on debates -- said') and a time phrase after 'who'
('McConnell, who in 2010 said').
"""
from __future__ import annotations

from functools import lru_cache

from provenance.attribute.frames import Tok, is_possessive
from provenance.attribute.lexicon import _load, lexicon

EDGE = {",", ";", ":", "(", "—", "–", "“", "”", "\"", "‘", "’", "«", "»"}
INSIDE_NO = {"that", "which", "who", "whom", "whose", "what", "than", "not", "to", "there", "here",
              "he", "she", "they", "it", "we", "i", "you", "me", "him", "them", "us"}
_DASHES = {"—", "–"}
MAX_WORDS = 12


@lru_cache(maxsize=1)
def _heads() -> frozenset[str]:
    lex = lexicon()
    own = _load("lexicon.json").get("subject_heads", ())
    return frozenset(own) | lex.anonymous_heads | lex.role_words | lex.organization_heads | lex.quantifiers


def _dash(toks: list[Tok], k: int) -> int:
    """How many tokens the dash ending at toks[k] has ('—' 1, '--' 2), or 0."""
    if toks[k].text in _DASHES:
        return 1
    if toks[k].text == "-" and k >= 1 and toks[k - 1].text == "-":
        return 2
    return 0


def skip_aside(toks: list[Tok], j: int) -> int:
    """toks[j] closes an aside between dashes ('Kall -- co-editor of X, a book -- said'): the token before it."""
    if j < 2 or not (n := _dash(toks, j)):
        return j
    k = j - n
    while k >= 1 and j - k < 40:
        m = _dash(toks, k)
        if m:
            return k - m if k - m >= 0 and toks[k - m].text[:1].isalnum() else j
        k -= 1
    return j


def skip_time_after_relative(toks: list[Tok], j: int) -> int:
    """'who in 2010 said', 'which on Monday said': the relative word before a short time phrase."""
    lex = lexicon()
    for n in (2, 3):
        k = j - n
        if k >= 1 and toks[k].low in ("who", "which") and toks[k + 1].low in ("in", "on", "since", "last", "earlier") \
                and (toks[j].text.isdigit() or toks[j].low in lex.time_words):
            return k
    return j


def verbish(t: Tok) -> bool:
    lex = lexicon()
    if t.cap:
        return False
    low = t.low
    return (low in lex.auxiliaries or low in lex.form_lemma or low in lex.past_irregular or low in lex.subordinators
            or low.endswith("ed") and low not in lex.not_verbs_ed and low not in lex.role_words and len(low) > 4)


def heads_ok(words: list[Tok]) -> bool:
    """Is the head of one conjunct a name or a noun for people or an institution?"""
    lex = lexicon()
    heads = _heads()
    conj: list[list[Tok]] = [[]]
    for t in words:
        if t.low in ("and", "or"):
            conj.append([])
        else:
            conj[-1].append(t)
    for c in conj:
        if not c:
            continue
        k = next((n for n, t in enumerate(c) if n and t.low in lex.prepositions), len(c))
        head = c[k - 1]
        if head.low in heads or head.cap and not is_possessive(head) and head.low not in lex.time_words:
            return True
    return False


def subject_ending_at(toks: list[Tok], j: int) -> tuple[int, int] | None:
    """Token range of the whole clause subject ending at toks[j], or None.  A subject may end in a relative
    clause with no 'that' ('all the experts I interviewed said'): the range then ends before it."""
    if j >= 3 and verbish(toks[j]) and toks[j - 1].low in ("i", "we", "they", "he", "she", "you") \
            and not verbish(toks[j - 2]) and toks[j - 2].low not in INSIDE_NO and toks[j - 2].text[:1].isalpha():
        return subject_ending_at(toks, j - 2)  # the speaker phrase without its relative clause
    if j < 0 or not toks[j].text[:1].isalnum() or verbish(toks[j]) or toks[j].low in INSIDE_NO:
        return None
    lex = lexicon()
    k = j
    while k - 1 >= 0 and toks[k - 1].text not in EDGE:
        t = toks[k - 1]
        if j - k + 1 >= MAX_WORDS or _dash(toks, k - 1) or t.low in INSIDE_NO or verbish(t) \
                or not (t.text[:1].isalnum() or is_possessive(t) or t.text in ("&", "-", ".")):
            return None
        k -= 1
    words = toks[k:j + 1]
    first = words[0]
    if first.low in lex.subject_openers or first.low in lex.adverbial_starters and first.low not in lex.determiners \
            or first.low in lex.prepositions or first.low in ("and", "or"):
        return None
    if words[-1].low in lex.prepositions or words[-1].low in ("and", "or", "of"):
        return None
    return (k, j) if heads_ok(words) else None
