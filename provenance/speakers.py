"""Known speakers from provenance/rules/speakers.json: canonical names and
their spellings, for matching what a user types (`--speaker Zelenskyy`)."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from .db.store import fold

RULES = Path(__file__).resolve().parent / "rules"


@lru_cache(maxsize=None)
def _variants() -> dict[str, frozenset[str]]:
    path = RULES / "speakers.json"
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    entries = data.get("speakers", data) if isinstance(data, dict) else data
    table: dict[str, set[str]] = {}
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, dict) or not entry.get("name"):
            continue
        names = {entry["name"], *entry.get("aliases", [])}
        for n in names:
            table.setdefault(fold(n), set()).update(names)
    return {k: frozenset(v) for k, v in table.items()}


def canonical_speaker_names(name: str) -> frozenset[str]:
    """Every known spelling of the speaker NAME names (empty when unknown)."""
    return _variants().get(fold(name), frozenset())
