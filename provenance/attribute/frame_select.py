"""Which attribution frames of a sentence stand (relays posing as speakers,
nested attributions and split verbs of one statement dropped), and the
bounds of a frame's clause and of its own words."""
from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import _load, lexicon
from .reported import Frame

_CLAUSE_BREAK = re.compile(r"[;]|,\s*(?:and|but|although|though|while|whereas|yet)\b|\b(?:although|though|while|whereas)\b")
_CONNECTOR_WORD = re.compile(r"\b(?:and|but|although|though|while|whereas|yet)\b")


def select_frames(frames: list[Frame], masked: str, is_outlet, text: str | None = None) -> list[Frame]:
    """Drop relays posing as speakers, nested attributions and split verbs of one statement."""
    own = [f for f in frames if not (f.mention is not None and is_outlet(f.mention.text))]
    if own or all(f.mode == "according" for f in frames):
        # "X said A, AFP reported": AFP relays X; but "CNN reported A; X retorted B": CNN's own finding
        frames = [f for f in frames if f in own or _own_clause(f, frames, masked)]
    # else "The Daily Post reported that A": the outlet is the source of its own finding
    acc = [f for f in frames if f.mode == "according" and f.content == "before"]
    if acc:
        cut = acc[-1].cue_start
        frames = [f for f in frames if f.cue_start >= cut or f.mode == "agentless"]
    kept: list[Frame] = []
    for f in frames:
        nested = False
        for g in kept:
            if g.content != "after" or f.content == "before" or f.mode in ("main", "participle", "agentless", "pointback"):
                continue
            if f.mention is None or f.mention.start < g.cue_end:
                continue
            if not _CLAUSE_BREAK.search(masked, g.cue_end, f.mention.start) and not (
                    f.mode == "before" and re.search(r"\band\s+$", masked[g.cue_end:f.mention.start])):
                nested = True
                break
        if nested:
            continue
        if f.content == "before":
            kept = [g for g in kept if not (g.weak and g.cue_start < f.cue_start)]
        if kept and f.mode == "main" and kept[-1].content == "after":
            between = masked[kept[-1].cue_end:f.cue_start]
            if not re.search(r"\bthat\b|[“\"‘:]", between) and len(between.split()) <= 5:
                continue  # "denied X's claims and said ...": one statement
            said = (text if text is not None else masked)[kept[-1].cue_end:f.cue_start]  # quotations unmasked
            if len(between.split()) <= 25 and ";" not in between and _dismissal(said):
                continue  # "replied that the figure was 'a lie' and said ...": the denial and its counter-assertion
        if kept and f.mode == "participle" and kept[-1].content == "after" and kept[-1].lemma in denial_lemmas():
            between = masked[kept[-1].cue_end:f.cue_start]
            if not re.search(r"\bthat\b|[“\"‘:;]", between) and len(between.split()) <= 6:
                continue  # "rejected the report, saying ...": the denial and its counter-assertion, one statement
        kept.append(f)
    return kept


def _dismissal(text: str) -> bool:
    """Does the text dismiss something ('a lie', 'disinformation', 'a fabrication'; rules/denials.json)?"""
    from ..assertions.common import dismissal_res
    words, _verbs, _ = dismissal_res()
    return bool(words.search(text))


@lru_cache(maxsize=1)
def denial_lemmas() -> frozenset[str]:
    """Lemmas of the denial verbs (rules/denials.json)."""
    lex = lexicon()
    return frozenset(lex.form_lemma.get(v.lower(), v.lower()) for v in _load("denials.json")["verbs"])


def _own_clause(f: Frame, frames: list[Frame], masked: str) -> bool:
    """Is an outlet's frame a clause of its own, cut off from the next speaker's by a clause break?"""
    if f.content != "after" or f.mode != "before":
        return False
    nxt = [g for g in frames if g.cue_start > f.cue_end and g.mention is not None]
    if not nxt:
        return False
    g = min(nxt, key=lambda g: g.cue_start)
    return g.mention.start > f.cue_end and bool(_CLAUSE_BREAK.search(masked, f.cue_end, g.mention.start))


def clause_start(masked: str, f: Frame, floor: int) -> int:
    anchor = f.mention.start if (f.mention is not None and f.mode in ("before", "appos") and f.mention.start > floor) else f.cue_start
    seg = masked[floor:anchor]
    cut = max(seg.rfind(","), seg.rfind(";"))
    conn = list(_CONNECTOR_WORD.finditer(seg))
    pos = floor + cut + 1 if cut >= 0 else floor
    if conn and (cut < 0 or conn[-1].start() > cut):
        pos = floor + conn[-1].start()
    while pos < anchor and masked[pos] == " ":
        pos += 1
    return pos


def frame_bounds(masked: str, f: Frame, s_end: int) -> tuple[int, int]:
    """The words of the attribution itself (speaker, cue, adjuncts), for deciding the kind."""
    if f.mode == "according":
        a, b = f.cue_start, f.mention.end if f.mention else f.cue_end
        return a, b
    a = min(f.cue_start, f.mention.start) if f.mention is not None and f.mode != "participle" else f.cue_start
    if f.subj_start >= 0:
        a = min(a, f.subj_start)
    if f.mention is not None and f.mode == "after":
        b = f.mention.end
    else:
        b = f.cue_end
    if f.content == "before":
        return a, s_end
    m = re.compile(r"(?:\s+(?:on|in|at|to|during|via|through|from|late|early|last|this|with)\b[^:,“\"‘.]*?)?(?=\s*[:,]\s*[“\"‘])").match(masked, b, s_end)
    if m:
        b = m.end()
    return a, b
