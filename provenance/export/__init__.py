"""Export formats, one small module per format, registered in one table:
(kind, format) -> writer(session, ClaimFilter, text stream) -> records written."""
from __future__ import annotations

from typing import Callable

from . import claims as _claims

Writer = Callable[..., int]

EXPORTERS: dict[tuple[str, str], Writer] = {
    ("claims", "jsonl"): _claims.write_jsonl,
    ("claims", "json"): _claims.write_json,
    ("claims", "csv"): _claims.write_csv,
}

DEFAULTS = {"claims": "jsonl", "graph": "graphml", "prov": "json", "jsonld": "jsonld"}


def default_format(kind: str) -> str:
    return DEFAULTS[kind]
