"""Property tests (hypothesis): the text stages and the search never raise on
arbitrary input, and every offset they give points inside the text.

Text strategies mix arbitrary Unicode with the pieces news text is made of
(quote marks of every kind, reporting verbs, capitalised names, numbers,
abbreviations, bullets, newlines), so the rules are actually exercised.
"""
from __future__ import annotations

import math
from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from provenance.ingest.normalize import normalize_text, sha256_text
from provenance.records import CLAIM_KINDS, SPEAKER_TYPES, Article

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FEW = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

PIECES = [
    " ", " ", " ", "\n", "\n\n", ". ", ", ", "; ", ": ", "? ", "! ", "...", "…", "—", " - ",
    '"', '"', "“", "”", "‘", "’", "'", "«", "»", "„", "‹", "›", "(", ")", "[", "]",
    "said", "says", "told reporters", "according to", "added", "denied", "claimed", "he", "she", "they",
    "it", "the spokesman", "a senior official", "who asked not to be named", "officials",
    "Zelensky", "Putin", "Trump", "Witkoff", "the Kremlin", "Reuters", "CNN", "Kyiv", "Moscow",
    "Dr.", "U.S.", "Jan.", "Mr.", "No.", "St.", "J. R.", "e.g.", "3.5", "1,200", "$100 billion",
    "50%", "about 600,000", "nearly four", "twenty-eight", "28-point", "Article 5", "point 19",
    "• ", "- ", "1. ", "2) ", "\t", "\u00a0", "\u200b", "\u202e", "\ufeff", "\r\n",
    "The", "A", "In", "But", "We", "will", "not", "the", "plan", "troops", "ceasefire", "peace",
]
news_text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=120).map("".join)
any_text = st.one_of(news_text, st.text(max_size=400))


def _article(raw: str) -> Article:
    text = normalize_text(raw)
    return Article(path="hypothesis.txt", text=text, sha256=sha256_text(text))


# --- segmentation ------------------------------------------------------------------------------

@SETTINGS
@given(any_text)
def test_segmentation_offsets_are_inside_and_ordered(raw):
    from provenance.segment import segment

    for text in (normalize_text(raw), raw):
        segs = segment(text).segments
        prev_end = 0
        for p in segs.paragraphs:
            assert prev_end <= p.start < p.end <= len(text)
            assert "\n" not in text[p.start:p.end]
            prev_end = p.end
        prev_end = 0
        for s in segs.sentences:
            para = segs.paragraphs[s.paragraph]
            assert para.start <= s.start < s.end <= para.end
            assert s.start >= prev_end
            prev_end = s.end
            assert text[s.start:s.end].strip()


# --- attribution / extraction ------------------------------------------------------------------

def _check_claims(article: Article) -> None:
    from provenance.extract import extract_claims

    text = article.text
    for c in extract_claims(article):
        assert 0 <= c.start < c.end <= len(text), (c.start, c.end, len(text))
        assert c.kind in CLAIM_KINDS
        assert c.speaker_type is None or c.speaker_type in SPEAKER_TYPES


@SETTINGS
@given(any_text)
def test_extraction_never_raises_and_offsets_are_valid(raw):
    _check_claims(_article(raw))


@SETTINGS
@given(st.lists(st.tuples(st.sampled_from(["“", '"', "‘", "'", "«", "„", ""]), news_text,
                          st.sampled_from(["”", '"', "’", "'", "»", "“", ""]),
                          st.sampled_from([" said ", " told reporters. ", ", according to ", " he added. ",
                                           ", ", ". "]),
                          st.sampled_from(["Zelensky", "a senior official", "the spokesman", "she", "Putin",
                                           "Ukraine's foreign minister", "the document", "Reuters", ""])),
                max_size=8))
def test_quote_heavy_paragraphs(parts):
    raw = "\n".join(f"{o}{body}{c}{cue}{who}." for o, body, c, cue, who in parts)
    _check_claims(_article(raw))


# --- number normalisation ----------------------------------------------------------------------

number_phrase = st.builds(
    lambda q, cur, n, mag, unit: f"{q}{cur}{n}{mag}{unit}",
    st.sampled_from(["", "about ", "nearly ", "more than ", "up to ", "at least ", "within ", "some "]),
    st.sampled_from(["", "$", "US$", "€", "£", "EUR "]),
    st.one_of(st.integers(0, 10**15).map(str), st.integers(0, 10**9).map(lambda i: f"{i:,}"),
              st.floats(0, 1e6, allow_nan=False).map(lambda f: f"{f:.2f}"),
              st.sampled_from(["four", "twenty-eight", "a hundred", "six hundred thousand", "one and a half",
                               "dozen", "zero", "ninety-nine", "a"]),
              st.text("0123456789,.", min_size=1, max_size=30)),
    st.sampled_from(["", " million", " billion", "bn", "k", " thousand", " trillion", "m", " hundred"]),
    st.sampled_from(["", "%", " percent", " per cent", " dollars", " euros", "-strong"]),
)


