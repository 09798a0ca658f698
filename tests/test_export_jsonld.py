"""schema.org JSON-LD: Claims anchored with Web Annotation selectors, ClaimReviews
only for ruled contradictions; expanded offline with pyld."""
from __future__ import annotations

import json

from pyld import jsonld
from sqlalchemy import create_engine, text

from test_export_db import TEXT_A, small  # noqa: F401  (fixture)

SCHEMA = "https://schema.org/"
OA = "http://www.w3.org/ns/oa#"


def offline_loader(url, options=None):
    """A minimal schema.org context served locally; anything else is refused."""
    if url.rstrip("/") in ("https://schema.org", "http://schema.org"):
        return {"contextUrl": None, "documentUrl": url, "document": {"@context": {"@vocab": SCHEMA}}}
    raise AssertionError(f"the export must not need {url}")


def source_texts(url: str) -> dict[str, str]:
    engine = create_engine(url)
    with engine.connect() as conn:
        out = {f"urn:provenance:article:{i}": t for i, t in conn.execute(text("SELECT id, text FROM sources"))}
    engine.dispose()
    return out


def check_anchors(graph: list[dict], texts: dict[str, str]) -> int:
    n = 0
    for item in graph:
        if item["@type"] != "Claim":
            continue
        app = item["appearance"]
        assert app["@type"] == "SpecificResource"
        quote, pos = app["hasSelector"]
        assert (quote["@type"], pos["@type"]) == ("TextQuoteSelector", "TextPositionSelector")
        doc = texts[app["hasSource"]["@id"]]
        start, end = pos["start"], pos["end"]
        assert doc[start:end] == quote["exact"] == item["text"]
        assert doc[:start].endswith(quote["prefix"]) and len(quote["prefix"]) == min(32, start)
        assert doc[end:].startswith(quote["suffix"]) and len(quote["suffix"]) == min(32, len(doc) - end)
        n += 1
    return n


def test_claims_carry_selectors_that_anchor_in_the_stored_text(small):
    out = json.loads(small.export("jsonld"))
    claims = [g for g in out["@graph"] if g["@type"] == "Claim"]
    assert check_anchors(out["@graph"], source_texts(small.url)) == 6 == len(claims)
    c1 = next(c for c in claims if c["@id"] == "urn:provenance:claim:c1")
    # code points, not UTF-16 units: the 🙂 before it counts once
    assert c1["appearance"]["hasSelector"][1]["start"] == TEXT_A.index("the city had received")
    assert len(TEXT_A[:49].encode("utf-16-le")) // 2 == 50


def test_claim_fields(small):
    claims = {g["@id"].rsplit(":", 1)[1]: g for g in json.loads(small.export("jsonld"))["@graph"]
              if g["@type"] == "Claim"}
    assert claims["c1"]["author"] == {"@type": "Person", "name": "Andriy Sadovyi"}
    assert claims["c4"]["author"]["@type"] == "Organization"
    assert claims["c3"]["author"]["name"] == "a senior official"
    assert "author" not in claims["c6"]  # unresolved speaker: no guessed author
    app = claims["c4"]["appearance"]["hasSource"]
    assert app["datePublished"] == claims["c4"]["datePublished"] == "2025-11-23T08:00:00Z"
    assert app["publisher"] == {"@type": "Organization", "name": "Daily Example"}
    assert app["isBasedOn"]["publisher"]["name"] == "Ukrinform"  # outermost relay first
    assert app["isBasedOn"]["isBasedOn"]["publisher"]["name"] == "Example Wire"
    assert claims["c1"]["appearance"]["hasSource"]["url"] == "https://news.example.org/a"
    assert [p["@id"] for p in claims["c2"]["about"]] == ["urn:provenance:point:tp-3:1"]


