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


def _verb(t: Tok, prev: Tok | None, nxt: Tok | None = None) -> bool:
    lex = lexicon()
    if t.cap:
        return False
    if t.low in lex.past_irregular:
        return True  # "Zelensky gave new"
    if not t.low.endswith("ed") or t.low in lex.role_words:
        return False
    return (prev is not None and prev.cap) or (nxt is not None and (nxt.text[:1].isdigit() or nxt.low in lex.prepositions))
    # "Clinton restricted", "My father died 22 years ago"


def speaker_tokens(toks: list[Tok], men: Mention) -> list[Tok]:
    return [t for t in toks if men.start <= t.start and t.end <= men.end]


def trim_openers(men: Mention | None, toks: list[Tok], text: str) -> Mention | None:
    """The mention without an opening conjunction or adverbial ('Though his plan' -> 'his plan')."""
    if men is None:
        return men
    words = speaker_tokens(toks, men)
    k = 0
    while k < len(words) - 1 and words[k].low in lexicon().subject_openers:
        k += 1
    return men if k == 0 else Mention(text[words[k].start:men.end], words[k].start, men.end)


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
    if any(_verb(t, kept[k - 1] if k else None, kept[k + 1] if k + 1 < len(kept) else None) for k, t in enumerate(kept)):
        return None
    comma = next((k for k, t in enumerate(kept) if t.text == ","), None)
    appositive = comma is not None and comma + 1 < len(kept) and kept[comma + 1].low in lex.determiners
    if appositive and frame.mode != "appos":  # "Donald Trump, her Republican": the name before the comma
        if comma == 0 or not all(t.cap for t in kept[:comma]):
            return None
        kept = kept[:comma]
        b = a + comma
    if a == 0 and b == len(words):
        return frame
    s, e = kept[0].start, kept[-1].end
    return replace(frame, mention=Mention(text[s:e], s, e))
