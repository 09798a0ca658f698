"""Export formats, one small module per format, registered in one table:
(kind, format) -> writer(session, ClaimFilter, text stream) -> records written
(the number of claims exported).  See docs/exports.md."""
from __future__ import annotations

from typing import Callable

from . import claims as _claims
from . import graph as _graph
from . import jsonld as _jsonld
from . import prov as _prov

Writer = Callable[..., int]

EXPORTERS: dict[tuple[str, str], Writer] = {
    ("claims", "jsonl"): _claims.write_jsonl,
    ("claims", "json"): _claims.write_json,
    ("claims", "csv"): _claims.write_csv,
    ("graph", "graphml"): _graph.write_graphml,
    ("graph", "gexf"): _graph.write_gexf,
    ("graph", "json"): _graph.write_json,
    ("prov", "json"): _prov.write_json,
    ("prov", "turtle"): _prov.write_turtle,
    ("prov", "provn"): _prov.write_provn,
    ("jsonld", "jsonld"): _jsonld.write_jsonld,
}

DEFAULTS = {"claims": "jsonl", "graph": "graphml", "prov": "json", "jsonld": "jsonld"}


def default_format(kind: str) -> str:
    return DEFAULTS[kind]
