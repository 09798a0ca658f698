"""Claims carried by a speech noun: "the mayor's claim that ...", "his warning that ...".

A possessor (a capitalised name or description ending in 's, or his / her /
their / its) owns a speech noun (rules/lexicon.json `claim_nouns`) whose
'that' clause is the content: the possessor is the speaker.  Nouns of belief
or feeling are not listed (the guidelines count speech, not attitudes).
"""
from __future__ import annotations

import re
from functools import lru_cache

from provenance.attribute import direct
from provenance.attribute.frames import Attribution, Mention
from provenance.attribute.lexicon import lexicon

_PRONOUN = {"his": "he", "her": "she", "their": "they", "its": "it"}


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    nouns = "|".join(sorted(lexicon().claim_nouns, key=len, reverse=True))
    owner = r"(?P<owner>(?:[A-Z][\w.&-]*\s+){0,4}[A-Z][\w.&-]*['’]s?|(?<![\w'’])(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts))"
    return re.compile(rf"{owner}\s+(?:[a-z]+\s+){{0,2}}?(?P<noun>{nouns})\s+that\s+\S")


def claim(text: str, masked: str, s_start: int, s_end: int, sentence: int, qindex) -> Attribution | None:
    m = _pattern().search(masked, s_start, s_end)
    if m is None:
        return None
    a, b = m.span("owner")
    owner = text[a:b]
    low = owner.lower()
    if low in _PRONOUN:
        men = Mention(_PRONOUN[low], a, b)
    else:
        name = re.sub(r"['’]s?$", "", owner)
        if name.split()[0].lower() in lexicon().determiners:
            return None
        men = Mention(name, a, a + len(name))
    end = s_end
    while end > a and text[end - 1] in " .;,":
        end -= 1
    qs = qindex.within(a, end)
    return Attribution(a, end, "mixed" if qs else "indirect", m.group("noun"), "reported.noun", men, sentence,
                       direct.quote_text(text, qs), cue_start=m.start("noun"))
