"""Paragraphs, list items and sentences with offsets into the article text.

Pure functions over the normalised text (one paragraph a line).  Handles
abbreviations (U.S., Dr., Jan.), initials, decimals, closing quotes after
the final stop, and bullets / numbered items as units of their own.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from provenance.attribute.lexicon import lexicon
from provenance.records import Paragraph, Segments, Sentence


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph as a unit: body_start skips a bullet marker.

    kind: "text" (ends like prose), "bullet" (list item), "heading" (short,
    no final stop: titles, subheads, captions without a full stop).
    """

    start: int
    end: int
    index: int
    kind: str
    body_start: int


@dataclass(frozen=True, slots=True)
class Segmented:
    segments: Segments
    blocks: tuple[Block, ...]


_BULLET = re.compile(r"(?:[•▪●◦·*\-–]|\(?\d{1,2}[.)])\s+")
_STOP = re.compile(r"[.!?…]+[\"”’')\]]*")
_WORD_BEFORE = re.compile(r"([\w.'’-]+)$")
_FINAL = re.compile(r"[.!?…:;\"”’')\]]$")


def _is_break(text: str, stop_start: int, stop_end: int, para_end: int) -> bool:
    """Does the stop text[stop_start:stop_end] end a sentence?"""
    if stop_end >= para_end:
        return True
    if text[stop_end] != " ":
        return False
    nxt = text[stop_end + 1: stop_end + 2]
    if not nxt or not (nxt.isupper() or nxt.isdigit() or nxt in "\"“‘'(•$€£[-–"):
        return False
    stop = text[stop_start:stop_end]
    if stop != ".":
        # ?, !, ..., or a stop followed by a closing quote; but '“Why not?” Lee asked.' is one sentence
        return not (stop[0] in "?!" and stop[-1] in "\"”'" and _attribution_follows(text, stop_end + 1, para_end))
    m = _WORD_BEFORE.search(text, max(0, stop_start - 40), stop_start)
    word = m.group(1) if m else ""
    lex = lexicon()
    if not word:
        return True
    if len(word) == 1 and word.isupper():
        return False  # initial: "John F. Kennedy"
    if word.lower().rstrip(".") in lex.abbreviations:
        return False
    if "." in word and re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word):
        # U.S / U.N: a new sentence only when a typical sentence starter follows
        nm = re.match(r"[\w'’]+", text[stop_end + 1: stop_end + 30])
        return bool(nm and nm.group(0) in lex.sentence_starters)
    return True


_SHORT_ATTRIBUTION = re.compile(r"((?:[A-Z][\w.'’-]*|of|the|\([^()]{1,12}\))(?: (?:[A-Z][\w.'’-]*|of|the|\([^()]{1,12}\))){0,6}) "
                                r"([a-z]+)(?: [\w’'-]+){0,4}?(?=[.,;])")


def _attribution_follows(text: str, i: int, para_end: int) -> bool:
    """Does a short trailing attribution start at i ('Lee asked.', 'Sen. Ann Lee (D-Ore.) said,')?"""
    m = _SHORT_ATTRIBUTION.match(text, i, min(para_end, i + 120))
    if m is None or m.group(1).rsplit(" ", 1)[-1].lower() in lexicon().determiners:
        return False  # '“Is it over?” The answer came.': a noun after a determiner
    return lexicon().verb_re.fullmatch(m.group(2)) is not None


_LONG_WORD = re.compile(r"[^\W\d_][\w'’-]{3,}")


def _title_case(line: str) -> bool:
    """A title written in title case, even with a final stop ('Mayor Says Harbour Will Reopen in May.')."""
    words = _LONG_WORD.findall(line)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words) and not line.isupper()


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside text[start:end] (one paragraph or list item)."""
    out: list[tuple[int, int]] = []
    cur = start
    for m in _STOP.finditer(text, start, end):
        if _is_break(text, m.start(), m.end(), end):
            if m.end() > cur:
                out.append((cur, m.end()))
            cur = m.end()
            while cur < end and text[cur] == " ":
                cur += 1
    if cur < end:
        tail = text[cur:end].rstrip()
        if tail:
            out.append((cur, cur + len(tail)))
    return out


def segment(text: str) -> Segmented:
    paragraphs: list[Paragraph] = []
    blocks: list[Block] = []
    sentences: list[Sentence] = []
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        # strip surrounding whitespace (normalised text has none, raw text may)
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end:
            continue
        idx = len(paragraphs)
        paragraphs.append(Paragraph(start, end, idx))
        bm = _BULLET.match(text, start, end)
        body = bm.end() if bm and bm.end() < end else start
        if bm and body > start:
            kind = "bullet"
        elif len(text[start:end].split()) <= 20 and (not _FINAL.search(text[start:end]) or _title_case(text[start:end])):
            kind = "heading"
        else:
            kind = "text"
        blocks.append(Block(start, end, idx, kind, body))
        for s, e in split_sentences(text, body, end):
            sentences.append(Sentence(s, e, idx))
    return Segmented(Segments(tuple(paragraphs), tuple(sentences)), tuple(blocks))
