"""Detection after an ingest (the new claims and their blocks only) gives
the findings of a full detection: same keys, members and sides."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import text
from sqlalchemy.orm import Session

from bench.corpus import build
from provenance.cli import cli
from provenance.db.contradictions_store import detect_and_store
from provenance.db.engine import open_database

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "sources").glob("*.txt")) + sorted((ROOT / "sources").glob("*.html"))


def _ingest(url: str, paths) -> None:
    r = CliRunner().invoke(cli, ["--db", url, "ingest", "--no-detect", "--quiet", "--workers", "1",
                                 *map(str, paths)])
    assert r.exit_code == 0, r.output


def _detect(url: str, full: bool = False) -> dict:
    with Session(open_database(url)) as s:
        st = detect_and_store(s, full=full)
        s.commit()
    return st


def _findings(url: str) -> set:
    with Session(open_database(url)) as s:
        members: dict[int, list] = {}
        for cid, uid, side in s.execute(text(
                "SELECT m.contradiction_id, c.uid, m.side FROM contradiction_claims m "
                "JOIN claims c ON c.id = m.claim_id ORDER BY m.contradiction_id, m.position")):
            members.setdefault(cid, []).append((uid, side))
        return {(key, kind, str(sides), tuple(members.get(i, ()))) for i, key, kind, sides in
                s.execute(text("SELECT id, key, kind, sides FROM contradictions"))}


def _two_parts_equal_full(first, second, url, other_url) -> dict:
    _ingest(url, first)
    _detect(url)
    _ingest(url, second)
    st = _detect(url)
    _ingest(other_url, [*first, *second])
    _detect(other_url, full=True)
    got, want = _findings(url), _findings(other_url)
    assert want, "the articles hold contradictions"
    assert got == want
    return st


def test_seeds_in_two_parts(db_url, another_db_url):
    st = _two_parts_equal_full(SEEDS[::2], SEEDS[1::2], db_url, another_db_url)
    assert st["scope"] != "full"  # the second detection read the new claims, not the store


def test_generated_articles_in_two_parts(db_url, another_db_url, tmp_path):
    paths = build(tmp_path / "corpus", 40, ROOT / "sources", seed=7)
    st = _two_parts_equal_full(paths[:30], paths[30:], db_url, another_db_url)
    assert st["scope"] != "full"


def test_nothing_new_changes_nothing(db_url):
    _ingest(db_url, SEEDS)
    _detect(db_url)
    before = _findings(db_url)
    st = _detect(db_url)
    assert st["found"] == 0 and st["removed"] == 0
    assert _findings(db_url) == before


def test_full_flag_reanalyses_everything(db_url):
    _ingest(db_url, SEEDS[:2])
    runner = CliRunner()
    r = runner.invoke(cli, ["--db", db_url, "contradictions", "detect", "--full"])
    assert r.exit_code == 0 and "every claim" in r.output
    _ingest(db_url, SEEDS[2:3])
    r = runner.invoke(cli, ["--db", db_url, "contradictions", "detect"])
    assert r.exit_code == 0 and "every claim" not in r.output
    assert "--full" in runner.invoke(cli, ["contradictions", "detect", "--help"]).output


def test_a_ruling_in_an_untouched_block_is_kept(db_url, tmp_path):
    """An editor's ruling survives detection after an ingest of unrelated articles."""
    _ingest(db_url, SEEDS)
    _detect(db_url)
    with Session(open_database(db_url)) as s:
        cid = s.execute(text("SELECT min(id) FROM contradictions")).scalar()
    assert CliRunner().invoke(cli, ["--db", db_url, "contradictions", "review", str(cid), "--status", "dismissed"]).exit_code == 0
    art = tmp_path / "weather.txt"
    art.write_text("Heavy rain fell on the coast on Monday, forecasters said.\n", encoding="utf-8")
    _ingest(db_url, [art])
    _detect(db_url)
    with Session(open_database(db_url)) as s:
        assert s.execute(text("SELECT status FROM contradictions WHERE id = :i"), {"i": cid}).scalar() == "dismissed"


