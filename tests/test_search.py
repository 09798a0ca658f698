"""Full-text search over claims on both backends (FTS5 / tsvector): user text
is searched for, never executed, and hostile strings give results or nothing."""
from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from provenance.db.engine import open_database
from provenance.db.models import Claim, Source
from provenance.db.search import matching_claims
from provenance.query import ClaimFilter, claim_records

TEXT = (
    "The ministry said a 50-50 split of the plant's output was never agreed. "
    'Officials cited "Article 5" guarantees in the draft. '
    "Zaporizhzhia: the plant would stay under international control, the envoy said. "
    "Security AND sovereignty were both mentioned by the minister. "
    "Zelenskyy's office rejected the plan on Tuesday. "
    "Лавров заявив, що переговори тривають."
)
SENTENCES = [s for s in TEXT.replace(". ", ".\n").splitlines()]


def _filled(url: str):
    """Open a new database at `url` and store one source whose sentences are claims."""
    engine = open_database(url)
    with Session(engine) as s:
        src = Source(sha256="f" * 64, path="fixture.txt", text=TEXT, fmt="text", encoding="utf-8",
                     meta_origin={}, ingested_at=datetime(2025, 11, 22))
        s.add(src)
        s.flush()
        for i, sentence in enumerate(SENTENCES):
            start = TEXT.index(sentence)
            s.add(Claim(uid=f"c{i}", source_id=src.id, start=start, end=start + len(sentence), text=sentence,
                        quote=None, kind="indirect", cue="said", rule="test", mention="the ministry", topics=[]))
        s.commit()
    return engine


@pytest.fixture(scope="module")
def searchable(module_db_url):
    """A database (one per backend, shared by the read-only tests) holding the claims."""
    engine = _filled(module_db_url)
    yield engine
    engine.dispose()


@pytest.fixture
def fresh_searchable(db_url):
    engine = _filled(db_url)
    yield engine
    engine.dispose()


def search(engine, words: str) -> list[str]:
    """The uids of the claims matching `words`, best first ([] when nothing is searchable)."""
    with Session(engine) as s:
        q = matching_claims(s, words)
        if q is None:
            return []
        hits = q.subquery()
        rows = s.execute(select(Claim.uid).join(hits, hits.c.id == Claim.id).order_by(hits.c.rank, Claim.id))
        return list(rows.scalars())


@pytest.mark.parametrize("words, expected", [
    ("50-50", ["c0"]),
    ('"Article 5"', ["c1"]),
    ("article 5", ["c1"]),
    ("Zaporizhzhia:", ["c2"]),
    ("sovereignty", ["c3"]),
    ("Zelenskyy's", ["c4"]),
    ("Zelenskyy’s office", ["c4"]),
    ("переговори", ["c5"]),
    ("plant", ["c0", "c2"]),
])
def test_finds_the_words(searchable, words, expected):
    assert sorted(search(searchable, words)) == expected


def test_operator_words_are_searched_as_words(searchable):
    assert "c3" in search(searchable, "AND")  # a word, not FTS5's operator
    assert search(searchable, "Security AND sovereignty") == ["c3"]
    assert search(searchable, "OR") == []  # no claim has the word "or"
    assert search(searchable, "NOT plant") == []  # every word is required, NOT included
    assert search(searchable, "NEAR(plant control)") == []


HOSTILE = [
    "'; DROP TABLE claims; --",
    'Robert"); DROP TABLE claims;--',
    '"', '""', "'", "--", "*", "plant*", "^plant", "text:plant", "{text}: plant", "(", ")", "NEAR(",
    '"Article 5', "\\", "%", "_", "a\x00b", "\x00", "   ", "", "!@#$%^&*()", "::", "&&", "||", "!plant",
    "plant & control", "plant | control", "plant <-> control", "plant:*", "1e308", "-", "'s",
    "x" * 5000, " ".join(["plant"] * 500),
]


@pytest.mark.parametrize("words", HOSTILE)
def test_hostile_text_returns_results_or_nothing(searchable, words):
    found = search(searchable, words)
    assert isinstance(found, list)
    assert set(found) <= {f"c{i}" for i in range(len(SENTENCES))}
    with Session(searchable) as s:  # nothing was executed
        assert s.execute(select(func.count()).select_from(Claim)).scalar_one() == len(SENTENCES)


def test_query_syntax_is_not_interpreted(searchable):
    assert search(searchable, "'; DROP TABLE claims; --") == []  # every word required; no claim has them all
    assert sorted(search(searchable, "plant:*")) == ["c0", "c2"]  # no prefix search: just the word "plant"
    assert search(searchable, "plan*") == ["c4"]  # "plan", not "plant"


def test_claims_query_with_search(searchable):
    """The `claims --search` path (query.claim_records) on the backend."""
    with Session(searchable) as s:
        records = list(claim_records(s, ClaimFilter(search="Article 5")))
        assert [r["claim_id"] for r in records] == ["c1"]
        assert list(claim_records(s, ClaimFilter(search="'; DROP TABLE claims; --"))) == []
        assert list(claim_records(s, ClaimFilter(search="--"))) == []


def test_search_sees_updates_and_deletes(fresh_searchable):
    """Triggers (SQLite) / the generated column (PostgreSQL) keep the index current."""
    searchable = fresh_searchable
    with Session(searchable) as s:
        claim = s.execute(select(Claim).where(Claim.uid == "c3")).scalar_one()
        claim.text = "Neutrality was mentioned by the minister."
        s.execute(Claim.__table__.delete().where(Claim.uid == "c1"))
        s.commit()
    assert search(searchable, "sovereignty") == []
    assert search(searchable, "neutrality") == ["c3"]
    assert search(searchable, "Article 5") == []
