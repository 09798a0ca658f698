"""The writer's cache of known ids stays bounded: anonymous speakers (one per
article by design) are not remembered across articles, named speakers and
their aliases are, and what a rolled-back transaction wrote is forgotten."""
from __future__ import annotations

from sqlalchemy import func, select

from provenance.batch import prepare
from provenance.cli import App
from provenance.db.models import Speaker, SpeakerAlias
from provenance.db.store import store_article
from provenance.ingest import read_article
from provenance.pipeline import analyse

ARTICLE = """Harbour talks stall again
BRISTOL, March 3 - Dockworkers rejected the latest offer on Monday.
"We will not sign this," union leader Maria Okafor said after the vote.
A senior port official, speaking on condition of anonymity, said the offer would not be improved.
Okafor said the strike would go on until Friday {n}.
"""


def _articles(tmp_path, n):
    out = []
    for i in range(n):
        path = tmp_path / f"dock-{i}.txt"
        path.write_text(ARTICLE.format(n=i + 10), encoding="utf-8")
        out.append(read_article(path))
    return out


def test_anonymous_speakers_are_not_cached_named_ones_are(db_url, tmp_path):
    app = App(db_url)
    articles = _articles(tmp_path, 3)
    with app.session() as session:
        index, cache, kinds = prepare(session)
    for article in articles:
        with app.session() as session:
            claims = analyse(article, index)
            assert any(lc.claim.speaker_type == "anonymous" for lc in claims)
            assert any(lc.claim.speaker_name == "Maria Okafor" for lc in claims)
            store_article(session, article, claims, cache, kinds)
    with app.session() as session:
        anonymous = session.execute(select(func.count()).select_from(Speaker).where(Speaker.type == "anonymous")).scalar()
        okafor = session.execute(select(Speaker.id).where(Speaker.name == "Maria Okafor")).scalar_one()
        alias_rows = session.execute(select(func.count()).select_from(SpeakerAlias)
                                     .where(SpeakerAlias.speaker_id == okafor)).scalar()
    assert anonymous == 3  # one per article, stored every time
    assert not [k for k in cache.speakers if k.startswith("anon:")]
    assert cache.speakers.get("maria okafor") == okafor
    assert {a for s, a in cache.aliases if s == okafor} and len({a for s, a in cache.aliases if s == okafor}) == alias_rows
    cache.forget()
    assert not cache.speakers and not cache.aliases and not cache.outlets and cache.points
