"""Control detector: control of a place asserted and denied.

Statements of control ('its forces took full control of X', 'remain in
control of the city', 'X has not fallen') come from rules/control.json;
places and their spellings from rules/places.json, so any listed town works.
'the city' / 'the town' refers back to the last place named in the same
claim or in one of the few claims before it in the same article.  Claims are
blocked by place; inside a block identical statements (controller, polarity,
scope) are grouped and only distinct groups are compared.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..records import ClaimView, Finding
from .common import finding, who
from .lexicon import control_rules, lexicon

LOOKBACK = 3
# cheap test before the statement patterns: words every statement of rules/control.json contains
_CUE = re.compile(r"control|captur|seiz|took|taken|liberat|occup|overr|retook|retaken|fell|fallen|hold|held"
                  r"|charge|hands", re.I)  # claims of the same article searched for the place 'the city' refers to


@dataclass(frozen=True)
class Statement:
    place: str
    controller: str | None
    polarity: str  # "assert" | "deny"
    full: bool
    words: str


@lru_cache(maxsize=1)
def _rules():
    lex = lexicon()
    cfg = control_rules()
    pats = tuple((s["polarity"], lex.compile(s["re"])) for s in cfg["statements"])
    return pats, re.compile(cfg["negation_cues"], re.I), re.compile(cfg["clause_breaks"], re.I)


def _negated(prefix: str, neg: re.Pattern, breaks: re.Pattern) -> bool:
    cues = list(neg.finditer(prefix))
    if not cues:
        return False
    return not breaks.search(prefix[cues[-1].end():])


def _controller(text: str, m: re.Match, speaker: str | None) -> str | None:
    lex = lexicon()
    if m.groupdict().get("party"):
        ps = lex.parties_in(m.group("party"))
        if ps:
            return ps[0][2]
    clause_start = max(text.rfind(";", 0, m.start()), text.rfind(".", 0, max(0, m.start() - 1)), 0)
    before = lex.parties_in(text[max(clause_start, m.start() - 80):m.start()])
    if before:
        return before[-1][2]
    return lex.party_of(speaker)


def statements_in(cl: ClaimView, previous_place: str | None = None) -> list[Statement]:
    """Control statements of one claim; `previous_place` resolves 'the city'."""
    lex = lexicon()
    pats, neg, breaks = _rules()
    out = []
    if not _CUE.search(cl.text) or not (lex.maybe_place(cl.text) or lex.anaphora_re.search(cl.text)):
        return out
    for polarity, pat in pats:
        for m in pat.finditer(cl.text):
            named = lex.places_in(m.group("place"))
            if named:
                place = named[0][2]
            else:  # 'the city': last place named earlier in this claim, else before it
                earlier = [p for _, _, p in lex.places_in(cl.text[:m.start()])
                           if lex.place_kinds.get(p) != "region"]
                place = earlier[0] if earlier else previous_place
            if not place:
                continue
            scope = (m.groupdict().get("full") or "").lower()
            part = m.groupdict().get("part")
            full = not part and scope not in ("partial",)
            pol = polarity
            if _negated(cl.text[:m.start()], neg, breaks):
                pol = "deny" if pol == "assert" else "assert"
            out.append(Statement(place, _controller(cl.text, m, cl.speaker), pol, full, m.group(0).strip()))
    # one statement per (place, controller, polarity)
    seen, uniq = set(), []
    for s in out:
        k = (s.place, s.controller, s.polarity)
        if k not in seen:
            seen.add(k)
            uniq.append(s)
    return uniq


def _conflict(a: Statement, b: Statement) -> bool:
    if a.controller is None or b.controller is None:
        return False
    if a.polarity == b.polarity == "assert":
        return a.controller != b.controller and (a.full or b.full)
    if a.polarity != b.polarity:
        return a.controller == b.controller
    return False


def detect_control(claims: list[ClaimView]) -> list[Finding]:
    """Findings of kind 'control' for a place whose control is asserted and denied."""
    lex = lexicon()
    by_source: dict[int, list[ClaimView]] = {}
    for cl in claims:
        by_source.setdefault(cl.source_id, []).append(cl)
    blocks: dict[str, dict[tuple, list]] = {}
    for src_claims in by_source.values():
        src_claims.sort(key=lambda c: c.id)
        last_place, last_at = None, -LOOKBACK - 1
        for n, cl in enumerate(src_claims):
            prev = last_place if n - last_at <= LOOKBACK else None
            for st in statements_in(cl, prev):
                key = (st.controller, st.polarity, st.full)
                blocks.setdefault(st.place, {}).setdefault(key, []).append((cl, st))
            named = [p for _, _, p in lex.places_in(cl.text) if lex.place_kinds.get(p) != "region"]
            if named:
                last_place, last_at = named[0], n
    out = []
    for place, groups in blocks.items():
        keys = list(groups)
        members, parts = [], []
        used = set()
        for i in range(len(keys)):
            for j in range(i + 1, len(keys)):
                a, b = groups[keys[i]][0][1], groups[keys[j]][0][1]
                if _conflict(a, b):
                    used.update((i, j))
        for i in sorted(used):
            entries = groups[keys[i]]
            members.extend((cl, st.words) for cl, st in entries)
            ctrl, pol, full = keys[i]
            verb = "controls" if pol == "assert" else "does not control"
            parts.append(f"{ctrl} {verb} {place}{'' if full else ' (in part)'} "
                         f"[{'; '.join(who(cl) for cl, _ in entries)}]")
        if len({cl.id for cl, _ in members}) < 2:
            continue
        if len({cl.speaker for cl, _ in members}) < 2 and members[0][0].speaker:
            continue  # one speaker qualifying itself is not a contradiction
        out.append(finding("control", members, "battlefield_control",
                           f"control of {place} asserted and denied: " + " vs ".join(parts),
                           "control.place", place=place))
    return out
