"""Shared by the assertion readers: rules, clauses, dismissals, places."""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from ..contradict.lexicon import lexicon

RULES = Path(__file__).resolve().parent.parent / "rules"
_NEVER = r"(?!x)x"


@lru_cache(maxsize=None)
def rules(name: str) -> dict:
    with open(RULES / name, encoding="utf-8") as fh:
        return json.load(fh)


@lru_cache(maxsize=1)
def dismissal_rules() -> dict:
    d = rules("denials.json")["dismissals"]
    return dict(words=re.compile(d["words"], re.I), verbs=re.compile(d["verbs"], re.I),
                back=re.compile(d.get("back_reference", _NEVER), re.I),
                back_before=re.compile(d.get("back_reference_before", _NEVER), re.I),
                not_after=re.compile(d.get("not_after", _NEVER), re.I),
                report=re.compile(d.get("report_nouns", _NEVER), re.I),
                window=int(d.get("back_window", 2500)))


def dismissal_res() -> tuple[re.Pattern, re.Pattern, int]:
    r = dismissal_rules()
    return r["words"], r["verbs"], r["window"]


def _others_verb(text: str, m: re.Match, side: str | None) -> bool:
    """Is a denial verb another party's ('a claim Kyiv rejected')?"""
    before = lexicon().parties_in(text[max(0, m.start() - 25):m.start()])
    return bool(before) and before[-1][2] != side


@lru_cache(maxsize=65536)
def dismissal_spans(text: str, side: str | None = None) -> tuple[tuple[int, int], ...]:
    """Where the speaker's dismissal words and denial verbs are."""
    r = dismissal_rules()
    words = [m for m in r["words"].finditer(text) if not r["not_after"].search(text[max(0, m.start() - 40):m.start()])]
    verbs = [m for m in r["verbs"].finditer(text) if not _others_verb(text, m, side)]
    return tuple(sorted(m.span() for m in words + verbs))


@lru_cache(maxsize=65536)
def dismissal_cues(text: str, side: str | None = None) -> tuple[bool, bool]:
    """(dismisses, points back): does the speaker dismiss something in this
    claim, and does a denial verb point back to an earlier statement
    ('rejected that account') rather than restate what it denies?"""
    r = dismissal_rules()
    words = [m for m in r["words"].finditer(text) if not r["not_after"].search(text[max(0, m.start() - 40):m.start()])]
    verbs = [m for m in r["verbs"].finditer(text) if not _others_verb(text, m, side)]
    back = any(r["back"].match(text, m.end()) or r["back_before"].search(text[max(0, m.start() - 60):m.start()])
               for m in verbs)
    return bool(words or verbs), bool(words) or back


def dismisses(text: str, side: str | None = None) -> bool:
    return dismissal_cues(text, side)[0]


def names_report(text: str) -> bool:
    return bool(dismissal_rules()["report"].search(text))


def clause_before(text: str, at: int, breaks: re.Pattern) -> str:
    """The words of the clause that ends at offset `at`."""
    cut = 0
    for m in breaks.finditer(text):
        if m.end() > at:
            break
        cut = m.end()
    return text[cut:at]


def places_in(text: str, regions: bool = True) -> list[tuple[int, str]]:
    """(offset, place) for the gazetteer places a text names; regions only
    when nothing smaller is named (and `regions`)."""
    lex = lexicon()
    found = [(s, p) for s, _e, p in lex.places_in(text)]
    small = [(s, p) for s, p in found if lex.place_kinds.get(p) != "region"]
    if small or not regions:
        return small
    return found
