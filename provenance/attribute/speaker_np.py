"""A speaker must be a noun phrase: the last check on a frame's speaker words.

The phrase finders read backwards from a cue over capitalised words and
role nouns, so a clause's edge can leak in.  Here the speaker phrase loses
an opening conjunction or adverbial ("Although Scott", "Perhaps the
moderators", "that Phoenix") and a trailing manner adverb ("Gingrich
cynically"); a phrase holding a finite verb or a contraction ("Clinton
restricted", "Zelensky gave new", "Kadzik wouldn't", "They're more") is no
speaker at all, and its frame is dropped.
"""
from __future__ import annotations

from dataclasses import replace

from provenance.attribute.frames import Mention, Tok
from provenance.attribute.lexicon import lexicon

_CONTRACTED = ("n't", "'re", "'ll", "'ve", "'d", "'m")


def _adverb(t: Tok) -> bool:
    lex = lexicon()
    return not t.cap and t.low.endswith("ly") and len(t.low) > 4 and t.low not in lex.ly_nouns


def _verb(t: Tok, prev: Tok | None) -> bool:
    lex = lexicon()
    if t.cap:
        return False
    if t.low in lex.past_irregular:
        return True  # "Zelensky gave new"
    return t.low.endswith("ed") and prev is not None and prev.cap and t.low not in lex.role_words  # "Clinton restricted"


def speaker_tokens(toks: list[Tok], men: Mention) -> list[Tok]:
    return [t for t in toks if men.start <= t.start and t.end <= men.end]


def clean(frame, toks: list[Tok], text: str):
    """The frame with its speaker phrase trimmed to a noun phrase, or None when it holds no noun phrase."""
    men = frame.mention
    if men is None:
        return frame
    words = speaker_tokens(toks, men)
    if not words:
        return frame
    lex = lexicon()
    a, b = 0, len(words)
    while a < b and words[a].low in lex.subject_openers:
        a += 1
    while b - 1 > a and _adverb(words[b - 1]):
        b -= 1
    if a == b:
        return None
    kept = words[a:b]
    if any(t.low.endswith(_CONTRACTED) for t in kept):
        return None
    if any(_verb(t, kept[k - 1] if k else None) for k, t in enumerate(kept)):
        return None
    if a == 0 and b == len(words):
        return frame
    s, e = kept[0].start, kept[-1].end
    return replace(frame, mention=Mention(text[s:e], s, e))
