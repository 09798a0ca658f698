"""Data as a source: what a poll, survey, study or footage shows, and estimates.

- "<X> published a poll showing that A": a publish verb, the material, a finding participle: X's claim;
- "A survey by X, run with Y, found that A", "Footage from the port, broadcast by X, showed A",
  "Data from the health ministry show A", "X's latest poll found A": the material's source (after
  'by' or a source participle with 'by', after 'from' right behind the noun, or its possessor);
- "X put the losses at up to 85", "It puts the toll at N": an estimate, X's claim.

Each gives a `Frame` like a speech verb's: its source before the cue, its content after it.  The words
are data (rules/findings.json); material released by a source ("Video released by X shows") stays a
document claim (provenance.attribute.document).
"""
from __future__ import annotations

from functools import lru_cache

from provenance.attribute import document, relay, speaker_np
from provenance.attribute.frames import (BE, Mention, Tok, generic_np_ending_at, is_possessive, np_ending_at,
                                         np_starting_at, skip_back, span_text)
from provenance.attribute.lexicon import _load, lexicon
from provenance.attribute.reported import Frame

_BREAK = {";", ":", "“", "”", "\"", "«", "»", "(", ")", "—", "–"}


class _Words:
    def __init__(self) -> None:
        d = _load("findings.json")
        self.nouns = frozenset(d["nouns"])
        self.finding_verbs = frozenset(d["finding_verbs"])
        self.participles = frozenset(d["finding_participles"])
        self.publish = {tuple(p.split()) for p in d["publish_verbs"]}
        self.source_participles = frozenset(d["source_participles"])
        self.estimate_verbs = frozenset(d["estimate_verbs"])
        self.at_next = frozenset(d["estimate_at_next"])
        self.cue_words = self.nouns | self.estimate_verbs


@lru_cache(maxsize=1)
def words() -> _Words:
    return _Words()


def finding_frames(text: str, masked: str, toks: list[Tok], s_start: int, s_end: int) -> list[Frame]:
    w = words()
    out: list[Frame] = []
    for n, t in enumerate(toks):
        if t.low in w.nouns:
            f = _published(text, toks, n, w) or _found(text, masked, toks, n, w, s_start, s_end)
            if f is not None:
                out.append(f)
        elif t.low in w.estimate_verbs:
            f = _estimate(text, toks, n, w)
            if f is not None:
                out.append(f)
    return [g for g in (speaker_np.clean(f, toks, text) for f in out) if g is not None]


def _frame(cue: Tok, mention: Mention, subj_start: int) -> Frame:
    return Frame(cue.text, cue.low, cue.start, cue.end, mention, "before", "after", False, subj_start)


def _subject_before(text: str, toks: list[Tok], v: int) -> tuple[Mention, int] | None:
    """The subject phrase of the verb at token v ('the institute', 'It', 'Kyiv's army')."""
    j = skip_back(toks, v - 1)
    if j < 0 or toks[j].text == ",":
        return None
    rng = np_ending_at(toks, j) or generic_np_ending_at(toks, j)
    if rng is None or rng[0] > 0 and toks[rng[0] - 1].text[:1].isdigit():
        return None
    men = span_text(text, toks, rng)
    return men, men.start


def _published(text: str, toks: list[Tok], n: int, w: _Words) -> Frame | None:
    """'<X> published a (new) poll (of 2,000 adults) showing that ...'."""
    k = next((x for x in range(n + 1, min(len(toks), n + 7)) if toks[x].low in w.participles), -1)
    if k < 0 or any(t.text == "," or t.text in _BREAK for t in toks[n + 1:k]):
        return None
    for p in range(n - 1, max(-1, n - 5), -1):
        v = next((v for v in w.publish if p - len(v) + 1 >= 0 and tuple(x.low for x in toks[p - len(v) + 1:p + 1]) == v), None)
        if v is not None:
            break
        if not toks[p].text.isalnum():
            return None
    else:
        return None
    subj = _subject_before(text, toks, p - len(v) + 1)
    if subj is None:
        return None
    return _frame(toks[k], *subj)


