"""Document claims: content whose source is a plan, draft or released material.

"The draft would require ...", "Under the proposal, ...", "The plan bans ...",
"It does not explain ..." inside a passage about the draft, continuation
sentences with conditional "would" in such a passage, list items the article
presents as a plan's points, and "Video released by X shows ...".
"""
from __future__ import annotations

import re
from functools import lru_cache

from provenance.attribute.frames import Mention, Tok, np_starting_at, skip_adverbial, span_text
from provenance.attribute.lexicon import lexicon

_DET = r"(?:(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Aa]ny)\s+)"
_EVALUATIVE_START = re.compile(r"(?:Such|This|That|These|Those)\b")
_WOULD = re.compile(r"\b(?:would|will)\s+(?:also\s+|not\s+|only\s+|still\s+|then\s+|further\s+)*(?P<verb>[\w’'-]+)(?:\s+(?:deeply|very|highly|also|not|more|less|quite|so|too|even)\b)*(?:\s+(?P<next>[\w’'-]+))?")
_PARTICIPLE = re.compile(r"(?:ed|en|wn|ne|lt|pt|ung|ought|id)$")
_INTRO_AGENT = re.compile(r"\b(?:outlined|presented|proposed|described|listed|detailed|put forward|set out|unveiled|announced)\s+by\s+")


class _Patterns:
    def __init__(self) -> None:
        lex = lexicon()
        heads = "|".join(sorted(lex.document_heads, key=len, reverse=True))
        self.heads = heads
        self.np = rf"{_DET}?(?:[\w’'.$-]+\s+){{0,5}}?(?:{heads})\b"
        mid = r"(?:\s*,[^.;“”\"]{0,200}?,|\s+(?:[a-z]+ed|seen|shown|drawn up|written)\s+by\s+[^,.;]{0,80}?)?"
        self.clause = re.compile(rf"(?P<np>{self.np}|It\b|it\b){mid}\s+(?P<verb>{lex.doc_verb_re.pattern})")
        self.under = re.compile(rf"(?:[Uu]nder|[Aa]ccording\s+to|[Ii]n)\s+(?P<np>{_DET}(?:terms\s+of\s+the\s+)?(?:[\w’'.-]+\s+){{0,4}}?(?:{heads}))\b(?P<rest>[^,]{{0,60}}),")
        self.doc_word = re.compile(rf"\b(?:{heads})\b", re.I)
        arts = "|".join(sorted(lex.artifacts, key=len, reverse=True))
        averbs = "|".join(sorted((re.escape(v) for v in lex.artifact_verbs), key=len, reverse=True))
        self.artifact = re.compile(rf"\b(?:{arts})\s+(?:released|published|posted|shared|issued|distributed|obtained|provided)\s+by\s+(?P<rest>[^.]*?)\s(?P<verb>{averbs})\b", re.I)
        self.clause_starts = re.compile(r"(?:,\s+|\s)(?:as|because|since|while|whereas|and|but)\s+(?=it\b|the\b|its\b)")


@lru_cache(maxsize=1)
def patterns() -> _Patterns:
    return _Patterns()


def _would_content(masked: str, start: int, end: int) -> bool:
    """A conditional 'would'/'will' clause stating a term, not an evaluation ('would be illegal')."""
    for m in _WOULD.finditer(masked, start, end):
        verb = m.group("verb").lower()
        if verb != "be":
            return True
        nxt = (m.group("next") or "").lower()
        if _PARTICIPLE.search(nxt) or nxt in lexicon().participles_irregular or nxt in ("able", "subject"):
            return True
        if re.match(r"\s*There\b", masked[start:end]):
            return True
    return False


def document_claim(text: str, masked: str, toks: list[Tok], s_start: int, s_end: int,
                   in_passage: bool) -> tuple[Mention | None, str, str] | None:
    """(document mention or None for 'the current document', rule, cue) or None."""
    p = patterns()
    i = skip_adverbial(toks)
    if i >= len(toks):
        return None
    c0 = toks[i].start
    am = p.artifact.search(masked, s_start, s_end)
    if am:
        rest_tok = next((k for k, t in enumerate(toks) if t.start >= am.start("rest")), None)
        rng = np_starting_at(toks, rest_tok) if rest_tok is not None else None
        if rng:
            return span_text(text, toks, rng), "document.artifact", am.group("verb")
    um = p.under.match(masked, toks[0].start) or p.under.match(masked, c0)
    if um and (in_passage or True):
        return Mention(text[um.start("np"):um.end("np")], um.start("np"), um.end("np")), "document.under", "under"
    starts = [c0] + [m.end() for m in p.clause_starts.finditer(masked, c0, s_end)]
    for cs in starts:
        m = p.clause.match(masked, cs)
        if not m or m.end("np") > s_end:
            continue
        np = m.group("np")
        if np.split()[0].lower() in ("any", "every", "no", "each"):
            continue  # "Any deal requires ...": a generic statement, not a particular document
        if np.lower() == "it" and not in_passage:
            continue
        verb = m.group("verb").strip().lower()
        if verb.startswith(("would", "will", "could", "may", "might", "should", "must", "can")) and not _would_content(masked, m.start("verb"), s_end):
            continue
        return Mention(text[m.start("np"):m.end("np")], m.start("np"), m.end("np")), "document.subject", verb.split()[-1] if verb else "would"
    if in_passage and not _EVALUATIVE_START.match(masked, c0) and not masked[s_start:s_end].rstrip().endswith("?"):
        if _would_content(masked, c0, s_end) or re.search(r"\b(?:is|are)\s+(?:also\s+)?(?:included|envisaged|foreseen|provided)\b", masked[c0:s_end]):
            return None, "document.continuation", "would"
    return None


def intro_source(text: str, masked: str, toks: list[Tok], s_start: int, s_end: int) -> tuple[str, Mention | None]:
    """What a list introduction ('... key points of the draft outlined by X:') credits its items to.

    Returns ("person", mention) when an agent is named, ("document", None) when the
    items are a document's points, ("", None) otherwise.
    """
    m = _INTRO_AGENT.search(masked, s_start, s_end)
    if m:
        k = next((n for n, t in enumerate(toks) if t.start >= m.end()), None)
        rng = np_starting_at(toks, k) if k is not None else None
        if rng:
            men = span_text(text, toks, rng)
            if not patterns().doc_word.search(men.text):
                return "person", men
    if patterns().doc_word.search(masked, s_start, s_end) or re.search(r"\bpoints?\b", masked[s_start:s_end], re.I):
        return "document", None
    return "", None