def test_an_article_losing_its_claims_gives_the_full_result(db_url, another_db_url):
    """Re-extraction that drops an article's claims: the blocks they were in are compared again."""
    from sqlalchemy import select

    from provenance.db.models import Source
    from provenance.db.store import StoreCache, article_from_source, replace_claims

    for url in (db_url, another_db_url):
        _ingest(url, SEEDS)
        _detect(url)
        with Session(open_database(url)) as s:
            # an article that teaches no names (else the old articles are all read again: a full run)
            plain = {int(n[6:]) for n, v in s.execute(text("SELECT name, value FROM detection_state "
                                                           "WHERE name LIKE 'names:%'")) if v == "[[], []]"}
            src = next(x for x in s.execute(select(Source).order_by(Source.path)).scalars() if x.id in plain)
            replace_claims(s, src, article_from_source(src), [], StoreCache())
            s.commit()
    st = _detect(db_url)
    _detect(another_db_url, full=True)
    assert st["scope"] != "full"
    assert _findings(db_url) == _findings(another_db_url)


def test_a_share_keyed_by_what_its_article_named_before(db_url, another_db_url, tmp_path):
    """'Fifty-fifty' names no shared thing: its block is the water its article spoke of just before,
    in an incremental run as in a full one."""
    a = tmp_path / "a.txt"
    a.write_text("Lake deal splits the water\n\nThe water of Lake Orma will be split evenly between Valdoria "
                 "and Meridia, Valdoria's government said on Monday.\n\n\"Fifty-fifty, as was signed,\" "
                 "minister Ardo Penn told reporters.\n", encoding="utf-8")
    b = tmp_path / "b.txt"
    b.write_text("Meridia reads the lake deal differently\n\nMeridia's government said on Tuesday that the "
                 "accord gives Meridia two thirds of the summer flow.\n", encoding="utf-8")
    _two_parts_equal_full([a], [b], db_url, another_db_url)
    with Session(open_database(db_url)) as s:
        n = s.execute(text("SELECT COUNT(*) FROM contradiction_claims m JOIN contradictions c "
                           "ON c.id = m.contradiction_id WHERE c.kind = 'share'")).scalar()
    assert n == 3


CLAIMED = ("General Tomas Brandt, who leads the northern command, said on Monday that his brigades had captured the "
           "river port of Velmar after four days of street fighting and raised their flag over the grain terminal.\n")
DENIED = ("The army's general staff denied Brandt's claims about Velmar and said its units still held the river port "
          "and the grain terminal.\n")


def _articles(folder, *texts):
    folder.mkdir(exist_ok=True)
    out = []
    for i, body in enumerate(texts):
        p = folder / f"velmar-{i}.txt"
        p.write_text(body, encoding="utf-8")
        out.append(p)
    return out


@pytest.mark.parametrize("restated, gains", [
    # a restatement in other words ties the denial's best target: only the new claim is compared
    ("General Tomas Brandt, the northern commander, said on Tuesday that his brigades had captured the river port "
     "of Velmar and raised their flag over the grain terminal after four days of fighting.\n", 1),
    # the same words by the same speaker join the stored statement: its finding's count changes
    ("Port changes hands\n\n" + CLAIMED, 0),
    # a restatement sharing more with the denial beats the stored target: compared again in full
    ("General Tomas Brandt said his brigades had captured the river port of Velmar, its grain terminal and the "
     "bridge, and that the units of the army's general staff no longer held any of them.\n", 0),
])
def test_a_denial_gaining_a_target(restated, gains, db_url, another_db_url, tmp_path):
    """A new claim a stored denial reaches: the same findings as a full
    detection, whether the denial only gains it as a target or is compared again."""
    st = _two_parts_equal_full(_articles(tmp_path / "first", CLAIMED, DENIED), _articles(tmp_path / "second", restated),
                               db_url, another_db_url)
    assert st["scope"] != "full"
    assert st["gained"] == gains
