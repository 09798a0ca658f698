"""Graph exports read back with networkx: node and edge types against the database."""
from __future__ import annotations

import io
import json
import re
from collections import Counter
from itertools import combinations

import networkx as nx
import pytest
from sqlalchemy import create_engine, text

from test_export_db import small  # noqa: F401  (fixture)

ENDPOINTS = {"said": ("speaker", "claim"), "published": ("outlet", "article"), "contains": ("article", "claim"),
             "relayed": ("outlet", "claim"), "about": ("claim", "point"), "contradicts": ("claim", "claim")}


def load(fmt: str, data: str) -> nx.Graph:
    if fmt == "graphml":
        return nx.read_graphml(io.BytesIO(data.encode("utf-8")), force_multigraph=True)
    if fmt == "gexf":
        return nx.read_gexf(io.BytesIO(data.encode("utf-8")))
    return nx.node_link_graph(json.loads(data), edges="edges")


def edge_type(d: dict) -> str:
    return d.get("type") or d["edge_type"]  # GEXF reserves `type`: it is `edge_type` (and the label) there


def census(g: nx.Graph) -> tuple[Counter, Counter]:
    nodes = Counter(t for _, t in g.nodes(data="type"))
    edges = Counter()
    for u, v, d in g.edges(data=True):
        t = edge_type(d)
        assert (g.nodes[u]["type"], g.nodes[v]["type"]) == ENDPOINTS[t]
        edges[t] += 1
    return nodes, edges


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json"])
def test_graph_formats_read_back_with_every_node_and_edge(small, fmt):
    g = load(fmt, small.export("graph", "--format", fmt))
    nodes, edges = census(g)
    exp = small.expected
    assert nodes == {t: exp[t] for t in ("speaker", "outlet", "article", "claim", "point")}
    assert edges == {t: exp[t] for t in ENDPOINTS}
    claim = next(d for n, d in g.nodes(data=True) if n.endswith(":c4"))
    assert claim["via"] == "Example Wire; Ukrinform"
    assert (claim["offset_start"], claim["offset_end"]) == (50, 84)
    relays = sorted(d["position"] for u, v, d in g.edges(data=True) if edge_type(d) == "relayed")
    assert relays == [0, 1]
    statuses = sorted(d["status"] for *_, d in g.edges(data=True) if edge_type(d) == "contradicts")
    assert statuses == ["confirmed", "dismissed", "open"]


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json"])
def test_graph_export_is_byte_identical_across_runs(small, fmt):
    assert small.export("graph", "--format", fmt) == small.export("graph", "--format", fmt)


def test_gexf_date_is_the_newest_article_not_today(small):
    out = small.export("graph", "--format", "gexf")
    assert re.findall(r'lastmodifieddate="([^"]*)"', out) == ["2025-11-23"]
    assert not re.search(r'<edge [^>]*type="(said|contains|about)"', out)  # GEXF `type` stays directed|...


def test_speaker_filter_keeps_that_speaker_and_what_their_claims_reach(small):
    g = load("json", small.export("graph", "--format", "json", "--speaker", "Olena Vesna"))
    nodes, edges = census(g)
    assert nodes == {"speaker": 1, "claim": 2, "article": 2, "outlet": 1, "point": 1}
    assert edges["contradicts"] == 1 and edges["said"] == 2 and "relayed" not in edges


def test_point_filter(small):
    g = load("graphml", small.export("graph", "--point", "tp-3:2"))
    nodes, edges = census(g)
    assert nodes["claim"] == 1 and nodes["point"] == 1 and edges["about"] == 1


def db_counts(url: str) -> dict:
    engine = create_engine(url)
    q = {
        "speaker": "SELECT COUNT(DISTINCT speaker_id) FROM claims",
        "article": "SELECT COUNT(DISTINCT source_id) FROM claims",
        "outlet": "SELECT COUNT(*) FROM (SELECT s.outlet_id FROM sources s JOIN claims c ON c.source_id = s.id "
                  "WHERE s.outlet_id IS NOT NULL UNION SELECT outlet_id FROM claim_relays) x",
        "claim": "SELECT COUNT(*) FROM claims",
        "point": "SELECT COUNT(DISTINCT point_id) FROM claim_points",
        "said": "SELECT COUNT(*) FROM claims WHERE speaker_id IS NOT NULL",
        "contains": "SELECT COUNT(*) FROM claims",
        "published": "SELECT COUNT(*) FROM sources WHERE outlet_id IS NOT NULL "
                     "AND id IN (SELECT source_id FROM claims)",
        "relayed": "SELECT COUNT(*) FROM claim_relays",
        "about": "SELECT COUNT(*) FROM claim_points",
    }
    with engine.connect() as conn:
        out = {k: conn.execute(text(sql)).scalar_one() for k, sql in q.items()}
        members = Counter(r[0] for r in conn.execute(text("SELECT contradiction_id FROM contradiction_claims")))
    engine.dispose()
    out["contradicts"] = sum(len(list(combinations(range(n), 2))) for n in members.values())
    return out


def test_seed_gexf_connects_speakers_outlets_claims_and_points(seeded, seeded_sqlite, tmp_path):
    path = tmp_path / "seeds.gexf"
    result = seeded("export", "graph", "--format", "gexf", "-o", path)
    assert result.exit_code == 0, result.output
    g = nx.read_gexf(path)
    nodes, edges = census(g)
    want = db_counts(seeded_sqlite)
    assert want["claim"] > 0 and want["point"] > 0
    assert nodes == {t: want[t] for t in ("speaker", "outlet", "article", "claim", "point") if want[t]}
    assert edges == {t: want[t] for t in ENDPOINTS if want[t]}
    # every claim is reached from its article, and linked points hang off claims
    for n, t in g.nodes(data="type"):
        if t == "claim":
            assert any(g.nodes[u]["type"] == "article" for u in g.predecessors(n))
        if t == "point":
            assert any(g.nodes[u]["type"] == "claim" for u in g.predecessors(n))
