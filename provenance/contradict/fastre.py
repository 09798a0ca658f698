"""Case-insensitive patterns run fast: on lower-cased text, without re.I.

Python's `re` scans slowly with IGNORECASE (no literal prefix to skip to),
and the detectors' patterns are all case-insensitive data patterns run over
every distinct claim text.  `Fast(pattern)` derives, once, an equivalent
pattern without IGNORECASE (literals and class ranges lower-cased, escapes
and group names kept) and runs it on the lower-cased text; matches are
mapped back to the original text, so groups keep their original spelling.

Before any scan, a pattern whose every match starts with one of a few
literals ('denied', 'rejected', ...) is skipped for a text holding none of
them (a substring test; the literals are read from the pattern's source by provenance.regex_heads).

The fast path is taken only where it is exact: the pattern has no
case-sensitive part ('(?-i:...)') and no escape that names a letter, and
the text lower-cases character for character with no cased non-ASCII
letter (curly quotes, dashes and currency signs are fine).  Otherwise the
original pattern runs.  tests/test_contradict_scale.py checks both paths
give the same matches for every data pattern.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..regex_heads import prefixes_of

_SAFE_ESCAPES = frozenset("sSdDwWbBAZ")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def lowered_source(src: str) -> str | None:
    """The pattern source with literal letters lower-cased, or None when
    that would change what it matches on lower-cased text."""
    if "(?-i" in src or "(?i:" in src:
        return None
    out: list[str] = []
    i, n, in_class = 0, len(src), False
    while i < n:
        c = src[i]
        if c == "\\":
            nxt = src[i + 1:i + 2]
            if nxt.isalpha() and nxt not in _SAFE_ESCAPES:
                return None  # \x41, \u0041, \N{...}: a letter in disguise
            out.append(src[i:i + 2])
            i += 2
            continue
        if not in_class and src.startswith(("(?P<", "(?P="), i):
            j = src.find(">" if src[i + 3] == "<" else ")", i)
            if j < 0:
                return None
            out.append(src[i:j + 1])
            i = j + 1
            continue
        if c == "[" and not in_class:
            in_class = True
            out.append(c)
            if src.startswith("[^]", i) or src.startswith("[]", i):
                return None  # a literal ']' first in a class: keep it simple
            i += 1
            continue
        if c == "]" and in_class:
            in_class = False
        elif in_class and c == "-" and out and i + 1 < n and src[i + 1] not in "]\\":
            lo, hi = src[i - 1], src[i + 1]
            if (lo.isupper() or hi.isupper()) and not ("A" <= lo <= "Z" and "A" <= hi <= "Z"):
                return None  # [A-z] would mean something else lower-cased
        out.append(c.lower())
        i += 1
    return "".join(out)


def literal_heads(src: str, flags: int = 0) -> tuple[str, ...] | None:
    """The literals every match of a pattern starts with (see pattern_index.literal_prefixes)."""
    if not flags & re.IGNORECASE and "(?i" in src:
        return None  # a case-insensitive part: its literals are no case-exact heads
    found = prefixes_of(src, flags)
    return tuple(sorted(found)) if found and len(found) <= 400 else None


@lru_cache(maxsize=1024)
def word_at(word: str) -> re.Pattern:
    """Where a lower-case word stands as a whole run of letters."""
    return re.compile(r"(?<![^\W\d_])" + re.escape(word) + r"(?![^\W\d_])")


_LETTERS = re.compile(r"[^\W\d_]+")


def word_starts(low: str, words: frozenset[str]) -> list[int]:
    """Sorted offsets in lower-cased text where one of `words` stands as a whole run of letters."""
    return sorted(m.start() for w in words.intersection(_LETTERS.findall(low)) for m in word_at(w).finditer(low))


@lru_cache(maxsize=8192)
def lowered_text(text: str) -> str | None:
    """text.lower() when it maps character for character with no cased
    non-ASCII letter (so positions and case-folding agree), else None."""
    if not text.isascii():
        for ch in set(_NON_ASCII.findall(text)):
            if ch.lower() != ch or ch.upper() != ch:
                return None
    return text.lower()


class _Match:
    """A match on the lower-cased text, read from the original text."""

    __slots__ = ("_m", "_text")

    def __init__(self, m: re.Match, text: str):
        self._m, self._text = m, text

    def _g(self, g):
        s, e = self._m.span(g)
        return None if s < 0 else self._text[s:e]

    def group(self, *gs):
        if len(gs) <= 1:
            return self._g(gs[0] if gs else 0)
        return tuple(self._g(g) for g in gs)

    def groupdict(self, default=None):
        return {k: (v if v is not None else default) for k in self._m.re.groupindex
                for v in (self._g(k),)}

    def start(self, g=0):
        return self._m.start(g)

    def end(self, g=0):
        return self._m.end(g)

    def span(self, g=0):
        return self._m.span(g)

    @property
    def lastgroup(self):
        return self._m.lastgroup


class Fast:
    """A case-insensitive pattern with the fast path above; `search`,
    `finditer` and `test` behave like the pattern's own on the original text."""

    __slots__ = ("pattern", "low", "heads", "heads_low")

    def __init__(self, pattern: re.Pattern):
        self.pattern = pattern
        self.low, self.heads, self.heads_low = None, None, None
        if pattern.flags & re.IGNORECASE:
            src = lowered_source(pattern.pattern)
            try:
                self.low = re.compile(src, pattern.flags & ~re.IGNORECASE) if src is not None else None
            except re.error:
                self.low = None
            if self.low is not None:
                self.heads_low = literal_heads(src, self.low.flags)
        else:
            self.heads = literal_heads(pattern.pattern, pattern.flags)

    def _texts(self, text: str) -> tuple[str | None, bool]:
        """(lower-cased text or None for the original, can the pattern match at all)."""
        if self.low is not None:
            low = lowered_text(text)
            if low is not None:
                return low, self.heads_low is None or any(map(low.__contains__, self.heads_low))
            return None, True
        return None, self.heads is None or any(map(text.__contains__, self.heads))

    def test(self, text: str, pos: int = 0, endpos: int | None = None) -> bool:
        low, possible = self._texts(text)
        if not possible:
            return False
        end = len(text) if endpos is None else endpos
        if low is None:
            return self.pattern.search(text, pos, end) is not None
        return self.low.search(low, pos, end) is not None

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        low, possible = self._texts(text)
        if not possible:
            return None
        end = len(text) if endpos is None else endpos
        if low is None:
            return self.pattern.search(text, pos, end)
        m = self.low.search(low, pos, end)
        return _Match(m, text) if m is not None else None

    def matches_at(self, text: str, starts):
        """What finditer gives when every match must start at one of
        `starts` (increasing offsets): the pattern is tried there only."""
        low = lowered_text(text) if self.low is not None else None
        pat, s = (self.pattern, text) if low is None else (self.low, low)
        end = 0
        for p in starts:
            if p < end:
                continue
            m = pat.match(s, p)
            if m is not None:
                yield m if low is None else _Match(m, text)
                end = max(m.end(), p + 1)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        low, possible = self._texts(text)
        if not possible:
            return
        end = len(text) if endpos is None else endpos
        if low is None:
            yield from self.pattern.finditer(text, pos, end)
            return
        for m in self.low.finditer(low, pos, end):
            yield _Match(m, text)
