"""The hand-written topic lexicon (rules/topics/lexicon.json), an optional boost keyed
by topic slug, and the linker's other rules (rules/topics/linking.json): relations,
back-references, passages, battlefield verbs.  Nothing here names a plan."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..pattern_index import PatternIndex, alternation
from .words import QUOTES

RULES = Path(__file__).resolve().parent.parent / "rules" / "topics"


@dataclass(frozen=True)
class Rules:
    threshold: float
    topics: dict  # slug -> (strong patterns, weak patterns, veto patterns)
    disputes: tuple
    proposes: tuple
    anaphora: re.Pattern
    anaphora_sentences: int
    value_weight: float
    min_value: int
    subject_chars: int
    term_threshold: float
    term_weight: float
    term_margin: float
    continuation: re.Pattern
    pronoun_speakers: frozenset
    passage_paragraphs: int
    value_window: int
    exclusive: dict  # topic -> topics it keeps from linking to points when both come from place names only
    conflict_topics: frozenset = frozenset()  # topics of any war, open to an article on no plan's subject
    conflict_subject: tuple = ()  # words showing an article is about an armed conflict
    conflict_chars: int = 1000


def place_spellings(name: str) -> list[str]:
    """Every spelling of every place in the shared gazetteer (rules/places.json, also
    read by the contradiction detectors), longest first."""
    data = json.loads((RULES.parent / name).read_text(encoding="utf-8"))
    spellings = {s for p in data["places"] for s in [p["name"], *p.get("spellings", [])]}
    return sorted(spellings, key=lambda s: (-len(s), s))


def _c(patterns) -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p, re.I) for p in patterns)


@lru_cache(maxsize=1)
def rules() -> Rules:
    lex = json.loads((RULES / "lexicon.json").read_text(encoding="utf-8"))
    cfg = json.loads((RULES / "linking.json").read_text(encoding="utf-8"))
    topics = {}
    for slug, spec in lex["topics"].items():
        weak = list(spec.get("weak", []))
        strong = list(spec.get("strong", []))
        if spec.get("places_file"):
            alt = alternation({p.lower() for p in place_spellings(spec["places_file"])})  # matched with re.I
            strong.append(rf"(?:{cfg['battlefield_verbs']})[^.;]{{0,60}}\b(?:{alt})\b")
            strong.append(rf"\b(?:{alt})\b[^.;]{{0,60}}(?:{cfg['battlefield_verbs']})")
        topics[slug] = (_c(strong), _c(weak), _c(spec.get("veto", [])))
    passages = cfg.get("passages", {})
    return Rules(
        threshold=float(lex.get("threshold", 1.0)), topics=topics,
        disputes=_c(cfg["relations"]["disputes"]), proposes=_c(cfg["relations"]["proposes"]),
        anaphora=re.compile(cfg["anaphora"], re.I), anaphora_sentences=int(cfg.get("anaphora_sentences", 2)),
        value_weight=float(cfg.get("value_weight", 0.6)), min_value=int(cfg.get("min_value", 1000)),
        subject_chars=int(cfg.get("subject_chars_per_mention", 2000)),
        term_threshold=float(cfg.get("terms", {}).get("threshold", 6.0)),
        term_weight=float(cfg.get("terms", {}).get("weight", 1.0)),
        term_margin=float(cfg.get("terms", {}).get("margin", 1.5)),
        continuation=re.compile(passages.get("continuation", r"(?!)"), re.I),
        pronoun_speakers=frozenset(w.lower() for w in passages.get("pronoun_speakers", [])),
        passage_paragraphs=int(passages.get("paragraphs", 2)),
        value_window=int(cfg.get("value_subject_window", 40)),
        exclusive={k: frozenset(v) for k, v in cfg.get("exclusive_topics", {}).items()},
        conflict_topics=frozenset(cfg.get("conflict_topics", {}).get("topics", ())),
        conflict_subject=tuple(cfg.get("conflict_topics", {}).get("subject", ())),
        conflict_chars=int(cfg.get("conflict_topics", {}).get("chars_per_mention", 1000)),
    )


@lru_cache(maxsize=1)
def _topic_index() -> tuple[PatternIndex, tuple[tuple[str, float], ...]]:
    """Every strong (1.0) and weak (0.5) topic pattern in one index."""
    patterns, owners = [], []
    for slug, (strong, weak, _veto) in rules().topics.items():
        for p in strong:
            patterns.append(p)
            owners.append((slug, 1.0))
        for p in weak:
            patterns.append(p)
            owners.append((slug, 0.5))
    return PatternIndex(patterns), tuple(owners)


def topic_scores(text: str) -> dict[str, float]:
    """Lexicon score per topic for a piece of text (curly apostrophes read as straight ones):
    1 for each strong pattern that matches, 0.5 for each weak one, unless a veto matches."""
    text = text.translate(QUOTES)
    index, owners = _topic_index()
    out: dict[str, float] = {}
    for i in index.matching(text):
        slug, weight = owners[i]
        out[slug] = out.get(slug, 0.0) + weight
    topics = rules().topics
    return {slug: v for slug, v in out.items() if not any(p.search(text) for p in topics[slug][2])}


@lru_cache(maxsize=1)
def _relation_index() -> tuple[PatternIndex, int]:
    """Dispute cues then proposal cues in one index, and where the proposal cues start."""
    r = rules()
    return PatternIndex(list(r.disputes) + list(r.proposes)), len(r.disputes)


def relation_of(text: str) -> str:
    index, first_proposal = _relation_index()
    found = index.matching(text)
    if not found:
        return "describes"
    return "disputes" if found[0] < first_proposal else "proposes"
