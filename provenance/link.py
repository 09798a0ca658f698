"""Link claims to topics and plan points (pure: no database import).

    link_claims(claims, index, article=article) -> list[LinkedClaim]

Topics come from the lexicon in rules/topics/lexicon.json (weighted patterns),
from values a claim shares with a plan point (600,000; $100 billion), and, for
a claim with no topic of its own that refers back ("this outcome"), from the
preceding sentences of its paragraph.  An article that does not talk about the
war and the plans at all (rules: linking.json 'subject') gives no topics.  A
topic with plan points gives links to the points of the plans the claim is
about: the plans named in the claim, else in its paragraph or the heading above
its list, else the plan the article talks about most, else every plan already
published when the article was (lower score).  Among a plan's points with the
topic the one whose wording shares most with the claim wins, so a list item is
linked by content, never by its position in the list.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from .pattern_index import PatternIndex, alternation
from .wordlists import word_list
from .records import ExtractedClaim, LinkedClaim, PointLink

RULES = Path(__file__).resolve().parent / "rules" / "topics"
BULLET = re.compile(r"^\s*(?:[•·▪◦*\-–—]|\d{1,2}[.)]\s)")
SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9•])")
WORD = re.compile(r"[a-z][a-z'-]+")
NUMBER = re.compile(r"\$?\s?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(trillion|billion|bn|million|mln|thousand)?\b", re.I)
SCALE = {"trillion": 10**12, "billion": 10**9, "bn": 10**9, "million": 10**6, "mln": 10**6, "thousand": 10**3}
STOP = word_list("link-stopwords")


# --- the plan index (built from plan files or from the database) ---

@dataclass(frozen=True, slots=True)
class IndexPoint:
    ref: str  # "us-28:19"
    plan: str
    number: int
    topic: str
    title: str
    text: str
    values: dict = field(default_factory=dict, compare=False, hash=False)
    # derived once here (not in a cache keyed by the point: values take no part in equality)
    numbers: frozenset = field(default=frozenset(), compare=False, hash=False, repr=False)
    words: frozenset = field(default=frozenset(), compare=False, hash=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "numbers", frozenset(_flat_numbers(self.values)))
        object.__setattr__(self, "words", frozenset(content_words(
            f"{self.title} {self.text} {' '.join(map(str, self.values))} {json.dumps(self.values)}")))


@dataclass(frozen=True, slots=True)
class IndexPlan:
    slug: str
    title: str
    date: str | None
    points: tuple[IndexPoint, ...]
    revision_of: str | None = None


@dataclass(frozen=True)
class PlanIndex:
    """What the linker needs to know about the plans."""

    plans: tuple[IndexPlan, ...] = ()

    @classmethod
    def from_records(cls, records: Iterable) -> "PlanIndex":
        """From PlanRecord-like objects (slug, title, date, revision_of, points with
        number/title/text/topic/values)."""
        plans = []
        for r in records:
            pts = tuple(IndexPoint(f"{r.slug}:{p.number}", r.slug, p.number, p.topic, p.title, p.text, dict(p.values or {}))
                        for p in sorted(r.points, key=lambda p: p.number))
            plans.append(IndexPlan(r.slug, r.title, r.date, pts, getattr(r, "revision_of", None)))
        return cls(tuple(plans))

    def point(self, ref: str) -> IndexPoint | None:
        return next((p for plan in self.plans for p in plan.points if p.ref == ref), None)


@dataclass(frozen=True)
class LinkContext:
    """The article a claim comes from (anything with .text and .published will do)."""

    text: str
    published: str | None = None


# --- rules ---

@dataclass(frozen=True)
class _Rules:
    threshold: float
    topics: dict  # slug -> (strong patterns, weak patterns, veto patterns)
    plan_cues: dict  # slug -> [patterns]
    disputes: tuple
    proposes: tuple
    anaphora: re.Pattern
    anaphora_sentences: int
    value_weight: float
    min_value: int
    subject: tuple = ()
    subject_chars: int = 2000


def place_spellings(name: str) -> list[str]:
    """Every spelling of every place in the shared gazetteer (rules/places.json, also
    read by the contradiction detectors), longest first."""
    data = json.loads((RULES.parent / name).read_text(encoding="utf-8"))
    spellings = {s for p in data["places"] for s in [p["name"], *p.get("spellings", [])]}
    return sorted(spellings, key=lambda s: (-len(s), s))


def _c(patterns) -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p, re.I) for p in patterns)


@lru_cache(maxsize=1)
def rules() -> _Rules:
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
    return _Rules(
        threshold=float(lex.get("threshold", 1.0)), topics=topics,
        plan_cues={k: _c(v) for k, v in cfg.get("plans", {}).items()},
        disputes=_c(cfg["relations"]["disputes"]), proposes=_c(cfg["relations"]["proposes"]),
        anaphora=re.compile(cfg["anaphora"], re.I), anaphora_sentences=int(cfg.get("anaphora_sentences", 2)),
        value_weight=float(cfg.get("value_weight", 0.6)), min_value=int(cfg.get("min_value", 1000)),
        subject=_c(cfg.get("subject", {}).get("patterns", [])),
        subject_chars=int(cfg.get("subject", {}).get("chars_per_mention", 2000)),
    )


# --- pieces ---

QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2010": "-", "\u2011": "-", "\u00a0": " "})


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


def topics_of(text: str) -> set[str]:
    t = rules().threshold
    return {k for k, v in topic_scores(text).items() if v >= t}


def numbers_in(text: str) -> set[int]:
    out = set()
    for m in NUMBER.finditer(text):
        try:
            n = float(m.group(1).replace(",", ""))
        except ValueError:
            continue
        out.add(int(round(n * SCALE.get((m.group(2) or "").lower(), 1))))
    return out


def _flat_numbers(value) -> set[int]:
    if isinstance(value, bool):
        return set()
    if isinstance(value, (int, float)):
        return {int(value)}
    if isinstance(value, dict):
        return set().union(*(_flat_numbers(v) for v in value.values())) if value else set()
    if isinstance(value, (list, tuple)):
        return set().union(*(_flat_numbers(v) for v in value)) if value else set()
    return set()


@lru_cache(maxsize=65536)
def _stem(w: str) -> str:
    w = w.strip("'-").removesuffix("'s")
    for suf in ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "ed", "es", "s"):
        if len(w) > len(suf) + 3 and w.endswith(suf):
            return w[: -len(suf)]
    return w


def content_words(text: str) -> set[str]:
    return {_stem(w) for w in WORD.findall(text.lower()) if len(w) > 2 and w not in STOP}


def plans_named(text: str, index: PlanIndex) -> dict[str, int]:
    """How often each plan is named in `text` ("28-point", "28 points", rule cues)."""
    return dict(_plans_named(text, tuple((plan.slug, len(plan.points)) for plan in index.plans)))


@lru_cache(maxsize=64)
def _plan_cue_patterns(slug: str, n: int) -> tuple[re.Pattern, ...]:
    return (re.compile(rf"\b{n}[- ]point\b|\b{n} points\b", re.I),) + tuple(rules().plan_cues.get(slug, ()))


@lru_cache(maxsize=16)
def _plan_cue_index(plans: tuple[tuple[str, int], ...]) -> tuple[PatternIndex, tuple[str, ...]]:
    """Every plan's cue patterns in one index, with the plan each belongs to."""
    patterns, owners = [], []
    for slug, n in plans:
        for pattern in _plan_cue_patterns(slug, n):
            patterns.append(pattern)
            owners.append(slug)
    return PatternIndex(patterns), tuple(owners)


