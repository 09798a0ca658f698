"""Helpers shared by the detectors: blocking, groups and building Findings."""
from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Callable, Hashable, Iterable, Mapping, Sequence

from ..records import ClaimView, Finding

GENERIC_TOPICS = frozenset({"negotiations"})
# claims that stand for one group (one value, allocation, statement) in a finding
REPRESENTATIVES = 5


@dataclass(frozen=True)
class Context:
    """What the detectors may read besides the claims (all optional):
    the article texts (source id -> text), each claim's offset in its
    article (claim id -> start), and the structured values of plan points
    ('us-28:6' -> {"army_cap": 600000})."""

    texts: Mapping[int, str] = field(default_factory=dict)
    starts: Mapping[int, int] = field(default_factory=dict)
    point_values: Mapping[str, dict] = field(default_factory=dict)
    # inputs counted over the whole store when the claims given are only part
    # of it (detection after an ingest): 'subjects' (quantity type -> its
    # subjects), 'word_count' (content word -> claims holding it)
    store: Mapping[str, object] = field(default_factory=dict)

    def before(self, cl: ClaimView) -> str | None:
        """The article text before the claim, if known."""
        text, start = self.texts.get(cl.source_id), self.starts.get(cl.id)
        if text is None or start is None:
            return None
        return text[:start]


EMPTY = Context()


def day(cl: ClaimView) -> int | None:
    """The claim's publication date as a day number, or None."""
    return _day(cl.published)


@lru_cache(maxsize=4096)
def _day(published: str | None) -> int | None:
    try:
        return date.fromisoformat((published or "")[:10]).toordinal()
    except ValueError:
        return None


def first_stored(entries: Iterable, claim: Callable = lambda e: e, n: int = REPRESENTATIVES) -> list:
    """A group's representatives: the entries of its n claims stored first
    (lowest claim id), in id order, one entry per claim."""
    seen: dict[int, object] = {}
    for e in entries:
        seen.setdefault(claim(e).id, e)
    return [seen[i] for i in heapq.nsmallest(n, seen)]


def more(total: int, shown: int) -> str:
    """' (+N more)' for a group shown by some of its claims."""
    return f" (+{total - shown} more)" if total > shown else ""


def listed(descriptions: Iterable[str], total: int, sep: str = "; ") -> str:
    """A group's claims described: each distinct description once, then how
    many more claims the group has ('A; B (+6 more)')."""
    distinct = list(dict.fromkeys(descriptions))
    return sep.join(distinct) + more(total, len(distinct))


def block(items: Iterable, keys: Callable[[object], Iterable[Hashable]]) -> dict[Hashable, list]:
    """Group items under each of their keys (one pass; no pairwise work)."""
    out: dict[Hashable, list] = defaultdict(list)
    for it in items:
        for k in keys(it):
            out[k].append(it)
    return out


def common_point(claims: Sequence[ClaimView]) -> str | None:
    """The plan point most of the claims are linked to (at least two), else None."""
    c = Counter(p for cl in claims for p in dict.fromkeys(cl.points))  # a tie goes to the first seen
    if not c:
        return None
    point, n = c.most_common(1)[0]
    return point if n >= 2 or len(claims) == 1 else None


def common_topic(claims: Sequence[ClaimView]) -> str | None:
    c = Counter(t for cl in claims for t in dict.fromkeys(cl.topics) if t not in GENERIC_TOPICS)
    if not c:
        return None
    topic, n = c.most_common(1)[0]
    return topic if n >= 2 else None


def finding(kind: str, members: Sequence[tuple[ClaimView, str]], topic: str | None, explanation: str,
            detector: str, **extra) -> Finding:
    """A Finding over (claim, conflicting words) pairs, first occurrence of a claim kept."""
    seen, claims, values = set(), [], []
    for cl, words in members:
        if cl.id in seen:
            continue
        seen.add(cl.id)
        claims.append(cl)
        values.append(words)
    return Finding(
        kind=kind,
        claims=tuple(c.id for c in claims),
        topic=topic if topic is not None else common_topic(claims),
        point=common_point(claims),
        values=tuple(values),
        explanation=explanation,
        detector=detector,
        extra=dict(extra),
    )


def who(cl: ClaimView) -> str:
    parts = [cl.speaker or "unnamed source"]
    if cl.outlet:
        parts.append(cl.outlet)
    return " / ".join(parts)
