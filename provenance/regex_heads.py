"""The literals a regular expression's matches must start with, read from its source.

A small reader of the regex syntax the pattern files use (literals, escapes,
groups, alternation, quantifiers, classes, anchors), public-API only: the
stdlib's own parser (`re._parser`) is private and changes between Python
versions.  `parse(src)` gives a sequence of items:

    ("lit", ch)          one literal character
    ("at", kind)         a zero-width anchor: "b" (\\b), "B", "^", "$", "A", "Z"
    ("group", [seq...])  a group or an alternation of sequences
    ("rep", low, item)   an item repeated at least `low` times
    ("other",)           anything else: a class, `.`, `\\d`, a look-around, a back-reference

and `literal_prefixes(items)` the set of literal strings one of which every
match starts with, or None when a start is not a plain literal.  Whatever it
cannot read with certainty becomes ("other",) or None: a head set is only
ever too large (the pattern runs more often), never too small.
"""
from __future__ import annotations

import re

HEAD = 4
_ESCAPED_CONTROL = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a"}
_ANCHOR_ESCAPES = {"b": "b", "B": "B", "A": "A", "Z": "Z"}
_QUANT = re.compile(r"\{(\d*)(?:(,)(\d*))?\}")
_FLAG_GROUP = re.compile(r"\(\?([aiLmsux]*)(?:-([imsx]+))?:")
OTHER = ("other",)


class Unreadable(ValueError):
    """The source uses syntax this reader does not follow (the caller then runs the pattern everywhere)."""


def parse(src: str, flags: int = 0) -> list:
    if flags & re.VERBOSE or re.match(r"\(\?[aiLmsu]*x", src):
        raise Unreadable("verbose patterns")
    items, pos = _sequence(src, 0)
    if pos != len(src):
        raise Unreadable(f"unbalanced ')' at {pos}")
    return items


def _sequence(src: str, i: int) -> tuple[list, int]:
    """Branches up to an unmatched ')' or the end: one item list (a group item when several)."""
    branches, cur = [], []
    n = len(src)
    while i < n:
        c = src[i]
        if c == ")":
            break
        if c == "|":
            branches.append(cur)
            cur = []
            i += 1
            continue
        if c in "*+?" or (c == "{" and _QUANT.match(src, i)):
            if not cur or cur[-1][0] in ("at", "rep"):
                raise Unreadable(f"nothing to repeat at {i}")
            low, i = _quantifier(src, i)
            cur[-1] = ("rep", low, cur[-1])
            continue
        item, i = _atom(src, i)
        if item is not None:
            cur.append(item)
    if branches:
        branches.append(cur)
        return [("group", branches)], i
    return cur, i


def _quantifier(src: str, i: int) -> tuple[int, int]:
    c = src[i]
    if c == "{":
        m = _QUANT.match(src, i)
        low = int(m.group(1) or 0)
        i = m.end()
    else:
        low = 1 if c == "+" else 0
        i += 1
    if i < len(src) and src[i] in "?+":  # lazy or possessive: the same starts
        i += 1
    return low, i


def _atom(src: str, i: int):
    c = src[i]
    if c == "\\":
        return _escape(src, i)
    if c == "[":
        return OTHER, _class_end(src, i)
    if c == "(":
        return _group(src, i)
    if c == ".":
        return OTHER, i + 1
    if c in "^$":
        return ("at", c), i + 1
    return ("lit", c), i + 1


def _escape(src: str, i: int):
    if i + 1 >= len(src):
        raise Unreadable("a trailing backslash")
    e = src[i + 1]
    if e in _ANCHOR_ESCAPES:
        return ("at", _ANCHOR_ESCAPES[e]), i + 2
    if e in _ESCAPED_CONTROL:
        return ("lit", _ESCAPED_CONTROL[e]), i + 2
    if e.isalnum():  # \d \w \s, \x41, \u0041, \N{..}, \1, \0: not read as literals
        j = i + 2
        if e == "N" and src.startswith("{", j):
            j = src.index("}", j) + 1
        return OTHER, j
    return ("lit", e), i + 2


def _class_end(src: str, i: int) -> int:
    j = i + 1
    if src.startswith("^", j):
        j += 1
    if src.startswith("]", j):
        j += 1
    while j < len(src):
        if src[j] == "\\":
            j += 2
            continue
        if src[j] == "]":
            return j + 1
        j += 1
    raise Unreadable("an unterminated character class")


def _group(src: str, i: int):
    if src.startswith("(?#", i):
        end = src.find(")", i)
        if end < 0:
            raise Unreadable("an unterminated comment")
        return None, end + 1
    if src.startswith(("(?=", "(?!", "(?<=", "(?<!", "(?(", "(?P="), i):
        kind_end = i + (4 if src.startswith("(?<", i) and not src.startswith("(?P<", i) else 3)
        _, j = _sequence(src, kind_end)  # read through it; it adds no literal start
        return OTHER, _close(src, j)
    if src.startswith("(?P<", i) or src.startswith("(?<", i):
        start = src.index(">", i) + 1
    elif src.startswith(("(?:", "(?>"), i):
        start = i + 3
    elif src.startswith("(?", i):
        m = _FLAG_GROUP.match(src, i)
        if not m:
            raise Unreadable(f"a group at {i}")  # global flags '(?i)' and the like
        start = m.end()
    else:
        start = i + 1
    items, j = _sequence(src, start)
    return ("group", [items]), _close(src, j)


def _close(src: str, j: int) -> int:
    if j >= len(src) or src[j] != ")":
        raise Unreadable("an unterminated group")
    return j + 1


def literal_prefixes(items, longest: int = HEAD) -> set[str] | None:
    """Literal strings one of which every match of this item sequence starts with;
    None when its start is not a plain literal.  Anchors are skipped; a literal
    shorter than `longest` is extended through what follows it."""
    out = ""
    items = list(items)
    for pos, item in enumerate(items):
        kind = item[0]
        if kind == "lit":
            out += item[1]
            continue
        if out:
            rest = literal_prefixes(items[pos:], longest) if len(out) < longest else None
            return {out + r for r in rest} if rest else {out}
        if kind == "at":
            continue
        if kind == "group":
            found: set[str] = set()
            for branch in item[1]:
                sub = literal_prefixes(list(branch) + items[pos + 1:], longest)
                if not sub:
                    return None
                found |= sub
            return found
        if kind == "rep":
            _, low, sub_item = item
            first = literal_prefixes([sub_item], longest)  # the item alone: it may repeat before what follows
            if low > 0:
                return first
            rest = literal_prefixes(items[pos + 1:], longest)  # the optional item may be absent
            return first | rest if first and rest else None
        return None
    return {out} if out else None


def prefixes_of(src: str, flags: int = 0, longest: int = HEAD) -> set[str] | None:
    """literal_prefixes of a pattern's source; None when it cannot be read."""
    try:
        return literal_prefixes(parse(src, flags), longest)
    except (Unreadable, ValueError, IndexError, RecursionError):
        return None
