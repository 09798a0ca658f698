"""Study findings: content credited to a poll, study, analysis or data set as a document claim.

"A 2014 study by two universities found that ...", "The latest poll released
Friday shows Lee ahead by 3 points.", "Donations rose 10 percent, an analysis
of the filings shows."  The subject's head noun comes from
rules/lexicon.json `finding_heads`, the verb from `finding_verbs` (both data);
the claim is a document claim whose source is the noun phrase.  A finding
noun after a possessive or preposition is no subject ("in a poll showing"),
and a verb in the infinitive or a question is no finding.
"""
from __future__ import annotations

import re
from functools import lru_cache

from provenance.attribute.frames import Mention, Tok, skip_adverbial
from provenance.attribute.lexicon import lexicon

_DET = r"(?:[Aa]n?|[Tt]he|[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose|[Oo]ther|[Rr]ecent|[Nn]ew|[Ii]ts|[Tt]heir|[A-Z][\w.'’/&-]*['’]s?)"
# a short post-modifier opened by a preposition or a participle: 'by two universities', 'released Friday'
_MID = (r"(?:\s+(?:by|of|from|in|on|at|for|among|across|with|[a-z]+ed|taken|shown)\b(?:\s+[^\s,;:“”\"]+){0,12}?"
        # a relative clause: 'that appeared in a journal', ', which tracks support daily,'
        r"|\s+that\s+(?:[a-z]+ed|appeared|was|were|ran)\b(?:\s+[^\s,;:“”\"]+){0,10}?|,\s+which\s+[^,;:“”\"]{3,140}?,)?")
_AUX = r"(?:\s+(?:has|have|had|also|similarly|consistently|again|clearly|now))*"


class _Patterns:
    def __init__(self) -> None:
        lex = lexicon()
        self.heads = heads = "(?i:" + "|".join(sorted(lex.finding_heads, key=len, reverse=True)) + ")"
        verbs = "|".join(sorted(lex.finding_verbs, key=len, reverse=True))
        np = rf"(?P<np>(?:{_DET}\s+)?(?:[\w.'’/&-]+\s+){{0,6}}?(?:{heads}){_MID})"
        self.lead = re.compile(rf"{np}{_AUX}\s+(?P<verb>{verbs})\b(?!\s+(?:to|up|out|off)\b)")
        self.trail = re.compile(rf",\s+(?P<np>(?:{_DET}\s+)(?:[\w.'’/&-]+\s+){{0,6}}?(?:{heads})(?:\s+[^\s,;:]+){{0,10}}?){_AUX}\s+"
                                rf"(?P<verb>{verbs})\s*\.?$")


@lru_cache(maxsize=1)
def patterns() -> _Patterns:
    return _Patterns()


def finding_claim(text: str, masked: str, toks: list[Tok], s_start: int, s_end: int) -> tuple[Mention, str, str] | None:
    """(source mention, rule, cue) of a finding stated in the sentence, or None."""
    if masked[s_start:s_end].rstrip(" \"”’»)").endswith("?"):
        return None
    p = patterns()
    i = skip_adverbial(toks)
    if i < len(toks):
        m = p.lead.match(masked, toks[i].start, s_end)
        if m and m.end() < s_end - 2:
            return Mention(text[m.start("np"):m.end("np")], m.start("np"), m.end("np")), "document.finding", m.group("verb")
    body = masked[s_start:s_end].rstrip()
    t = p.trail.search(body)
    if t and t.start() > 20:
        a, b = s_start + t.start("np"), s_start + t.end("np")
        return Mention(text[a:b], a, b), "document.finding", t.group("verb")
    return None


def source_name(men: Mention) -> str:
    """The finding's source as a name: the noun phrase up to its head noun, without the leading article;
    a post-modifier stays only when it names the author ('study by Harvard University', 'poll of the
    Ledger'; not 'poll released Friday', 'analysis of newly filed reports')."""
    name = men.text.strip(" ,")
    heads = list(re.finditer(rf"\b{patterns().heads}\b", name))
    if heads:
        rest = name[heads[0].end():]
        name = name[:heads[0].end()] + (rest if re.match(r"\s+(?:by|of|from|at)\s+(?:the\s+)?[A-Z]", rest) else "")
    return re.sub(r"^(?:[Aa]n?|[Tt]he)\s+", "", name)
