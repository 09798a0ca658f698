"""The linker's view of the loaded plans: points, the plans' own topics, the phrases
that name each plan, the words of each plan's negotiation, and a term index built
from the plans' own words.

The term index: for every topic, the terms (content words and two-word terms) of
its description and cues and of the title, text and value names of every point
with that topic; each term is weighted by how specific it is across the topics of
all loaded plans (log(topics / topics with the term)), so "plant" counts where
only one topic has it and "agreement" hardly counts anywhere.
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Iterable

from .words import content_words, flat_numbers, terms

NAME = re.compile(r"\b[A-Z][\w'’.-]*")  # names are the plan's subject, not a topic's terms
CAPITAL = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][A-Za-z]{2,}(?:\s+[A-Z][A-Za-z]{2,})*)")


@dataclass(frozen=True, slots=True)
class IndexPoint:
    ref: str  # "us-28:19"
    plan: str
    number: int
    topic: str
    title: str
    text: str
    values: dict = field(default_factory=dict, compare=False, hash=False)
    numbers: frozenset = field(default=frozenset(), compare=False, hash=False, repr=False)
    words: frozenset = field(default=frozenset(), compare=False, hash=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "numbers", frozenset(flat_numbers(self.values)))
        object.__setattr__(self, "words", frozenset(content_words(
            f"{self.title} {self.text} {' '.join(map(str, self.values))} {json.dumps(self.values)}")))

    def index_text(self) -> str:
        keys = " ".join(str(k).replace("_", " ") for k in self.values)
        return f"{self.title}. {self.text}. {keys}"


@dataclass(frozen=True, slots=True)
class IndexPlan:
    slug: str
    title: str
    date: str | None
    points: tuple[IndexPoint, ...]
    revision_of: str | None = None
    topics: dict = field(default_factory=dict, compare=False, hash=False)  # slug -> {"description", "cues"}
    names: tuple[str, ...] = ()
    subject: tuple[str, ...] = ()
    revises: dict = field(default_factory=dict, compare=False, hash=False)

    def derived_subject(self) -> tuple[str, ...]:
        """The plan's own subject words, or the names its text uses (capitalised words
        not at a sentence start) when it gives none."""
        if self.subject:
            return self.subject
        text = " ".join([self.title, *(f"{p.title}. {p.text}" for p in self.points),
                         *(t.get("description", "") for t in self.topics.values())])
        found = {m.group(1) for m in CAPITAL.finditer(text)}
        return tuple(sorted(rf"\b{re.escape(w)}" for w in found if len(w) > 3))


@dataclass(frozen=True)
class PlanIndex:
    """What the linker needs to know about the plans."""

    plans: tuple[IndexPlan, ...] = ()

    @classmethod
    def from_records(cls, records: Iterable) -> "PlanIndex":
        """From PlanRecord-like objects (plan files or stored plans)."""
        plans = []
        for r in records:
            pts = tuple(IndexPoint(f"{r.slug}:{p.number}", r.slug, p.number, p.topic, p.title, p.text,
                                   dict(p.values or {}))
                        for p in sorted(r.points, key=lambda p: p.number))
            topics = dict(getattr(r, "topics", None) or {})
            for p in pts:  # a stored plan from before topics were kept: its points' topics
                topics.setdefault(p.topic, {"description": p.title, "cues": []})
            plans.append(IndexPlan(r.slug, r.title, r.date, pts, getattr(r, "revision_of", None), topics,
                                   tuple(getattr(r, "names", None) or ()), tuple(getattr(r, "subject", None) or ()),
                                   dict(getattr(r, "revises", None) or {})))
        return cls(tuple(plans))

    def point(self, ref: str) -> IndexPoint | None:
        return self._points.get(ref)

    @cached_property
    def _points(self) -> dict[str, IndexPoint]:
        return {p.ref: p for plan in self.plans for p in plan.points}

    @cached_property
    def topics(self) -> dict[str, dict]:
        """Every topic of every plan: slug -> {"description", "cues", "plans"}."""
        out: dict[str, dict] = {}
        for plan in self.plans:
            for slug, t in plan.topics.items():
                row = out.setdefault(slug, {"description": t.get("description", ""), "cues": [], "plans": []})
                row["cues"] = sorted(set(row["cues"]) | set(t.get("cues") or []))
                row["plans"].append(plan.slug)
        return out

    @cached_property
    def topic_terms(self) -> dict[str, dict[str, float]]:
        """topic -> {term: weight}: the term index (see the module doc)."""
        raw: dict[str, set[str]] = {}
        for slug, t in self.topics.items():
            text = " ".join([t["description"], *(c for c in t["cues"] if re.fullmatch(r"[\w' -]+", c))])
            raw[slug] = terms(NAME.sub(" ", text)) | terms(slug.replace("_", " ").replace("-", " "))
        for plan in self.plans:
            for p in plan.points:
                raw.setdefault(p.topic, set()).update(terms(NAME.sub(" ", p.index_text())))
        n = len(raw) + 1
        df: dict[str, int] = {}
        for ts in raw.values():
            for term in ts:
                df[term] = df.get(term, 0) + 1
        return {slug: {term: math.log(n / df[term]) * (1.5 if " " in term else 1.0) for term in ts}
                for slug, ts in raw.items()}

    @cached_property
    def cue_patterns(self) -> dict[str, tuple[re.Pattern, ...]]:
        """topic -> its cues as whole-word, case-insensitive patterns."""
        return {slug: tuple(re.compile(rf"(?<!\w)(?:{c})(?!\w)", re.I) for c in t["cues"])
                for slug, t in self.topics.items()}
