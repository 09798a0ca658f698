"""The query and audit logic on claims stored directly (no extractor): the
claims are written by hand, so these tests pin down what who-said, speakers,
speaker and audit report, whatever the extractor does."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy.orm import Session

from provenance.audit import content_stems, headline_region, quote_drift
from provenance.cli import cli
from provenance.db.engine import open_database
from provenance.db.store import StoreCache, store_article
from provenance.ingest.read import read_article
from provenance.records import ExtractedClaim, LinkedClaim
from provenance.speakers_query import highlight

HERE = Path(__file__).resolve().parent / "fixtures" / "query"


def _claim(article, words, speaker, mention, type_="person", kind="indirect", quote=None, via=(), unresolved=None,
           aliases=(), role=None, cue="said"):
    start = article.text.index(words)
    return LinkedClaim(ExtractedClaim(
        start=start, end=start + len(words), kind=kind, cue=cue, rule="test", speaker_name=speaker,
        speaker_mention=mention, speaker_type=type_, role=role, quote=quote, via=tuple(via), unresolved=unresolved,
        aliases=tuple(aliases)))


def _gazette(a):
    return [
        _claim(a, 'Marrow vows "open and fair" tariff talks', "Ilse Marrow", "Marrow", kind="mixed",
               quote="open and fair", cue="vows"),
        _claim(a, "Trade Minister Ilse Marrow said on Monday that the ministry would publish every tariff schedule "
                  "before the summit.", "Ilse Marrow", "Trade Minister Ilse Marrow", role="Trade Minister",
               aliases=("Marrow", "Trade Minister Ilse Marrow")),
        _claim(a, '"We are committed to open, fair and transparent negotiations on the copper tariff," Marrow said.',
               "Ilse Marrow", "Marrow", kind="direct",
               quote="We are committed to open, fair and transparent negotiations on the copper tariff,"),
        _claim(a, "A senior customs official said the copper quota could rise to 40,000 tonnes under a 50-50 split "
                  "with the northern provinces.", "a senior customs official", "A senior customs official",
               type_="anonymous"),
        _claim(a, "Port director Anselm Quist told Reuters that the harbour would reopen in May.", "Anselm Quist",
               "Port director Anselm Quist", role="Port director", via=("Reuters",), cue="told"),
    ]


def _courier(a):
    return [
        _claim(a, "Quist says copper quota will not rise", "Anselm Quist", "Quist", cue="says"),
        _claim(a, 'Trade Minister Ilse Marrow said the government was committed to "transparent" and "fair" '
                  'negotiations on the copper tariff.', "Ilse Marrow", "Trade Minister Ilse Marrow", kind="mixed",
               quote="transparent", role="Trade Minister", aliases=("Ilse Marrow", "Trade Minister Ilse Marrow")),
        _claim(a, "The minister added that Article 5 of the trade treaty would not be reopened.", "Ilse Marrow",
               "The minister", cue="added"),
    ]


def _herald(a):
    return [_claim(a, "He said the harbour fees were far too high.", None, "He", type_=None,
                   unresolved="pronoun with no antecedent")]


@pytest.fixture
def stored(db_url):
    engine = open_database(db_url)
    cache = StoreCache()
    with Session(engine) as s:
        for name, make in (("harbor_gazette.txt", _gazette), ("coastal_courier.txt", _courier),
                           ("bay_herald.txt", _herald)):
            article = read_article(HERE / name)
            store_article(s, article, make(article), cache)
        s.commit()
    engine.dispose()
    runner = CliRunner()

    def _run(*args):
        result = runner.invoke(cli, ["--db", db_url, *map(str, args)], catch_exceptions=False)
        assert result.exit_code == 0, result.stderr
        return result

    return _run


def _json(result):
    return json.loads(result.stdout)


def test_who_said_groups_by_speaker_and_marks_the_words(stored):
    rows = _json(stored("who-said", "copper tariff", "--format", "json"))
    assert [r["speaker"] for r in rows] == ["Ilse Marrow", "Ilse Marrow"]
    assert [r["outlet"] for r in rows] == ["Coastal Courier", "Harbor Gazette"]  # then by outlet
    assert all(r["matched"] == ["copper", "tariff"] for r in rows)
    table = stored("who-said", "copper tariff").stdout
    assert "Ilse Marrow (person): 2 claims" in table
    assert "[copper] [tariff]" in table


def test_who_said_hostile_text_never_fails(stored):
    for hostile in ['50-50', '"Article 5"', "AND", "OR NOT", "NEAR(copper", "*", '"', "'", "copper*", "^quota",
                    "text:quota", "'; DROP TABLE claims; --", "   ", "-"]:
        assert isinstance(_json(stored("who-said", hostile, "--format", "json")), list)
    assert _json(stored("who-said", "quota", "--format", "json"))  # the table survived


def test_who_said_finds_punctuated_words_literally(stored):
    assert [r["speaker"] for r in _json(stored("who-said", "50-50", "--format", "json"))] == \
        ["a senior customs official"]
    assert [r["speaker"] for r in _json(stored("who-said", '"Article 5"', "--format", "json"))] == ["Ilse Marrow"]


def test_speakers_directory(stored):
    rows = {r["name"]: r for r in _json(stored("speakers", "--format", "json"))}
    marrow = rows["Ilse Marrow"]
    assert marrow["claims"] == 5
    assert marrow["outlets"] == ["Coastal Courier", "Harbor Gazette"]
    assert marrow["roles"] == ["Trade Minister"]
    assert {"Marrow", "Trade Minister Ilse Marrow"} <= set(marrow["aliases"])
    assert (marrow["first"], marrow["last"]) == ("2031-03-04", "2031-03-05")
    assert rows["a senior customs official"]["type"] == "anonymous"
    assert [r["name"] for r in _json(stored("speakers", "--search", "quis", "--format", "json"))] == ["Anselm Quist"]
    assert _json(stored("speakers", "--search", "%", "--format", "json")) == []


def test_speaker_claims_in_time_order_with_chain(stored):
    rows = _json(stored("speaker", "Quist", "--format", "json"))
    assert [r["published"] for r in rows] == ["2031-03-04", "2031-03-05"]
    assert rows[0]["chain"] == ["Anselm Quist", "Reuters", "Harbor Gazette"]
    assert rows[1]["chain"] == ["Anselm Quist", "Coastal Courier"]
    result = stored("speaker", "Nobody Atall", "--format", "json")
    assert _json(result) == [] and "no speaker known" in result.stderr


def test_speaker_limit_keeps_the_earliest_and_says_how_many_more(stored):
    everything = _json(stored("speaker", "Quist", "--format", "json", "--limit", "0"))
    first = stored("speaker", "Quist", "--format", "json", "--limit", "1")
    assert _json(first) == everything[:1] and everything[0]["published"] == "2031-03-04"
    assert f"{len(everything) - 1} more claims not shown" in first.stderr
    assert "more claims not shown" not in stored("speaker", "Quist", "--format", "json").stderr  # 50 by default


def test_audit_counts_and_findings(stored):
    rows = {r["outlet"]: r for r in _json(stored("audit", "--format", "json"))}
    gazette, courier = rows["Harbor Gazette"], rows["Coastal Courier"]
    assert (gazette["claims"], gazette["anonymous"], gazette["anonymous_share"]) == (5, 1, 0.2)
    assert [c["chain"] for c in gazette["relayed_claims"]] == [["Anselm Quist", "Reuters", "Harbor Gazette"]]
    assert gazette["unresolved"] == 0 and gazette["unsupported_headlines"] == 0
    assert rows["Bay Herald"]["unresolved_claims"][0]["reason"] == "pronoun with no antecedent"
    assert rows["Bay Herald"]["unsupported_headlines"] == courier["unresolved"] == 0
    assert courier["unsupported_headlines"] == 1
    assert "never speaks in the body" in courier["headline_claims"][0]["reason"]
    # the direct quote and the reworded one, each seen from its own article
    assert gazette["quote_drift"] == courier["quote_drift"] == 1
    pair = gazette["quote_drift_pairs"][0]
    assert pair["speaker"] == "Ilse Marrow"
    assert pair["this"]["wording"].startswith("We are committed to open, fair and transparent")
    assert pair["other"]["outlet"] == "Coastal Courier" and '"transparent" and "fair"' in pair["other"]["wording"]
    only = _json(stored("audit", "--outlet", "Coastal Courier", "--format", "json"))
    assert [r["outlet"] for r in only] == ["Coastal Courier"]
    missing = stored("audit", "--source", 999, "--format", "json")
    assert _json(missing) == [] and "no sources match" in missing.stderr


def test_audit_table_and_csv(stored):
    summary = stored("audit").stdout  # by default a summary per outlet, then a total
    assert summary.splitlines()[0].split()[:3] == ["outlet", "articles", "claims"]
    assert summary.splitlines()[-1].split()[:3] == ["(all)", "3", "9"]
    assert "quote drift  Ilse Marrow" not in summary
    table = stored("audit", "--detail").stdout
    assert "quote drift  Ilse Marrow" in table and "relayed  Anselm Quist > Reuters > Harbor Gazette" in table
    lines = stored("audit", "--format", "csv").stdout.splitlines()
    assert lines[0].startswith("source_id,outlet,published,claims,anonymous,anonymous_share")
    assert len(lines) == 4


def _item(source, outlet, wording, speaker="Ana Vel"):
    return {"claim_id": wording[:8], "source_id": source, "kind": "direct", "wording": wording, "mention": None,
            "speaker": speaker, "outlet": outlet, "published": None, "source": "x"}


def test_quote_drift_rules():
    said = "The bridge tolls will be abolished before the winter session"
    reworded = "the winter session will see bridge tolls scrapped, not abolished"
    assert len(quote_drift([_item(1, "A", said), _item(2, "B", reworded)])) == 1
    assert quote_drift([_item(1, "A", said), _item(2, "B", said.upper())]) == []  # same words
    assert quote_drift([_item(1, "A", said), _item(2, "B", "tolls will be abolished")]) == []  # an excerpt
    assert quote_drift([_item(1, "A", said), _item(1, "A", reworded)]) == []  # same article
    assert quote_drift([_item(1, "A", said), _item(2, "B", reworded, speaker="Bo Rand")]) == []
    assert quote_drift([_item(1, "A", said), _item(2, "B", "Rail fares will rise before the session")]) == []


def test_helpers():
    assert content_stems("We are ready for constructive work, he said") == {"ready", "constru", "work"}
    text = "Big Headline Here\n\nBy A. Writer\n\nThe body starts. More."
    assert headline_region(text) == len("Big Headline Here\n\nBy A. Writer")
    assert headline_region("The body starts here.\nNext line") == 0
    assert highlight("one two three", ["two"]) == "one [two] three"
    assert highlight("fifty 50-50 split", ["50-50"]) == "fifty [50-50] split"
