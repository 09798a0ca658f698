"""A small hand-written database for the export tests (built through the ORM,
so the tests do not depend on the extractor), and a check that it is what it
claims to be.  The other test_export_* modules import `small_db`."""
from __future__ import annotations

from datetime import datetime

import pytest

from sqlalchemy.orm import Session

from provenance.db.engine import open_database
from provenance.db.models import (Claim, ClaimPoint, ClaimRelay, Contradiction, ContradictionClaim,
                                  ContradictionReview, Outlet, Plan, PlanPoint, Source, Speaker)
from provenance.query import ClaimFilter, claim_records

# Two articles of our own writing.  The first has an astral character (🙂)
# before its claims, so code-point and UTF-16 offsets differ there.
TEXT_A = ("Kyiv 🙂 — The mayor of Lviv, Andriy Sadovyi, said the city had received 40 buses. "
          "“We will not accept any cap on the army,” President Olena Vesna told reporters. "
          "A senior official said talks would resume on Monday.")
TEXT_B = ("According to Ukrinform, citing the press service, the army cap of 600,000 was agreed. "
          "Olena Vesna said the army would keep 800,000 troops.")
T0 = datetime(2025, 11, 22, 10, 0, 0)


def _span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def small_db(url: str) -> dict:
    """Build the database at URL; returns the expected counts."""
    engine = open_database(url)
    with Session(engine) as s:
        daily = Outlet(name="Daily Example", kind="outlet")
        wire = Outlet(name="Ukrinform", kind="agency")
        relay = Outlet(name="Example Wire", kind="agency")
        s.add_all([daily, wire, relay])
        plan = Plan(slug="tp-3", title="Test plan", date="2025-11-20", published_at=[])
        p1 = PlanPoint(plan=plan, number=1, title="Army cap", text="The army is capped.", topic="army_cap", values={})
        p2 = PlanPoint(plan=plan, number=2, title="Talks", text="Talks go on.", topic="talks", values={})
        p3 = PlanPoint(plan=plan, number=3, title="Unlinked", text="Nobody talks of it.", topic="x", values={})
        s.add_all([plan, p1, p2, p3])
        mayor = Speaker(key="andriy sadovyi", name="Andriy Sadovyi", type="person")
        vesna = Speaker(key="olena vesna", name="Olena Vesna", type="person")
        press = Speaker(key="press service", name="the press service", type="organization")
        anon = Speaker(key="anon:a:senior official", name="a senior official", type="anonymous")
        s.add_all([mayor, vesna, press, anon])
        a = Source(sha256="a" * 64, path="a.txt", url="https://news.example.org/a", title="Buses arrive",
                   author="I. Writer", outlet=daily, published="2025-11-21", text=TEXT_A, ingested_at=T0,
                   meta_origin={})
        b = Source(sha256="b" * 64, path="b.txt", url=None, title=None, author=None, outlet=daily,
                   published="2025-11-23T08:00:00Z", text=TEXT_B, ingested_at=T0, meta_origin={})
        empty = Source(sha256="c" * 64, path="c.txt", title="No claims", outlet=relay, published="2025-11-24",
                       text="Nothing was said.", ingested_at=T0, meta_origin={})
        s.add_all([a, b, empty])
        s.flush()

        def claim(uid, src, words, speaker, kind="indirect", cue="said", quote=None, stype=None):
            st, en = _span(src.text, words)
            c = Claim(uid=uid, source=src, speaker=speaker, start=st, end=en, text=src.text[st:en], quote=quote,
                      kind=kind, cue=cue, rule="test", mention=speaker.name if speaker else "they",
                      speaker_type=stype or (speaker.type if speaker else None), topics=[])
            s.add(c)
            return c

        c1 = claim("c1", a, "the city had received 40 buses", mayor)
        c2 = claim("c2", a, "“We will not accept any cap on the army,”", vesna, kind="direct", cue="told",
                   quote="We will not accept any cap on the army,")
        c3 = claim("c3", a, "talks would resume on Monday", anon)
        c4 = claim("c4", b, "the army cap of 600,000 was agreed", press, cue="according to")
        c5 = claim("c5", b, "the army would keep 800,000 troops", vesna)
        c6 = claim("c6", b, "Olena Vesna said", None, stype="anonymous")  # unresolved speaker
        s.flush()
        s.add_all([ClaimRelay(claim_id=c4.id, position=0, outlet_id=relay.id),
                   ClaimRelay(claim_id=c4.id, position=1, outlet_id=wire.id)])
        s.add_all([ClaimPoint(claim_id=c2.id, point_id=p1.id, relation="disputes", score=0.9),
                   ClaimPoint(claim_id=c4.id, point_id=p1.id, relation="describes", score=0.8),
                   ClaimPoint(claim_id=c5.id, point_id=p1.id, relation="describes", score=0.7),
                   ClaimPoint(claim_id=c3.id, point_id=p2.id, relation="describes", score=0.5)])

        def contra(key, members, status, reviews=()):
            x = Contradiction(key=key, kind="value", topic="army_cap", point_id=p1.id, values=["600,000", "800,000"],
                              explanation="different army caps", detector="test", status=status,
                              created_at=T0, updated_at=T0)
            s.add(x)
            s.flush()
            for pos, c in enumerate(members):
                s.add(ContradictionClaim(contradiction_id=x.id, claim_id=c.id, position=pos))
            for st, note, *who in reviews:
                s.add(ContradictionReview(contradiction_id=x.id, contradiction_key=key, status=st, note=note,
                                          reviewer=who[0] if who else None, reviewed_at=T0))
            return x

        contra("k-confirmed", [c4, c5], "confirmed", [("confirmed", "checked with both outlets")])
        contra("k-open", [c2, c4], "open")
        contra("k-dismissed", [c2, c5], "dismissed", [("confirmed", None), ("dismissed", "same figure, other unit", "Ada Reviewer")])
        s.commit()
    engine.dispose()
    return {"speaker": 4, "outlet": 3, "article": 2, "claim": 6, "point": 2,
            "said": 5, "contains": 6, "published": 2, "relayed": 2, "about": 4, "contradicts": 3,
            "ruled": 2}


