"""Every claim of a store, column by column, for detection at scale.

A `ClaimTable` is a sequence of ClaimViews that keeps, per claim, a few
integers (id, article, offset, and indexes into pools of distinct texts,
speakers and topic tuples) and builds a ClaimView only when asked.  The
detectors first ask for the claims whose text passes a test
(`analysed(claims, fn)`: fn runs once per distinct text), so a claim no
detector reads is never built, and text repeated by many articles is read
once; `groups` hands out claims that say the same thing as one Group.
`analysed`, `counted` and `groups` also take a plain list of ClaimViews.

Claims are added in id order (`index_of` bisects the ids), which also gives
`starts`, the claim id -> offset mapping the detection Context needs.
"""
from __future__ import annotations

from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any, Callable, Iterator

from ..records import ClaimView

_UNSET = object()


class ClaimTable(Sequence):
    """Claims column by column; its views carry no uid, kind or quote (no
    detector reads them: the store looks up the uids of a finding's claims)."""

    def __init__(self) -> None:
        self.ids = array("q")
        self.sources = array("q")
        self.starts_col = array("i")  # offsets and pool indexes fit in 32 bits
        self._text = array("i")
        self._speaker = array("i")
        self._topics = array("i")
        self._points = array("i")
        self.texts: list[str] = []
        self._text_ix: dict[str, int] = {}
        self._speakers: list[tuple[str | None, str | None]] = []
        self._speaker_ix: dict[tuple, int] = {}
        self._tuples: list[tuple] = []
        self._tuple_ix: dict[tuple, int] = {}
        self._meta: dict[int, tuple[str | None, str | None]] = {}

    # -- building ----------------------------------------------------------
    def add_source(self, source_id: int, outlet: str | None, published: str | None) -> None:
        self._meta[source_id] = (outlet, published)

    def add(self, claim_id: int, source_id: int, start: int, text: str, speaker: str | None,
            speaker_type: str | None, topics: tuple = (), points: tuple = ()) -> None:
        """One claim; ids must come in increasing order."""
        self.extend_columns([claim_id], [source_id], [start], [text], [(speaker, speaker_type)],
                            [tuple(topics)], [tuple(points)])

    def extend_columns(self, ids, sources, starts, texts, speakers, topics, points) -> None:
        """Claims column by column (equal-length sequences; speakers as
        (name, type) pairs, topics and points as tuples), in increasing id order."""
        last = self.ids[-1] if self.ids else None
        if (last is not None and ids and ids[0] <= last) or any(b <= a for a, b in zip(ids, ids[1:])):
            raise ValueError("claims must be added in increasing id order")
        self.ids.extend(ids)
        self.sources.extend(sources)
        self.starts_col.extend(starts)
        self._text.extend(_pooled(texts, self._text_ix, self.texts))
        self._speaker.extend(_pooled(speakers, self._speaker_ix, self._speakers))
        self._topics.extend(_pooled(topics, self._tuple_ix, self._tuples))
        self._points.extend(_pooled(points, self._tuple_ix, self._tuples))

    def done(self) -> "ClaimTable":
        """Drop the building indexes (the pools stay)."""
        self._text_ix = {}
        self._speaker_ix = {}
        self._tuple_ix = {}
        return self

    # -- reading -----------------------------------------------------------
    def __len__(self) -> int:
        return len(self.ids)

    def view(self, i: int) -> ClaimView:
        sid = self.sources[i]
        outlet, published = self._meta.get(sid, (None, None))
        speaker, stype = self._speakers[self._speaker[i]]
        return ClaimView(id=self.ids[i], uid="", source_id=sid, text=self.texts[self._text[i]], quote=None,
                         kind="", speaker=speaker, speaker_type=stype, outlet=outlet, published=published,
                         topics=self._tuples[self._topics[i]], points=self._tuples[self._points[i]])

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self.view(j) for j in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        return self.view(i)

    def __iter__(self) -> Iterator[ClaimView]:
        for i in range(len(self)):
            yield self.view(i)

    def index_of(self, claim_id: int) -> int | None:
        i = bisect_left(self.ids, claim_id)
        return i if i < len(self.ids) and self.ids[i] == claim_id else None

    @property
    def starts(self) -> Mapping[int, int]:
        return _Starts(self)

    def analysed(self, fn: Callable[[str], Any]) -> list[tuple[ClaimView, Any]]:
        """(claim, fn(text)) for every claim where that is truthy; fn runs
        once per distinct text."""
        res = self._results(fn)
        hits = [bool(r) for r in res]
        text = self._text
        return [(self.view(i), res[text[i]]) for i in range(len(self)) if hits[text[i]]]

    def _results(self, fn: Callable[[str], Any]) -> list:
        """fn of every distinct text, computed once per table (the detectors
        and the block keys of a detection run read the same analyses)."""
        from .learned import current  # the names learned for the run change what a text reads as
        memo = self.__dict__.setdefault("_memo", {})
        key = (fn, current())
        res = memo.get(key)
        if res is None or len(res) != len(self.texts):
            res = memo[key] = [fn(t) for t in self.texts]
        return res

    def counted(self, fn: Callable[[str], Any]) -> Counter:
        """How many claims have each key fn(text) gives (fn once per distinct text)."""
        per_text = Counter(self._text)
        out: Counter = Counter()
        for i, t in enumerate(self.texts):
            for k in fn(t) or ():
                out[k] += per_text[i]
        return out

    def groups(self, pred: Callable[[str | None, str | None], bool],
               text_test: Callable[[str], Any] | None = None) -> list["Group"]:
        """The claims whose (speaker, speaker type) passes pred (run once per
        distinct pair) and whose text passes text_test (once per distinct
        text), as groups of claims with the same text, speaker and topics,
        in order of their first claim."""
        ok = [bool(pred(name, stype)) for name, stype in self._speakers]
        ok_text = [bool(text_test(t)) for t in self.texts] if text_test is not None else None
        spk, txt, top = self._speaker, self._text, self._topics
        found: dict[tuple, list[int]] = {}
        for i in range(len(self)):
            if ok[spk[i]] and (ok_text is None or ok_text[txt[i]]):
                k = (txt[i], spk[i], top[i])
                if k in found:
                    found[k].append(i)
                else:
                    found[k] = [i]
        out = []
        for (t, s, tp), idx in found.items():
            speaker, stype = self._speakers[s]
            out.append(Group(self.texts[t], speaker, stype, self._tuples[tp], array("q", (self.ids[i] for i in idx)),
                             array("q", (self.sources[i] for i in idx)), array("q", idx), self.view))
        return out


