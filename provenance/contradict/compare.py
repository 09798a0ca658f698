"""Comparison inside a block of assertions: which statements cannot both
hold, and which of their claims meet in time.

Statements are grouped (control: holder, polarity, extent; a state or a
denied claim: polarity).  Two control statements conflict when one
asserts and the other denies the same holder, when a denial credited to
'any side but X' meets a full assertion by another side, or when two
sides are each said to hold the place and one of them all of it.  A
state asserted and denied conflict.  Claims meet when their statement
dates (the claim's own date, else its article's) are within the block's
window of days ('as of' snapshots only on the same day), and they come
from different speakers.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from functools import lru_cache

from ..assertions.model import Assertion
from ..assertions.state import max_days as state_days
from .common import day
from .lexicon import control_rules

NOT = "not "
SCAN = 64  # entries of the other group looked at for a different speaker


@lru_cache(maxsize=1)
def _control_days() -> int:
    return int(control_rules().get("dispute_max_days", control_rules().get("max_days", 14)))


def window(key: tuple) -> int:
    if key[0] == "control":
        return _control_days()
    if key[0] == "state":
        return state_days(key[1])
    return 3660  # a denial and the claim it answers


def _statement(a: Assertion) -> tuple:
    return (a.holder, a.polarity, a.full) if a.kind == "control" or a.holder else (a.polarity,)


def conflict(a: Assertion, b: Assertion) -> bool:
    if a.kind != "control" or b.kind != "control":
        if a.holder and b.holder:  # who did it: the same doer asserted and denied, or two doers
            return (a.holder == b.holder) != (a.polarity == b.polarity) if a.polarity != b.polarity \
                else a.polarity > 0 and a.holder != b.holder
        return a.polarity != b.polarity
    ha, hb = a.holder, b.holder
    if (ha or "").startswith(NOT) or (hb or "").startswith(NOT):
        d, o = (a, b) if (ha or "").startswith(NOT) else (b, a)
        if (o.holder or "").startswith(NOT) or o.holder is None:
            return False
        return d.polarity != o.polarity and o.full and o.holder != d.holder[len(NOT):]
    if a.polarity != b.polarity:
        if ha is None or hb is None:
            return (a if a.polarity > 0 else b).holder is not None
        return ha == hb
    if a.polarity > 0 and ha and hb and ha != hb:
        return a.full or b.full
    return False


@lru_cache(maxsize=1)
def _change_rules() -> tuple[re.Pattern, int]:
    """(words of a capture, days two holdings by different sides are compared within): control.json."""
    cfg = control_rules()
    return re.compile(cfg.get("change_words", r"(?!x)x"), re.I), int(cfg.get("hold_max_days", 3650))


def _changed_hands(x, y) -> bool:
    """Did the place change hands between the two statements?  A side said
    to hold it before another side's capture, captures by two sides on
    different days, or holdings by two sides days apart (control.json
    hold_max_days): both can be true."""
    ax, ay = x[2], y[2]
    if ax.kind != "control" or ay.kind != "control" or ax.polarity < 0 or ay.polarity < 0:
        return False
    if not ax.holder or not ay.holder or ax.holder == ay.holder or NOT in (ax.holder[:4], ay.holder[:4]):
        return False
    dx, dy = _when(x), _when(y)
    if dx is None or dy is None:
        return False
    change, hold_days = _change_rules()
    cx, cy = bool(change.search(ax.words)), bool(change.search(ay.words))
    if cx and cy:
        return dx != dy
    if not cx and not cy:
        return abs(dx - dy) > hold_days
    held, taken = (dx, dy) if cy else (dy, dx)
    return held < taken


def _when(entry) -> int | None:
    cl, _side, a = entry
    return a.day if a.day is not None else day(cl)


def _meets(x, prepared: tuple[list, list, int], w: int) -> bool:
    """Does x meet a claim of the other group: within w days, another speaker?"""
    ys_sorted, days, n_undated = prepared
    dx = _when(x)
    cands = ys_sorted
    if dx is not None:
        lo = bisect.bisect_left(days, dx - w)
        hi = bisect.bisect_right(days, dx + w)
        cands = ys_sorted[:n_undated][:SCAN] + ys_sorted[n_undated + lo: n_undated + min(hi, lo + SCAN)]
    for y in cands[:2 * SCAN]:
        if y[0].id == x[0].id:
            continue
        if x[0].speaker and y[0].speaker == x[0].speaker:
            continue
        if (x[2].as_of or y[2].as_of) and (dx is None or _when(y) != dx):
            continue  # a snapshot holds on its day only
        if _changed_hands(x, y):
            continue
        return True
    return False


def _sorted(entries: list) -> tuple[list, list, int]:
    """(undated entries then dated ones by day, their days, how many undated)."""
    undated = [e for e in entries if _when(e) is None]
    dated = sorted((e for e in entries if _when(e) is not None), key=lambda e: (_when(e), e[0].uid or "", e[0].id))
    return undated + dated, [_when(e) for e in dated], len(undated)


def conflicting_members(key: tuple, entries: list) -> list[tuple[Assertion, str | None, list]]:
    """The sides of a block: (statement, party, entries) for each statement
    with a claim that meets a conflicting one; [] when nothing conflicts."""
    groups: dict[tuple, list] = {}
    for e in entries:
        groups.setdefault(_statement(e[2]), []).append(e)
    keys = sorted(groups, key=lambda k: tuple(str(x) for x in k))
    w = window(key)
    prepared = {k: _sorted(groups[k]) for k in keys}
    kept: dict[tuple, dict[int, tuple]] = {}
    for i, ka in enumerate(keys):
        for kb in keys[i + 1:]:
            a, b = groups[ka][0][2], groups[kb][0][2]
            if not conflict(a, b):
                continue
            for mine, other in ((ka, kb), (kb, ka)):
                for x in groups[mine]:
                    if _meets(x, prepared[other], w):
                        kept.setdefault(mine, {}).setdefault(x[0].id, x)
    if len(kept) < 2:
        return []
    out = []
    for k in keys:
        if k not in kept:
            continue
        es = sorted(kept[k].values(), key=lambda e: (e[0].uid or "", e[0].id))
        sides = Counter(s for _c, s, _a in es if s)
        party = min(sides, key=lambda s: (-sides[s], s)) if sides else None
        if es[0][2].kind == "control" and es[0][2].polarity > 0 and es[0][2].holder \
                and not es[0][2].holder.startswith(NOT):
            party = party or es[0][2].holder
        out.append((es[0][2], party, es))
    return out
