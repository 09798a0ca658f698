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

_EDGE = {",", ";", ":", "(", "—", "–", "“", "”", "\"", "‘", "’", "«", "»"}
_INSIDE_NO = {"that", "which", "who", "whom", "whose", "what", "than", "not", "to", "there", "here",
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


def _verbish(t: Tok) -> bool:
    lex = lexicon()
    if t.cap:
        return False
    low = t.low
    return (low in lex.auxiliaries or low in lex.form_lemma or low in lex.past_irregular or low in lex.subordinators
            or low.endswith("ed") and low not in lex.not_verbs_ed and low not in lex.role_words and len(low) > 4)


def _head_ok(words: list[Tok]) -> bool:
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
    if j >= 3 and _verbish(toks[j]) and toks[j - 1].low in ("i", "we", "they", "he", "she", "you") \
            and not _verbish(toks[j - 2]) and toks[j - 2].low not in _INSIDE_NO and toks[j - 2].text[:1].isalpha():
        return subject_ending_at(toks, j - 2)  # the speaker phrase without its relative clause
    if j < 0 or not toks[j].text[:1].isalnum() or _verbish(toks[j]) or toks[j].low in _INSIDE_NO:
        return None
    lex = lexicon()
    k = j
    while k - 1 >= 0 and toks[k - 1].text not in _EDGE:
        t = toks[k - 1]
        if j - k + 1 >= MAX_WORDS or _dash(toks, k - 1) or t.low in _INSIDE_NO or _verbish(t) \
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
    return (k, j) if _head_ok(words) else None


def leading_np(toks: list[Tok], text: str):
    """The sentence's first noun phrase up to its verb when main_subject reads none ('The union's lawyers
    agreed, but also contended that ...'): a determiner, a possessive or a name, then words with no verb or
    mark, headed by a name or a noun for people."""
    from provenance.attribute.frames import skip_adverbial, span_text
    lex = lexicon()
    i = skip_adverbial(toks) if toks else 0
    if i == 2 and toks[0].cap and toks[1].text == ",":
        i = 0  # 'Dean, a medical doctor, ...': a name, not an adverbial
    if i >= len(toks) or not (toks[i].cap or toks[i].low in lex.determiners or is_possessive(toks[i])):
        return None
    k = i
    while k < len(toks) and k - i < 8 and toks[k].text[:1].isalnum() and not _verbish(toks[k]) \
            and toks[k].low not in _INSIDE_NO and toks[k].low not in ("and", "or", "but"):
        k += 1
    if k > i and k < len(toks) and toks[k].text == "," and all(t.cap for t in toks[i:k]):
        # 'Dean, a medical doctor, then appeared ...': a name, its description between commas, then the verb
        c2 = next((n for n in range(k + 1, min(len(toks), k + 12)) if toks[n].text == ","), -1)
        n = c2 + 1
        while 0 < n < len(toks) and toks[n].low in lex.skip_words and not _verbish(toks[n]):
            n += 1
        if c2 > 0 and n < len(toks) and _verbish(toks[n]):
            return span_text(text, toks, (i, k - 1))
    if k == i or k >= len(toks) or not _verbish(toks[k]) or toks[k - 1].low in lex.determiners \
            or not _head_ok(toks[i:k]):
        return None
    return span_text(text, toks, (i, k - 1))


def source_to_comma(toks: list[Tok], i: int, most: int = 25) -> tuple[int, int] | None:
    """'According to a civil complaint filed by the board and a second one by the county, ...': at the
    start of a sentence, the source is the words up to the comma, less a clause describing it."""
    k = i
    while k < len(toks) and toks[k].text != ",":
        if k - i >= most or toks[k].text in (";", ":", ".", "“", "”", "\"", "(") or toks[k].low in ("that", "said"):
            return None
        k += 1
    if k >= len(toks) or k == i:
        return None
    lex = lexicon()
    first = toks[i]
    if not (first.cap or first.low in lex.determiners or first.low in lex.quantifiers or first.text[:1].isdigit()
            or any(t.cap for t in toks[i + 1:k])):
        return None  # 'According to custom, ...': a bare noun is no source
    cut = next((n for n in range(i + 1, k) if toks[n].low in ("which", "who", "that") or not toks[n].cap and (
        toks[n].low in lex.past_irregular or toks[n].low in lex.participles_irregular
        or toks[n].low.endswith("ed") and len(toks[n].low) > 4 and toks[n].low not in lex.not_verbs_ed)), k)
    return (i, cut - 1)  # the source's own words, not the clause describing it ('a complaint | filed by X')


def inverted_subject(toks: list[Tok], i: int, most: int = 10) -> tuple[int, int] | None:
    """The speaker after an inverted verb that closes the sentence: '..., said 9/11 widow Terry Strada.',
    '..., said one GOP source in the room.'  Descriptor words, then a name, or a noun for people with a short
    postmodifier; nothing after it but the full stop."""
    lex = lexicon()
    k = i
    while k < len(toks) and toks[k].text not in (".", "!", "?") and k - i < most:
        t = toks[k]
        if t.text in _EDGE or _verbish(t) or t.low in _INSIDE_NO:
            return None
        k += 1
    if k == i or k - i >= most or any(t.text not in (".", "!", "?", "”", "\"", "’", ")") for t in toks[k:]):
        return None
    words = toks[i:k]
    if words[-1].low in lex.prepositions or words[-1].low in ("and", "or") or words[-1].low in lex.time_words:
        return None
    return (i, k - 1) if _head_ok(words) else None


def name_before_asides(toks: list[Tok], c: int) -> tuple[int, int] | None:
    """toks[c] is the comma before 'who': the name that opens the clause, over short asides between commas
    ('Donna Rawlings, 59, of Ashton, Md., who ...', 'Schiff, 56, who ...'): an age, 'of PLACE', a state."""
    from provenance.attribute.frames import np_ending_at
    k = c
    for _ in range(4):
        prev = next((n for n in range(k - 1, max(-1, k - 6), -1) if toks[n].text == ","), -1)
        seg = toks[prev + 1:k]
        if not seg:
            return None
        if prev < 0 or prev + 1 == 0:
            break
        if seg[0].text.isdigit() and len(seg) == 1 or seg[0].low in ("of", "from") and all(
                t.cap or t.text in (".", "-") for t in seg[1:]) or all(t.cap or t.text == "." for t in seg) and len(seg) <= 2:
            k = prev  # an age, a home town, a state: step over it
            continue
        break
    r = np_ending_at(toks, k - 1) if k < c else None
    if r is None or not toks[r[1]].cap or r[0] > 0 and toks[r[0] - 1].text not in _EDGE:
        return None
    return r


def quantified_relative(toks: list[Tok], j: int) -> tuple[int, int] | None:
    """toks[j] is 'whom' in '..., many of whom say ...': the phrase the quantifier picks from (before the comma)."""
    lex = lexicon()
    if j < 4 or toks[j].low != "whom" or toks[j - 1].low != "of" or toks[j - 3].text != ",":
        return None
    if not (toks[j - 2].low in lex.quantifiers or toks[j - 2].text.isdigit() or toks[j - 2].low in ("one", "two", "three", "half")):
        return None
    e = j - 4
    k = e
    while k - 1 >= 0 and e - k < 6 and toks[k - 1].text[:1].isalnum() and not _verbish(toks[k - 1]) \
            and toks[k - 1].low not in _INSIDE_NO and toks[k].low not in lex.determiners \
            and (toks[k - 1].low == "of" or toks[k - 1].low not in lex.prepositions):
        k -= 1  # 'family members of ferry victims', 'the crews'
    while k < e and (toks[k].low in lex.prepositions or toks[k].low in ("and", "or")):
        k += 1
    return (k, e) if toks[e].text[:1].isalnum() and not _verbish(toks[e]) else None


def subject_after_lead(toks: list[Tok], ve: int, text: str):
    """'After saying A, she was whisked off ...': the subject after the comma that closes the leading clause
    (a pronoun or a name)."""
    from provenance.attribute.frames import np_starting_at, span_text
    lex = lexicon()
    if ve + 1 >= len(toks) or not (toks[ve + 1].low in lex.verb_position_next or toks[ve + 1].text in ("“", "\"")):
        return None  # 'After saying goodbye, ...': no content
    c = next((k for k in range(ve + 1, len(toks)) if toks[k].text in (",", ";")
              or toks[k].text in ("”", "\"") and k + 1 < len(toks) and toks[k + 1].text[:1].isalpha()), -1)
    if c < 0 or toks[c].text == ";" or c + 1 >= len(toks):
        return None
    r = np_starting_at(toks, c + 1)
    if r is None or not (toks[r[0]].cap or toks[r[0]].low in lex.pronouns):
        return None
    return span_text(text, toks, r)