@SETTINGS
@given(st.one_of(number_phrase, any_text))
def test_number_parsers_never_raise(phrase):
    from provenance.contradict import numbers

    for fn in (numbers.parse_number, numbers.parse_fraction):
        v = fn(phrase)
        if v is not None:
            assert isinstance(v, numbers.Value)
            assert not (v.lo > v.hi), v  # NaN-tolerant: never an inverted interval
    numbers.parse_ordinal(phrase)
    numbers.words_to_number(phrase)
    for v in numbers.find_numbers(phrase):
        assert not (v.lo > v.hi), v
        numbers.fmt(v.lo), numbers.fmt(v.hi)
    numbers.same_value(phrase, "600,000")


@SETTINGS
@given(number_phrase)
def test_number_phrases_parse_to_sane_intervals(phrase):
    from provenance.contradict.numbers import NUM_RE, parse_number

    for m in NUM_RE.finditer(phrase):
        v = parse_number(m.group(0))
        if v is not None and not math.isnan(v.lo) and not math.isnan(v.hi):
            assert 0 <= v.lo <= v.hi


@FEW
@given(any_text)
def test_quantity_finder_never_raises(text):
    from provenance.contradict.quantities import quantities_in

    quantities_in(normalize_text(text))


# --- full-text search --------------------------------------------------------------------------

@pytest.fixture(scope="module")
def search_db(tmp_path_factory):
    """A real SQLite database (schema by the migrations) with a few claims."""
    from sqlalchemy.orm import Session

    from provenance.db.engine import open_database
    from provenance.db.models import Claim, Source

    engine = open_database("sqlite:///" + str(tmp_path_factory.mktemp("fts") / "fts.db"))
    texts = ["The 50-50 split of the plant was agreed, officials said.",
             "\"Article 5 guarantees are not enough,\" she said.",
             "AND OR NOT NEAR are words; so is DROP TABLE claims.",
             "Ukraine’s foreign minister said the U.S. plan was a start."]
    with Session(engine) as s:
        src = Source(sha256="0" * 64, path="x.txt", text="\n".join(texts), ingested_at=datetime(2025, 1, 1),
                     fmt="text", encoding="utf-8", meta_origin={})
        s.add(src)
        s.flush()
        pos = 0
        for i, t in enumerate(texts):
            s.add(Claim(uid=f"u{i}", source_id=src.id, start=pos, end=pos + len(t), text=t, kind="indirect",
                        cue="said", rule="test", topics=[]))
            pos += len(t) + 1
        s.commit()
    yield engine
    engine.dispose()


FTS_PIECES = ['"', "'", "*", "^", ":", "(", ")", "-", "+", "NEAR", "AND", "OR", "NOT", "text:", "quote:",
              "{", "}", "NEAR(a b, 2)", "50-50", "U.S.", "’", "%", "_", "\\", ";", "DROP TABLE claims", "--",
              "said", "plan", "\x00", " ", "é", "Ж", "\u202e"]
fts_text = st.one_of(st.lists(st.one_of(st.sampled_from(FTS_PIECES), st.text(max_size=4)), max_size=15).map("".join),
                     st.text(max_size=60))


@SETTINGS
@given(fts_text)
def test_fts5_query_quotes_every_token(user_text):
    from provenance.db.search import fts5_query, search_terms

    expr = fts5_query(user_text)
    if expr is None:
        assert search_terms(user_text) == []
        return
    assert expr.startswith('"') and expr.endswith('"')
    assert len(search_terms(user_text)) >= 1


@SETTINGS
@given(fts_text)
def test_search_returns_rows_or_nothing_never_an_error(search_db, user_text):
    from sqlalchemy.orm import Session

    from provenance.db.search import matching_claims
    from provenance.query import ClaimFilter, claim_records

    with Session(search_db) as s:
        q = matching_claims(s, user_text)
        hits = [] if q is None else s.execute(q).all()
        assert isinstance(hits, list)
        records = list(claim_records(s, ClaimFilter(search=user_text)))
        if user_text:  # an empty --search is no filter at all
            assert len(records) == len(hits)


@pytest.mark.parametrize("word, expected", [("50-50", 1), ("Article 5", 1), ("DROP TABLE", 1), ("NEAR", 1),
                                            ("U.S.", 1), ("said", 3), ("nothing-like-this", 0)])
def test_search_finds_words_as_words(search_db, word, expected):
    """Query syntax in the user's text is searched for, not obeyed."""
    from sqlalchemy.orm import Session

    from provenance.db.search import matching_claims

    with Session(search_db) as s:
        assert len(s.execute(matching_claims(s, word)).all()) == expected
