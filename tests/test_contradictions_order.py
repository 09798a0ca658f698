"""Findings do not depend on the order claims were stored in (ties are
broken by claim uid): the seed articles ingested in one run, and one by one
in reverse order with detection after each, give the same findings, with
the same claims on the same sides."""
from __future__ import annotations

import json

from click.testing import CliRunner

from provenance.cli import cli

from conftest import SOURCES


def _articles():
    return sorted(p for p in SOURCES.iterdir() if p.suffix in (".txt", ".md", ".html", ".htm"))


def _findings(url: str) -> list:
    r = CliRunner().invoke(cli, ["--db", url, "contradictions", "--all", "--format", "json", "--limit", "0"],
                           catch_exceptions=False)
    assert r.exit_code == 0, r.output
    return sorted((f["kind"], f["claims"], json.dumps(f["sides"], sort_keys=True), f["values"], f["explanation"])
                  for f in json.loads(r.stdout))


def test_two_ingest_orders_give_the_same_findings(tmp_path):
    run = CliRunner()
    once, piecemeal = f"sqlite:///{tmp_path / 'once.db'}", f"sqlite:///{tmp_path / 'piecemeal.db'}"
    assert run.invoke(cli, ["--db", once, "ingest", *map(str, _articles())]).exit_code == 0
    for path in reversed(_articles()):
        assert run.invoke(cli, ["--db", piecemeal, "ingest", str(path)]).exit_code == 0
    assert run.invoke(cli, ["--db", piecemeal, "contradictions", "detect"]).exit_code == 0
    first, second = _findings(once), _findings(piecemeal)
    assert first and first == second
