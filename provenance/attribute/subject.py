"""The leading subject of a sentence, for a verb that has none of its own.

"European officials pushed for changes, arguing that ...", "X did not comment
on A but said B", "X set out the reasoning at length:" + quotation: the
speaker is the sentence's subject phrase.  A wire dateline opening the
paragraph ("GENEVA —", "KYIV, Dec 12 (Reuters) -"; the forms are
provenance.ingest.datelines') is no part of it, nor is a time phrase after it
("on Monday").
"""
from __future__ import annotations

from provenance.attribute.frames import _NOT_IN_NP, Mention, Tok, np_starting_at, skip_adverbial, span_text
from provenance.attribute.lexicon import lexicon

_DASH_TOKS = ("—", "–", "-")


def dateline_end(toks: list[Tok], text: str) -> int:
    """Index of the first token after a wire dateline that opens toks ('GENEVA —', 'KYIV, Dec 12 (Reuters) -'),
    else 0."""
    if len(toks) < 3 or not toks[0].cap or not any(t.text in _DASH_TOKS for t in toks[1:16]) \
            or text[:toks[0].start].strip(" \t")[-1:] not in ("", "\n"):
        return 0  # a dateline opens a paragraph
    from provenance.ingest.datelines import parse_dateline  # the reader's forms; imported only when a dash may close one

    d = parse_dateline(text[toks[0].start:toks[-1].end])
    if d is None:
        return 0
    end = toks[0].start + d.end
    k = next((n for n, t in enumerate(toks) if t.start >= end), 0)
    if d.agency is None and any(t.text in _DASH_TOKS for t in toks[k:]):
        return 0  # "NATO — the alliance — said": an aside between dashes, not a dateline
    return k


def main_subject(toks: list[Tok], text: str) -> Mention | None:
    """The sentence's leading subject phrase (for coordinated verbs and ', saying'), after any dateline."""
    d = dateline_end(toks, text)
    i = _after_time_lead(toks, d)  # "On October 22 the treasury imposed ..., saying"
    if i == d:
        i = d + skip_adverbial(toks[d:])
    rng = np_starting_at(toks, i, allow_commas=True)
    if rng is None:
        return None
    i, j = rng
    while j > i and toks[j].text == ",":
        j -= 1
    lex = lexicon()
    heads = (lex.anonymous_heads, lex.organization_heads, lex.role_words)
    j0 = j
    for k in range(j + 1, min(j + 4, len(toks))):  # "Nordic fisheries officials": lower-case words up to the head noun
        t = toks[k]
        if t.cap or not t.low.isalpha() or t.low in _NOT_IN_NP or t.low in lex.form_lemma or t.low in lex.skip_words:
            break
        if t.low in lex.past_irregular or t.low.endswith("ed") and t.low not in lex.role_words:
            break  # "Irma Kolar closed the port": a verb, the subject ended before it
        if any(t.low in h for h in heads):
            j = k
    nxt = toks[j + 1] if j == j0 and j + 1 < len(toks) else None
    if nxt is not None and toks[j].cap and nxt.low.isalpha() and not nxt.cap and nxt.low.endswith("s") and len(nxt.low) > 3 \
            and nxt.low not in _NOT_IN_NP and nxt.low not in lex.form_lemma and nxt.low not in lex.skip_words:
        j += 1  # "two Democratic speechwriters": a plural noun after a capitalised modifier is the head
    while j > i + 1 and toks[j].low in lex.time_words and toks[j - 1].low in ("on", "last", "this", "late", "early", "next"):
        j -= 2  # "European officials on Monday pushed ...": the time is no part of the subject
    return span_text(text, toks, (i, j))


_TIME_LEADS = ("on", "in", "by", "since", "until", "last", "this", "early", "late", "next")


def _after_time_lead(toks: list[Tok], i: int) -> int:
    """Index after a time phrase with no comma that opens the clause ('On October 22', 'Last week', 'In 2024'),
    else i."""
    lex = lexicon()
    if i >= len(toks) or toks[i].low not in _TIME_LEADS:
        return i
    j = i + 1
    while j < len(toks) and (toks[j].low in lex.time_words or toks[j].text.isdigit() or toks[j].low in ("of", "the")
                             and j + 1 < len(toks) and toks[j + 1].low in lex.time_words):
        j += 1
    if j == i + 1 or j >= len(toks) or toks[j].text in (",", ".", ";"):
        return i
    if toks[i].low in ("in", "by", "since", "until") and not any(toks[k].text.isdigit() or toks[k].cap for k in range(i + 1, j)):
        return i  # "in the morning": no date
    return j
