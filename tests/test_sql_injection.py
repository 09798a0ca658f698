"""User-supplied strings reach SQL only as bound parameters.

Every string (and integer) option and argument of every read command -- found
by walking the click command tree, so a command added later is covered too --
is fed quotes, semicolons, SQL keywords, LIKE wildcards, backslashes, FTS
syntax and `'; DROP TABLE claims; --`.  Each run exits 0 (or 2 with a one-line
usage error for a malformed value such as a bad --point), never with a
traceback, and afterwards every table and its row count is unchanged.

A static check (AST) makes sure no f-string, `%` or `.format()` builds the text
of an SQL statement from anything but module constants.
"""
from __future__ import annotations

import ast
import json
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from provenance.cli import cli

from conftest import ROOT

PROV = str(Path(sys.executable).parent / "provenance")

HOSTILE = [
    "'", '"', "''", "';", "'; DROP TABLE claims; --", "\"; DROP TABLE claims; --", "1; DROP TABLE sources",
    "' OR '1'='1", "\" OR \"\"=\"", "1 OR 1=1", ") OR (1=1", "Robert'); DELETE FROM claims;--",
    "%", "_", "%%", "%_%", "a%b_c", "\\", "\\'", "\\%", "\\\\", "*", "NEAR(a b)", "text:said", "-said", "^said",
    "SELECT * FROM claims", "UNION SELECT sqlite_version()", "NULL", "null", "0", "-1", "",
    " ", "us-28:19; DROP TABLE claims", "us-28:1' --", "Zelensky'; --", "\u202eright-to-left", "Зеленський",
    "\u200b", "a" * 2000,
]
HOSTILE_INTS = ["-1", "0", "99999999999999999999999", "1; DROP TABLE claims", "' OR 1=1", "1e3"]
# commands that write by design: their inputs are tested elsewhere (review: below)
SKIP_COMMANDS = {"ingest", "extract", "db", "load", "detect", "review", "serve"}  # serve runs until stopped
# values that are validated and may be refused with a usage error (exit 2)
VALIDATED = {"point", "ref", "since", "until", "plan", "fmt"}
BENIGN = {"text": "ceasefire", "name": "Zelensky", "ref": "us-28:19"}


def _commands(group: click.Group, path: tuple[str, ...] = ()):
    for name, cmd in sorted(group.commands.items()):
        if name in SKIP_COMMANDS:
            continue
        if isinstance(cmd, click.Group):
            if cmd.invoke_without_command:
                yield path + (name,), cmd
            yield from _commands(cmd, path + (name,))
        else:
            yield path + (name,), cmd


def _base_args(cmd: click.Command, target: click.Parameter) -> list[str]:
    """Benign values for the required arguments other than the target."""
    args = []
    for p in cmd.params:
        if isinstance(p, click.Argument) and p is not target:
            if isinstance(p.type, click.Choice):
                args.append("claims" if "claims" in p.type.choices else p.type.choices[0])
            elif p.required:
                args.append(BENIGN.get(p.name, "x"))
    return args


def _cases():
    for path, cmd in _commands(cli):
        for p in cmd.params:
            if isinstance(p, click.Option) and (p.is_flag or p.name in ("help",)):
                continue
            if isinstance(p.type, (click.Path, click.File, click.Choice)):
                continue
            if isinstance(p.type, click.types.StringParamType):
                yield pytest.param(path, cmd, p, HOSTILE, id=f"{' '.join(path)}:{p.name}")
            elif isinstance(p.type, (click.types.IntParamType, click.types.FloatParamType)):
                yield pytest.param(path, cmd, p, HOSTILE_INTS, id=f"{' '.join(path)}:{p.name}")


CASES = list(_cases())


def snapshot(db: Path) -> dict:
    with sqlite3.connect(db) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        counts = {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]  # names from sqlite_master
                  for t in tables if not t.startswith("claims_fts")}
        schema = conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY type, name").fetchall()
    return {"counts": counts, "schema": schema}


@pytest.fixture(scope="module")
def db(seeded_sqlite, tmp_path_factory) -> Path:
    """A private copy of the seeded database: an injection must not harm other tests."""
    src = Path(seeded_sqlite.split(":///", 1)[1])
    dst = tmp_path_factory.mktemp("inject") / "seeds.db"
    copy_db(src, dst)
    return dst


def copy_db(src: Path, dst: Path) -> None:
    """A consistent copy (the database may be in WAL mode: copying the file alone is not enough)."""
    with sqlite3.connect(src) as a, sqlite3.connect(dst) as b:
        a.backup(b)
    a.close()
    b.close()


