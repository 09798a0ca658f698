"""Which of many regular expressions can match a text, without running them all.

Lexicons hold hundreds of case-insensitive patterns, most of the form
`\\b(word|other words|…)…`.  A pattern that starts at a word boundary with a
literal can only match where a word of the text starts with that literal, so
each pattern is indexed under the first (up to) four letters of each literal
it can start with.  For a text, the candidate patterns are those indexed under
a head of one of its words, plus the patterns whose start is not a plain
literal (they always run).  The result is exactly what running every pattern
would give, only faster.  The heads are read from the pattern source by
provenance.regex_heads (public API only: the stdlib parser is private).
"""
from __future__ import annotations

import re
from typing import Iterator
from .regex_heads import HEAD, literal_prefixes, parse, Unreadable

_WORD = re.compile(r"\w+")
_WORDCHAR = re.compile(r"\w")


def literal_heads(pattern: str) -> set[str] | None:
    """Lower-case word heads a match must start with, or None (always run)."""
    try:
        items = parse(pattern, re.I)
    except (Unreadable, ValueError, IndexError, RecursionError):
        return None
    while len(items) == 1 and items[0][0] == "group" and len(items[0][1]) == 1:  # (?-i:\bNPT\b) and the like
        items = list(items[0][1][0])
    if len(items) == 1 and items[0][0] == "group" and all(b[:1] == [("at", "b")] for b in items[0][1]):
        items = [("at", "b"), ("group", [b[1:] for b in items[0][1]])]  # \bx|\by: \b(x|y)
    if not items or items[0] != ("at", "b"):
        return None
    prefixes = literal_prefixes(items[1:])
    if not prefixes:
        return None
    heads = set()
    for p in prefixes:
        word = _WORD.match(p.lower())
        if not word or word.start() != 0:
            return None
        heads.add(word.group(0)[:HEAD])
    return heads


def alternation(words, *, heads_only: bool = False) -> str:
    """A regex for "any of these literal strings", factored into a tree by common
    prefixes.  It matches what the flat alternation sorted longest first matches:
    two strings can only both match at one position when one is a prefix of the
    other, and the tree tries the longer one first there too (its tail is a greedy
    optional group).  Far faster on the stdlib engine than a flat alternation.
    heads_only: where one string ends, what follows is dropped (the shortest is
    enough: used to find where any head starts)."""
    tree: dict = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def walk(node: dict) -> str:
        branches = [re.escape(ch) + walk(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        if "" in node and heads_only:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return walk(tree) if tree else "(?!)"


class PatternIndex:
    """Many patterns; `candidates(text)` gives the positions of those that can match,
    `matching(text)` those that do match and `counts(text)` how often each matches
    (as `len(findall)` would count) — each only trying a pattern where a word of
    the text starts with one of its heads."""

    def __init__(self, patterns: list[re.Pattern]) -> None:
        self.patterns = patterns
        self.always: list[int] = []
        self.by_head: dict[str, list[int]] = {}
        self._by_word: dict[str, tuple[int, ...]] = {}
        for i, p in enumerate(patterns):
            heads = literal_heads(p.pattern)
            if heads is None:
                self.always.append(i)
            else:
                for h in heads:
                    self.by_head.setdefault(h, []).append(i)
        # where a word starts with a head: found by one scan in C, not a loop over every word
        # (heads are lower case: the scan runs over the lower-cased text, without re.I, which is 2-4x faster)
        # the match is the whole word, so its patterns are one dictionary look-up away
        self._head_re = re.compile(r"(?<!\w)(?=" + alternation(self.by_head, heads_only=True) + r")\w+") if self.by_head else None

    def _word_hits(self, word: str) -> tuple[int, ...]:
        """Patterns that can start at a word (memoised: words repeat)."""
        hits = self._by_word.get(word)
        if hits is None:
            found: set[int] = set()
            for k in range(1, min(HEAD, len(word)) + 1):
                found.update(self.by_head.get(word[:k], ()))
            hits = tuple(sorted(found))
            if len(self._by_word) < 200_000:
                self._by_word[word] = hits
        return hits

    def candidates(self, text: str) -> set[int]:
        found = set(self.always)
        for word in set(_WORD.findall(text.lower())):
            found.update(self._word_hits(word))
        return found

    def _words(self, text: str) -> Iterator[tuple[int, tuple[int, ...]]]:
        """(start, patterns that may match there) for each word of text starting with a head, in order."""
        if self._head_re is None:
            return
        low = text.lower()
        hits_of = self._word_hits
        if len(low) != len(text):  # a character whose lower case is longer (İ): word by word
            for m in _WORD.finditer(text):
                hits = hits_of(m.group().lower())
                if hits:
                    yield m.start(), hits
            return
        for m in self._head_re.finditer(low):
            yield m.start(), hits_of(m.group())

    def _starts(self, text: str) -> dict[int, list[int]]:
        """Pattern -> the word starts (in order) where it may match."""
        at: dict[int, list[int]] = {}
        for start, hits in self._words(text):
            for i in hits:
                at.setdefault(i, []).append(start)
        return at

    def matching(self, text: str) -> list[int]:
        """The patterns that match somewhere in text (as `search` would find), in index order."""
        patterns = self.patterns
        found = {i for i in self.always if patterns[i].search(text)}
        for start, hits in self._words(text):
            for i in hits:
                if i not in found and patterns[i].match(text, start):
                    found.add(i)
        return sorted(found)

    def counts(self, text: str) -> dict[int, int]:
        """Pattern -> number of non-overlapping matches, leftmost first (as `findall`)."""
        out = {}
        for i in self.always:
            n = len(self.patterns[i].findall(text))
            if n:
                out[i] = n
        for i, starts in self._starts(text).items():
            match, n, after = self.patterns[i].match, 0, -1
            for s in starts:
                if s < after:
                    continue
                m = match(text, s)
                if m:
                    n, after = n + 1, max(m.end(), s + 1)
            if n:
                out[i] = n
        return out
