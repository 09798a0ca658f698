"""The claim graph (networkx MultiDiGraph) as GraphML, GEXF and node-link JSON.

Nodes (attribute `type`): speaker, outlet, article, claim, point; ids are
stable strings: "speaker:12", "outlet:3", "article:5", "claim:<uid>",
"point:us-28:19".  Edges (attribute `type`): said (speaker -> claim),
published (outlet -> article), contains (article -> claim), relayed
(outlet -> claim, `position` 0 = nearest the speaker), about (claim -> point,
`relation`, `score`), contradicts (claim -> claim, `kind`, `status`).
Attribute values are sanitised for the writers: no None, lists joined with
"; ", dates as ISO strings.  Output is byte-identical across runs.

Each edge's key is unique in the graph ("said--speaker:3--claim:ab12", the
type and both ends); GraphML writes it as the edge id and gets key ids
unique per domain (d0, d1, ... with `attr.name` the attribute name).  XML
writers drop characters XML 1.0 cannot hold (U+FFFE, U+FFFF, C0 controls)
from every value; the JSON form keeps them.
"""
from __future__ import annotations

import io
import json
import re
from datetime import date, datetime
from typing import TextIO

import networkx as nx

from ..query import ClaimFilter
from .rows import contradictions, enriched_chunks

LABEL_CHARS = 80


def clean(attrs: dict) -> dict:
    """Attribute values the GEXF/GraphML writers accept."""
    out = {}
    for k, v in attrs.items():
        if v is None:
            continue
        if isinstance(v, (list, tuple, set)):
            v = "; ".join(str(x) for x in v)
        elif isinstance(v, (date, datetime)):
            v = v.isoformat()
        elif not isinstance(v, (str, int, float, bool)):
            v = str(v)
        out[k] = v
    return out


def short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= LABEL_CHARS else text[:LABEL_CHARS - 1] + "…"


def build_graph(session, f: ClaimFilter) -> nx.MultiDiGraph:
    """The claims of the filter and everything they reach."""
    nodes: dict[str, dict] = {}
    edges: dict[tuple[str, str, str], dict] = {}
    claim_ids: dict[int, str] = {}
    for chunk in enriched_chunks(session, f):
        for r in chunk:
            db, sp, src = r["_db"], r["speaker"], r["source"]
            cnode = f"claim:{r['claim_id']}"
            claim_ids[db["claim_id"]] = cnode
            nodes[cnode] = clean({
                "type": "claim", "label": short(r["text"]), "text": r["text"], "quote": r["quote"],
                "kind": r["kind"], "cue": r["cue"], "speaker_name": sp["name"], "mention": sp["mention"],
                "speaker_type": sp["type"], "role": sp["role"], "unresolved": r["unresolved"], "via": r["via"],
                "offset_start": r["start"], "offset_end": r["end"], "plan_points": r["plan_points"],
                "topics": r["topics"], "rule": r["rule"], "published": src["published"]})
            anode = f"article:{src['id']}"
            nodes[anode] = clean({
                "type": "article", "label": src["title"] or src["path"], "path": src["path"], "url": src["url"],
                "title": src["title"], "author": src["author"], "published": src["published"],
                "sha256": src["sha256"], "outlet_name": src["outlet"]})
            edges[(anode, cnode, "contains")] = {"type": "contains", "offset_start": r["start"],
                                                 "offset_end": r["end"]}
            if db["outlet_id"] is not None:
                onode = f"outlet:{db['outlet_id']}"
                nodes[onode] = clean({"type": "outlet", "label": src["outlet"], "name": src["outlet"],
                                      "outlet_kind": db["outlet_kind"]})
                edges[(onode, anode, "published")] = {"type": "published"}
            if db["speaker_id"] is not None:
                snode = f"speaker:{db['speaker_id']}"
                nodes[snode] = clean({"type": "speaker", "label": sp["name"], "name": sp["name"],
                                      "speaker_type": db["speaker_type"]})
                edges[(snode, cnode, "said")] = clean({"type": "said", "cue": r["cue"], "kind": r["kind"]})
            for pos, oid, name, kind in db["relays"]:
                onode = f"outlet:{oid}"
                nodes[onode] = clean({"type": "outlet", "label": name, "name": name, "outlet_kind": kind})
                edges[(onode, cnode, f"relayed:{pos}")] = {"type": "relayed", "position": pos}
            for p in db["points"]:
                pnode = f"point:{p['ref']}"
                nodes[pnode] = clean({"type": "point", "label": f"{p['ref']} {p['title']}", "ref": p["ref"],
                                      "plan": p["plan"], "number": p["number"], "title": p["title"],
                                      "topic": p["topic"]})
                edges[(cnode, pnode, "about")] = {"type": "about", "relation": p["relation"], "score": p["score"]}
    for x in contradictions(session, set(claim_ids)):
        uids = [f"claim:{u}" for u in x["claims"]]
        for i, a in enumerate(uids):
            for b in uids[i + 1:]:
                edges[(a, b, f"contradicts:{x['id']}")] = clean({
                    "type": "contradicts", "kind": x["kind"], "status": x["status"], "topic": x["topic"],
                    "contradiction": x["id"], "explanation": x["explanation"], "values": x["values"]})
    g = nx.MultiDiGraph()
    for n in sorted(nodes):
        g.add_node(n, **nodes[n])
    for u, v, k in sorted(edges):
        g.add_edge(u, v, key=f"{k}--{u}--{v}", **edges[(u, v, k)])
    return g


