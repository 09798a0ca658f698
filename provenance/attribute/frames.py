"""Records shared by the attribution modules, plus the speaker-phrase finder.

Tokens come from the quote-masked text, so words inside quotation marks are
never taken for speakers or cues.  A speaker phrase is read backwards from a
cue verb (``Kremlin spokesman Dmitry Peskov said``), forwards after it
(``said Kremlin spokesman Dmitry Peskov``) or after "according to".
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from provenance.attribute.lexicon import lexicon


@dataclass(frozen=True, slots=True)
class Mention:
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Attribution:
    """A claim before its speaker is resolved (offsets into article.text)."""

    start: int
    end: int
    kind: str
    cue: str
    rule: str
    mention: Mention | None
    sentence: int
    quote: str | None = None
    via: tuple[str, ...] = ()
    speaker: str | None = None  # canonical name fixed by the rule itself
    speaker_type: str | None = None
    role: str | None = None
    unresolved: str | None = None
    cue_start: int = -1


class Tok(NamedTuple):
    text: str
    start: int
    end: int
    low: str
    cap: bool


QUOTE_MARKS = frozenset("“”\"‘’«»'")  # ' : one half of a '' mark (a lone apostrophe token is never a word)
BE = frozenset({"is", "was", "were", "are", "be", "been", "being"})
_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[A-Z][a-z]{0,3}\.(?=\s+[A-Z])|\w[\w’'\-]*(?:\.\w+)*|[^\w\s]")
_POSS = re.compile(r"['’]s?$")
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")
_STOPCAP = {"but", "and", "however", "likewise", "meanwhile", "so", "yet", "then", "also", "still", "although",
            "though", "while", "when", "if", "as", "because", "since", "after", "before", "under", "according",
            "in", "on", "at", "for", "with", "from", "by", "there", "this", "that", "these", "those", "what"}


_PREFIXED = re.compile(r"(?:al|el|bin|ibn|ben|abu|ould|d|l)['’-][A-Z]")


_new = tuple.__new__


def tokenize(masked: str, start: int, end: int) -> list[Tok]:
    lowered = masked[start:end].lower().replace("’", "'")
    if len(lowered) != end - start:  # a character whose lower case is longer (İ): lower each token instead
        lowered = None
    out = []
    append = out.append
    prefixed = _PREFIXED.match
    keeps_dot = lexicon().keeps_dot
    for m in _TOKEN.finditer(masked, start, end):
        t = m.group(0)
        s, e = m.span()
        if lowered is not None:
            low = lowered[s - start:e - start]
        else:
            low = t.lower().replace("’", "'")
        cap = t[0].isupper()
        if t[-1] == "." and not keeps_dot(t[:-1]):
            # "according to Tass. Moscow ...": a short word closing a sentence, not an abbreviation ("Gen.", "Mr.")
            append(_new(Tok, (t[:-1], s, e - 1, low[:-1], cap)))
            append(_new(Tok, (".", e - 1, e, ".", False)))
            continue
        if not cap and ("-" in t or "'" in low) and prefixed(t) is not None:
            cap = True  # al-Assad, bin-Salman
        append(_new(Tok, (t, s, e, low, cap)))
    return out


def _particle(toks: list[Tok], k: int) -> bool:
    """toks[k] is a lower-case name particle between two parts of a name (Pieter van Dam, Carlos de la Vega)."""
    if toks[k].cap or toks[k].low not in lexicon().name_particles:
        return False
    a = k - 1
    while a >= 0 and not toks[a].cap and toks[a].low in lexicon().name_particles:
        a -= 1
    b = k + 1
    while b < len(toks) and not toks[b].cap and toks[b].low in lexicon().name_particles:
        b += 1
    return a >= 0 and b < len(toks) and toks[a].cap and toks[b].cap and toks[a].low not in _STOPCAP


def is_possessive(t: Tok) -> bool:
    return len(t.text) > 2 and bool(_POSS.search(t.text)) and t.low not in ("it's",)


def _np_word(t: Tok) -> bool:
    lex = lexicon()
    if t.cap:
        return t.low not in _STOPCAP or t.low in ("us",)
    low = t.low
    return (low in lex.role_words or low in lex.anonymous_heads or low in lex.document_heads
            or low in lex.organization_heads or (is_possessive(t) and low[:-2] in lex.role_words))


def _head_ok(t: Tok) -> bool:
    lex = lexicon()
    if is_possessive(t):
        return False
    if t.cap:
        return t.low not in _STOPCAP
    low = t.low
    return (low in lex.role_words or low in lex.anonymous_heads or low in lex.document_heads
            or low in lex.organization_heads or low in lex.quantifiers)


def skip_back(toks: list[Tok], j: int) -> int:
    """Step left over auxiliaries, adverbs, time phrases and ', according to X,' before a verb."""
    lex = lexicon()
    while j >= 0:
        low = toks[j].low
        if low == "," and j >= 2:
            acc = next((k for k in range(j - 1, max(-1, j - 8), -1) if toks[k].low in ("according", "per")), -1)
            if acc > 0 and (toks[acc - 1].low in ("and", "but", ",") or acc == 0):
                j = acc - 1
                if toks[j].text == ",":
                    j -= 1
                continue
            break
        if low in lex.skip_words and not toks[j].cap:
            j -= 1
        elif low == ")" and (k := _paren_open(toks, j)) > 0 and toks[k - 1].cap:
            j = k - 1  # "Sen. Ann Lee (D-Ore.) said": a short label in brackets after a name
        elif low in lex.time_words and j >= 1 and toks[j - 1].low in ("on", "last", "this", "late", "early", "next"):
            j -= 2
        elif toks[j].cap and low in lex.time_words and j >= 1 and toks[j - 1].low == "on":
            j -= 2
        else:
            break
    return j


def _paren_open(toks: list[Tok], j: int, most: int = 6) -> int:
    """Index of the "(" that opens the short bracket closing at toks[j] (")"), or -1."""
    for k in range(j - 1, max(-1, j - most - 2), -1):
        if toks[k].text == "(":
            return k
        if toks[k].text in ")(,;\"“”":
            return -1
    return -1


def np_ending_at(toks: list[Tok], j: int) -> tuple[int, int] | None:
    """Token range [i, j] of a speaker phrase that ends at token j."""
    lex = lexicon()
    if j < 0:
        return None
    last = toks[j]
    if last.low in lex.pronouns and not last.cap or last.low in ("he", "she", "they", "it", "we", "i"):
        return (j, j)
    if last.low in lex.quantifiers and (j == 0 or not _np_word(toks[j - 1])):
        return (j, j)
    if not _head_ok(last):
        return None
    if last.low in lex.demonyms and (j == 0 or not (_np_word(toks[j - 1]) or is_possessive(toks[j - 1]))):
        return None
    i = j
    k = j - 1
    while k >= 0:
        t = toks[k]
        if t.low in lex.determiners or t.low in lex.quantifiers:
            if t.low != "that":
                i = k
            break
        if _np_word(t) or is_possessive(t):
            i = k
            k -= 1
            continue
        if _particle(toks, k):
            k -= 1
            continue
        if t.low in lex.connectors and k >= 1 and (_np_word(toks[k - 1]) or is_possessive(toks[k - 1])):
            k -= 1
            continue
        break
    if i >= 1 and _ORDINAL.fullmatch(toks[i - 1].low) and last.low in lex.organization_heads:
        i -= 1  # "the 47th Mechanised Brigade", "the 7th Rapid Reaction Corps": a numbered unit
        if i >= 1 and (toks[i - 1].low in lex.determiners or is_possessive(toks[i - 1])):
            i -= 1  # "Ukraine's 47th Mechanised Brigade"
    # "On Tuesday the ministry said", "On 21 March Ukraine's army said": a fronted date is no part of the subject
    while i < j and toks[i].cap and toks[i].low in lex.time_words and (
            i == 0 or toks[i - 1].low in lex.prepositions or toks[i - 1].text.isdigit()):
        i += 1
    return (i, j)


def date_number(toks: list[Tok], k: int) -> bool:
    """Is toks[k] the number of a date ('March 21', 'in 2024')?"""
    t = toks[k]
    if not t.text.isdigit():
        return False
    if k >= 1 and toks[k - 1].cap and toks[k - 1].low in lexicon().time_words:
        return True  # "On March 21"
    return len(t.text) == 4 and k >= 1 and toks[k - 1].low in ("in", "since", "by", "during", "until")


_NOT_IN_NP = {",", ";", ":", "(", ")", "that", "which", "who", "whom", "whose", "when", "where", "while", "because",
              "if", "as", "after", "before", "and", "or", "but", "than", "it", "he", "she", "they", "we", "i", "you",
              "there", "is", "was", "are", "were", "be", "been", "has", "have", "had", "would", "will", "could",
              "can", "may", "might", "should", "must", "did", "does", "do", "not", "to", "also", "says", "said",
              "—", "–", "-", "?", "!", "."}
_OPENERS = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "another", "one", "two", "three",
            "four", "five", "several", "many", "some", "both"}


def generic_np_ending_at(toks: list[Tok], j: int, floor: int = 0, max_len: int = 9) -> tuple[int, int] | None:
    """Any noun phrase subject ending at token j: 'The union representing Rotterdam dockworkers',
    'The port authority', 'A spokesperson for the ministry'.  It must open the clause (start at `floor`
    or after a comma/quote) with a determiner, a possessive or a capitalised word."""
    if j < 0 or toks[j].low in _NOT_IN_NP or toks[j].text in "“”\"‘’'" or is_possessive(toks[j]):
        return None
    forms = lexicon().form_lemma
    k = j
    while k - 1 >= floor and j - k < max_len:
        t = toks[k - 1]
        if t.low in _NOT_IN_NP or t.text in "“”\"‘’'" or t.low in forms and not t.cap:
            break
        k -= 1
    if j - k >= max_len:
        return None
    if k > floor and toks[k - 1].text not in ",“”\"‘’'(;:—–-)":  # clause start, or after a dateline "(Reuters) -"
        return None
    first = toks[k]
    if not (first.low in _OPENERS or first.cap or is_possessive(first)):
        return None
    if first.low in _STOPCAP and first.low not in _OPENERS:
        return None
    return (k, j)


def np_starting_at(toks: list[Tok], i: int, allow_commas: bool = False) -> tuple[int, int] | None:
    """Token range of a speaker phrase that starts at token i (after a verb or 'according to')."""
    lex = lexicon()
    if i >= len(toks):
        return None
    first = toks[i]
    if first.low in ("he", "she", "they", "it", "we", "him", "her", "them"):
        return (i, i)
    j = i - 1
    k = i
    if (not first.cap and first.low.isalpha() and first.low not in lex.connectors and first.low not in lex.determiners
            and i + 1 < len(toks) and toks[i + 1].cap and first.low not in lex.skip_words):
        k = i + 1  # "said engineer Tomas Ruel"
    while k < len(toks):
        t = toks[k]
        if t.low in lex.determiners or t.low in lex.quantifiers:
            if k > i and not allow_commas:
                break
            k += 1
            continue
        if _np_word(t) or is_possessive(t):
            j = k
            k += 1
            continue
        if j >= i and _particle(toks, k):
            k += 1
            continue
        if t.low in lex.connectors and j >= i and k + 1 < len(toks) and (
                _np_word(toks[k + 1]) or toks[k + 1].low in lex.determiners):
            k += 1
            continue
        if allow_commas and t.text == "," and j >= i:
            k += 1
            continue
        break
    if j < i or not _head_ok(toks[j]):
        return None
    return (i, j)


def span_text(text: str, toks: list[Tok], rng: tuple[int, int]) -> Mention:
    s, e = toks[rng[0]].start, toks[rng[1]].end
    return Mention(text[s:e], s, e)


def skip_adverbial(toks: list[Tok]) -> int:
    """Index of the first token after a leading adverbial phrase ('In his remarks,')."""
    lex = lexicon()
    if not toks:
        return 0
    first = toks[0].low
    for k, t in enumerate(toks[:12]):
        if t.text == ",":
            phrase_tail = toks[k - 1].low if k else ""
            if first in lex.adverbial_starters or phrase_tail in lex.adverbial_tails or k == 1:
                return min(k + 1, len(toks) - 1)
            break
    if first in ("but", "and", "so", "yet", "also", "still"):
        return min(1, len(toks) - 1)
    return 0
