"""'As X put it, ...', 'As X said in 2008, ...', 'As stated in X's commentary, ...': an attribution
opening the sentence with 'as'.  The source is the words between 'As' and the verb (an appositive
between commas included), or after 'stated in' / 'reported by'; the content is the rest of the sentence
after the comma that closes the phrase.  The verbs are rules/verbs.json `as_verbs` (data).
"""
from __future__ import annotations

import re
from functools import lru_cache

from provenance.attribute.frames import Mention
from provenance.attribute.lexicon import _load


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    verbs = "|".join(sorted((v.replace(" ", r"\s+") for v in _load("verbs.json").get("as_verbs", ())), key=len, reverse=True))
    src = r"(?P<np>[A-Z][^;:“”\"]{1,140}?)"
    by_verb = re.compile(rf"As\s+{src}\s+(?:\w+ly\s+|has\s+|had\s+|once\s+)?(?P<verb>{verbs})\b[^,;:“”\"]{{0,80}}?,\s+(?=\S)")
    passive = re.compile(r"As\s+(?P<verb>stated|noted|reported|explained|described)\s+(?:in|by)\s+"
                         rf"(?P<np>[^,;:“”\"]{{2,80}}?),\s+(?=\S)")
    return by_verb, passive


def as_frame(masked: str, s_start: int, s_end: int):
    """(mention, cue, cue_start, cue_end, content_start) of an opening 'As X put it,' or None."""
    head = masked[s_start:s_end]
    lead = len(head) - len(head.lstrip())
    by_verb, passive = _patterns()
    for pat in (passive, by_verb):
        m = pat.match(masked, s_start + lead, s_end)
        if m is not None and m.end() < s_end - 2:
            a, b = m.span("np")
            np = masked[a:b].rstrip(" ,")
            if "," in np and not re.search(r",\s*[a-z]", np):
                return None  # a list of clauses, not a name and its description
            men = Mention(np.split(",")[0].strip(), a, a + len(np.split(",")[0].rstrip()))
            return men, m.group("verb"), m.start("verb"), m.end("verb"), m.end()
    return None
