"""The writer hands rows straight to the driver (db/bulk.py): every field of every
claim, its relays in order and its plan links must read back through the ORM as
they were given, on SQLite and on PostgreSQL (JSON stays a list, NULLs stay NULL,
the reserved column name "end" is quoted)."""
from __future__ import annotations

from sqlalchemy import select

from provenance.batch import prepare
from provenance.cli import App
from provenance.db.models import Claim, ClaimPoint, ClaimRelay, Outlet, PlanPoint, Plan, Source, SpeakerAlias
from provenance.db.store import store_article
from provenance.ingest import read_article
from provenance.pipeline import analyse

ARTICLE = """Ceasefire lines argued over
KYIV, Nov 21 (Reuters) - Ukraine's army would be capped at 600,000 troops under the 28-point plan,
Defence Minister Olena Marchuk told Reuters on Friday, according to AFP.
"We will never accept a cap on our army," Marchuk said.
A senior European diplomat, speaking on condition of anonymity, said the cap was still being discussed.
"""


def test_every_field_reads_back_as_written(db_url, tmp_path):
    path = tmp_path / "caps.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    article = read_article(path)
    app = App(db_url)
    with app.session() as session:
        index, cache, kinds = prepare(session)
    claims = analyse(article, index)
    assert len(claims) >= 3 and any(lc.claim.via for lc in claims) and any(lc.links for lc in claims)
    with app.session() as session:
        source_id, created = store_article(session, article, claims, cache, kinds)
    assert created
    with app.session() as session:
        source = session.get(Source, source_id)
        assert (source.sha256, source.text, source.path) == (article.sha256, article.text, article.path)
        stored = session.execute(select(Claim).where(Claim.source_id == source_id).order_by(Claim.start, Claim.id)).scalars().all()
        assert len(stored) == len({(lc.claim.start, lc.claim.end, lc.claim.speaker_name) for lc in claims})
        by_span = {(c.start, c.end): c for c in stored}
        for lc in claims:
            c, row = lc.claim, by_span[(lc.claim.start, lc.claim.end)]
            assert row.text == article.text[c.start:c.end]
            assert (row.kind, row.cue, row.rule, row.quote) == (c.kind, c.cue, c.rule, c.quote)
            assert row.mention == (c.speaker_mention or None)
            assert row.speaker_type == c.speaker_type
            assert isinstance(row.topics, list) and row.topics == list(lc.topics or c.topics)
            assert (row.speaker.name if row.speaker else None) == c.speaker_name
            relays = session.execute(select(Outlet.name).join(ClaimRelay, ClaimRelay.outlet_id == Outlet.id)
                                     .where(ClaimRelay.claim_id == row.id).order_by(ClaimRelay.position)).scalars().all()
            assert tuple(relays) == tuple(c.via)
            links = session.execute(
                select(Plan.slug, PlanPoint.number, ClaimPoint.relation, ClaimPoint.score)
                .join(PlanPoint, PlanPoint.id == ClaimPoint.point_id).join(Plan, Plan.id == PlanPoint.plan_id)
                .where(ClaimPoint.claim_id == row.id)).all()
            assert sorted((f"{s}:{n}", r, round(sc, 3)) for s, n, r, sc in links) == \
                sorted({(link.point, link.relation, link.score) for link in lc.links})
        marchuk = next(c for c in stored if c.speaker and c.speaker.name == "Olena Marchuk")
        aliases = set(session.execute(select(SpeakerAlias.alias).where(SpeakerAlias.speaker_id == marchuk.speaker_id)).scalars())
        assert {"Olena Marchuk", "Marchuk"} <= aliases
    with app.session() as session:  # the same article again adds nothing
        assert store_article(session, article, claims, cache, kinds) == (source_id, False)
