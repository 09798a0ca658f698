"""Speech acts whose content is no that-clause (rules/verbs.json, _doc_content_forms).

- an object and its description: 'called the plan a fraud', 'called climate change a hoax';
- an indirect question: 'asked whether the board had read the accounts';
- a directive, an object and a to-infinitive: 'asked the board to publish', 'encouraged voters to stay home';
- a ruling, an object and its legal status: 'ruled the toll unconstitutional'.
"""
from __future__ import annotations

from functools import lru_cache

from provenance.attribute.frames import QUOTE_MARKS, Tok, is_possessive
from provenance.attribute.lexicon import _load, lexicon

_STOP = {",", ";", ":", ".", "!", "?", "(", ")", "—", "–"}


class _Words:
    def __init__(self) -> None:
        v = _load("verbs.json")
        self.question = frozenset(v.get("question_words", ()))
        self.directive = frozenset(v.get("directive", ()))
        self.ruling = frozenset(v.get("ruling", ()))
        self.ruling_complements = tuple(tuple(p.split()) for p in v.get("ruling_complements", ()))
        self.object_words = int(v.get("complement_object_words", 12))
        self.not_after = frozenset(v.get("complement_not_after", ()))
        self.not_askers = frozenset(v.get("question_not_from", ()))
        self.needs_that = frozenset(v.get("needs_that", ()))
        self.needs_to = frozenset(v.get("needs_to", ()))
        self.not_for_material = frozenset(v.get("not_for_material", ()))
        self.adj_endings = tuple(v.get("complement_adjective_endings", ()))
        self.not_after_pronoun = frozenset(v.get("complement_not_after_pronoun", ()))
        self.raising = tuple(tuple(r.split()) for r in v.get("raising", ()))  # 'X appeared to suggest that ...'

    def material_subject(self, lemma: str, speaker: str) -> bool:
        """Is `speaker` a study, poll, document or footage for a verb that leaves those to the findings modules?"""
        if lemma not in self.not_for_material:
            return False
        lex = lexicon()
        return any(w.lower() in lex.finding_heads or w.lower() in lex.document_heads or w.lower() in lex.artifacts
                   for w in speaker.split())

    def raised(self, toks: list[Tok], to: int) -> int:
        """toks[to] is 'to' before a speech verb: the index of the first word of a raising phrase before it
        ('went on to explain' -> 'went'), or -1."""
        for r in self.raising:
            k = to - len(r)
            if k >= 1 and tuple(t.low for t in toks[k:to]) == r:
                return k
        return -1


@lru_cache(maxsize=1)
def words() -> _Words:
    return _Words()


def _object_end(toks: list[Tok], i: int, most: int) -> list[int]:
    """Token indexes that may follow an object starting at toks[i] (no verb, clause mark or quotation inside)."""
    lex = lexicon()
    out = []
    for k in range(i + 1, min(len(toks), i + 1 + most)):
        t = toks[k - 1]
        noun = k - 2 >= i and (toks[k - 2].low in lex.determiners or is_possessive(toks[k - 2]))  # 'the demand'
        if t.text in _STOP or t.text in QUOTE_MARKS or t.low in lex.auxiliaries or t.low in lex.subordinators \
                or t.low in ("that", "which", "who", "to") or t.low in lex.form_lemma and not t.cap and not noun:
            break
        out.append(k)
    return out


def _object_start(toks: list[Tok], i: int) -> bool:
    if i >= len(toks):
        return False
    t = toks[i]
    lex = lexicon()
    if t.low in ("a", "an") or t.low in lex.prepositions or t.text in _STOP or t.text in QUOTE_MARKS:
        return False
    return t.text[:1].isalnum() or is_possessive(t)


def described_object(toks: list[Tok], i: int) -> bool:
    """'the plan a fraud', 'climate change a hoax perpetrated by X', 'him a master at deals': an object, then a/an;
    'them messianic impulses': a pronoun and a noun phrase; 'the charges unsubstantiated': an object and an
    adjective closing the clause."""
    if not _object_start(toks, i) or toks[i].low in ("back", "off", "up", "out", "in", "on", "for", "upon", "it"):
        return _pronoun_and_description(toks, i)
    w = words()
    if _pronoun_and_description(toks, i) or _adjective_after(toks, i, w):
        return True
    ends = _object_end(toks, i, w.object_words)
    for k in ends:
        if toks[k].low in ("a", "an"):
            return k + 1 < len(toks) and toks[k + 1].low not in w.not_after and toks[k + 1].text.isalpha()
    # 'half of his supporters “deplorables”': the object, then its quoted description
    k = (ends[-1] if ends else i) + 1
    return bool(ends) and k < len(toks) and toks[k - 1].text in ("“", "\"", "‘") and len(ends) <= 8


def _pronoun_and_description(toks: list[Tok], i: int) -> bool:
    if i + 1 >= len(toks) or toks[i].low not in ("him", "them", "it", "us", "me"):  # not "her": her mother
        return False
    nxt = toks[i + 1]
    lex = lexicon()
    return nxt.text[:1].isalpha() and not nxt.cap and nxt.low not in words().not_after_pronoun \
        and nxt.low not in lex.time_words and nxt.low not in lex.prepositions and nxt.low not in lex.form_lemma \
        and not nxt.low.endswith("ly")


def _adjective_after(toks: list[Tok], i: int, w: _Words) -> bool:
    """'the charges unsubstantiated and fabricated by former staff': a determiner's object, then an adjective."""
    lex = lexicon()
    if toks[i].low not in lex.determiners and not is_possessive(toks[i]):
        return False
    for k in range(i + 2, min(len(toks), i + 7)):
        t = toks[k]
        if not t.text[:1].isalpha() or t.low in lex.prepositions or t.low in ("and", "or", "to", "that", "which", "who"):
            return False
        if not t.cap and t.low.endswith(w.adj_endings) and len(t.low) > 4 and (
                k + 1 >= len(toks) or toks[k + 1].text in (".", ",", ";") or toks[k + 1].low in ("and", "or", "by")):
            return True
    return False


def directive(toks: list[Tok], i: int) -> bool:
    """'the board to publish the accounts', 'voters to stay home': an object, then 'to' and a verb."""
    if not _object_start(toks, i) or toks[i].low == "to":
        return False
    for k in _object_end(toks, i, 8):
        if toks[k].low == "to":
            return k + 1 < len(toks) and toks[k + 1].text.isalpha() and toks[k + 1].low not in lexicon().determiners
    return False


def ruled_status(toks: list[Tok], i: int) -> bool:
    """'the toll unconstitutional', 'that action illegal': an object, then a legal status."""
    if not _object_start(toks, i):
        return False
    lows = [t.low for t in toks]
    for k in _object_end(toks, i, 10):
        if any(tuple(lows[k:k + len(p)]) == p for p in words().ruling_complements):
            return True
    return False


def other_content(toks: list[Tok], ve: int, lemma: str, speaker: str) -> bool:
    """Does the cue toks[..ve] of `lemma` take content of one of the forms above?"""
    w = words()
    nxt = ve + 1
    if nxt >= len(toks) or speaker.split()[-1:] and speaker.split()[-1].lower() in w.not_askers:
        return False
    if toks[nxt].low in w.question and lemma in w.directive:
        return True  # "asked whether the accounts were read"
    if lemma in w.directive and directive(toks, nxt):
        return True
    return lemma in w.ruling and ruled_status(toks, nxt)
