"""Word lists kept as data: provenance/rules/words/NAME.txt, one word a line,
lines starting with # are comments.  Loaded once per process."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

WORDS = Path(__file__).resolve().parent / "rules" / "words"


@lru_cache(maxsize=None)
def word_list(name: str) -> frozenset[str]:
    lines = (WORDS / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))