@lru_cache(maxsize=2048)
def _plans_named(text: str, plans: tuple[tuple[str, int], ...]) -> tuple[tuple[str, int], ...]:
    """Memoised per text: the paragraphs and headings of an article are asked about once per claim."""
    index, owners = _plan_cue_index(plans)
    counts: dict[str, int] = {}
    for i, n in index.counts(text).items():
        counts[owners[i]] = counts.get(owners[i], 0) + n
    return tuple((slug, counts[slug]) for slug, _ in plans if counts.get(slug))


@lru_cache(maxsize=256)
def on_subject(text: str) -> bool:
    """Whether an article is about the war and the plans at all: at least one mention of
    the subject (rules: linking.json 'subject') per `chars_per_mention` characters.  Claims
    of an article that is not get no topics from the lexicon (a port strike's "talks" are
    not the peace talks)."""
    r = rules()
    if not text or not r.subject:
        return True
    hits = sum(_subject_index().counts(text).values())
    return hits >= max(1, len(text) // max(1, r.subject_chars))


@lru_cache(maxsize=1)
def _subject_index() -> PatternIndex:
    return PatternIndex(list(rules().subject))


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


def _paragraph(text: str, start: int) -> tuple[int, int]:
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", start)
    return a, (len(text) if b < 0 else b)


def _heading_text(text: str, para_start: int, max_paragraphs: int = 2) -> str:
    """The non-list paragraphs just above the list a paragraph belongs to (or above it)."""
    out, pos, taken = [], para_start, 0
    while pos > 0 and taken < max_paragraphs:
        a, b = _paragraph(text, pos - 1)
        para = text[a:b]
        if not BULLET.match(para):
            out.append(para)
            taken += 1
        pos = a
    return "\n".join(out)


def _preceding_sentences(text: str, para_start: int, start: int, n: int) -> str:
    before = text[para_start:start].strip()
    if not before:
        return ""
    return " ".join(SENTENCE_END.split(before)[-n:])


def _allowed_by_date(index: PlanIndex, published: str | None) -> set[str]:
    day = (published or "")[:10]
    return {p.slug for p in index.plans if not (day and p.date and p.date[:10] > day)}


# --- the stage ---

def link_claims(claims: list[ExtractedClaim], index: PlanIndex | None, *, article=None,
                context: LinkContext | None = None) -> list[LinkedClaim]:
    """Give each claim its topics and plan-point links (see the module doc)."""
    ctx = context or article
    text = getattr(ctx, "text", "") or ""
    published = getattr(ctx, "published", None)
    index = index or PlanIndex()
    allowed = _allowed_by_date(index, published)
    article_plans = {k: v for k, v in plans_named(text, index).items() if k in allowed}
    relevant = on_subject(text)
    out = []
    for c in claims:
        if not relevant:
            out.append(LinkedClaim(claim=c, links=(), topics=tuple(sorted(set(c.topics or ())))))
            continue
        span = text[c.start:c.end] if text and 0 <= c.start < c.end <= len(text) else (c.quote or "")
        out.append(_link_one(c, span, text, index, allowed, article_plans))
    return out


def _link_one(c, span, text, index, allowed, article_plans) -> LinkedClaim:
    r = rules()
    scores = topic_scores(span)
    # values shared with plan points ("600,000", "$100 billion")
    nums = {n for n in numbers_in(span) if n >= r.min_value}
    value_hits: dict[str, set[str]] = {}
    if nums:
        for plan in index.plans:
            for p in plan.points:
                if not nums.isdisjoint(p.numbers):
                    value_hits.setdefault(p.topic, set()).add(p.ref)
                    scores[p.topic] = scores.get(p.topic, 0.0) + r.value_weight
    topics = {k for k, v in scores.items() if v >= r.threshold}
    if not topics and text and r.anaphora.search(span):
        a, _ = _paragraph(text, c.start)
        prev = _preceding_sentences(text, a, c.start, r.anaphora_sentences)
        if prev:
            topics = topics_of(prev)
    topics |= set(c.topics or ())
    links = _point_links(c, span, text, topics, value_hits, index, allowed, article_plans) if index.plans else ()
    ordered = tuple(sorted(topics))
    return LinkedClaim(claim=c, links=links, topics=ordered)


def _choose_plans(c, span, text, allowed, article_plans, index) -> tuple[set[str], float]:
    named = plans_named(span, index)
    if named:
        return set(named), 0.9
    if text:
        a, b = _paragraph(text, c.start)
        para = {k for k in plans_named(text[a:b], index) if k in allowed}
        if para:
            return para, 0.8
        head = {k for k in plans_named(_heading_text(text, a), index) if k in allowed}
        if head:
            return head, 0.7
    if article_plans:
        top = max(article_plans.values())
        best = {k for k, v in article_plans.items() if v == top}
        return best, (0.6 if len(best) == 1 else 0.5)
    return set(allowed), 0.4


def _point_links(c, span, text, topics, value_hits, index, allowed, article_plans) -> tuple[PointLink, ...]:
    plans, conf = _choose_plans(c, span, text, allowed, article_plans, index)
    words = content_words(span)
    relation = relation_of(span)
    links: list[PointLink] = []
    for topic in sorted(topics):
        hits = value_hits.get(topic, set())
        # a value shared with a point decides the plan unless the claim names another
        chosen = plans | {ref.split(":")[0] for ref in hits} if conf >= 0.9 else (
            {ref.split(":")[0] for ref in hits} or plans)
        for plan in index.plans:
            if plan.slug not in chosen:
                continue
            cands = [p for p in plan.points if p.topic == topic]
            if not cands:
                continue
            sims = {p.ref: len(words & p.words) + (3 if p.ref in hits else 0) for p in cands}
            best = max(sims.values())
            for p in cands:
                if sims[p.ref] == best:
                    bonus = min(best, 5) * 0.02
                    score = min(0.99, (0.95 if p.ref in hits else conf) + bonus)
                    links.append(PointLink(point=p.ref, relation=relation, score=round(score, 3)))
    return tuple(links)
