"""Statements inside a relative clause: 'X, who warned that A, said B.'

The clause opened by ', who|which <speech verb>' is a claim of the phrase it hangs on (X), and it is
closed by the comma before the main verb of that phrase: its claim is 'who warned that A', never
'who warned that A, said B'.  The main verb is known when it is itself a speech verb (an appositive
frame whose speaker phrase stands before the relative clause); otherwise, when the relative clause
hangs on the sentence's subject, it is the last comma of the clause followed by a finite verb
(lexicon.json auxiliaries, past_irregular, participles_irregular, a speech verb, or a word in -ed
that is not in not_verbs_ed).
"""
from __future__ import annotations

import re

from provenance.attribute.frames import Mention, Tok, generic_np_ending_at, is_possessive, np_starting_at
from provenance.attribute.lexicon import lexicon

_BREAK = re.compile(r";|,\s*(?:and|but|or|although|though|while|whereas|yet)\b")
_RELATIVE = ("who", "which", "whose")
_DASHES = {"-", "—", "–", ":", ")"}


def opening(toks: list[Tok], j: int, reach: int = 40) -> int:
    """Index of the comma before 'who|which|whose' that opens a relative clause closed by the comma
    toks[j] (within `reach` tokens, no ';' between), or -1."""
    for k in range(j - 1, max(0, j - reach), -1):
        t = toks[k].text
        if t == ";":
            return -1
        if t == "," and k + 1 < j and toks[k + 1].low in _RELATIVE:
            return k
    return -1


def second_comma(toks: list[Tok], j: int) -> int:
    """The comma opening the phrase that the comma toks[j] closes: the nearest one, or further back the one
    before 'who|which|whose' ('Sand, who warned that the wall, built in 1902, would fail, said')."""
    near = next((k for k in range(j - 1, max(-1, j - 30), -1) if toks[k].text == ","), -1)
    if near >= 0 and near + 1 < j:
        r = np_starting_at(toks, near + 1)
        if r is not None and r[1] == j - 1 or generic_np_ending_at(toks, j - 1, near + 1) == (near + 1, j - 1):
            return near  # 'NP1, NP2, said': a true appositive ('Macron, the French president, said')
    k = opening(toks, j)
    return k if k >= 0 else near


def clause_end(masked: str, toks: list[Tok], f, later: list, b: int, lead: int) -> int:
    """End of the claim of relative frame `f` (mode 'relative'), given `b`, the end the frames after it
    allow (the start of the next frame's clause, or the sentence end), and `lead`, where the sentence's
    subject may start (after a leading adverbial)."""
    if f.mention is None:
        return b
    if any(g.mode == "appos" and g.mention is not None and g.mention.end <= f.subj_start for g in later):
        return b  # the main verb is a speech verb: its clause starts after the comma that closes this one
    if not _opens_sentence(toks, f.mention, lead):
        return b  # '..., according to the board, which said ...': the clause runs to the end of the sentence
    stop = _BREAK.search(masked, f.cue_end, b)
    limit = stop.start() if stop else b
    commas = [k for k, t in enumerate(toks) if t.text == "," and f.cue_end <= t.start < limit]
    if not commas:
        return b
    verbs = [k for k in commas if _finite(toks, k + 1)]
    return toks[(verbs or commas)[-1 if verbs else 0]].start


def _opens_sentence(toks: list[Tok], men: Mention, lead: int) -> bool:
    """Is the speaker phrase `men` (or the noun phrase it ends) the subject of a clause, standing at the
    sentence's lead, after a dateline ('KYIV (Reuters) - Ukrainian President Volodymyr Zelensky') or after a
    subordinator ('where the mayor')?"""
    first = next((k for k, t in enumerate(toks) if t.start >= lead), 0)
    i = next((k for k, t in enumerate(toks) if t.start >= men.start), len(toks))
    j = next((k for k in range(len(toks) - 1, -1, -1) if toks[k].end <= men.end), -1)
    if i == first or i > 0 and toks[i - 1].low in lexicon().subordinators:
        return True
    g = generic_np_ending_at(toks, j, first) if j >= i else None
    if g is None or g[0] > i or any(not _nominal(t) for t in toks[g[0]:i]):
        return False  # 'Zelensky met Kallas, who said ...': an object, its relative clause may end the sentence
    return g[0] == first or toks[g[0] - 1].text in _DASHES or g[0] > 0 and toks[g[0] - 1].low in lexicon().subordinators


def _nominal(t: Tok) -> bool:
    """May the word stand in a noun phrase before a name ('Harbour master', 'the head of')? A verb may not."""
    if t.cap or not t.text[:1].isalpha():
        return True
    lex = lexicon()
    w = t.low
    if (w in lex.role_words or w in lex.anonymous_heads or w in lex.organization_heads or w in lex.document_heads
            or w in lex.determiners or w in lex.connectors or w in lex.name_particles or is_possessive(t)):
        return True
    return not w.endswith("s") and not _finite([t], 0)


def _finite(toks: list[Tok], k: int) -> bool:
    """Does a finite verb open the words from token k ('resigned', 'has since', 'later flew')?"""
    lex = lexicon()
    while k < len(toks) and not toks[k].cap and toks[k].low not in lex.auxiliaries and (
            toks[k].low in lex.skip_words or toks[k].low.endswith("ly")):
        k += 1  # adverbs: 'later', 'repeatedly', 'also'
    if k >= len(toks) or toks[k].cap:
        return False
    w = toks[k].low
    return (w in lex.auxiliaries or w in lex.past_irregular or w in lex.participles_irregular
            or lex.form_kind.get(w) in ("past", "third") or len(w) > 4 and w.endswith("ed") and w not in lex.not_verbs_ed)
