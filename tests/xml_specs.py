"""Structural checks of GraphML and GEXF 1.2 written from the specifications
(graphml.graphdrawing.org/specification, gexf.net 1.2draft schema), since the
XSDs cannot be fetched in the tests: element and attribute names, required
attributes, enumerations, unique ids, references that resolve, typed values."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"
GEXF = "{http://www.gexf.net/1.2draft}"
# XML NMTOKEN (the type of GraphML node, edge and key ids): name characters only
NMTOKEN = re.compile(r"^[\w.\-:·\u0300-\u036f\u203f-\u2040]+$")


def graphml_errors(data: bytes) -> list[str]:
    root = ET.fromstring(data)
    errors = []
    if root.tag != GRAPHML + "graphml":
        return [f"root is {root.tag}"]
    keys = {}
    for k in root.findall(GRAPHML + "key"):
        kid = k.get("id")
        if not kid or not NMTOKEN.match(kid):
            errors.append(f"key id {kid!r} is not an NMTOKEN")
        if kid in keys:
            errors.append(f"key id {kid!r} is not unique")
        if k.get("for", "all") not in ("all", "graph", "node", "edge", "hyperedge", "port", "endpoint", "graphml"):
            errors.append(f"key {kid}: bad for={k.get('for')!r}")
        if k.get("attr.type", "string") not in ("boolean", "int", "long", "float", "double", "string"):
            errors.append(f"key {kid}: bad attr.type")
        keys[kid] = k
    seen_ids: dict[str, set] = {"node": set(), "edge": set()}
    for graph in root.findall(GRAPHML + "graph"):
        if graph.get("edgedefault") not in ("directed", "undirected"):
            errors.append("graph needs edgedefault directed|undirected")
        for kind in ("node", "edge"):
            for el in graph.findall(GRAPHML + kind):
                eid = el.get("id")
                if kind == "node" or eid is not None:
                    if not eid or not NMTOKEN.match(eid):
                        errors.append(f"{kind} id {eid!r} is not an NMTOKEN")
                    elif eid in seen_ids[kind]:
                        errors.append(f"{kind} id {eid!r} is not unique")
                    seen_ids[kind].add(eid)
                for d in el.findall(GRAPHML + "data"):
                    k = keys.get(d.get("key"))
                    if k is None:
                        errors.append(f"{kind} {eid}: data for undeclared key {d.get('key')!r}")
                    elif k.get("for", "all") not in ("all", kind):
                        errors.append(f"{kind} {eid}: data key {d.get('key')!r} is declared for {k.get('for')}")
        for e in graph.findall(GRAPHML + "edge"):
            if e.get("source") not in seen_ids["node"] or e.get("target") not in seen_ids["node"]:
                errors.append(f"edge {e.get('id')}: unknown end")
    return errors


GEXF_TYPES = {"integer": int, "long": int, "double": float, "float": float, "boolean": None, "liststring": str,
              "string": str, "anyURI": str}
GRAPH_ATTRS = {"timeformat", "start", "startopen", "end", "endopen", "defaultedgetype", "idtype", "mode"}
NODE_ATTRS = {"id", "label", "start", "startopen", "end", "endopen", "pid"}
EDGE_ATTRS = {"id", "source", "target", "label", "type", "weight", "start", "startopen", "end", "endopen", "kind"}


def _typed(value: str, kind: str) -> bool:
    if kind == "boolean":
        return value in ("true", "false", "1", "0")
    try:
        GEXF_TYPES[kind](value)
    except (KeyError, ValueError):
        return False
    return True


def gexf_errors(data: bytes) -> list[str]:
    root = ET.fromstring(data)
    errors = []
    if root.tag != GEXF + "gexf" or root.get("version") != "1.2":
        return [f"root is {root.tag} version {root.get('version')}"]
    for child in root:
        if child.tag not in (GEXF + "meta", GEXF + "graph"):
            errors.append(f"unexpected {child.tag}")
    graph = root.find(GEXF + "graph")
    if graph is None:
        return errors + ["no graph"]
    for a, v in graph.attrib.items():
        if a not in GRAPH_ATTRS:
            errors.append(f"graph has no attribute {a!r} in GEXF 1.2 ({a}={v!r})")
    if graph.get("defaultedgetype", "undirected") not in ("directed", "undirected", "mutual"):
        errors.append("bad defaultedgetype")
    if graph.get("mode", "static") not in ("static", "dynamic"):
        errors.append("bad mode")
    declared: dict[str, dict[str, str]] = {"node": {}, "edge": {}}
    for attrs in graph.findall(GEXF + "attributes"):
        cls = attrs.get("class")
        if cls not in declared:
            errors.append(f"attributes class {cls!r}")
            continue
        for a in attrs.findall(GEXF + "attribute"):
            if not a.get("id") or not a.get("title"):
                errors.append("attribute needs id and title")
            if a.get("type") not in GEXF_TYPES:
                errors.append(f"attribute {a.get('title')}: type {a.get('type')!r}")
            if a.get("id") in declared[cls]:
                errors.append(f"{cls} attribute id {a.get('id')} repeated")
            declared[cls][a.get("id")] = a.get("type")
    ids: dict[str, set] = {"node": set(), "edge": set()}
    for cls, allowed, path in (("node", NODE_ATTRS, "nodes"), ("edge", EDGE_ATTRS, "edges")):
        for el in graph.findall(f"{GEXF}{path}/{GEXF}{cls}"):
            for a in el.attrib:
                if a not in allowed:
                    errors.append(f"{cls} {el.get('id')}: attribute {a!r} is not in GEXF 1.2")
            eid = el.get("id")
            if not eid:
                errors.append(f"{cls} without id")
            elif eid in ids[cls]:
                errors.append(f"{cls} id {eid!r} is not unique")
            ids[cls].add(eid)
            if cls == "edge":
                if el.get("source") not in ids["node"] or el.get("target") not in ids["node"]:
                    errors.append(f"edge {eid}: unknown end")
                if el.get("type", "directed") not in ("directed", "undirected", "mutual"):
                    errors.append(f"edge {eid}: type {el.get('type')!r}")
            for v in el.findall(f"{GEXF}attvalues/{GEXF}attvalue"):
                kind = declared[cls].get(v.get("for"))
                if kind is None:
                    errors.append(f"{cls} {eid}: value for undeclared attribute {v.get('for')!r}")
                elif not _typed(v.get("value", ""), kind):
                    errors.append(f"{cls} {eid}: {v.get('value')!r} is not a {kind}")
    return errors
