"""Speaker phrases elsewhere than right before the verb (companions of clause_subject.py).

- the sentence's first noun phrase for a second verb or a participle ('His lawyers agreed, but also
  contended that ...', 'Dean, a doctor, then appeared on TV and began by saying ...');
- the source after a sentence-opening 'According to', up to the comma;
- an inverted speaker closing the sentence ('..., said ferry widow Terry Strada.');
- a name over short asides before 'who' ('Donna Rawlings, 59, of Ashton, Md., who ...');
- '..., many of whom say ...';
- the subject after a leading participle clause ('After saying that A, she left').
"""
from __future__ import annotations

from provenance.attribute.clause_subject import EDGE, INSIDE_NO, heads_ok, verbish
from provenance.attribute.frames import Tok, is_possessive
from provenance.attribute.lexicon import lexicon


def leading_np(toks: list[Tok], text: str):
    """The sentence's first noun phrase up to its verb when main_subject reads none ('The union's lawyers
    agreed, but also contended that ...'): a determiner, a possessive or a name, then words with no verb or
    mark, headed by a name or a noun for people."""
    from provenance.attribute.frames import skip_adverbial, span_text
    lex = lexicon()
    i = skip_adverbial(toks) if toks else 0
    if i == 2 and toks[0].cap and toks[1].text == ",":
        i = 0  # 'Dean, a medical doctor, ...': a name, not an adverbial
    if i >= len(toks) or not (toks[i].cap or toks[i].low in lex.determiners or is_possessive(toks[i])):
        return None
    k = i
    while k < len(toks) and k - i < 8 and toks[k].text[:1].isalnum() and not verbish(toks[k]) \
            and toks[k].low not in INSIDE_NO and toks[k].low not in ("and", "or", "but"):
        k += 1
    if k > i and k < len(toks) and toks[k].text == "," and all(t.cap for t in toks[i:k]):
        # 'Dean, a medical doctor, then appeared ...': a name, its description between commas, then the verb
        c2 = next((n for n in range(k + 1, min(len(toks), k + 12)) if toks[n].text == ","), -1)
        n = c2 + 1
        while 0 < n < len(toks) and toks[n].low in lex.skip_words and not verbish(toks[n]):
            n += 1
        if c2 > 0 and n < len(toks) and verbish(toks[n]):
            return span_text(text, toks, (i, k - 1))
    if k == i or k >= len(toks) or not verbish(toks[k]) or toks[k - 1].low in lex.determiners \
            or not heads_ok(toks[i:k]):
        return None
    return span_text(text, toks, (i, k - 1))


def source_to_comma(toks: list[Tok], i: int, most: int = 25) -> tuple[int, int] | None:
    """'According to a civil complaint filed by the board and a second one by the county, ...': at the
    start of a sentence, the source is the words up to the comma, less a clause describing it."""
    k = i
    while k < len(toks) and toks[k].text != ",":
        if k - i >= most or toks[k].text in (";", ":", ".", "“", "”", "\"", "(") or toks[k].low in ("that", "said"):
            return None
        k += 1
    if k >= len(toks) or k == i:
        return None
    lex = lexicon()
    first = toks[i]
    if not (first.cap or first.low in lex.determiners or first.low in lex.quantifiers or first.text[:1].isdigit()
            or any(t.cap for t in toks[i + 1:k])):
        return None  # 'According to custom, ...': a bare noun is no source
    cut = next((n for n in range(i + 1, k) if toks[n].low in ("which", "who", "that") or not toks[n].cap and (
        toks[n].low in lex.past_irregular or toks[n].low in lex.participles_irregular
        or toks[n].low.endswith("ed") and len(toks[n].low) > 4 and toks[n].low not in lex.not_verbs_ed)), k)
    return (i, cut - 1)  # the source's own words, not the clause describing it ('a complaint | filed by X')