def _pooled(values, index: dict, pool: list) -> list[int]:
    """The pool index of each value, new values added to the pool."""
    out = list(map(index.get, values))
    if None in out:
        for k, v in enumerate(values):
            if out[k] is None:
                i = index.get(v)
                if i is None:
                    i = index[v] = len(pool)
                    pool.append(v)
                out[k] = i
    return out


class _Starts(Mapping):
    """claim id -> offset in its article, read from a ClaimTable."""

    def __init__(self, table: ClaimTable):
        self._t = table

    def __getitem__(self, claim_id: int) -> int:
        i = self._t.index_of(claim_id)
        if i is None:
            raise KeyError(claim_id)
        return self._t.starts_col[i]

    def __contains__(self, claim_id) -> bool:
        return isinstance(claim_id, int) and self._t.index_of(claim_id) is not None

    def __iter__(self):
        return iter(self._t.ids)

    def __len__(self) -> int:
        return len(self._t)


def analysed(claims: Sequence[ClaimView], fn: Callable[[str], Any]) -> list[tuple[ClaimView, Any]]:
    """(claim, fn(claim.text)) for the claims where it is truthy, fn run once per distinct text."""
    method = getattr(claims, "analysed", None)
    if method is not None:
        return method(fn)
    memo: dict[str, Any] = {}
    out = []
    for cl in claims:
        r = memo.get(cl.text, _UNSET)
        if r is _UNSET:
            r = memo[cl.text] = fn(cl.text)
        if r:
            out.append((cl, r))
    return out


def counted(claims: Sequence[ClaimView], fn: Callable[[str], Any]) -> Counter:
    """How many claims have each key that fn(claim.text) gives."""
    method = getattr(claims, "counted", None)
    if method is not None:
        return method(fn)
    memo: dict[str, Any] = {}
    out: Counter = Counter()
    for cl in claims:
        if cl.text not in memo:
            memo[cl.text] = fn(cl.text) or ()
        for k in memo[cl.text]:
            out[k] += 1
    return out


class Group:
    """Claims saying the same thing (text, speaker, speaker type, topics),
    in id order: their ids and articles, and a view of the k-th on demand."""

    __slots__ = ("text", "speaker", "speaker_type", "topics", "ids", "sources", "_refs", "_view")

    def __init__(self, text, speaker, speaker_type, topics, ids, sources, refs, view):
        self.text, self.speaker, self.speaker_type, self.topics = text, speaker, speaker_type, topics
        self.ids, self.sources, self._refs, self._view = ids, sources, refs, view

    def __len__(self) -> int:
        return len(self.ids)

    def view(self, k: int) -> ClaimView:
        return self._view(self._refs[k])

    def first(self, n: int) -> list[ClaimView]:
        return [self.view(k) for k in range(min(n, len(self.ids)))]


def groups(claims: Sequence[ClaimView], pred: Callable[[str | None, str | None], bool],
           text_test: Callable[[str], Any] | None = None) -> list[Group]:
    """The claims whose (speaker, speaker_type) passes pred (and whose text
    passes text_test), grouped by (text, speaker, speaker type, topics), in
    order of their first claim."""
    method = getattr(claims, "groups", None)
    if method is not None:
        return method(pred, text_test)
    memo: dict[tuple, bool] = {}
    texts: dict[str, bool] = {}
    found: dict[tuple, list[ClaimView]] = {}
    for cl in sorted(claims, key=lambda c: c.id):
        k = (cl.speaker, cl.speaker_type)
        if k not in memo:
            memo[k] = bool(pred(*k))
        if text_test is not None and cl.text not in texts:
            texts[cl.text] = bool(text_test(cl.text))
        if memo[k] and (text_test is None or texts[cl.text]):
            found.setdefault((cl.text, cl.speaker, cl.speaker_type, cl.topics), []).append(cl)
    return [Group(t, s, st, tp, [c.id for c in cs], [c.source_id for c in cs], cs, lambda c: c)
            for (t, s, st, tp), cs in found.items()]