def test_claim_reviews_only_for_ruled_contradictions(small):
    reviews = [g for g in json.loads(small.export("jsonld"))["@graph"] if g["@type"] == "ClaimReview"]
    assert sorted(r["reviewRating"]["alternateName"] for r in reviews) == ["contradiction confirmed",
                                                                            "not a contradiction"]
    dismissed = next(r for r in reviews if r["reviewRating"]["alternateName"] == "not a contradiction")
    assert dismissed["reviewRating"]["ratingExplanation"] == "same figure, other unit"
    assert dismissed["author"] == {"@type": "Person", "name": "Ada Reviewer"}  # the reviewer of the ruling
    confirmed = next(r for r in reviews if r is not dismissed)
    assert "author" not in confirmed  # no reviewer recorded: no guessed author
    assert [i["@id"] for i in dismissed["itemReviewed"]["isBasedOn"]] == ["urn:provenance:claim:c2",
                                                                         "urn:provenance:claim:c5"]
    only_vesna = json.loads(small.export("jsonld", "--speaker", "Olena Vesna"))["@graph"]
    assert [g["reviewRating"]["alternateName"] for g in only_vesna
            if g["@type"] == "ClaimReview"] == ["not a contradiction"]


def test_jsonld_expands_offline_with_schema_and_annotation_terms(small):
    doc = json.loads(small.export("jsonld"))
    expanded = jsonld.expand(doc, {"documentLoader": offline_loader})
    nodes = [n for top in expanded for n in top.get("@graph", [top])]
    assert sum(SCHEMA + "Claim" in n.get("@type", []) for n in nodes) == 6
    assert sum(SCHEMA + "ClaimReview" in n.get("@type", []) for n in nodes) == 2
    claim = next(n for n in nodes if n.get("@id") == "urn:provenance:claim:c1")
    appearance = claim[SCHEMA + "appearance"][0]
    assert appearance["@type"] == [OA + "SpecificResource"]
    assert appearance[OA + "hasSource"][0]["@id"] == "urn:provenance:article:1"
    selectors = appearance[OA + "hasSelector"]
    assert {s["@type"][0] for s in selectors} == {OA + "TextQuoteSelector", OA + "TextPositionSelector"}


def test_jsonld_is_byte_identical_across_runs(small):
    assert small.export("jsonld") == small.export("jsonld")


def test_seed_jsonld_anchors(seeded, seeded_sqlite, tmp_path):
    path = tmp_path / "seeds.jsonld"
    result = seeded("export", "jsonld", "-o", path)
    assert result.exit_code == 0, result.output
    graph = json.loads(path.read_text(encoding="utf-8"))["@graph"]
    engine = create_engine(seeded_sqlite)
    with engine.connect() as conn:
        n = conn.execute(text("SELECT COUNT(*) FROM claims")).scalar_one()
    engine.dispose()
    assert n > 0 and check_anchors(graph, source_texts(seeded_sqlite)) == n


ARTICLE_ONE = """Harbour talks stall 🙂 over grain
Odesa, 3 March. The port authority said on Monday that 14 ships had left the harbour since Friday.
"We will reopen the northern berth within a week," the harbour master, Petro Koval, told reporters.
"""
ARTICLE_TWO = """Grain corridor figures disputed
According to Reuters, the ministry of infrastructure said only nine ships had left the harbour.
Petro Koval said the northern berth would stay closed for a month.
"""


def test_handwritten_articles_ingested_through_the_cli_export_consistently(run, db_url, tmp_path):
    for name, body in (("one.txt", ARTICLE_ONE), ("two.txt", ARTICLE_TWO)):
        (tmp_path / name).write_text(body, encoding="utf-8")
    result = run("ingest", tmp_path / "one.txt", tmp_path / "two.txt")
    assert result.exit_code == 0, result.output + result.stderr
    claims = [json.loads(line) for line in run("export", "claims").stdout.splitlines()]
    assert claims, "the extractor found no claim in the handwritten articles"
    graph = json.loads(run("export", "jsonld").stdout)["@graph"]
    assert check_anchors(graph, source_texts(db_url)) == len(claims)
    ids = {g["@id"] for g in graph if g["@type"] == "Claim"}
    assert ids == {f"urn:provenance:claim:{c['claim_id']}" for c in claims}
