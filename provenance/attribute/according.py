"""Frames with no subject before their verb: "According to X, ..." (X the
source, or the source of a document: "a statement from the ministry"), and
agentless criticism ("has been criticized by X")."""
from __future__ import annotations

import re

from provenance.attribute import seen_by, speaker_phrases
from provenance.attribute.frame import Frame, tok_index
from provenance.attribute.frames import Tok, is_possessive, np_starting_at, span_text
from provenance.attribute.lexicon import lexicon

_ACCORDING = re.compile(r"\b[Aa]ccording\s+to\s+")


def _generic_np_after(toks: list[Tok], i: int, max_len: int = 8) -> tuple[int, int] | None:
    """A noun phrase after 'according to' up to a comma or the end: "Ukraine's air force"."""
    if i >= len(toks):
        return None
    first = toks[i]
    lex = lexicon()
    bare = not (first.cap or is_possessive(first) or first.low in lex.determiners)  # "according to exit polls"
    k = i
    while k + 1 < len(toks) and k + 1 - i < max_len and toks[k + 1].low not in _NP_STOP and _WORDISH.fullmatch(toks[k + 1].text) or (
            k + 1 < len(toks) and is_possessive(toks[k + 1])):
        k += 1
    if k + 1 < len(toks) and toks[k + 1].text not in (",", ".", ";", ")", "—", "–", ":"):
        return None
    if is_possessive(toks[k]) or toks[k].low in lex.determiners:
        return None
    if bare and not (toks[k].low in lex.anonymous_heads or toks[k].low in lex.finding_heads):
        return None
    return (i, k)


_WORDISH = re.compile(r"[^\W_]+(?:[-/][^\W_]+)*")  # a word, "conservative-leaning", "Ledger-ABC"


_NP_STOP = {"which", "who", "that", "said", "says", "and", "but", "when", "as", "while", "in", "on", "at", "after",
            "before", "because", "if", "to", "was", "is", "were", "are", "has", "had", "have", "will", "would"}


def according_frames(text, masked, toks, s_start, s_end) -> list[Frame]:
    out = []
    if "ccording" not in masked[s_start:s_end]:
        return out
    for m in _ACCORDING.finditer(masked, s_start, s_end):
        i = tok_index(toks, m.end())
        rng = np_starting_at(toks, i)
        if rng is None or rng[1] + 1 < len(toks) and toks[rng[1] + 1].low in ("for", "of", "at", "from", "by"):
            rng = _source_of(toks, i) or rng
        if rng is None or rng[1] + 1 < len(toks) and toks[rng[1] + 1].text.isalpha() and toks[rng[1] + 1].low not in _NP_STOP \
                and toks[rng[1] + 1].low not in ("for", "of", "at", "from", "by"):
            rng = _generic_np_after(toks, i) or rng  # "according to the regional water board"
        if not masked[s_start:m.start()].strip(" ,"):  # "According to a complaint filed by X and one by Y, ..."
            whole = speaker_phrases.source_to_comma(toks, i)
            if whole is not None and rng is None:
                rng = whole
        if rng is None:
            continue
        rng = seen_by.source_part(toks, rng) or rng  # "according to a copy seen by CNN": the copy, CNN a relay
        men = span_text(text, toks, rng)
        lead = masked[s_start:m.start()].strip(" ,")
        initial = not lead or bool(re.fullmatch(r"(?:[A-Z]\w*\s*){0,3}|[\w\s]{0,25}", lead)) and not re.search(r"\b(?:said|says|told)\b", lead)
        out.append(Frame("according to", "according to", m.start(), m.end(), men, "according",
                         "after" if initial and toks[rng[1]].end < s_end - 1 else "before", False))
    return out


def _source_of(toks: list[Tok], i: int) -> tuple[int, int] | None:
    """'a statement from the Finance Ministry' -> the ministry; 'a spokesperson for the club' -> the whole phrase."""
    lex = lexicon()
    k = i + 1 if i < len(toks) and toks[i].low in lex.determiners else i
    h = k
    while h < len(toks) and h - k < 3 and toks[h].low not in lex.postmodifiers and toks[h].text.isalpha():
        h += 1
    if h <= k or h + 1 >= len(toks) or toks[h].low not in ("from", "by", "of", "for", "at", "with"):
        return None
    inner = np_starting_at(toks, h + 1)
    if inner is None:
        return None
    return inner if toks[h - 1].low in lex.artifacts else (i, inner[1])


def agentless_frames(text, masked, toks, s_start, s_end) -> list[Frame]:
    out = []
    lex = lexicon()
    for m in lex.agentless_re.finditer(masked, s_start, s_end):
        agent = None
        i = tok_index(toks, m.end())
        if i < len(toks) and toks[i].low == "by":
            rng = np_starting_at(toks, i + 1)
            if rng:
                agent = span_text(text, toks, rng)
        out.append(Frame(m.group("verb"), m.group("verb"), m.start("verb"), m.end("verb"), agent,
                         "agentless", "after", False))
    return out
