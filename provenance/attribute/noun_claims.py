"""Claims carried by a speech noun: "the mayor's claim that ...", "his warning that ...", "his promises to
cut taxes" (claim_nouns_to), "repeated warnings from his attorney that ..." (the source after from/by).

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
from provenance.attribute.lexicon import _load, lexicon

_PRONOUN = {"his": "he", "her": "she", "their": "they", "its": "it"}


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    nouns = "|".join(sorted(lexicon().claim_nouns, key=len, reverse=True))
    to_nouns = "|".join(sorted(_load("lexicon.json").get("claim_nouns_to", ()), key=len, reverse=True))
    # 'the mayor's', 'Tulsa police's' (a name, then at most two lower-case words), 'his'
    owner = (r"(?P<owner>(?:[A-Z][\w.&-]*\s+){0,4}(?:[a-z][\w-]*\s+){0,2}[\w.&-]*['’]s?(?<=['’s])"
             r"|(?<![\w'’])(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts))")
    return re.compile(rf"{owner}\s+(?:[a-z]+\s+){{0,2}}?(?:(?P<noun>{nouns})\s+that|(?P<noun_to>{to_nouns})\s+to\s+[a-z])\s*\S")


@lru_cache(maxsize=1)
def _from_pattern() -> re.Pattern:
    """'repeated warnings from his attorney that ...': the source after 'from' or 'by'."""
    nouns = "|".join(sorted(lexicon().claim_nouns, key=len, reverse=True))
    return re.compile(rf"\b(?P<noun>{nouns})\s+(?:from|by)\s+(?P<owner>(?:[\w.&'’-]+\s+){{0,5}}?[\w.&-]+)\s+that\s+\S")


@lru_cache(maxsize=1)
def _any_noun() -> re.Pattern:
    """Any speech noun at all: most sentences have none, and then the costlier patterns are not run."""
    nouns = set(lexicon().claim_nouns) | set(_load("lexicon.json").get("claim_nouns_to", ()))
    return re.compile(r"\b(?:" + "|".join(sorted(nouns, key=len, reverse=True)) + r")\s+(?:that|to|from|by)\b")


def claim(text: str, masked: str, s_start: int, s_end: int, sentence: int, qindex) -> Attribution | None:
    first = _any_noun().search(masked, s_start, s_end)
    if first is None:
        return None
    m = _pattern().search(masked, s_start, s_end)
    if m is not None and m.group("owner")[:1].islower() and m.group("owner").lower() not in _PRONOUN:
        m = None  # 'police's': the owner opens with a name
    if m is None:
        f = _from_pattern().search(masked, s_start, s_end)
        if f is None:
            return None
        a, b = f.span("owner")
        men = Mention(text[a:b], a, b)
        start = f.start("noun")
        end = s_end
        while end > start and text[end - 1] in " .;,":
            end -= 1
        qs = qindex.within(start, end)
        return Attribution(start, end, "mixed" if qs else "indirect", f.group("noun"), "reported.noun", men, sentence,
                           direct.quote_text(text, qs), cue_start=start)
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
    noun = "noun" if m.group("noun") else "noun_to"
    return Attribution(a, end, "mixed" if qs else "indirect", m.group(noun), "reported.noun", men, sentence,
                       direct.quote_text(text, qs), cue_start=m.start(noun))
