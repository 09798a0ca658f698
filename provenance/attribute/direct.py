"""Direct quotations: kind of a claim (direct / mixed / indirect), a quote
interrupted by "he said" kept as one claim, and floating quotes (a paragraph
that is only a quotation inherits the previous quote's speaker).
"""
from __future__ import annotations

import re
from bisect import bisect_left

_WORD = re.compile(r"[A-Za-z0-9À-ÿ]")
_CONTENT_WORD = re.compile(r"[\w’'-]*[A-Za-z][\w’'-]*")


class QuoteIndex:
    def __init__(self, quotes) -> None:
        self.quotes = sorted(quotes, key=lambda q: q.start)
        self.starts = [q.start for q in self.quotes]

    def within(self, start: int, end: int):
        i = bisect_left(self.starts, start)
        out = []
        while i < len(self.quotes) and self.quotes[i].start < end:
            out.append(self.quotes[i])
            i += 1
        return out

    def covering(self, pos: int):
        i = bisect_left(self.starts, pos + 1) - 1
        while i >= 0:
            q = self.quotes[i]
            if q.start <= pos < q.end:
                return q
            if q.end <= pos:
                return None
            i -= 1
        return None


def quote_only(masked: str, start: int, end: int) -> bool:
    """Is masked[start:end] nothing but quotation (no word outside quote marks)?
    Quote interiors are blanked in `masked`, so a wholly quoted stretch has no word left."""
    seg = masked[start:end]
    return not _WORD.search(seg)


def quote_text(text: str, quotes) -> str | None:
    parts = [text[q.inner_start:q.inner_end].strip() for q in quotes]
    parts = [p for p in parts if p]
    return " … ".join(parts) if parts else None


def claim_kind(text: str, masked: str, start: int, end: int, frame_start: int, frame_end: int,
               lead_end: int, quotes) -> str:
    """direct when the claim's content is only quotation set off from the cue by
    punctuation; mixed when quoted words sit inside reported content."""
    if not quotes:
        return "indirect"
    outside = masked[lead_end:frame_start] + " " + masked[frame_end:end]
    words = [w for w in _CONTENT_WORD.findall(outside)]
    if words:
        return "mixed"
    # the quote must be set off from the cue: "X said: “...”", "“...,” X said", "According to X, “...”"
    for q in quotes:
        if q.start >= frame_end:
            gap = masked[frame_end:q.start]
            if not re.search(r"[:,]", gap):
                return "mixed"
    return "direct"


def extend_to_quotes(text: str, masked: str, start: int, end: int, sentences, s_idx: int, qindex: QuoteIndex,
                     para_end: int) -> tuple[int, int]:
    """Grow a quote claim over the rest of its quotation and over following
    quote-only sentences of the same paragraph ("...," he said. "...")."""
    qs = qindex.within(start, end)
    for q in qs:
        end = max(end, q.end)
    first = qindex.covering(start)
    if first is not None:
        start = min(start, first.start)
    k = s_idx + 1
    while k < len(sentences) and sentences[k].start < para_end:
        s = sentences[k]
        if s.end <= end:
            k += 1
            continue
        if quote_only(masked, s.start, s.end):
            end = s.end
            k += 1
            continue
        break
    end = min(end, para_end)
    return start, end