@pytest.fixture(scope="module")
def before(db) -> dict:
    snap = snapshot(db)
    assert snap["counts"]["claims"] > 0 and snap["counts"]["sources"] > 0
    return snap


def test_the_sweep_covers_the_documented_filters():
    ids = {c.id for c in CASES}
    for case in ["claims:speaker", "claims:outlet", "claims:topic", "claims:point", "claims:since", "claims:until",
                 "claims:search", "claims:source_id", "export:speaker", "export:outlet", "export:topic",
                 "export:point", "speakers:search", "speaker:name", "who-said:text", "contradictions:topic",
                 "contradictions:point", "points:plan", "audit:outlet"]:
        assert case in ids, (case, sorted(ids))


@pytest.mark.parametrize("path, cmd, param, values", CASES)
def test_hostile_values_are_data_not_sql(db, before, path, cmd, param, values, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # an output path given a hostile value is written here, not into the checkout
    runner = CliRunner()
    for value in values:
        if isinstance(param, click.Argument):
            args = [*path, *_base_args(cmd, param), value]
            if value.startswith("-"):
                args = [*path, *_base_args(cmd, param), "--", value]
        else:
            args = [*path, *_base_args(cmd, param), param.opts[0], value]
        result = runner.invoke(cli, ["--db", str(db), *args])
        shown = f"{args!r}: exit {result.exit_code}\n{result.output}\n{result.stderr}"
        assert result.exception is None or isinstance(result.exception, SystemExit), \
            shown + repr(result.exception)
        assert "Traceback" not in result.output + result.stderr, shown
        validated = param.name in VALIDATED or isinstance(param, click.Argument) \
            or not isinstance(param.type, click.types.StringParamType)
        assert result.exit_code == 0 or (validated and result.exit_code == 2), shown
        if result.exit_code == 2:
            assert "rror" in result.stderr, shown
    assert snapshot(db) == before


@pytest.mark.parametrize("args", [
    ["claims", "--topic", "%"], ["claims", "--topic", "_"], ["claims", "--topic", "%\"%"],
    ["claims", "--speaker", "%"], ["claims", "--outlet", "%"], ["claims", "--search", "%"],
    ["claims", "--speaker", "' OR '1'='1"], ["claims", "--outlet", "' OR 1=1 --"],
    ["speakers", "--search", "%"], ["speakers", "--search", "_"], ["speakers", "--search", "\\"],
    ["export", "claims", "--format", "jsonl", "--topic", "%"],
])
def test_wildcards_and_tautologies_match_nothing(db, args):
    """`%` and `_` are literal characters, a tautology is just text: none matches a stored value."""
    fmt = [] if args[0] == "export" else ["--format", "json"]
    result = CliRunner().invoke(cli, ["--db", str(db), *args, *fmt])
    assert result.exit_code == 0, result.stderr
    out = result.stdout.strip()
    rows = [json.loads(line) for line in out.splitlines()] if args[0] == "export" else json.loads(out or "[]")
    assert rows == [], args


def test_a_real_filter_still_matches(db):
    """The sweep would pass trivially if filters matched nothing at all."""
    result = CliRunner().invoke(cli, ["--db", str(db), "claims", "--speaker", "Zelensky", "--format", "json"])
    assert result.exit_code == 0 and json.loads(result.stdout), result.stderr


@pytest.mark.parametrize("args", [
    ["claims", "--speaker", b"Zelen\xffsky"], ["who-said", b"\xc3("], ["claims", "--source", "99999999999999999999999"],
    ["claims", "--point", "us-28:\u00b2"], ["contradictions", "--point", "us-28:99999999999999999999"],
])
def test_real_command_line_never_shows_a_traceback(db, before, args):
    """As a user runs it: a subprocess, with bytes that are not UTF-8 in argv."""
    result = subprocess.run([PROV, "--db", str(db), *args], capture_output=True, timeout=60,
                            stdin=subprocess.DEVNULL)
    err = result.stderr.decode("utf-8", "replace")
    assert b"Traceback" not in result.stderr + result.stdout, err
    assert result.returncode in (0, 2), err
    if result.returncode == 2:
        assert len(err.strip().splitlines()) == 1 and err.startswith("error:"), err
    assert snapshot(db) == before


def test_review_note_is_stored_verbatim(db, before, tmp_path):
    """`contradictions review` writes: a hostile note is stored as text, nothing else changes."""
    work = tmp_path / "review.db"
    copy_db(db, work)
    runner = CliRunner()
    listed = runner.invoke(cli, ["--db", str(work), "contradictions", "--all", "--format", "json"])
    assert listed.exit_code == 0, listed.stderr
    items = json.loads(listed.stdout)
    if not items:
        pytest.skip("the seed articles give no contradiction to review")
    note = "'); DROP TABLE claims; -- 100% _sure_ \\ \"quoted\""
    result = runner.invoke(cli, ["--db", str(work), "contradictions", "review", str(items[0]["id"]),
                                 "--status", "dismissed", "--note", note])
    assert result.exit_code == 0, result.stderr
    with sqlite3.connect(work) as conn:
        assert conn.execute("SELECT note FROM contradiction_reviews").fetchall() == [(note,)]
    after = snapshot(work)
    assert after["schema"] == before["schema"]
    assert {k: v for k, v in after["counts"].items() if k not in ("contradiction_reviews", "contradictions")} == \
        {k: v for k, v in before["counts"].items() if k not in ("contradiction_reviews", "contradictions")}


# --- static check ------------------------------------------------------------------------------

SQL_SINKS = {"text", "execute", "exec_driver_sql", "executescript", "literal_column", "column", "table",
             "like", "ilike", "op", "match", "bindparams", "TextClause"}
SQL_START = re.compile(r"\s*(?:SELECT|INSERT|UPDATE|DELETE|PRAGMA|CREATE|DROP|ALTER|WITH)\b", re.I)
SQL_WORDS = ("select ", "insert ", "update ", "delete ", " where ", "pragma ", " like ", " match ", "drop ",
             "create ", "alter ", " from ", " join ", " order by ", "union ")


def _is_constant_expr(node: ast.AST) -> bool:
    """An f-string hole that is safe: a module CONSTANT, a literal, or a constant's attribute."""
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.Name):
        return node.id.isupper()
    if isinstance(node, ast.Attribute):
        return node.attr.isupper() or _is_constant_expr(node.value) and node.attr.isupper()
    return False


