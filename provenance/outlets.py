"""The outlets table from provenance/rules/outlets.json: canonical names, kinds
and aliases.  Loaded once per process."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

RULES = Path(__file__).resolve().parent / "rules"


@lru_cache(maxsize=None)
def outlet_table() -> tuple[dict, ...]:
    with open(RULES / "outlets.json", encoding="utf-8") as fh:
        return tuple(json.load(fh)["outlets"])


@lru_cache(maxsize=None)
def outlet_kinds() -> dict[str, str]:
    return {o["name"]: o.get("kind", "outlet") for o in outlet_table()}


@lru_cache(maxsize=None)
def _alias_map() -> dict[str, str]:
    table: dict[str, str] = {}
    for o in outlet_table():
        for alias in [o["name"], *o.get("aliases", [])]:
            table[alias.casefold()] = o["name"]
    return table


def canonical_outlet(name: str | None) -> str | None:
    """The canonical name of an outlet ("Associated Press" -> "AP"); unknown names are kept."""
    if not name:
        return None
    name = " ".join(name.split())
    return _alias_map().get(name.casefold(), name)
