"""A frame: a speech cue with its speaker mention (or none yet) and where its content lies."""
from __future__ import annotations

from dataclasses import dataclass

from provenance.attribute.frames import Mention, Tok


@dataclass(frozen=True, slots=True)
class Frame:
    cue: str
    lemma: str
    cue_start: int
    cue_end: int
    mention: Mention | None
    mode: str  # before | after | appos | main | participle | according | agentless
    content: str  # "after" (content follows the cue) | "before" (trailing attribution)
    weak: bool
    subj_start: int = -1  # start of the whole subject (with an appositive: "the mayor, Sofia Marr,")


def tok_index(toks: list[Tok], pos: int) -> int:
    lo, hi = 0, len(toks)
    while lo < hi:
        mid = (lo + hi) // 2
        if toks[mid].start < pos:
            lo = mid + 1
        else:
            hi = mid
    return lo
