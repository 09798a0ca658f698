"""Control detector: control of a place asserted and denied.

Statements of control ('its forces took full control of X', 'continued to
hold the northern districts of the town', 'X has not fallen', 'fighting
continues in X') are read by control_read.py (an unknown place name only
ever meets another claim naming it).  'the city' / 'the
town' refers back to the last place named before it in the article (the
article text when the context gives it, else the claim and the few claims
before it).  Claims are
blocked by place; inside a block identical statements (controller,
polarity, scope) are grouped and only distinct groups are compared, and
only statements published within `max_days` of each other meet.  A finding
shows each group by its first stored claims (common.REPRESENTATIVES) and
counts the others.  Only claims holding a control word are read (once per
distinct text, speaker and place referred to).
"""
from __future__ import annotations

import bisect
from functools import lru_cache

from ..records import ClaimView, Finding
from .common import EMPTY, Context, day, finding, first_stored, listed, who
from .control_read import (
    _CUE, _THERE, _TOWN_OF, OPPONENT, Statement, _read, _rules, places_named, statements_in,
)
from .lexicon import lexicon
from .table import analysed

__all__ = ["detect_control", "statements_in", "places_named", "Statement"]

LOOKBACK = 3
WINDOW = 600  # characters of article text read at a time when looking back for 'the town'


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
            if not _refers(cl.text):
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
        if lex.maybe_place(cl.text) or _TOWN_OF.test(cl.text):
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


_ANY_PLACE = "\x00"  # stands for whatever place 'the town' turns out to be


def _stating(text: str) -> bool:
    """Can the claim make a control statement, whatever place 'the town' is?"""
    return _CUE.test(text) and bool(_read(text, _ANY_PLACE))


@lru_cache(maxsize=65536)
def _refers(text: str) -> bool:
    """Does a claim refer back to a place ('the town', 'there')?"""
    return lexicon().anaphor(text) or _THERE.test(text)


def _readable(src_claims: list[ClaimView], ctx: Context) -> bool:
    """Can 'the town' be read from the article text (text and offsets known)?
    Asked only of articles with a claim referring back."""
    return src_claims[0].source_id in ctx.texts and all(c.id in ctx.starts for c in src_claims)


def _article_statements(src_claims: list[ClaimView], ctx: Context) -> list[tuple]:
    """(claim, statement) for one article's claims, in text order."""
    src_claims.sort(key=lambda c: (ctx.starts.get(c.id, 0), c.id))
    # the article's places are read only when a claim refers back ('the town', 'there')
    prev = {}
    if any(_refers(c.text) and _CUE.test(c.text) for c in src_claims):
        prev = _previous_places(src_claims, ctx)
    return [(cl, st) for cl in src_claims for st in _statements(cl.text, cl.speaker, prev.get(cl.id))]


@lru_cache(maxsize=65536)
def _statements(text: str, speaker: str | None, previous_place: str | None) -> tuple[Statement, ...]:
    return tuple(statements_in(ClaimView(id=0, uid="", source_id=0, text=text, quote=None, kind="",
                                         speaker=speaker, speaker_type=None, outlet=None, published=None),
                               previous_place))


def detect_control(claims: list[ClaimView], context: Context | None = None) -> list[Finding]:
    """Findings of kind 'control' for a place whose control is asserted and denied."""
    ctx = context or EMPTY
    max_days = _rules()["max_days"]
    by_source: dict[int, list[ClaimView]] = {}
    for cl, _ in analysed(claims, _stating):
        by_source.setdefault(cl.source_id, []).append(cl)
    # without an article's text, 'the town' is read from the claims before it: all of them are needed
    blind = {sid for sid, cs in by_source.items() if any(_refers(c.text) for c in cs) and not _readable(cs, ctx)}
    if blind:
        for sid in blind:
            by_source[sid] = []
        for cl in claims:
            if cl.source_id in blind:
                by_source[cl.source_id].append(cl)
    blocks: dict[str, dict[tuple, list]] = {}
    for sid in sorted(by_source):
        for cl, st in _article_statements(by_source[sid], ctx):
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
            entries = first_stored(chosen[i].values(), claim=lambda e: e[0])
            members.extend((cl, st.words) for cl, st in entries)
            ctrl, pol, full = keys[i]
            verb = "controls" if pol == "assert" else "does not control"
            if ctrl and ctrl.startswith(OPPONENT):
                ctrl, verb = f"no side but {ctrl[len(OPPONENT):]}", "controls"
            parts.append(f"{ctrl} {verb} {place}{'' if full else ' (in part)'} "
                         f"[{listed((who(cl) for cl, _ in entries), len(chosen[i]))}]")
        if len({cl.id for cl, _ in members}) < 2:
            continue
        out.append(finding("control", members, "battlefield_control",
                           f"control of {place} asserted and denied: " + " vs ".join(parts),
                           "control.place", place=place))
    return out
