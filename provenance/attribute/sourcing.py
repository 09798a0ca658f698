"""Sourcing clauses: a speech verb whose words describe how the source spoke, not what it said.

"A diplomat, speaking on condition of anonymity, said ...", "One official, who requested anonymity to
discuss internal deliberations, told ...", "X spoke on background.": the speech verb carries no content,
so it gives no claim of its own and does not cut the span of the claim that follows.  The phrases are
data (lexicon.json sourcing_phrases / sourcing_reasons / sourcing_fillers).
"""
from __future__ import annotations

from provenance.attribute.frames import Tok
from provenance.attribute.lexicon import lexicon

_CLAUSE_END = {",", ";", ".", "!", "?", "—", "–", "(", ")"}
_CONTENT_MARKS = set("“”\"‘’«»:'")


def clause_end(toks: list[Tok], k: int) -> int:
    """Index of the first token from k that closes the clause (or len(toks))."""
    while k < len(toks) and toks[k].text not in _CLAUSE_END:
        k += 1
    return k


def no_content(masked: str, toks: list[Tok], k: int) -> bool:
    """Are the words from token k (just after a speech verb) to the end of its clause only the terms or
    setting of the speech act ('on condition of anonymity', 'to reporters in Kyiv', 'anonymity because
    they were not authorised to speak publicly')?  An empty complement is not: the content may follow
    the comma ('said, speaking slowly, that ...')."""
    lex = lexicon()
    if lex.sourcing_re is None:
        return False
    e = clause_end(toks, k)
    if e <= k or any(t.text in _CONTENT_MARKS for t in toks[k:e]):
        return False
    if e + 1 < len(toks) and toks[e].text == "," and toks[e + 1].text in _CONTENT_MARKS:
        return False  # 'X told reporters in Moscow, “...”': the quotation after the comma is the content
    if not _setting_only(masked, toks, k, e, lex):
        return False
    return not _content_after(masked, toks, e, lex)


def _content_after(masked: str, toks: list[Tok], e: int, lex) -> bool:
    """After the comma closing the setting, more settings may follow ('..., and in an interview the next
    day,') before the content: 'X repeated in a speech on Monday, and on radio the next day, that ...'."""
    while e + 1 < len(toks) and toks[e].text == ",":
        k = e + 1
        if toks[k].low == "that" or toks[k].text in _CONTENT_MARKS:
            return True
        if toks[k].low in ("and", "or", "then"):
            k += 1
        e2 = clause_end(toks, k)
        if e2 <= k or any(t.text in _CONTENT_MARKS for t in toks[k:e2]):
            return False
        if not _setting_only(masked, toks, k, e2, lex) and not all(_filler(t, lex.sourcing_fillers) for t in toks[k:e2]):
            return False
        e = e2
    return False


def _setting_only(masked: str, toks: list[Tok], k: int, e: int, lex) -> bool:
    """Are toks[k:e] only sourcing phrases, their reasons and fillers?"""
    a, b = toks[k].start, toks[e - 1].end
    hits = list(lex.sourcing_re.finditer(masked, a, b))
    if not hits:
        return False
    rest = [(a, hits[0].start())] + [(h.end(), n.start()) for h, n in zip(hits, hits[1:])] + [(hits[-1].end(), b)]
    # after a sourcing phrase, 'because ...', 'to discuss ...' gives the reason for it: part of the attribution
    last_a, last_b = rest[-1]
    m = lex.sourcing_reason_re.search(masked, last_a, last_b) if lex.sourcing_reason_re is not None else None
    if m is not None:
        if "that" in masked[m.end():last_b].lower().split():
            return False  # "... because he said that ...": a statement inside the reason
        rest[-1] = (last_a, m.start())
    for x, y in rest:
        for t in toks[k:e]:
            if t.start >= x and t.end <= y and not _filler(t, lex.sourcing_fillers):
                return False
    return True


def _filler(t: Tok, fillers: frozenset[str]) -> bool:
    """A word that may stand beside a sourcing phrase: an adverb or preposition of the list, a capitalised
    word ('in Kyiv', 'to Reuters'), a number, a time word, punctuation."""
    return t.low in fillers or t.cap or t.text[:1].isdigit() or t.low in lexicon().time_words or not t.text[:1].isalnum()
