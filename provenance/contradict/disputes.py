"""Disputes: assertions -> blocks -> comparison -> findings with sides.

Each claim's assertions (provenance/assertions) are read once per distinct
(text, speaker, side, place referred to, date); an article is read in text
order so that 'the town' is the place it named last and a denial that
points back ('rejected the announcement', 'Russia is lying again') is
resolved to the earlier claim it answers, credited to that claim's holder.
Assertions are blocked by key (control of a place, a state of a place or
object, the claim a denial answers); inside a block, statements that
cannot both hold (compare.py), made within the state's window of days,
make one finding whose sides are the statements, each with its claims.
Ties are broken by claim uid (or claim id when no uid is known), never by
arrival order.
"""
from __future__ import annotations

import bisect
import re
from collections import defaultdict
from functools import lru_cache
from dataclasses import replace

from ..assertions import assertions_of, denial_in
from ..assertions.denial import Earlier, figures_in, resolve
from ..assertions.common import dismissal_res, dismissal_spans
from ..assertions.model import Assertion
from ..records import ClaimView, Finding
from ..sides import side_of
from .common import EMPTY, Context, finding
from .lexicon import lexicon
from .compare import conflicting_members
from .table import analysed

PER_SIDE = 8  # claims shown for a side
_PARAGRAPH = re.compile(r"\n\s*\n|\n(?=\S)")
REPORTED = ("outlet", "document", "anonymous")
NEAR = 200  # a region named this close after a place is where the place is
SPEAKER_AFTER = 120  # characters after a claim read for its speaker's descriptor ('..., said X of Y')


def _cue(text: str) -> bool:
    """Can the claim hold an assertion or a denial? (cheap, once per distinct text)"""
    from ..assertions.state import _states
    from ..contradict.control_read import _CUE
    words, verbs, _ = dismissal_res()
    if _CUE.test(text) or words.search(text) or verbs.search(text):
        return True
    return any(s["verbal"].search(text) or s["nominal"].search(text) or s["negative"].search(text)
               or s["negative_event"].search(text)
               for s in _states()[0])


class _Article:
    """One article's text, read only where asked: the place named last
    before an offset, paragraphs, and its speakers' sides (once per speaker)."""

    def __init__(self, text: str | None):
        self.text = text
        self._lowered: str | None = None
        self._breaks: list[int] | None = None
        self._sides: dict[str | None, str | None] = {}
        self._places: list[tuple[int, str]] | None = None
        self._starts: list[int] = []

    def previous_place(self, at: int | None) -> str | None:
        """The place the article named last before `at` (the article's
        places are read once, when first asked); a place named just before
        a region it is in wins over the region."""
        if at is None or not self.text:
            return None
        if self._places is None:
            self._places = sorted((s, p) for s, _e, p in lexicon().places_in(self.text))
            self._starts = [s for s, _p in self._places]
        i = bisect.bisect_left(self._starts, at)
        if i == 0:
            return None
        last = self._places[i - 1]
        if lexicon().place_kinds.get(last[1]) == "region":
            for s, p in reversed(self._places[max(0, i - 4):i - 1]):
                if last[0] - s > NEAR:
                    break
                if lexicon().place_kinds.get(p) != "region":
                    return p  # 'the station in X, in the Y region': the station is in X
        return last[1]

    def paragraph(self, at: int | None) -> int | None:
        if not self.text or at is None:
            return None
        if self._breaks is None:
            self._breaks = [m.start() for m in _PARAGRAPH.finditer(self.text)]
        return bisect.bisect_left(self._breaks, at)

    def side(self, speaker: str | None, until: int | None) -> str | None:
        if speaker not in self._sides:
            if self.text and self._lowered is None:
                self._lowered = self.text.lower()
            self._sides[speaker] = side_of(speaker, self.text, until, self._lowered)
        return self._sides[speaker]


_ANY_PLACE = "\x00"  # stands for whatever place the article named before


@lru_cache(maxsize=65536)
def _needs_place(text: str) -> bool:
    """Does one of the claim's assertions take the place its article named
    before it ('the town', a state with no place of its own)?  Read once
    per text, with a stand-in place."""
    from ..assertions.state import states_in
    from .control_read import _CUE, _read
    if _CUE.test(text) and any(place == _ANY_PLACE for _m, place, *_rest in _read(text, _ANY_PLACE)):
        return True
    return any(a.key[-1] == _ANY_PLACE for a in states_in(text, _ANY_PLACE))


def _order(cl: ClaimView) -> tuple:
    return (cl.uid or "", cl.id)


def _read_article(claims: list[ClaimView], ctx: Context, cued: set[int],
                  sides: dict) -> list[tuple[ClaimView, str | None, Assertion]]:
    """(claim, speaker side, assertion) for one article's claims."""
    sid = claims[0].source_id
    text = ctx.texts.get(sid) if sid in ctx.texts else None
    art = _Article(text)
    starts = {cl.id: ctx.starts.get(cl.id) for cl in claims}
    claims.sort(key=lambda c: (starts[c.id] if starts[c.id] is not None else 0, _order(c)))
    _, _, window = dismissal_res()
    out, earlier = [], []
    for n, cl in enumerate(claims):
        at = starts[cl.id] if starts[cl.id] is not None else n
        side = sides[cl.id] = art.side(cl.speaker, at + len(cl.text) + SPEAKER_AFTER)
        found: tuple[Assertion, ...] = ()
        if cl.id in cued:
            prev = art.previous_place(starts[cl.id]) if _needs_place(cl.text) else None
            found = assertions_of(cl.text, cl.speaker, side, prev, cl.published)
            d = denial_in(cl.text, side)
            if d is not None and not any(a.polarity < 0 for a in found):
                target = resolve(d, at, side, cl.speaker, [e for e in earlier if at - e.start <= window],
                                 art.paragraph(starts[cl.id]))
                if target is not None:
                    spans = dismissal_spans(cl.text, side)
                    cue = cl.text[spans[0][0]:spans[0][1]] if spans else ""
                    found = tuple(a for a in found if a.polarity < 0) + _denied(target, out, cue)
        for a in found:
            out.append((cl, side, a))
        earlier.append(Earlier(cl.id, at, cl.speaker, side, any(a.polarity > 0 for a in found), figures_in(cl.text),
                               cl.speaker_type in REPORTED, cl.text, art.paragraph(starts[cl.id])))
    return out


