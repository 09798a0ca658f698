"""who-said, speakers, speaker and audit end to end: articles of our own
writing ingested through the CLI, and the done-when checks on the seeds."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent / "fixtures" / "query"
HOSTILE = ['50-50', '"Article 5"', "AND", "OR", "NOT copper", "NEAR(copper quota)", "copper*", "^quota", '"',
           "'", "quota:", "(", "'; DROP TABLE claims; --", "%", "_", "   ", "—", "\\", "Zelensky's"]


def _json(result):
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture
def ours(run, tmp_path):
    """Two outlets quote the same minister in different words; an anonymous
    official, a claim told to Reuters, a headline whose speaker never speaks in
    the body, and (a third outlet) a pronoun with no antecedent."""
    for f in HERE.iterdir():
        shutil.copy(f, tmp_path / f.name)
    result = run("ingest", tmp_path)
    assert result.exit_code == 0, result.stderr
    return run


def test_who_said_groups_matches_by_speaker(ours):
    rows = _json(ours("who-said", "copper tariff", "--format", "json"))
    speakers = [r["speaker"] for r in rows]
    assert set(speakers) == {"Ilse Marrow"}
    assert {r["outlet"] for r in rows} == {"Harbor Gazette", "Coastal Courier"}
    assert all({"copper", "tariff"} <= set(r["matched"]) for r in rows)
    assert "[copper] [tariff]" in ours("who-said", "copper tariff").stdout


def test_who_said_groups_an_unresolved_speaker_by_the_words_as_written(ours):
    rows = _json(ours("who-said", "fees", "--format", "json"))
    assert [(r["speaker"], r["mention"], r["outlet"]) for r in rows] == [("(He)", "He", "Bay Herald")]
    assert _json(ours("who-said", "fees", "--limit", 1, "--format", "json")) == rows


def test_who_said_hostile_text_gives_a_list(ours):
    for text in HOSTILE:
        for fmt in ("table", "csv", "jsonl"):
            result = ours("who-said", text, "--format", fmt)
            assert result.exit_code == 0, (text, result.stderr)
        assert isinstance(_json(ours("who-said", text, "--format", "json")), list), text
    assert _json(ours("who-said", "quota", "--format", "json"))  # nothing was dropped


def test_who_said_punctuated_words_are_found_literally(ours):
    rows = _json(ours("who-said", "50-50", "--format", "json"))
    assert [r["speaker_type"] for r in rows] == ["anonymous"]
    assert [r["outlet"] for r in _json(ours("who-said", '"Article 5"', "--format", "json"))] == ["Coastal Courier"]


def test_speakers_lists_aliases_outlets_and_dates(ours):
    rows = _json(ours("speakers", "--search", "marrow", "--format", "json"))
    assert [r["name"] for r in rows] == ["Ilse Marrow"]
    marrow = rows[0]
    assert marrow["outlets"] == ["Coastal Courier", "Harbor Gazette"]
    assert (marrow["first"], marrow["last"]) == ("2031-03-04", "2031-03-05")
    assert "Marrow" in marrow["aliases"]
    assert marrow["claims"] >= 3
    assert _json(ours("speakers", "--search", "nobody-at-all", "--format", "json")) == []


def test_speaker_by_alias_in_time_order_with_relay_chain(ours):
    rows = _json(ours("speaker", "Marrow", "--format", "json"))
    dates = [r["published"] for r in rows]
    assert dates == sorted(dates) and set(dates) == {"2031-03-04", "2031-03-05"}
    quist = _json(ours("speaker", "Anselm Quist", "--format", "json"))
    assert ["Anselm Quist", "Reuters", "Harbor Gazette"] in [r["chain"] for r in quist]
    unknown = ours("speaker", "Nobody Atall")
    assert unknown.exit_code == 0 and unknown.stdout == "" and "no speaker known" in unknown.stderr


def test_audit_reports_each_article(ours):
    rows = {r["outlet"]: r for r in _json(ours("audit", "--format", "json"))}
    gazette, courier = rows["Harbor Gazette"], rows["Coastal Courier"]
    assert gazette["anonymous"] == 1
    assert gazette["anonymous_share"] == round(1 / gazette["claims"], 3)
    assert ["Anselm Quist", "Reuters", "Harbor Gazette"] in [c["chain"] for c in gazette["relayed_claims"]]
    assert courier["relayed"] == 0
    herald = rows["Bay Herald"]
    assert [c["mention"].lower() for c in herald["unresolved_claims"]] == ["he"]
    assert herald["unresolved_claims"][0]["reason"] and herald["claims"] == 1
    assert courier["unresolved"] == gazette["unresolved"] == 0
    drift = gazette["quote_drift_pairs"]
    assert [(d["speaker"], d["other"]["outlet"]) for d in drift] == [("Ilse Marrow", "Coastal Courier")]
    assert "open, fair and transparent" in drift[0]["this"]["wording"]
    assert '"transparent" and "fair"' in drift[0]["other"]["wording"]
    assert [h["text"] for h in courier["headline_claims"]] == ["Quist says copper quota will not rise"]
    assert courier["headline_claims"][0]["speaker"].endswith("Quist")
    assert gazette["headline_claims"] == []
    assert [r["outlet"] for r in _json(ours("audit", "--outlet", "Harbor Gazette", "--format", "json"))] == \
        ["Harbor Gazette"]


def test_listings_are_empty_not_errors_on_an_empty_database(run):
    assert run("db", "upgrade").exit_code == 0  # an empty database (a missing one is an error, exit 3)
    for args in (["who-said", "anything"], ["speakers"], ["speaker", "Someone"], ["audit"], ["audit", "--source", 7]):
        for fmt in ("table", "json", "jsonl", "csv"):
            result = run(*args, "--format", fmt)
            assert result.exit_code == 0, result.stderr
            if fmt == "json":
                assert json.loads(result.stdout) == []
            if fmt in ("table", "jsonl"):
                assert result.stdout == ""


# ---------------------------------------------------------------- the seeds

def test_seed_zelensky_spellings_are_one_speaker(seeded):
    a = _json(seeded("claims", "--speaker", "Zelenskyy", "--format", "json"))
    b = _json(seeded("claims", "--speaker", "Zelensky", "--format", "json"))
    assert a and [c["claim_id"] for c in a] == [c["claim_id"] for c in b]
    entries = [r for r in _json(seeded("speakers", "--format", "json"))
               if any("zelensk" in alias.lower() for alias in r["aliases"] + [r["name"]])
               and r["type"] == "person"]
    assert len(entries) == 1
    aliases = {x.lower() for x in entries[0]["aliases"]}
    assert any(x.endswith("zelensky") for x in aliases) and any(x.endswith("zelenskyy") for x in aliases)


def test_seed_who_said_kupiansk(seeded):
    speakers = {r["speaker"] for r in _json(seeded("who-said", "Kupiansk", "--format", "json"))}
    assert "Valery Gerasimov" in speakers
    assert any("general staff" in s.lower() and "ukrain" in s.lower() for s in speakers)


def _check_who_said_order_and_limit(run, word):
    """Groups by speaker, largest first, each by outlet then date; a limit cuts
    that same list, whether the cut falls inside a group larger than the
    limit (ordered in SQL) or after small ones (ordered in Python)."""
    rows = _json(run("who-said", word, "--format", "json"))
    assert len(rows) > 4, word
    speakers = [r["speaker"] for r in rows]
    groups = list(dict.fromkeys(speakers))
    assert speakers == [g for g in groups for _ in range(speakers.count(g))]  # each group together
    assert [speakers.count(g) for g in groups] == sorted((speakers.count(g) for g in groups), reverse=True)
    for g in groups:
        keys = [(r["outlet"] or "\uffff", r["published"] or "\uffff") for r in rows if r["speaker"] == g]
        assert keys == sorted(keys)
    for n in sorted({0, 1, 2, 3, len(rows) // 2, len(rows) - 1, len(rows), len(rows) + 5}):
        assert _json(run("who-said", word, "--limit", n, "--format", "json")) == (rows[:n] if n else rows), (word, n)


def test_who_said_order_and_limit(ours):
    _check_who_said_order_and_limit(ours, "said")


def test_seed_who_said_order_and_limit(seeded):
    for word in ("Ukraine", "troops", "said"):
        _check_who_said_order_and_limit(seeded, word)


def test_seed_audit_flags_a_quote_drift(seeded):
    rows = _json(seeded("audit", "--format", "json"))
    assert len(rows) == 5
    assert all(r["claims"] > 0 for r in rows)
    assert sum(r["anonymous"] for r in rows) > 0 and sum(r["relayed"] for r in rows) > 0
    pairs = [d for r in rows for d in r["quote_drift_pairs"]]
    assert any(d["speaker"] == "Volodymyr Zelensky"
               and {"honest", "constructive"} <= set(d["shared"]) for d in pairs)
