"""Revisions of a plan: which point of one plan is which point of another, and what
changed between them (pure: works on the linker's IndexPlan records).

A plan that revises another (`revision_of`) may say which earlier point each of its
points revises (`"revises": {"12": "19"}`); the other points are matched by content:
the same topic and the most shared words of title, text and value names, one earlier
point per point.  Two plans that are not revisions of one another are matched the
same way, by content only.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .link.words import content_words

MIN_SIMILARITY = 0.12


@dataclass(frozen=True)
class PointDiff:
    old: str | None  # "us-28:6"
    new: str | None  # "ua-20:4"
    status: str  # kept | changed | dropped | added
    topic: str
    old_title: str | None = None
    new_title: str | None = None
    values: tuple = field(default=())  # (name, old value, new value) for each value that differs
    how: str = ""  # "revises" (the plan says so) | "content"

    def as_dict(self) -> dict:
        return dict(status=self.status, old=self.old, new=self.new, topic=self.topic, old_title=self.old_title,
                    new_title=self.new_title, how=self.how or None,
                    values=[dict(name=n, old=o, new=v) for n, o, v in self.values])


def _words(p) -> set[str]:
    return content_words(f"{p.title} {p.text} {' '.join(str(k).replace('_', ' ') for k in p.values)}")


def _similarity(a, b) -> float:
    wa, wb = _words(a), _words(b)
    return len(wa & wb) / max(1, len(wa | wb))


def match_points(old, new) -> dict[int, tuple[int, str]]:
    """new point number -> (old point number, how) for the points of `new` that revise
    a point of `old`."""
    out: dict[int, tuple[int, str]] = {}
    olds = {p.number: p for p in old.points}
    revises = new.revises if new.revision_of == old.slug else {}
    if old.revision_of == new.slug and old.revises:  # the other way round
        revises = {}
        for n, os_ in old.revises.items():
            for o in os_:
                revises.setdefault(o, [n])
    used: set[int] = set()
    for n, os_ in revises.items():
        first = next((int(o) for o in os_ if int(o) in olds), None)
        if first is not None and int(n) in {p.number for p in new.points}:
            out[int(n)] = (first, "revises")
            used.add(first)
    pairs = sorted(((_similarity(o, p) + (0.5 if o.topic == p.topic else 0.0), p.number, o.number)
                    for p in new.points if p.number not in out for o in old.points if o.number not in used),
                   reverse=True)
    for score, n, o in pairs:
        if n in out or o in used or score < 0.5 + MIN_SIMILARITY:
            continue
        out[n] = (o, "content")
        used.add(o)
    return out


def _value_changes(a: dict, b: dict) -> tuple:
    return tuple((k, a.get(k), b.get(k)) for k in sorted(set(a) | set(b), key=str) if a.get(k) != b.get(k))


def diff_plans(old, new) -> list[PointDiff]:
    """Points kept, changed (values or wording), dropped and added from `old` to `new`,
    in the order of the new plan, dropped points last."""
    pairs = match_points(old, new)
    olds = {p.number: p for p in old.points}
    out = []
    for p in new.points:
        if p.number not in pairs:
            out.append(PointDiff(None, p.ref, "added", p.topic, new_title=p.title))
            continue
        o = olds[pairs[p.number][0]]
        values = _value_changes(o.values, p.values)
        same = not values and o.text == p.text
        out.append(PointDiff(o.ref, p.ref, "kept" if same else "changed", p.topic, o.title, p.title, values,
                             pairs[p.number][1]))
    matched = {o for o, _ in pairs.values()}
    out += [PointDiff(o.ref, None, "dropped", o.topic, old_title=o.title) for o in old.points
            if o.number not in matched]
    return out


def versions_of(ref: str, index) -> list:
    """The point and its versions in the plans it was revised from or into (following
    revision_of both ways), oldest plan first."""
    point = index.point(ref)
    if point is None:
        return []
    plans = {p.slug: p for p in index.plans}
    found = {point.ref: point}
    queue = [point]
    while queue:
        cur = queue.pop()
        here = plans[cur.plan]
        for other in plans.values():
            if other.slug == here.slug or not (other.revision_of == here.slug or here.revision_of == other.slug):
                continue
            older, newer = (other, here) if here.revision_of == other.slug else (here, other)
            pairs = match_points(older, newer)
            if cur.plan == newer.slug and cur.number in pairs:
                hits = [f"{older.slug}:{pairs[cur.number][0]}"]
            elif cur.plan == older.slug:
                hits = [f"{newer.slug}:{n}" for n, (o, _) in pairs.items() if o == cur.number]
            else:
                hits = []
            for h in hits:
                if h not in found:
                    found[h] = index.point(h)
                    queue.append(found[h])
    return sorted(found.values(), key=lambda p: (plans[p.plan].date or "", p.plan, p.number))


def matching_versions(text: str, versions: list, min_value: int = 1000) -> list[str]:
    """The versions of a point whose own values (those the other versions do not share)
    a claim's text states: "a cap of 600,000" matches us-28:6, not ua-20:4."""
    from .link.values import _unit_after, point_keys, ratios_in
    from .link.words import number_spans

    if len(versions) < 2:
        return []
    keys = {v.ref: point_keys(v) for v in versions}
    common = frozenset.intersection(*keys.values())
    said = {n if n >= min_value else (n, _unit_after(text, b)) for n, _, b in number_spans(text)}
    said |= {r for r, _, _ in ratios_in(text)}
    return [ref for ref, k in keys.items() if said & (k - common)]
