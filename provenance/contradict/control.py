"""Control detector: control of a place asserted and denied.

Statements of control ('its forces took full control of X', 'continued to
hold the northern districts of the town', 'X has not fallen', 'fighting
continues in X') come from rules/control.json; places from
rules/places.json, or any capitalised name in a statement's place slot (an
unknown name only ever meets another claim naming it).  'the city' / 'the
town' refers back to the last place named before it in the article (the
article text when the context gives it, else the claim and the few claims
before it).  The controller is the party the statement names, 'its/our
forces' the speaker's side, else the nearest party before.  Claims are
blocked by place; inside a block identical statements (controller,
polarity, scope) are grouped and only distinct groups are compared, and
only statements published within `max_days` of each other meet.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from ..records import ClaimView, Finding
from .common import EMPTY, Context, day, finding, who
from .lexicon import control_rules, lexicon

LOOKBACK = 3
WINDOW = 600  # characters of article text read at a time when looking back for 'the town'
OPPONENT = "not "  # controller prefix: any side but this one
# cheap test before the statement patterns: words every statement of rules/control.json contains
_CUE = re.compile(r"control|captur|seiz|took|taken|liberat|occup|overr|retook|retaken|fell|fallen|falls|hold|held"
                  r"|charge|hands|conquer|storm|fight|repel|repuls|beat\s+back|fought|enter|defend|present|deployed"
                  r"|positioned|capture|fall\b|seizure", re.I)
_THERE = re.compile(r"\bthere\b", re.I)
_TOWN_OF = re.compile(r"\b(?:city|town|village|settlement|hamlet)\s+of\s+((?-i:[A-Z][a-z]{2,}(?:[- ][A-Z][a-z]{2,})?))")


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
    ph = cfg.get("placeholders", {})

    def fill(src: str) -> str:
        for _ in range(4):
            src = re.sub(r"\{([A-Z_]+)\}", lambda m: ph.get(m.group(1), m.group(0)), src)
        return src

    pats = tuple((s["polarity"], s.get("scope", "full"), lex.compile(fill(s["re"])), s.get("controller"),
                  re.compile(fill(s.get("cue", "")), re.I)) for s in cfg["statements"])
    return dict(
        pats=pats,
        neg=re.compile(cfg["negation_cues"], re.I),
        breaks=re.compile(cfg["clause_breaks"], re.I),
        false_after=re.compile(cfg.get("false_after", r"(?!x)x"), re.I),
        modal=re.compile(cfg.get("modal_before", r"(?!x)x"), re.I),
        own=re.compile(fill(cfg.get("own_forces", r"(?!x)x")), re.I),
        party_forces=lex.compile(fill(cfg.get("party_forces", r"(?!x)x"))),
        reporter=lex.compile(fill(cfg.get("reporting_subject", r"(?!x)x"))),
        not_places=frozenset(w.lower() for w in cfg.get("not_places", [])),
        max_days=int(cfg.get("max_days", 14)),
    )


def _negated(prefix: str, neg: re.Pattern, breaks: re.Pattern) -> bool:
    cues = list(neg.finditer(prefix))
    if not cues:
        return False
    return not breaks.search(prefix[cues[-1].end():])


def _controller(text: str, m: re.Match, speaker: str | None) -> str | None:
    lex = lexicon()
    r = _rules()
    if m.groupdict().get("party"):
        ps = lex.parties_in(m.group("party"))
        if ps:
            return ps[0][2]
    clause_start = max(text.rfind(";", 0, m.start()), text.rfind(".", 0, max(0, m.start() - 1)), 0)
    window = text[max(clause_start, m.start() - 80):m.start()]
    # 'Ukrainian units continued to hold ...' / 'its forces had taken ...'
    near = window[-50:]
    forces = list(r["party_forces"].finditer(near))
    own = list(r["own"].finditer(near))
    if forces and (not own or forces[-1].start() > own[-1].start()):
        ps = lex.parties_in(forces[-1].group("party"))
        if ps:
            return ps[0][2]
    if own:  # 'its forces': the side that reports it in this sentence, else the speaker's
        sentence = text[max(text.rfind(".", 0, max(0, m.start() - 1)), 0):m.start()]
        reporters = [x for x in r["reporter"].finditer(sentence) if x.end() <= len(sentence) - len(near) + own[-1].start()]
        if reporters:
            ps = lex.parties_in(reporters[-1].group("party"))
            if ps:
                return ps[0][2]
        mine = lex.party_of(speaker)
        if mine:
            return mine
    before = lex.parties_in(window)
    if before:
        return before[-1][2]
    return lex.party_of(speaker)


def _place_of(name: str) -> str | None:
    """A place's canonical name: a gazetteer place, or an unknown capitalised
    name that is not a party, a weekday, a month or a title."""
    lex = lexicon()
    named = lex.places_in(name)
    if named:
        return named[0][2]
    if lex.anaphora_re.fullmatch(name.strip()) or name.strip().lower() == "there":
        return None
    if not name[:1].isupper():
        return None
    if name.lower() in _rules()["not_places"] or name.split()[0].lower() in _rules()["not_places"]:
        return None
    if lex.parties_in(name):
        return None
    return name.strip()


def places_named(text: str) -> list[tuple[int, str]]:
    """(offset, place) of the places a text names, gazetteer places and 'the town of X'."""
    lex = lexicon()
    out = [(s, p) for s, _e, p in lex.places_in(text) if lex.place_kinds.get(p) != "region"]
    for m in _TOWN_OF.finditer(text):
        p = _place_of(m.group(1))
        if p:
            out.append((m.start(1), p))
    out.sort()
    return out


def statements_in(cl: ClaimView, previous_place: str | None = None) -> list[Statement]:
    """Control statements of one claim; `previous_place` resolves 'the city'."""
    r = _rules()
    out = []
    if not _CUE.search(cl.text):
        return out
    for polarity, scope, pat, who_controls, cue in r["pats"]:
        if not cue.search(cl.text):
            continue
        for m in pat.finditer(cl.text):
            raw = m.group("place")
            place = _place_of(raw)
            if place is None:
                if raw[:1].isupper() and not lexicon().anaphora_re.fullmatch(raw.strip()) \
                        and raw.strip().lower() != "there":
                    continue  # a capitalised word that is not a place
                earlier = places_named(cl.text[:m.start()])
                place = earlier[-1][1] if earlier else previous_place
            if not place:
                continue
            prefix = cl.text[:m.start()]
            if r["modal"].search(prefix):
                continue  # 'would gain control of', 'trying to capture'
            gd = m.groupdict()
            scope_word = (gd.get("full") or "").lower()
            full = scope == "full" and not gd.get("part") and scope_word not in ("partial",)
            pol = polarity
            if _negated(prefix, r["neg"], r["breaks"]) or r["false_after"].search(cl.text[m.end():]):
                pol = "deny" if pol == "assert" else "assert"
            ctrl = _controller(cl.text, m, cl.speaker)
            if who_controls == "opponent" and not m.groupdict().get("party") and ctrl:
                ctrl = OPPONENT + ctrl  # 'X has not fallen': not to anyone but the side saying it
            out.append(Statement(place, ctrl, pol, full, m.group(0).strip()))
    # one statement per (place, controller, polarity); a full one wins over a partial one
    best: dict[tuple, Statement] = {}
    for s in out:
        k = (s.place, s.controller, s.polarity)
        if k not in best or (s.full and not best[k].full):
            best[k] = s
    return list(best.values())


def _conflict(a: Statement, b: Statement) -> bool:
    if a.controller is None or b.controller is None:
        return False
    if a.controller.startswith(OPPONENT) or b.controller.startswith(OPPONENT):
        d, o = (a, b) if a.controller.startswith(OPPONENT) else (b, a)
        side = d.controller[len(OPPONENT):]
        if o.controller.startswith(OPPONENT):
            return False
        return d.polarity != o.polarity and o.full and o.controller != side
    if a.polarity == b.polarity == "assert":
        return a.controller != b.controller and (a.full or b.full)
    if a.polarity != b.polarity:
        return a.controller == b.controller and (a.polarity == "deny" or a.full) and (b.polarity == "deny" or b.full)
    return False


def _previous_places(src_claims: list[ClaimView], ctx: Context) -> dict[int, str | None]:
    """Claim id -> the last place named before the claim in its article
    (read backwards from the claim in windows, so only the text needed is
    searched)."""
    lex = lexicon()
    out: dict[int, str | None] = {}
    text = ctx.texts.get(src_claims[0].source_id)
    if text is not None and all(c.id in ctx.starts for c in src_claims):
        for cl in src_claims:
            if not (lex.anaphora_re.search(cl.text) or _THERE.search(cl.text)):
                continue
            end = ctx.starts[cl.id]
            while end > 0:
                start = max(0, end - WINDOW)
                if start:  # a window starts at a word boundary
                    space = text.find(" ", start, end)
                    start = space + 1 if space >= 0 else start
                named = places_named(text[start:end])
                if named:
                    out[cl.id] = named[-1][1]
                    break
                end = start if start < end else 0
        return out
    last_place, last_at = None, -LOOKBACK - 1
    for n, cl in enumerate(src_claims):
        out[cl.id] = last_place if n - last_at <= LOOKBACK else None
        if lex.maybe_place(cl.text) or _TOWN_OF.search(cl.text):
            named = places_named(cl.text)
            if named:
                last_place, last_at = named[-1][1], n
    return out


def _close_in_time(xs: list, ys: list, max_days: int) -> tuple[list, list]:
    """The members of two groups that have a member of the other group
    published within max_days (undated members meet everything)."""
    def days(entries):
        return sorted(d for d in (day(cl) for cl, _ in entries) if d is not None)

    dx, dy = days(xs), days(ys)
    undated_x = len(dx) < len(xs)
    undated_y = len(dy) < len(ys)

    def keep(entries, other_days, other_undated):
        out = []
        for cl, st in entries:
            d = day(cl)
            if d is None or other_undated:
                out.append((cl, st))
                continue
            i = bisect.bisect_left(other_days, d - max_days)
            if i < len(other_days) and other_days[i] <= d + max_days:
                out.append((cl, st))
        return out

    return keep(xs, dy, undated_y), keep(ys, dx, undated_x)


def detect_control(claims: list[ClaimView], context: Context | None = None) -> list[Finding]:
    """Findings of kind 'control' for a place whose control is asserted and denied."""
    ctx = context or EMPTY
    max_days = _rules()["max_days"]
    by_source: dict[int, list[ClaimView]] = {}
    for cl in claims:
        by_source.setdefault(cl.source_id, []).append(cl)
    blocks: dict[str, dict[tuple, list]] = {}
    for src_claims in by_source.values():
        src_claims.sort(key=lambda c: (ctx.starts.get(c.id, 0), c.id))
        if not any(_CUE.search(c.text) for c in src_claims):
            continue
        # the article's places are read only when a claim refers back ('the town', 'there')
        lex = lexicon()
        refers = any(_CUE.search(c.text) and (lex.anaphora_re.search(c.text) or _THERE.search(c.text))
                     for c in src_claims)
        prev = _previous_places(src_claims, ctx) if refers else {}
        for cl in src_claims:
            for st in statements_in(cl, prev.get(cl.id)):
                key = (st.controller, st.polarity, st.full)
                blocks.setdefault(st.place, {}).setdefault(key, []).append((cl, st))
    out = []
    for place, groups in blocks.items():
        keys = list(groups)
        chosen: dict[int, dict[int, tuple]] = {}
        for i in range(len(keys)):
            for j in range(i + 1, len(keys)):
                a, b = groups[keys[i]][0][1], groups[keys[j]][0][1]
                if not _conflict(a, b):
                    continue
                xs, ys = _close_in_time(groups[keys[i]], groups[keys[j]], max_days)
                if not xs or not ys:
                    continue
                if {cl.speaker for cl, _ in xs + ys} == {xs[0][0].speaker} and xs[0][0].speaker:
                    continue  # one speaker qualifying itself is not a contradiction
                for n, entries in ((i, xs), (j, ys)):
                    chosen.setdefault(n, {}).update((cl.id, (cl, st)) for cl, st in entries)
        if not chosen:
            continue
        members, parts = [], []
        for i in sorted(chosen):
            entries = list(chosen[i].values())
            members.extend((cl, st.words) for cl, st in entries)
            ctrl, pol, full = keys[i]
            verb = "controls" if pol == "assert" else "does not control"
            if ctrl and ctrl.startswith(OPPONENT):
                ctrl, verb = f"no side but {ctrl[len(OPPONENT):]}", "controls"
            parts.append(f"{ctrl} {verb} {place}{'' if full else ' (in part)'} "
                         f"[{'; '.join(who(cl) for cl, _ in entries)}]")
        if len({cl.id for cl, _ in members}) < 2:
            continue
        out.append(finding("control", members, "battlefield_control",
                           f"control of {place} asserted and denied: " + " vs ".join(parts),
                           "control.place", place=place))
    return out