def _built_sql(node: ast.AST) -> bool:
    """Is `node` a string built at run time from non-constant values?"""
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(v, ast.FormattedValue) and not _is_constant_expr(v.value) for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod) and isinstance(node.left, ast.Constant) \
            and isinstance(node.left.value, str):
        return True
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format" \
            and isinstance(node.func.value, ast.Constant):
        return True
    return False


def _looks_like_sql(node: ast.AST) -> bool:
    """A string that starts like an SQL statement or holds an SQL clause in capitals."""
    parts = [v.value for v in ast.walk(node) if isinstance(v, ast.Constant) and isinstance(v.value, str)]
    text = " ".join(parts)
    return bool(SQL_START.match(text) or any(w.upper() in text for w in SQL_WORDS))


def sql_building_sites(root: Path) -> list[str]:
    found = []
    for path in sorted(root.rglob("*.py")):
        if "migrations" in path.relative_to(root).parts:  # DDL from the migration's own constants
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            args = list(node.args) + [k.value for k in node.keywords]
            if name in SQL_SINKS and any(_built_sql(a) for a in args):
                found.append(f"{path.relative_to(root.parent)}:{node.lineno}")
            elif any(_built_sql(a) and _looks_like_sql(a) for a in args):
                found.append(f"{path.relative_to(root.parent)}:{node.lineno}")
    return found


def test_no_sql_text_is_built_from_run_time_values():
    assert sql_building_sites(ROOT / "provenance") == []


def test_the_static_check_catches_what_it_should(tmp_path):
    pkg = tmp_path / "pkg"
    pkg.mkdir()
    (pkg / "bad.py").write_text(
        "from sqlalchemy import text\n"
        "def f(s, name):\n"
        "    s.execute(text(f\"SELECT * FROM claims WHERE speaker = '{name}'\"))\n"
        "    s.execute(\"DELETE FROM claims WHERE id = %s\" % name)\n"
        "    q = Claim.text.like(f'%{name}%')\n"
        "    s.execute('SELECT * FROM t WHERE x = {}'.format(name))\n"
        "    s.execute(f'PRAGMA busy_timeout={BUSY_MS}')\n"  # a constant: allowed
        "    s.execute(text('SELECT 1 WHERE x = :x'), {'x': name})\n"  # bound: allowed
    )
    assert sorted(site.rsplit(":", 1)[1] for site in sql_building_sites(pkg)) == ["3", "4", "5", "6"]
