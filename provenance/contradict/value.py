"""Value detector: different values for the same quantity about the same subject.

Claims are blocked by (quantity type, subject) from rules/quantities.json;
inside a block the stated values are sorted and swept into clusters of
values that agree (O(n log n) per block).  Two or more clusters make one
finding listing every claim of the block.  A reduction ('by half') is
turned into a value with the baseline another claim of the block states
('from about 880,000 ...'); with no baseline, reductions are compared with
each other; with no baseline in the block, one stated in the articles'
text (narration included) for the same type and subject is used.  Types
scoped to one article (counted things keyed by their predicate, prices,
money set aside for a purpose) are blocked by article as well, and two of
their statements naming different places or days after the quantity are
not compared.  A stated 'the same amount' / 'unchanged' is a reduction of
zero, compared with stated reductions ('cut by a fifth').
"""
from __future__ import annotations

from ..records import ClaimView, Finding
from .common import finding, who
from .numbers import Value, fmt, overlaps
from .quantities import Quantity, qtype, qtypes, quantities_in

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


def _compatible(a, b) -> bool:
    """Two statements of one article about the same place and day: neither
    names a place or day after the quantity that the other does not."""
    ta, tb = a[1].tags, b[1].tags
    return not ta or not tb or ta <= tb or tb <= ta


def _tagged_clusters(items: list) -> list[list]:
    """Inside one article (a small block): the clusters of agreeing values
    among the items that conflict with a compatible item; items whose
    conflicts are all with statements about another place or day drop out."""
    keep = [it for it in items if any(
        _compatible(it, o) and o[0].id != it[0].id and not overlaps(it[2], o[2], TOLERANCE) for o in items)]
    return _clusters(keep) if len({it[0].id for it in keep}) >= 2 else []


def _describe(v: Value) -> str:
    if v.lo == v.hi:
        return fmt(v.lo)
    if v.hi == float("inf"):
        return f">= {fmt(v.lo)}"
    return f"{fmt(v.lo)}-{fmt(v.hi)}"


def _narration_bases(claims: list[ClaimView], ctx) -> dict[tuple, list[Value]]:
    """Baselines ('cut from about 880,000 troops to 600,000') stated in the
    text of the articles, claims or not: (type, subject) -> bases.  Only
    sentences holding a type's anchor word and a digit are read."""
    if ctx is None or not ctx.texts:
        return {}
    anchored = [qt for qt in qtypes() if qt.anchor is not None]
    out: dict[tuple, list[Value]] = {}
    for sid in {cl.source_id for cl in claims}:
        text = ctx.texts.get(sid) or ""
        for qt in anchored:
            for a in qt.anchor.finditer(text):
                lo = max(text.rfind(".", 0, a.start()), text.rfind("\n", 0, a.start())) + 1
                hi = min(x for x in (text.find(".", a.end()), text.find("\n", a.end()), len(text)) if x >= 0)
                sentence = text[lo:hi]
                if not any(ch.isdigit() for ch in sentence):
                    continue
                for q in quantities_in(sentence):
                    if q.type == qt.name and q.base is not None and q.subject:
                        out.setdefault((q.type, q.subject), []).append(q.base)
    return out


def _block_findings(key, entries: list[tuple[ClaimView, Quantity]], extra_bases=()) -> list[Finding]:
    qt = qtype(key[0])
    bases = [q.base for _, q in entries if q.base is not None]
    where = "stated in the block"
    if not bases and extra_bases:
        bases, where = list(extra_bases), "stated in the articles' text"
    baseline = Value(min(b.lo for b in bases), max(b.hi for b in bases), bases[0].unit,
                     bases[0].text) if bases else None
    by_value, by_reduction = [], []
    for cl, q in entries:
        if q.target is not None:
            by_value.append((cl, q, q.target, q.words))
            if q.reduction is not None:  # '€300bn, the same amount as now'
                by_reduction.append((cl, q, q.reduction, q.words))
            elif q.base is not None and q.base.lo > 0:
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
        clusters = _tagged_clusters(items) if qt.scope == "article" else _clusters(items)
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
            expl += f" (a reduction is applied to the baseline {baseline.text} {where})"
        out.append(finding("value", members, qt.topic, expl, f"value.{qt.name}",
                           quantity=qt.name, subject=key[1], compared=what))
    return out


def detect_values(claims: list[ClaimView], context=None) -> list[Finding]:
    """Findings of kind 'value' for claims stating different values of one
    quantity (types scoped to one article are blocked by article too)."""
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
        key = (q.type, subj, cl.source_id) if qtype(q.type).scope == "article" else (q.type, subj)
        blocks.setdefault(key, []).append((cl, q))
    narrated = _narration_bases(claims, context) if any(
        q.reduction is not None and q.target is None and q.subject for _, q in entries) else {}
    out = []
    for key, group in blocks.items():
        out.extend(_block_findings(key, group, narrated.get(key[:2], ())))
    return out
