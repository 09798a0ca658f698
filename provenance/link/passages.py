"""Passages: a claim with no topic of its own that continues the claim before it (the
same speaker going on, a pronoun subject, "the plant", "the announcement", a quote
that continues) takes that claim's topics and point links, until the subject
changes: a claim with topics of its own, a claim that does not continue, a heading,
or more than `paragraphs` paragraphs between them (rules/topics/linking.json)."""
from __future__ import annotations

import re
from dataclasses import replace

from ..records import LinkedClaim, PointLink

HEADING_END = re.compile(r"[.!?:;\"'”’)…]\s*$")


def _paragraph_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer(r"\n", text)]


def _para_of(starts: list[int], pos: int) -> int:
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= pos:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _heading_between(text: str, starts: list[int], a: int, b: int) -> bool:
    for i in range(a + 1, b + 1):
        end = starts[i + 1] - 1 if i + 1 < len(starts) else len(text)
        para = text[starts[i]:end].strip()
        if para and len(para) < 80 and not HEADING_END.search(para):
            return True
    return False


def continues(claim, span: str, prev: LinkedClaim, rules, same_paragraph: bool = False) -> bool:
    """Whether a claim goes on about what the claim before it said: in the same
    paragraph it does; in the next, when a pronoun or the same speaker goes on, or
    it refers back."""
    c, p = claim, prev.claim
    if same_paragraph:
        return True
    mention = (c.speaker_mention or "").strip().lower()
    if mention in rules.pronoun_speakers:
        return True
    if c.speaker_name and c.speaker_name == p.speaker_name and c.speaker_type != "document":
        return True  # a person going on (a document's claims are each about a point of their own)
    if c.speaker_mention:  # "the city council" is a new speaker, not a reference back to "the city"
        span = span.replace(c.speaker_mention, " ")
    return bool(rules.continuation.search(span))


def carry(linked: list[LinkedClaim], own: list[bool], text: str, rules, relation_of) -> list[LinkedClaim]:
    """Carry topics and links along passages (see the module doc).  `own[i]` says
    whether claim i found topics of its own."""
    if not text:
        return linked
    starts = _paragraph_starts(text)
    order = sorted(range(len(linked)), key=lambda i: linked[i].claim.start)
    out = list(linked)
    prev: int | None = None
    for i in order:
        lc = out[i]
        c = lc.claim
        if own[i]:
            prev = i
            continue
        if prev is None:
            continue
        p = out[prev]
        pa, ca = _para_of(starts, p.claim.start), _para_of(starts, c.start)
        span = text[c.start:c.end] if 0 <= c.start < c.end <= len(text) else (c.quote or "")
        if (ca - pa > rules.passage_paragraphs or _heading_between(text, starts, pa, ca)
                or not continues(c, span, p, rules, ca == pa)):
            prev = None
            continue
        relation = relation_of(span)
        links = tuple(PointLink(point=l.point, relation=relation, score=round(l.score * 0.9, 3)) for l in p.links)
        out[i] = replace(lc, topics=tuple(sorted(set(lc.topics) | set(p.topics))), links=lc.links or links)
        prev = i
    return out
