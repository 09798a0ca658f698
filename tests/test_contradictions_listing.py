"""`provenance contradictions` as a listing: default limits, the note on
stderr, paging through more findings than one page, filters.  The findings
are written with Core inserts (no detector involved)."""
from __future__ import annotations

import json
from datetime import datetime

import pytest
from click.testing import CliRunner
from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from provenance.cli import cli
from provenance.cli.contradictions import JSON_LIMIT, TABLE_LIMIT
from provenance.contradictions_query import PAGE
from provenance.db.engine import open_database
from provenance.db.models import Claim, ClaimPoint, Contradiction, ContradictionClaim, Plan, PlanPoint, Source
from provenance.db.plans_store import ensure_default_plans

N = max(JSON_LIMIT, PAGE) * 6 // 5  # factual ones: more than one page, more than the json default
NOW = datetime(2025, 1, 1)


@pytest.fixture
def many(db_url):
    engine = open_database(db_url)
    with Session(engine) as s:
        ensure_default_plans(s)
        p19 = s.scalar(select(PlanPoint.id).join(Plan).where(Plan.slug == "us-28", PlanPoint.number == 19))
        p6 = s.scalar(select(PlanPoint.id).join(Plan).where(Plan.slug == "us-28", PlanPoint.number == 6))
        sid = s.execute(insert(Source).values(sha256="0" * 64, path="a.txt", text="x" * 100, published="2025-02-03",
                                              fmt="text", encoding="utf-8", meta_origin={}, ingested_at=NOW)
                        .returning(Source.id)).scalar()
        cids = [s.execute(insert(Claim).values(uid=f"claim{j}", source_id=sid, start=j, end=j + 1, text="x",
                                               kind="direct", cue="said", rule="test", mention=f"Speaker {j}",
                                               topics=[]).returning(Claim.id)).scalar() for j in range(4)]
        s.execute(insert(ClaimPoint).values(claim_id=cids[3], point_id=p19, relation="describes", score=0.5))
        for i in range(N):
            kind = "position" if i % 10 == 9 else "value"
            xid = s.execute(insert(Contradiction).values(
                key=f"{i:064d}", kind=kind, topic="army_size" if i % 2 else "znpp", point_id=p6 if i % 5 == 0 else None,
                values=[f"{i}a", f"{i}b"], explanation=f"finding {i}", detector="test",
                status="confirmed" if i % 7 == 0 else "open", created_at=NOW, updated_at=NOW,
            ).returning(Contradiction.id)).scalar()
            first, second = (cids[0], cids[1]) if i % 3 else (cids[2], cids[3])
            s.execute(insert(ContradictionClaim), [
                {"contradiction_id": xid, "claim_id": second, "position": 1, "value": f"{i}b"},
                {"contradiction_id": xid, "claim_id": first, "position": 0, "value": f"{i}a"},
            ])
        s.commit()
    factual = [i for i in range(N) if i % 10 != 9]
    yield db_url, factual
    engine.dispose()


def _run(url, *args):
    return CliRunner().invoke(cli, ["--db", url, *map(str, args)], catch_exceptions=False)


def test_json_gives_every_finding_up_to_its_default_and_says_how_many_more(many):
    url, factual = many
    res = _run(url, "contradictions", "--format", "json")
    rows = json.loads(res.stdout)
    assert [r["explanation"] for r in rows] == [f"finding {i}" for i in factual[:JSON_LIMIT]]
    assert res.stderr == f"{len(factual) - JSON_LIMIT} more contradictions not shown " \
                         "(--limit N shows more, --limit 0 all)\n"
    everything = _run(url, "contradictions", "--format", "json", "--limit", 0)
    assert everything.stderr == ""
    rows = json.loads(everything.stdout)
    assert [r["explanation"] for r in rows] == [f"finding {i}" for i in factual]  # past the first page
    i = factual[-1]
    assert rows[-1]["claims"] == (["claim0", "claim1"] if i % 3 else ["claim2", "claim3"])  # in position order
    assert rows[-1]["values"] == [f"{i}a", f"{i}b"] and set(rows[-1]) == \
        {"id", "topic", "kind", "claims", "sides", "values", "explanation", "detector", "status", "point"}


def test_table_shows_a_screenful(many):
    url, factual = many
    res = _run(url, "contradictions")
    assert "finding" not in res.stdout and "Speaker 0" in res.stdout
    assert res.stdout.count("confirmed") + res.stdout.count("open") == TABLE_LIMIT
    assert res.stderr.strip() == f"{len(factual) - TABLE_LIMIT} more contradictions not shown " \
                                 "(--limit N shows more, --limit 0 all)"
    assert _run(url, "contradictions", "--limit", 2).stdout.count("Speaker") == 4


def test_filters_and_limits_together(many):
    url, factual = many
    listed = lambda *a: [r["explanation"] for r in json.loads(_run(url, "contradictions", "--format", "json",  # noqa: E731
                                                                     "--limit", 0, *a).stdout)]
    assert listed("--all") == [f"finding {i}" for i in range(N)]
    assert listed("--kind", "position") == [f"finding {i}" for i in range(N) if i % 10 == 9]
    assert listed("--status", "confirmed", "--topic", "znpp") == \
        [f"finding {i}" for i in factual if i % 7 == 0 and i % 2 == 0]
    # about us-28:6 itself, or with a claim linked to us-28:19
    assert listed("--point", "us-28:6") == [f"finding {i}" for i in factual if i % 5 == 0]
    assert listed("--point", "us-28:19") == [f"finding {i}" for i in factual if i % 3 == 0]
    assert listed("--point", "ua-20:7") == []
    cut = _run(url, "contradictions", "--format", "json", "--point", "us-28:19", "--limit", 5)
    assert [r["explanation"] for r in json.loads(cut.stdout)] == listed("--point", "us-28:19")[:5]
    assert cut.stderr.startswith(f"{len(listed('--point', 'us-28:19')) - 5} more contradictions not shown")


def test_empty_listing_is_valid_json(db_url):
    _run(db_url, "db", "upgrade")  # an empty database (a missing one is an error)
    res = _run(db_url, "contradictions", "--format", "json")
    assert res.exit_code == 0 and json.loads(res.stdout) == [] and res.stderr == ""
