"""Value detector: different values for the same quantity about the same subject.

Claims are blocked by (quantity type, subject) from rules/quantities.json;
inside a block the stated values are sorted and swept into clusters of
values that agree (O(n log n) per block).  Two or more clusters make one
finding listing every claim of the block.  A reduction ('by half') is
turned into a value with the baseline another claim of the block states
('from about 880,000 ...'); with no baseline, reductions are compared with
each other.
"""
from __future__ import annotations

from ..records import ClaimView, Finding
from .common import finding, who
from .numbers import Value, fmt, overlaps
from .quantities import Quantity, quantities_in, qtype

TOLERANCE = 0.03


def _clusters(items: list[tuple[ClaimView, Quantity, Value, str]]) -> list[list]:
    """Sweep items sorted by interval start into clusters whose values all
    agree: an item joins the current cluster when it meets the values the
    cluster's members have in common (their intersection), so agreement
    never chains across values that differ."""
    items = sorted(items, key=lambda it: (it[2].lo, it[2].hi))
    out: list[list] = []
    common: Value | None = None
    for it in items:
        v = it[2]
        if common is not None and overlaps(v, common, TOLERANCE):
            out[-1].append(it)
            common = Value(max(common.lo, v.lo), max(min(common.hi, v.hi), max(common.lo, v.lo)), v.unit, "")
        else:
            out.append([it])
            common = v
    return out


def _describe(v: Value) -> str:
    if v.lo == v.hi:
        return fmt(v.lo)
    if v.hi == float("inf"):
        return f">= {fmt(v.lo)}"
    return f"{fmt(v.lo)}-{fmt(v.hi)}"


def _block_findings(key, entries: list[tuple[ClaimView, Quantity]]) -> list[Finding]:
    qt = qtype(key[0])
    bases = [q.base for _, q in entries if q.base is not None]
    baseline = Value(min(b.lo for b in bases), max(b.hi for b in bases), bases[0].unit,
                     bases[0].text) if bases else None
    by_value, by_reduction = [], []
    for cl, q in entries:
        if q.target is not None:
            by_value.append((cl, q, q.target, q.words))
            if q.base is not None and q.base.lo > 0:
                r = Value(max(0.0, 1 - q.target.hi / q.base.lo), max(0.0, 1 - q.target.lo / q.base.hi),
                          "fraction", q.words)
                by_reduction.append((cl, q, r, q.words))
        elif q.reduction is not None:
            by_reduction.append((cl, q, q.reduction, q.words))
            if baseline is not None:
                r = q.reduction
                v = Value(baseline.lo * (1 - r.hi), baseline.hi * (1 - r.lo), baseline.unit,
                          f"{r.text} of {baseline.text}")
                by_value.append((cl, q, v, q.words))
    label = qt.label + (f" ({key[1]})" if key[1] else "")
    out: list[Finding] = []
    for items, what in ((by_value, "value"), (by_reduction, "reduction")):
        if len({it[0].id for it in items}) < 2:
            continue
        clusters = _clusters(items)
        if len(clusters) < 2:
            continue
        parts = []
        members = []
        for c in clusters:
            shown = "; ".join(f"{_describe(it[2]) if what == 'value' else _describe(it[2].scaled(100)) + '%'}"
                              f" ({who(it[0])}: \"{it[3]}\")" for it in c)
            parts.append(shown)
            members.extend((it[0], it[3]) for it in c)
        ids = {cl.id for cl, _ in members}
        if len(ids) < 2 or any(ids <= set(f.claims) for f in out):
            continue
        expl = f"{label}: different {'values' if what == 'value' else 'reductions'} stated: " + " vs ".join(parts)
        if what == "value" and baseline is not None and any(it[1].target is None for it in items):
            expl += f" (a reduction is applied to the baseline {baseline.text} stated in the block)"
        out.append(finding("value", members, qt.topic, expl, f"value.{qt.name}",
                           quantity=qt.name, subject=key[1], compared=what))
    return out


def detect_values(claims: list[ClaimView]) -> list[Finding]:
    """Findings of kind 'value' for claims stating different values of one quantity."""
    entries = [(cl, q) for cl in claims for q in quantities_in(cl.text)]
    # a claim that names no subject joins the one subject its type has, if only one
    subjects: dict[str, set] = {}
    for _, q in entries:
        if q.subject:
            subjects.setdefault(q.type, set()).add(q.subject)
    blocks: dict[tuple, list] = {}
    for cl, q in entries:
        subj = q.subject
        if subj is None and len(subjects.get(q.type, ())) == 1:
            subj = next(iter(subjects[q.type]))
        blocks.setdefault((q.type, subj), []).append((cl, q))
    out = []
    for key, group in blocks.items():
        out.extend(_block_findings(key, group))
    return out