def test_small_db_records_match_their_spans(tmp_path):
    url = "sqlite:///" + str(tmp_path / "small.db")
    small_db(url)
    with Session(open_database(url)) as s:
        texts = {r["source"]["path"]: r for r in claim_records(s, ClaimFilter())}
        records = list(claim_records(s, ClaimFilter()))
        sources = {src.path: src.text for src in s.query(Source)}
    assert len(records) == 6
    for r in records:
        assert sources[r["source"]["path"]][r["start"]:r["end"]] == r["text"]
    assert texts["b.txt"]["source"]["published"] == "2025-11-23"  # exports give the day; the timestamp apart
    assert texts["b.txt"]["source"]["published_at"] == "2025-11-23T08:00:00Z"
    assert texts["a.txt"]["source"]["published"] == texts["a.txt"]["source"]["published_at"] == "2025-11-21"
    assert [r["via"] for r in records if r["claim_id"] == "c4"] == [["Example Wire", "Ukrinform"]]


class Small:
    """The small database and a CLI runner on it (`export` output as text)."""

    def __init__(self, url: str):
        self.url = url
        self.expected = small_db(url)

    def export(self, *args) -> str:
        from click.testing import CliRunner

        from provenance.cli import cli

        result = CliRunner().invoke(cli, ["--db", self.url, "export", *map(str, args)], catch_exceptions=False)
        assert result.exit_code == 0, result.output + result.stderr
        return result.stdout


@pytest.fixture
def small(db_url):
    """The small database (on every test backend); import this fixture into a test module."""
    return Small(db_url)