def inverted_subject(toks: list[Tok], i: int, most: int = 10) -> tuple[int, int] | None:
    """The speaker after an inverted verb that closes the sentence: '..., said 9/11 widow Terry Strada.',
    '..., said one GOP source in the room.'  Descriptor words, then a name, or a noun for people with a short
    postmodifier; nothing after it but the full stop."""
    lex = lexicon()
    k = i
    while k < len(toks) and toks[k].text not in (".", "!", "?") and k - i < most:
        t = toks[k]
        if t.text in EDGE or verbish(t) or t.low in INSIDE_NO:
            return None
        k += 1
    if k == i or k - i >= most or any(t.text not in (".", "!", "?", "”", "\"", "’", ")") for t in toks[k:]):
        return None
    words = toks[i:k]
    if words[-1].low in lex.prepositions or words[-1].low in ("and", "or") or words[-1].low in lex.time_words:
        return None
    return (i, k - 1) if heads_ok(words) else None


def name_before_asides(toks: list[Tok], c: int) -> tuple[int, int] | None:
    """toks[c] is the comma before 'who': the name that opens the clause, over short asides between commas
    ('Donna Rawlings, 59, of Ashton, Md., who ...', 'Schiff, 56, who ...'): an age, 'of PLACE', a state."""
    from provenance.attribute.frames import np_ending_at
    k = c
    for _ in range(4):
        prev = next((n for n in range(k - 1, max(-1, k - 6), -1) if toks[n].text == ","), -1)
        seg = toks[prev + 1:k]
        if not seg:
            return None
        if prev < 0 or prev + 1 == 0:
            break
        if seg[0].text.isdigit() and len(seg) == 1 or seg[0].low in ("of", "from") and all(
                t.cap or t.text in (".", "-") for t in seg[1:]) or all(t.cap or t.text == "." for t in seg) and len(seg) <= 2:
            k = prev  # an age, a home town, a state: step over it
            continue
        break
    r = np_ending_at(toks, k - 1) if k < c else None
    if r is None or not toks[r[1]].cap or r[0] > 0 and toks[r[0] - 1].text not in EDGE:
        return None
    return r


def quantified_relative(toks: list[Tok], j: int) -> tuple[int, int] | None:
    """toks[j] is 'whom' in '..., many of whom say ...': the phrase the quantifier picks from (before the comma)."""
    lex = lexicon()
    if j < 4 or toks[j].low != "whom" or toks[j - 1].low != "of" or toks[j - 3].text != ",":
        return None
    if not (toks[j - 2].low in lex.quantifiers or toks[j - 2].text.isdigit() or toks[j - 2].low in ("one", "two", "three", "half")):
        return None
    e = j - 4
    k = e
    while k - 1 >= 0 and e - k < 6 and toks[k - 1].text[:1].isalnum() and not verbish(toks[k - 1]) \
            and toks[k - 1].low not in INSIDE_NO and toks[k].low not in lex.determiners \
            and (toks[k - 1].low == "of" or toks[k - 1].low not in lex.prepositions):
        k -= 1  # 'family members of ferry victims', 'the crews'
    while k < e and (toks[k].low in lex.prepositions or toks[k].low in ("and", "or")):
        k += 1
    return (k, e) if toks[e].text[:1].isalnum() and not verbish(toks[e]) else None


def subject_after_lead(toks: list[Tok], ve: int, text: str):
    """'After saying A, she was whisked off ...': the subject after the comma that closes the leading clause
    (a pronoun or a name)."""
    from provenance.attribute.frames import np_starting_at, span_text
    lex = lexicon()
    if ve + 1 >= len(toks) or not (toks[ve + 1].low in lex.verb_position_next or toks[ve + 1].text in ("“", "\"")):
        return None  # 'After saying goodbye, ...': no content
    c = next((k for k in range(ve + 1, len(toks)) if toks[k].text in (",", ";")
              or toks[k].text in ("”", "\"") and k + 1 < len(toks) and toks[k + 1].text[:1].isalpha()), -1)
    if c < 0 or toks[c].text == ";" or c + 1 >= len(toks):
        return None
    r = np_starting_at(toks, c + 1)
    if r is None or not (toks[r[0]].cap or toks[r[0]].low in lex.pronouns):
        return None
    return span_text(text, toks, r)
