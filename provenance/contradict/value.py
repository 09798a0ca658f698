"""Value detector: different values for the same quantity about the same subject.

Claims are blocked by (quantity type, subject) from rules/quantities.json;
inside a block the stated values are sorted and swept into clusters of
values that agree (O(n log n) per block).  Two or more clusters make one
finding listing every claim of the block.  A reduction ('by half') is
turned into a value with the baseline another claim of the block states
('from about 880,000 ...'); with no baseline, reductions are compared with
each other; with no baseline in the block, one stated in the text of the
block's articles (narration included) for the same type and subject is used.  Types
scoped to one article (counted things keyed by their predicate, prices,
money set aside for a purpose) are blocked by article as well, and two of
their statements naming different places or days after the quantity are
not compared.  A stated 'the same amount' / 'unchanged' is a reduction of
zero, compared with stated reductions ('cut by a fifth').

A cluster is one group: the finding shows it by its first stored claims
(common.REPRESENTATIVES) and counts the others, so a block's finding does
not grow with the articles repeating a value.  Baselines in narration are
read from the text of the block's own articles, and only for a block that
needs one (no claim of it states a baseline).
"""
from __future__ import annotations

from functools import lru_cache

from ..records import ClaimView, Finding
from .common import finding, first_stored, listed, who
from .numbers import Value, fmt, overlaps
from .quantities import Quantity, qtype, quantities_in
from .table import analysed

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


@lru_cache(maxsize=16384)
def _sentence_quantities(sentence: str) -> tuple[Quantity, ...]:
    return tuple(quantities_in(sentence))


def _article_bases(qt, text: str) -> list[tuple[str, Value]]:
    """(subject, baseline) for each baseline of type qt stated in an
    article's text, claim or not ('cut from about 880,000 troops to
    600,000').  Only sentences holding the type's anchor word and a digit
    are read."""
    out = []
    for a in qt.anchor.finditer(text):
        lo = max(text.rfind(".", 0, a.start()), text.rfind("\n", 0, a.start())) + 1
        hi = min(x for x in (text.find(".", a.end()), text.find("\n", a.end()), len(text)) if x >= 0)
        sentence = text[lo:hi]
        if not any(ch.isdigit() for ch in sentence):
            continue
        for q in _sentence_quantities(sentence):
            if q.type == qt.name and q.base is not None and q.subject:
                out.append((q.subject, q.base))
    return out


def _narration_bases(key, entries, ctx, memo: dict) -> list[Value]:
    """Baselines for the block's (type, subject) stated in the text of its
    articles (each article read once per type)."""
    qt = qtype(key[0])
    if ctx is None or qt.anchor is None or not key[1]:
        return []
    out = []
    for sid in sorted({cl.source_id for cl, _ in entries}):
        found = memo.get((qt.name, sid))
        if found is None:
            text = ctx.texts.get(sid)
            found = memo[(qt.name, sid)] = _article_bases(qt, text) if text else []
        out.extend(b for subj, b in found if subj == key[1])
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
    covered: list[set] = []
    for items, what in ((by_value, "value"), (by_reduction, "reduction")):
        if len({it[0].id for it in items}) < 2:
            continue
        clusters = _tagged_clusters(items) if qt.scope == "article" else _clusters(items)
        if len(clusters) < 2:
            continue
        parts = []
        members = []
        for c in clusters:
            reps = first_stored(c, claim=lambda it: it[0])
            parts.append(listed((f"{_describe(it[2]) if what == 'value' else _describe(it[2].scaled(100)) + '%'}"
                                 f" ({who(it[0])}: \"{it[3]}\")" for it in reps), len({it[0].id for it in c})))
            members.extend((it[0], it[3]) for it in reps)
        ids = {it[0].id for c in clusters for it in c}  # every claim, shown or counted
        if len({cl.id for cl, _ in members}) < 2 or any(ids <= seen for seen in covered):
            continue
        covered.append(ids)
        expl = f"{label}: different {'values' if what == 'value' else 'reductions'} stated: " + " vs ".join(parts)
        if what == "value" and baseline is not None and any(it[1].target is None for it in items):
            expl += f" (a reduction is applied to the baseline {baseline.text} {where})"
        out.append(finding("value", members, qt.topic, expl, f"value.{qt.name}",
                           quantity=qt.name, subject=key[1], compared=what, block=key))
    return out


def detect_values(claims: list[ClaimView], context=None) -> list[Finding]:
    """Findings of kind 'value' for claims stating different values of one
    quantity (types scoped to one article are blocked by article too)."""
    entries = [(cl, q) for cl, qs in analysed(claims, quantities_in) for q in qs]
    # a claim that names no subject joins the one subject its type has, if only one
    subjects: dict[str, set] = {}
    for _, q in entries:
        if q.subject:
            subjects.setdefault(q.type, set()).add(q.subject)
    known = getattr(context, "store", {}).get("subjects")
    if known is not None:  # counted over the whole store, these claims being part of it
        subjects = known
    blocks: dict[tuple, list] = {}
    for cl, q in entries:
        subj = q.subject
        if subj is None and len(subjects.get(q.type, ())) == 1:
            subj = next(iter(subjects[q.type]))
        key = (q.type, subj, cl.source_id) if qtype(q.type).scope == "article" else (q.type, subj)
        blocks.setdefault(key, []).append((cl, q))
    out = []
    memo: dict = {}
    for key, group in blocks.items():
        needs_base = all(q.base is None for _, q in group) and any(
            q.reduction is not None and q.target is None for _, q in group)
        out.extend(_block_findings(key, group, _narration_bases(key, group, context, memo) if needs_base else ()))
    return out