def _denied(target: Earlier, read: list, cue: str) -> tuple[Assertion, ...]:
    """A back-referring denial: the target's positive assertions negated
    (credited to their holder), else a denial of the target claim itself."""
    pos = [a for cl, _s, a in read if cl.id == target.claim_id and a.polarity > 0]
    if pos:
        return tuple(replace(a, polarity=-1, words=cue, rule="denial.back_reference", denies=target.claim_id)
                     for a in pos)
    return (Assertion("denial", ("claim", target.claim_id), None, -1, words=cue, rule="denial.back_reference",
                      says=_quoted(target.text), denies=target.claim_id),)


def _quoted(text: str, n: int = 140) -> str:
    text = " ".join(text.split())
    return f"\u201c{text if len(text) <= n else text[:n].rsplit(' ', 1)[0] + ' ...'}\u201d"


def detect_disputes(claims, context: Context | None = None) -> list[Finding]:
    """Findings of kinds 'control', 'state' and 'denial' with sides."""
    entries, sides = read_entries(claims, context or EMPTY)
    return findings_of(entries, sides, claims)


def read_entries(claims, ctx: Context) -> tuple[list, dict]:
    """(claim, speaker side, assertion) for every assertion of the claims,
    read article by article, and the side of each claim of the articles read."""
    cued_claims = analysed(claims, _cue)
    sides: dict[int, str | None] = {}
    if not cued_claims:
        return [], sides
    cued = {cl.id for cl, _ in cued_claims}
    by_source: dict[int, list[ClaimView]] = defaultdict(list)
    wanted = {cl.source_id for cl, _ in cued_claims}
    for cl in claims:  # back-references need the article's earlier claims too
        if cl.source_id in wanted:
            by_source[cl.source_id].append(cl)
    entries: list = []
    for sid in sorted(by_source):
        entries.extend(_read_article(by_source[sid], ctx, cued, sides))
    return entries, sides


def findings_of(entries: list, sides: dict, claims) -> list[Finding]:
    """The findings of the blocks the (claim, side, assertion) entries make;
    `claims` holds the claims a denial answers when they assert nothing."""
    blocks: dict[tuple, list] = defaultdict(list)
    by_id: dict[int, ClaimView] = {}
    for cl, side, a in entries:
        by_id[cl.id] = cl
        blocks[a.key].append((cl, side, a))
    # a denial of a claim meets that claim
    for key in [k for k in blocks if k[0] == "claim"]:
        target = by_id.get(key[1]) or next((c for c in claims if c.id == key[1]), None)
        if target is not None:
            blocks[key].append((target, sides.get(target.id), Assertion("denial", key, None, +1, rule="denied.claim",
                                                                        says=_quoted(target.text))))
    out = []
    for key in sorted(blocks, key=lambda k: tuple(str(x) for x in k)):
        sides = conflicting_members(key, blocks[key])
        if len(sides) < 2:
            continue
        out.append(_finding(key, sides))
    return out


def _finding(key: tuple, sides: list[tuple[Assertion, str | None, list]]) -> Finding:
    """One finding over a block's sides; a claim stands on the first side
    that holds it (sides in statement order, claims in uid order)."""
    members, parts, out_sides, placed = [], [], [], set()
    for a, party, entries in sides:
        entries = [e for e in sorted(entries, key=lambda e: _order(e[0])) if e[0].id not in placed]
        if not entries:
            continue
        shown = entries[:PER_SIDE]
        placed.update(cl.id for cl, _s, _a in entries)
        stance = "asserts" if a.polarity > 0 else "denies"
        members.extend((cl, f"{stance}: {own.words or own.about()}") for cl, _s, own in shown)
        out_sides.append({"party": party, "assertion": a.statement(), "stance": stance, "about": a.about(),
                          "claims": [cl.id for cl, _s, _a in shown], "total": len(entries)})
        whos = "; ".join(dict.fromkeys(f"{cl.speaker or 'unnamed source'}" for cl, _s, _a in shown))
        parts.append(f"{party or 'unknown side'} {stance}: {a.about()} [{whos}]")
    kind = {"control": "control", "state": "state"}.get(key[0], "denial")
    topic = "battlefield_control" if kind == "control" else None
    # a denied claim is named by its words (its sides), not by a number that changes as the store grows
    what = key[1] if key[0] == "control" else "a claim" if key[0] == "claim" else " ".join(map(str, key[1:]))
    f = finding(kind, members, topic, f"{what}: " + " vs ".join(parts), f"dispute.{key[0]}")
    f.extra["sides"] = out_sides
    f.extra["block"] = key
    if kind == "control":
        f.extra["place"] = key[1]
    return f
