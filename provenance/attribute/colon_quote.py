"""A quotation introduced by a colon after a clause with no speech verb.

"Kolar went further on her blog: “...”", "He went on: “...”": the sentence's subject, a person or a
body, speaks the quotation that runs from the colon to the end of the sentence.  A subject that is no
speaker ("The sign read: “...”", "The list: “...”") gives nothing, nor does a short quoted label.
"""
from __future__ import annotations

import re

from provenance.attribute.frames import Mention, Tok, is_possessive
from provenance.attribute.lexicon import lexicon
from provenance.attribute.reported import Frame
from provenance.attribute.subject import main_subject

_OPEN = set("“\"‘«„")
_CLOSE_OR_PUNCT = set("”\"’»“‘«„.,!?;…")
COLON_QUOTE = re.compile(r":\s*[“\"‘«„]")
_SPEAKING_PRONOUNS = ("he", "she", "they", "we", "i")
_CLAUSE_WORDS = {"that", "which", "who", "whom", "so", "than"}


def _title_case(toks: list[Tok]) -> bool:
    """Is every longer word capitalised, as in a headline?"""
    words = [t for t in toks if t.text.isalpha() and len(t.text) > 3]
    return len(words) >= 3 and all(t.cap for t in words)


def colon_frames(text: str, toks: list[Tok], s_end: int) -> list[Frame]:
    for c in range(1, len(toks) - 1):
        if toks[c].text == ":" and toks[c + 1].text in _OPEN:
            break
    else:
        return []
    if any(t.text not in _CLOSE_OR_PUNCT for t in toks[c + 1:]):
        return []  # the quotation must run to the end of the sentence
    if len(text[toks[c].end:s_end].split()) < 4:
        return []  # a quoted label, not a statement
    head = toks[:c]
    if any(t.text in _OPEN for t in head) or _title_case(head):
        return []  # a headline "X Hammers Y: '...'" is no sentence of the article's
    men = main_subject(head, text)
    if men is None or not _speaker(men, head):
        return []
    lex = lexicon()
    if any(t.low in _CLAUSE_WORDS or t.low in lex.subordinators for t in head if t.start >= men.end):
        return []  # "She was so upset that I had to change my answer: ...": the colon closes another clause
    words = [t for t in head if men.start <= t.start and t.end <= men.end]
    subj_start = men.start
    if len(words) > 1 and words[0].low in lex.form_lemma:
        men = Mention(text[words[1].start:men.end], words[1].start, men.end)  # "Added Ellis: ..."
    # the cue ends where the colon starts, so the colon sets the quotation off from it
    return [Frame(":", ":", toks[c].start, toks[c].start, men, "before", "after", False, subj_start)]


def _speaker(men, toks: list[Tok]) -> bool:
    """Is the subject phrase a person or a body: a name, a speaking pronoun, a role or an organisation?"""
    words = [t for t in toks if men.start <= t.start and t.end <= men.end]
    if not words or is_possessive(words[-1]):
        return False
    last = words[-1]
    lex = lexicon()
    if len(words) == 1 and last.low in _SPEAKING_PRONOUNS:
        return True
    if last.cap:
        return last.low not in lex.time_words and last.low not in lex.demonyms
    return last.low in lex.role_words or last.low in lex.organization_heads or last.low in lex.anonymous_heads