def _found(text: str, masked: str, toks: list[Tok], n: int, w: _Words, s_start: int, s_end: int) -> Frame | None:
    """'A survey by X (, run with Y,) found that ...', 'Footage from the port, broadcast by X, showed ...'."""
    if not _opens_clause(toks, n):
        return None
    v = next((x for x in range(n + 1, min(len(toks), n + 30)) if toks[x].low in w.finding_verbs
              or toks[x].text in _BREAK or toks[x].low in BE or toks[x].low == "that"), -1)
    if v < 0 or toks[v].low not in w.finding_verbs or toks[v - 1].low in BE:
        return None
    if document.patterns().artifact.search(masked, toks[n].start, toks[v].end):
        return None  # "Video released by X shows ...": released material, a document claim
    src = None
    for k in range(v - 1, n, -1):
        if toks[k].low == "by" and (k == n + 1 or toks[k - 1].low in w.source_participles):
            src = _source_np(text, toks, k + 1, v)
            break
    if src is None and n + 1 < v and toks[n + 1].low == "from":
        src = _source_np(text, toks, n + 2, v)
    if src is None:
        src = _possessor(text, toks, n)
    if src is None:
        return None
    first = next((x for x in range(n, -1, -1) if x == 0 or toks[x - 1].text in (",", ";")), n)
    return _frame(toks[v], src, toks[first].start)


def _opens_clause(toks: list[Tok], n: int) -> bool:
    """Is the noun at token n the head of a clause's subject ('A separate survey', 'Surveillance footage')?"""
    lex = lexicon()
    k = n - 1
    while k >= 0 and n - k <= 4 and toks[k].text not in (",", ";") and toks[k].low not in ("that", "and", "but"):
        t = toks[k]
        if t.low in lex.prepositions or t.low in BE or t.low in lex.form_lemma and not t.cap:
            return False
        k -= 1
    return k < 0 or n - k <= 5 and toks[k].text in (",", ";") or toks[k].low in ("that", "and", "but")


def _source_np(text: str, toks: list[Tok], i: int, stop: int) -> Mention | None:
    """The source phrase from token i, up to a comma or the verb at `stop`."""
    e = next((x for x in range(i, stop) if toks[x].text == ","), stop)
    if e <= i:
        return None
    phrase = Mention(text[toks[i].start:toks[e - 1].end], toks[i].start, toks[e - 1].end)
    if relay.outlet_phrase(phrase.text) or relay.described_outlet(phrase.text):
        return phrase
    lex = lexicon()
    rng = np_starting_at(toks, i)
    if rng is not None and rng[1] + 1 < e and toks[rng[1] + 1].low in lex.organization_heads:
        rng = (rng[0], rng[1] + 1)  # "the Borders in Flux project"
    if rng is not None and rng[1] < e:
        return span_text(text, toks, rng)
    heads = [x for x in range(i, e) if toks[x].low in lex.organization_heads or toks[x].low in lex.anonymous_heads]
    if heads and all(toks[x].text.isalnum() and toks[x].low not in lex.prepositions for x in range(i, heads[0] + 1)):
        return span_text(text, toks, (i, heads[0]))  # "the health ministry"
    return None


def _possessor(text: str, toks: list[Tok], n: int) -> Mention | None:
    """'KIIS's latest poll': the possessor of the material."""
    for k in range(n - 1, max(-1, n - 4), -1):
        if is_possessive(toks[k]):
            rng = np_ending_at(toks, k - 1) if k >= 1 and toks[k - 1].cap else None
            a = toks[rng[0]].start if rng else toks[k].start
            b = toks[k].end - (2 if toks[k].text.endswith(("'s", "’s")) else 1)
            return Mention(text[a:b], a, b) if b > a and text[a:a + 1].isupper() else None
    return None


def _estimate(text: str, toks: list[Tok], p: int, w: _Words) -> Frame | None:
    """'<X> put the losses at up to 85', 'It puts the toll at 40'."""
    if p == 0 or toks[p - 1].low in ("to", "be", "been", "was", "were", "is", "are") or toks[p - 1].low in lexicon().prepositions:
        return None
    at = next((x for x in range(p + 2, min(len(toks) - 1, p + 10)) if toks[x].low == "at" or toks[x].text in (",", ";", ".")), -1)
    if at < 0 or toks[at].low != "at":
        return None
    nxt = toks[at + 1]
    if not (nxt.text[:1].isdigit() or nxt.low in w.at_next or nxt.text[:1] in "$€£"):
        return None
    subj = _subject_before(text, toks, p)
    if subj is None:
        return None
    return _frame(toks[p], *subj)
