"""An article's text cut into paragraphs and pieces, each piece with the
claims whose span covers it, so a template can mark every claim's exact
span (`data-claim-id`) without writing a byte of the text unescaped.

Spans may nest or overlap: a piece lies between two consecutive
boundaries (claim starts and ends, paragraph breaks) and carries every
claim covering it, outermost (earliest start) first."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Piece:
    text: str
    claims: tuple[dict, ...]  # covering claims, outermost first
    starts: frozenset[str]  # uids of the claims that begin at this piece


def is_furniture(line: str) -> bool:
    """Page furniture (bylines, captions, share buttons: rules/furniture.json), as extraction skips it."""
    from ..extract.blocks import is_furniture as skipped_by_extraction

    return skipped_by_extraction(line)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line of the stored text (one newline between paragraphs)."""
    out, pos = [], 0
    for line in text.split("\n"):
        end = pos + len(line)
        if line.strip():
            out.append((pos, end))
        pos = end + 1
    return out


def marked(text: str, claims: list[dict], window: tuple[int, int] | None = None) -> list[list[Piece]]:
    """Paragraphs (those inside WINDOW, all without) as lists of pieces;
    page furniture that holds no claim is left out.

    CLAIMS are export records (claim_id, start, end); one with an empty or
    out-of-range span is left out."""
    spans = sorted(((max(0, c["start"]), min(len(text), c["end"]), c) for c in claims
                    if c["start"] < c["end"] and c["start"] < len(text)), key=lambda t: (t[0], -t[1]))
    out, started = [], set()
    for p_start, p_end in paragraphs(text):
        if window and (p_end <= window[0] or p_start >= window[1]):
            continue
        inside = [s for s in spans if s[0] < p_end and s[1] > p_start]
        if not inside and is_furniture(text[p_start:p_end]):
            continue
        cuts = sorted({p_start, p_end, *(x for s in inside for x in s[:2] if p_start < x < p_end)})
        pieces = []
        for a, b in zip(cuts, cuts[1:]):
            cover = tuple(c for s, e, c in inside if s <= a and e >= b)
            begins = frozenset(c["claim_id"] for c in cover) - started
            started |= begins
            pieces.append(Piece(text[a:b], cover, begins))
        out.append(pieces)
    return out