# Characters XML 1.0 allows (https://www.w3.org/TR/xml/#charsets); others are removed.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(value):
    return _NOT_XML.sub("", value) if isinstance(value, str) else value


def xml_safe(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose ids and values hold only characters XML 1.0 allows."""
    h = nx.MultiDiGraph()
    h.graph.update({k: xml_text(v) for k, v in g.graph.items()})
    for n, d in g.nodes(data=True):
        h.add_node(xml_text(n), **{k: xml_text(v) for k, v in d.items()})
    for u, v, k, d in g.edges(keys=True, data=True):
        h.add_edge(xml_text(u), xml_text(v), key=xml_text(k), **{a: xml_text(b) for a, b in d.items()})
    return h


def _counts(g: nx.MultiDiGraph) -> int:
    """Records written = claims in the graph (as for every export kind)."""
    return sum(1 for _, t in g.nodes(data="type") if t == "claim")


def write_graphml(session, f: ClaimFilter, out: TextIO) -> int:
    g = build_graph(session, f)
    buf = io.BytesIO()
    nx.write_graphml(xml_safe(g), buf, encoding="utf-8", named_key_ids=False)
    out.write(buf.getvalue().decode("utf-8"))
    return _counts(g)


def gexf_graph(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """GEXF reserves the edge attribute `type` (directed|undirected|mutual):
    the edge type goes to the GEXF edge `label` and the attribute `edge_type`."""
    h = nx.MultiDiGraph()
    h.add_nodes_from(g.nodes(data=True))
    for u, v, k, d in g.edges(keys=True, data=True):
        d = dict(d)
        t = d.pop("type")
        h.add_edge(u, v, key=k, label=t, edge_type=t, **d)
    return h


def write_gexf(session, f: ClaimFilter, out: TextIO) -> int:
    """GEXF 1.2; the `lastmodifieddate` is the newest article date in the graph
    (or dropped), never today's date, so the file is reproducible."""
    g = build_graph(session, f)
    buf = io.BytesIO()
    nx.write_gexf(xml_safe(gexf_graph(g)), buf, encoding="utf-8", version="1.2draft")
    text = buf.getvalue().decode("utf-8")
    text = re.sub(r'(<graph\b[^>]*?)\s+name="[^"]*"', r"\1", text, count=1)  # GEXF 1.2 has no graph name
    dates = sorted(d[:10] for _, d in g.nodes(data="published") if d and re.match(r"\d{4}-\d{2}-\d{2}", d))
    stamp = f'lastmodifieddate="{dates[-1]}"' if dates else ""
    text = re.sub(r'\s?lastmodifieddate="[^"]*"', (" " + stamp) if stamp else "", text, count=1)
    out.write(text)
    return _counts(g)


def write_json(session, f: ClaimFilter, out: TextIO) -> int:
    """networkx node-link JSON (`edges` key), keys sorted; load with nx.node_link_graph(data, edges="edges")."""
    g = build_graph(session, f)
    data = nx.node_link_data(g, edges="edges")
    json.dump(data, out, ensure_ascii=False, indent=1, sort_keys=True)
    out.write("\n")
    return _counts(g)
