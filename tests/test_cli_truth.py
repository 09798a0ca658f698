"""The CLI's answers are true: bad values are errors with their documented
exit status, counts and plurals are right, --limit 0 means all, tables fit
the terminal without cutting, progress goes to stderr on a terminal only."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from provenance.cli import cli
from provenance.render import fit_widths, plural, progress, table, use_color

HARBOUR = """Ferry talks resume
Port Vale, 4 May. The harbour board said on Monday that 600,000 tonnes of grain had left the port this year.
"We will keep the northern berth open all summer," the harbour master, Ida Brook, told reporters.
The General Staff of the Coastal Defence Forces of Eastland said patrols would double near the outer pier.
"""
CANAL = """Canal traffic slows
Lockton, 5 May. The canal authority said 880,000 tonnes had passed the locks, while 600 barges waited.
Ida Brook said the northern berth would close for repairs in June.
"""


@pytest.fixture
def cli_db(tmp_path):
    db = str(tmp_path / "truth.db")

    def run(*args, env=None):
        return CliRunner().invoke(cli, ["--db", db, *map(str, args)], env=env)

    for name, body in (("harbour.txt", HARBOUR), ("canal.txt", CANAL)):
        (tmp_path / name).write_text(body, encoding="utf-8")
    result = run("ingest", "--workers", 1, tmp_path / "harbour.txt", tmp_path / "canal.txt")
    assert result.exit_code == 0, result.stderr
    run.tmp = tmp_path
    run.summary = result.stderr
    return run


@pytest.mark.parametrize("value", ["2025-13-45", "yesterday", "21/11/2025", "2025-02-30", "20251"])
def test_bad_dates_are_usage_errors(cli_db, value):
    for args in (("claims", "--since", value), ("claims", "--until", value), ("export", "claims", "--since", value)):
        result = cli_db(*args)
        assert result.exit_code == 2, (args, result.stdout)
        assert result.stderr.startswith("error: --") and result.stderr.count("\n") == 1


def test_good_dates_still_filter(cli_db):
    assert cli_db("claims", "--since", "2020-01-01", "--format", "jsonl").exit_code == 0
    assert cli_db("claims", "--until", "2020-01", "--format", "jsonl").exit_code == 0


def test_unknown_point_is_an_error_everywhere(cli_db):
    for args in (("claims", "--point", "us-28:99"), ("export", "claims", "--point", "us-28:99"),
                 ("claims", "--point", "nope-3:1"), ("point", "us-28:99")):
        result = cli_db(*args)
        assert result.exit_code == 2, args
        assert result.stderr.count("\n") == 1


def test_unsupported_database_url_is_one_line(tmp_path):
    for args in (["--db", "mysql://x", "claims"], ["--db", "mysql://x", "db", "upgrade"]):
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 3
        assert result.stderr.startswith("error: unsupported database URL") and result.stderr.count("\n") == 1


def test_a_read_command_on_a_missing_database_is_an_error(tmp_path):
    missing = tmp_path / "typo.db"
    for args in (["claims"], ["sources"], ["who-said", "x"], ["audit"], ["export", "claims"], ["db", "current"]):
        result = CliRunner().invoke(cli, ["--db", str(missing), *args])
        assert result.exit_code == 3, args
        assert "no database at" in result.stderr
    assert not missing.exists()
    assert CliRunner().invoke(cli, ["--db", str(missing), "db", "upgrade"]).exit_code == 0
    assert CliRunner().invoke(cli, ["--db", str(missing), "claims"]).exit_code == 0


def test_limit_zero_means_all(cli_db):
    every = [json.loads(x) for x in cli_db("claims", "--format", "jsonl").stdout.splitlines()]
    assert len(every) >= 3
    for cmd in (("claims",), ("who-said", "berth"), ("sources",), ("speakers",), ("audit",)):
        all_rows = cli_db(*cmd, "--format", "jsonl").stdout
        assert all_rows and cli_db(*cmd, "--limit", 0, "--format", "jsonl").stdout == all_rows, cmd
    assert len(cli_db("claims", "--limit", 1, "--format", "jsonl").stdout.splitlines()) == 1


def test_reingest_prints_one_summary_with_true_counts(cli_db):
    assert cli_db.summary.startswith("2 files: 2 new, 0 unchanged, 0 failed;")
    again = cli_db("ingest", cli_db.tmp / "harbour.txt", cli_db.tmp / "canal.txt", cli_db.tmp / "missing.txt")
    assert again.exit_code == 1
    lines = again.stderr.splitlines()
    assert lines == [lines[0], lines[1]] and "missing.txt" in lines[0]  # the error, then the summary only
    assert lines[1].startswith("3 files: 0 new, 2 unchanged, 1 failed; 0 claims stored")
    verbose = cli_db("ingest", "-v", cli_db.tmp / "harbour.txt").stderr.splitlines()
    assert verbose[0].endswith("harbour.txt: already stored, nothing new")
    assert verbose[1].startswith("1 file: 0 new, 1 unchanged, 0 failed; 0 claims stored")
    assert cli_db("ingest", "-q", cli_db.tmp / "harbour.txt").stderr == ""


def test_plurals():
    assert [plural(n, "claim") for n in (0, 1, 2)] == ["0 claims", "1 claim", "2 claims"]


def test_who_said_numbers_are_whole_numbers(cli_db):
    rows = json.loads(cli_db("who-said", "600,000", "--format", "json").stdout)
    assert rows and all("600,000" in r["text"] for r in rows)
    assert not any("880,000" in r["text"] for r in rows)  # '000' of 880,000 and a lone '600' are no match


def test_tables_wrap_to_the_terminal_instead_of_cutting():
    speaker = "the General Staff of the Coastal Defence Forces of Eastland"
    text = "patrols would double near the outer pier and along the whole northern breakwater " * 2
    out = table([{"speaker": speaker, "text": text}], ["speaker", "text"], width=60)
    lines = out.splitlines()
    assert all(len(line) <= 60 for line in lines)
    assert "…" not in out
    flat = " ".join(" ".join(line.split()) for line in lines[2:])
    for word in (speaker + " " + text).split():
        assert word in flat
    assert table([{"a": text}], ["a"], width=None).splitlines()[2] == " ".join(text.split())  # a pipe: whole


def test_fit_widths_narrows_the_widest_first():
    assert fit_widths([10, 100], ["a", "b"], 50) == [10, 38]
    assert fit_widths([5, 5], ["a", "b"], 50) == [5, 5]
    assert fit_widths([10, 10], ["aaaaaaaaaa", "bbbbbbbbbb"], 5) == [10, 10]  # never below a header


def test_no_color_and_pipes_get_no_escape_codes(cli_db, monkeypatch):
    class Tty:
        def isatty(self):
            return True

    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_color(Tty())
    monkeypatch.delenv("NO_COLOR")
    assert use_color(Tty())
    out = cli_db("who-said", "berth").stdout
    assert "\x1b[" not in out and "[berth]" in out


def test_progress_is_hidden_off_a_terminal_and_has_a_real_total(monkeypatch, tmp_path):
    with progress(7, "x") as bar:
        assert bar.hidden and bar.length == 7
    import provenance.batch as batch

    seen = []
    real = batch.progress

    def spy(length, label):
        seen.append((label, length))
        return real(length, label)

    monkeypatch.setattr(batch, "progress", spy)
    for name, body in (("a.txt", HARBOUR), ("b.txt", CANAL)):
        (tmp_path / name).write_text(body, encoding="utf-8")
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "p.db"), "ingest", "--workers", "1", str(tmp_path)])
    assert result.exit_code == 0
    assert ("ingesting", 2) in seen
    from provenance.contradict import DETECTORS
    assert ("detecting", len(DETECTORS)) in seen  # detection after the ingest, one step a detector
    assert "ingesting" not in result.stderr  # not a terminal: no bar
    CliRunner().invoke(cli, ["--db", str(tmp_path / "p.db"), "extract", "--all"])
    assert ("re-extracting", 2) in seen


def test_audit_gives_a_summary_by_default_and_detail_on_request(cli_db):
    summary = cli_db("audit").stdout.splitlines()
    assert summary[0].split()[:2] == ["outlet", "articles"] and summary[-1].split()[:2] == ["(all)", "2"]
    detail = cli_db("audit", "--detail").stdout
    assert detail.count("\n#") == 1 and detail.startswith("#1 ")
    assert len(cli_db("audit", "--format", "jsonl").stdout.splitlines()) == 2


def test_an_overlong_filter_value_is_a_usage_error_not_a_database_error(cli_db):
    huge = "%" * 100_000  # SQLite refuses a LIKE pattern this long ("too complex")
    for args in (("claims", "--topic", huge), ("speakers", "--search", huge), ("export", "claims", "--topic", huge)):
        result = cli_db(*args)
        assert result.exit_code == 2, (args[:-1], result.stderr)
        assert "at most 10,000 characters" in result.stderr
    assert cli_db("claims", "--topic", "%" * 10_000).exit_code == 0  # the longest value allowed is still searched
