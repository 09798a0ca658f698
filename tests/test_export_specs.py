"""Exports meet their own specifications, not only load back: GraphML and GEXF
checked against the rules of their schemas (tests/xml_specs.py), CSV cells that
a spreadsheet would run as formulas neutralised, XML that stays XML whatever
the stored text holds, and output files that are replaced only when complete."""
from __future__ import annotations

import csv
import io
import os
import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, text

from provenance.cli import cli
from provenance.render import CsvWriter, csv_safe, to_csv
from test_export_db import small  # noqa: F401  (fixture)
from xml_specs import gexf_errors, graphml_errors


def test_graphml_meets_the_schema_rules(small):
    data = small.export("graph", "--format", "graphml").encode("utf-8")
    assert graphml_errors(data) == []
    root = ET.fromstring(data)
    ns = "{http://graphml.graphdrawing.org/xmlns}"
    names = {(k.get("for"), k.get("attr.name")) for k in root.iter(ns + "key")}
    assert ("node", "type") in names and ("edge", "type") in names  # same name, two domains, two key ids


def test_graphml_check_catches_repeated_ids():
    bad = (b'<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><key id="type" for="node"/>'
           b'<key id="type" for="edge"/><graph edgedefault="directed"><node id="a"/><node id="b"/>'
           b'<edge id="contains" source="a" target="b"/><edge id="contains" source="a" target="b"/></graph></graphml>')
    errors = graphml_errors(bad)
    assert any("key id 'type'" in e for e in errors) and any("edge id 'contains'" in e for e in errors)


def test_gexf_meets_the_1_2_schema_rules(small):
    assert gexf_errors(small.export("graph", "--format", "gexf").encode("utf-8")) == []


def test_gexf_check_catches_a_graph_name():
    bad = (b'<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2"><graph name="" defaultedgetype="directed">'
           b'<nodes><node id="a"/></nodes><edges/></graph></gexf>')
    assert any("'name'" in e for e in gexf_errors(bad))


def test_seed_graph_exports_meet_the_schema_rules(seeded, tmp_path):
    for fmt, check in (("graphml", graphml_errors), ("gexf", gexf_errors)):
        path = tmp_path / f"seeds.{fmt}"
        assert seeded("export", "graph", "--format", fmt, "-o", path).exit_code == 0
        assert check(path.read_bytes()) == []


def _poison(url: str, value: str) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE claims SET cue = :v WHERE uid = 'c1'"), {"v": value})
        conn.execute(text("UPDATE sources SET title = :v WHERE path = 'a.txt'"), {"v": "Buses" + value})
    engine.dispose()


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_xml_exports_drop_characters_xml_cannot_hold(small, fmt):
    _poison(small.url, "said\uffff\ufffe\x0b")
    data = small.export("graph", "--format", fmt)
    ET.fromstring(data.encode("utf-8"))  # parses
    assert "\uffff" not in data and "Buses" in data
    check = graphml_errors if fmt == "graphml" else gexf_errors
    assert check(data.encode("utf-8")) == []


def test_csv_cells_that_would_run_as_formulas_are_neutralised():
    for cell in ("=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"):
        assert csv_safe(cell) == "'" + cell
    for cell in ("plain", "1,5", "", 3, -4, None, "a=b"):
        assert csv_safe(cell) == cell
    out = to_csv([{"a": "=1+1", "b": "ok"}], ["a", "b"])
    assert list(csv.reader(io.StringIO(out)))[1] == ["'=1+1", "ok"]
    raw = io.StringIO()
    CsvWriter(raw, raw=True).writerow(["=1+1"])
    assert raw.getvalue() == "=1+1\n"


def test_claims_csv_export_is_neutralised_unless_raw(small):
    _poison(small.url, "=cmd|' /C calc'!A0")
    rows = list(csv.DictReader(io.StringIO(small.export("claims", "--format", "csv"))))
    assert next(r for r in rows if r["claim_id"] == "c1")["cue"] == "'=cmd|' /C calc'!A0"
    result = CliRunner().invoke(cli, ["--db", small.url, "--csv-raw", "export", "claims", "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert next(r for r in rows if r["claim_id"] == "c1")["cue"] == "=cmd|' /C calc'!A0"


def test_listing_csv_is_neutralised(small):
    _poison(small.url, "=1+2")
    engine = create_engine(small.url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE sources SET author = '@SUM(1)' WHERE path = 'a.txt'"))
    engine.dispose()
    result = CliRunner().invoke(cli, ["--db", small.url, "sources", "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["author"] for r in rows if r["path"] == "a.txt"] == ["'@SUM(1)"]
    assert [r["title"] for r in rows if r["path"] == "a.txt"] == ["Buses=1+2"]  # only a cell's start counts


def _export(url, *args):
    return CliRunner().invoke(cli, ["--db", url, "export", *map(str, args)])


def test_output_dash_is_stdout(small, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = _export(small.url, "claims", "-o", "-")
    assert result.exit_code == 0 and result.stdout.startswith("{") and not (tmp_path / "-").exists()


def test_output_to_a_missing_folder_is_one_line(small, tmp_path):
    result = _export(small.url, "claims", "--format", "csv", "-o", tmp_path / "nodir" / "x.csv")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: cannot write") and result.stderr.count("\n") == 1


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
def test_output_to_a_full_device_is_one_line(small):
    result = _export(small.url, "claims", "-o", "/dev/full")
    assert result.exit_code == 2
    assert "No space left" in result.stderr and result.stderr.count("\n") == 1


def test_a_failed_export_keeps_the_previous_file(small, tmp_path, monkeypatch):
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "g.graphml"
    assert _export(small.url, "graph", "-o", out).exit_code == 0
    before = out.read_bytes()
    import provenance.export.graph as graph

    def broken(*a, **k):
        raise RuntimeError("writer failed half way")

    monkeypatch.setattr(graph.nx, "write_graphml", broken)
    monkeypatch.setitem(__import__("provenance.export", fromlist=["EXPORTERS"]).EXPORTERS, ("graph", "graphml"),
                        graph.write_graphml)
    result = _export(small.url, "graph", "-o", out)
    assert result.exit_code != 0
    assert out.read_bytes() == before
    assert [p.name for p in out.parent.iterdir()] == ["g.graphml"]  # no temporary file left behind


def test_jsonld_each_appearance_is_its_own_specific_resource(small):
    import json

    graph = json.loads(small.export("jsonld"))["@graph"]
    claims = [g for g in graph if g["@type"] == "Claim"]
    by_article: dict[str, list] = {}
    for c in claims:
        app = c["appearance"]
        assert app["@type"] == "SpecificResource" and "hasSelector" not in app["hasSource"]
        by_article.setdefault(app["hasSource"]["@id"], []).append(app)
    spans = by_article["urn:provenance:article:1"]
    assert len(spans) == 3 and len({a["@id"] for a in spans}) == 3
    assert len({a["hasSelector"][1]["start"] for a in spans}) == 3  # each span told apart


def test_claim_review_rates_the_contradiction_not_a_claims_truth(small):
    import json

    reviews = [g for g in json.loads(small.export("jsonld"))["@graph"] if g["@type"] == "ClaimReview"]
    for r in reviews:
        assert r["reviewAspect"] == "contradiction"
        assert r["itemReviewed"]["@type"] == "Claim" and "contradiction" in r["itemReviewed"]["@id"]
        assert r["claimReviewed"].startswith("These claims contradict each other")
        assert r["reviewRating"]["alternateName"] not in ("confirmed", "dismissed", "true", "false")
