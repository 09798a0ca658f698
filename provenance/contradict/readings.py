"""A claim's readings as the detectors make them, to store and read back.

Reading a claim's quantities, its allocation and its refusal is most of
what detection costs per claim.  Each is a function of the claim's text
(under the names learned for the run), so it is stored with the claim's
analysis when it is first read, and detection after an ingest hands the
stored readings to the detectors' tables (`fill`) instead of reading the
texts of the old claims again.  JSON, so it reads back on every database:
an unbounded value's infinity is written as null.
"""
from __future__ import annotations

from .numbers import INF, Value
from .position import _refusal
from .quantities import Quantity, quantities_in
from .share import Allocation, allocation_in

KEYS = {"q": quantities_in, "al": allocation_in, "rf": _refusal}  # stored key -> the reading it stores


class Span:
    """What the detectors use of a match: its start, end and words."""
    __slots__ = ("_a", "_b", "_words")

    def __init__(self, a: int, b: int, words: str):
        self._a, self._b, self._words = a, b, words

    def start(self) -> int:
        return self._a

    def end(self) -> int:
        return self._b

    def group(self, n: int = 0) -> str:
        if n:
            raise IndexError(n)
        return self._words


def _value(v: Value | None):
    return None if v is None else [v.lo, None if v.hi == INF else v.hi, v.unit, v.text]


def _value_back(row) -> Value | None:
    return None if row is None else Value(row[0], INF if row[1] is None else row[1], row[2], row[3])


def dump(key: str, reading):
    """A reading (truthy) as JSON data."""
    if key == "q":
        return [[q.type, q.subject, _value(q.target), _value(q.base), _value(q.reduction), q.words, sorted(q.tags)]
                for q in reading]
    if key == "al":
        return [[list(s) for s in reading.shares], reading.complete, reading.words]
    return [reading.start(), reading.end(), reading.group(0)]


def load(key: str, data):
    """The reading stored as `data`."""
    if key == "q":
        return [Quantity(t, s, _value_back(a), _value_back(b), _value_back(r), w, frozenset(g))
                for t, s, a, b, r, w, g in data]
    if key == "al":
        shares, complete, words = data
        return Allocation(tuple((p, v) for p, v in shares), complete, words)
    return Span(*data)


def of_table(table) -> dict[int, dict]:
    """Table claim id -> its truthy readings as JSON data (readings the run
    has made: the table's memo, under the names learned for the run)."""
    out: dict[int, dict] = {}
    for key, fn in KEYS.items():
        res = table._results(fn)
        dumped: dict[int, object] = {}
        for i, t in enumerate(table._text):
            r = res[t]
            if r:
                if t not in dumped:
                    dumped[t] = dump(key, r)
                out.setdefault(table.ids[i], {})[key] = dumped[t]
    return out


def fill(table, stored: dict[int, dict]) -> bool:
    """Hand a table the stored readings of its claims (table claim id ->
    its stored analysis, the readings under "rd"); False, and nothing
    handed, when a claim has none stored."""
    from .learned import current
    per_text: list = [None] * len(table.texts)
    for i, t in enumerate(table._text):
        data = stored.get(table.ids[i])
        if data is None or "rd" not in data:
            return False
        if per_text[t] is None:
            per_text[t] = data
    memo = table.__dict__.setdefault("_memo", {})
    now = current()
    for key, fn in KEYS.items():
        memo[(fn, now)] = [load(key, d["rd"][key]) if key in d["rd"] else _EMPTY[key] for d in per_text]
    return True


_EMPTY = {"q": [], "al": None, "rf": None}
