"""Quotation-mark pairing with offsets.

Straight and curly double quotes, « » and „ “ pairs, two apostrophes used as a
double quote (''…''), curly single quotes (‘…’, not apostrophes), a paragraph
opened by a closing mark ('”Fear. ...” ― X') when another closes it.
A paragraph that ends inside a quotation continues into the next paragraph
when that one reopens with a quote mark (the news convention for long
quotes).  Unbalanced marks never raise: the quote is cut at the paragraph end
and reported in `issues`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

OPEN_D, CLOSE_D, STRAIGHT_D = "“„‟«", "”»", '"'
OPEN_S, CLOSE_S = "‘‚", "’"
_OPENERS = set(OPEN_D + STRAIGHT_D + OPEN_S + "'")
_BEFORE_OPEN = set(" \t([{—–-/:;,“\"")
_MARKS = re.compile("''|[“„‟«”»\"‘‚’]")  # '' : two apostrophes as a double quote mark (''Yes,'' she said)
_PAIR = "''"


@dataclass(frozen=True, slots=True)
class Quote:
    start: int  # offset of the opening mark
    end: int  # offset after the closing mark (or the paragraph end when unclosed)
    inner_start: int
    inner_end: int
    paragraph: int
    closed: bool
    group: int  # pieces of one multi-paragraph quotation share a group


@dataclass(frozen=True, slots=True)
class QuoteScan:
    quotes: tuple[Quote, ...]
    issues: tuple[str, ...]


def _is_letter(ch: str) -> bool:
    return ch.isalnum()


def find_quotes(text: str, paragraphs) -> QuoteScan:
    """paragraphs: iterable of objects with start, end, index."""
    quotes: list[Quote] = []
    issues: list[str] = []
    paras = list(paragraphs)
    group = 0
    carry = False  # previous paragraph ended inside a double quotation
    for pi, p in enumerate(paras):
        d_open = -1
        s_open = -1
        if carry:
            # a continued quotation reopens with a quote mark; skip that mark
            first = text[p.start] if p.start < p.end else ""
            if first in OPEN_D + STRAIGHT_D:
                d_open = p.start
            else:
                carry = False
                group += 1
        for qm in _MARKS.finditer(text, p.start, p.end):
            i = qm.start()
            ch = qm.group(0)
            if ch == _PAIR and (d_open >= 0 or _opens(text, i, p)):
                ch = STRAIGHT_D
            elif ch == _PAIR:
                continue  # "the dockers'' union": not a quote mark
            if ch == "“" and d_open >= 0 and text[d_open] == "„":
                ch = "”"  # „low-9 opening closed by “ (German and Central European style)
            if ch in OPEN_D or (ch == STRAIGHT_D and d_open < 0):
                if d_open >= 0 and ch in OPEN_D:
                    if i == d_open:
                        continue
                    issues.append(f"unclosed quote at {d_open}")
                    quotes.append(Quote(d_open, i, d_open + 1, i, p.index, False, group))
                    group += 1
                d_open = i
                s_open = -1
            elif ch == "”" and d_open < 0 and _opens_reversed(text, i, p):
                d_open = i  # '”Fear. I am afraid ...” ― X': a closing mark typed to open a quotation
                s_open = -1
            elif ch in CLOSE_D or ch == STRAIGHT_D:
                if d_open >= 0:
                    w = len(qm.group(0))
                    quotes.append(Quote(d_open, i + w, d_open + _width(text, d_open), i, p.index, True, group))
                    group += 1
                    d_open = -1
                else:
                    issues.append(f"stray closing quote at {i}")
            elif d_open < 0 and ch in OPEN_S:
                prev = text[i - 1] if i > p.start else " "
                if prev in _BEFORE_OPEN or i == p.start:
                    s_open = i
            elif d_open < 0 and ch == CLOSE_S and s_open >= 0:
                nxt = text[i + 1] if i + 1 < p.end else " "
                if not _is_letter(nxt):
                    quotes.append(Quote(s_open, i + 1, s_open + 1, i, p.index, True, group))
                    group += 1
                    s_open = -1
        if s_open >= 0:
            issues.append(f"unclosed single quote at {s_open}")
        carry = False
        if d_open >= 0:
            nxt = paras[pi + 1] if pi + 1 < len(paras) else None
            quotes.append(Quote(d_open, p.end, d_open + _width(text, d_open), p.end, p.index, False, group))
            if nxt is not None and text[nxt.start] in OPEN_D + STRAIGHT_D:
                carry = True  # same group continues
            else:
                issues.append(f"unclosed quote at {d_open}")
                group += 1
    return QuoteScan(tuple(quotes), tuple(issues))


def _width(text: str, pos: int) -> int:
    return 2 if text.startswith(_PAIR, pos) else 1


def _opens_reversed(text: str, i: int, p) -> bool:
    """Does the ” at i open a quotation: at a paragraph's start, before a letter, with a closing mark later on?"""
    nxt = text[i + 1] if i + 1 < p.end else " "
    return i == p.start and nxt.isalpha() and text.find("”", i + 1, p.end) > 0


def _opens(text: str, i: int, p) -> bool:
    """Can the '' at i open a quotation (at a paragraph start or after a space or bracket, before a letter)?"""
    prev = text[i - 1] if i > p.start else " "
    nxt = text[i + 2] if i + 2 < p.end else " "
    return (prev in _BEFORE_OPEN or i == p.start) and not nxt.isspace()


def mask_quotes(text: str, quotes) -> str:
    """The text with every quotation's inner words blanked (offsets kept)."""
    if not quotes:
        return text
    chars = list(text)
    for q in quotes:
        for i in range(q.inner_start, q.inner_end):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)
