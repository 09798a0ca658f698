"""The link stage: each claim's topics and plan-point links.

An article gets the topics of the plans whose negotiation it talks about (each
plan's `subject` words, or the names its text uses, at least once per
`subject_chars_per_mention` characters).  A claim's topic scores come from
  - its topic's cues, from the plan file (1.0 each),
  - the term index built from the plans' own words (see index.py): a claim whose
    terms weigh `terms.threshold` or more for a topic gets `terms.weight`,
  - the hand lexicon (rules/topics/lexicon.json), an optional boost for the topic
    slugs it knows,
  - values it shares with a point, when the subject next to the number matches
    the point's (values.py);
a claim with no topic that refers back ("this outcome") takes the topics of the
preceding sentences of its paragraph, any other claim with no topic those of all
the sentences before it in its paragraph, and a claim that continues a passage takes
the topics and links of the claim before it (passages.py).  A topic with plan
points gives links to the points of the plans the claim is about: the plans
named in the claim (each plan's `names`, or "N-point"), else in its paragraph or
the heading above its list, else the plan the article talks about most, else
every plan already published when the article was (lower score).  Among a plan's
points with the topic, the one whose wording shares most with the claim wins.
"""
from __future__ import annotations

import math
import re
from functools import lru_cache

from ..pattern_index import PatternIndex
from ..records import ExtractedClaim, LinkedClaim, PointLink
from .index import PlanIndex
from .lexicon import relation_of, rules, topic_scores
from .passages import carry
from .values import value_hits
from .words import QUOTES, content_words, terms

BULLET = re.compile(r"^\s*(?:[•·▪◦*\-–—]|\d{1,2}[.)]\s)")
SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9•])")


class LinkContext:
    """The article a claim comes from (anything with .text and .published will do)."""

    def __init__(self, text: str, published: str | None = None):
        self.text, self.published = text, published


# --- which plans an article is about ---

@lru_cache(maxsize=64)
def _subject_index(patterns: tuple[str, ...]) -> PatternIndex:
    return PatternIndex([re.compile(p, re.I) for p in patterns])


def plans_on_subject(text: str, index: PlanIndex) -> set[str]:
    """The plans whose negotiation an article talks about (see the module doc)."""
    need = max(1, len(text or "") // max(1, rules().subject_chars))
    out = set()
    for plan in index.plans:
        subject = plan.derived_subject()
        if not text or not subject or sum(_subject_index(subject).counts(text).values()) >= need:
            out.add(plan.slug)
    return out


def about_a_war(text: str) -> bool:
    """Is an article about an armed conflict (linking.json conflict_topics subject words)?"""
    r = rules()
    if not r.conflict_subject:
        return False
    need = max(1, len(text) // max(1, r.conflict_chars))
    return sum(_subject_index(r.conflict_subject).counts(text).values()) >= need


def on_subject(text: str, index: PlanIndex) -> bool:
    return bool(plans_on_subject(text, index))


@lru_cache(maxsize=64)
def _plan_cue_index(plans: tuple[tuple[str, int, tuple[str, ...]], ...]) -> tuple[PatternIndex, tuple[str, ...]]:
    """Every plan's naming patterns in one index, with the plan each belongs to."""
    patterns, owners = [], []
    for slug, n, names in plans:
        for p in (rf"\b{n}[- ]point\b|\b{n} points\b", *names):
            patterns.append(re.compile(p, re.I))
            owners.append(slug)
    return PatternIndex(patterns), tuple(owners)


def plans_named(text: str, index: PlanIndex) -> dict[str, int]:
    """How often each plan is named in `text` ("28-point", "28 points", its names)."""
    key = tuple((plan.slug, len(plan.points), plan.names) for plan in index.plans)
    return dict(_plans_named(text, key))


@lru_cache(maxsize=2048)
def _plans_named(text: str, plans) -> tuple[tuple[str, int], ...]:
    pindex, owners = _plan_cue_index(plans)
    counts: dict[str, int] = {}
    for i, n in pindex.counts(text).items():
        counts[owners[i]] = counts.get(owners[i], 0) + n
    return tuple((slug, counts[slug]) for slug, _, _ in plans if counts.get(slug))


# --- topics of a piece of text ---

def scores_of(span: str, index: PlanIndex, allowed: set[str]) -> dict[str, float]:
    """Topic scores of a piece of text from cues, the term index and the lexicon."""
    r = rules()
    text = span.translate(QUOTES)
    scores = {k: v for k, v in topic_scores(text).items() if k in allowed}
    for slug, pats in index.cue_patterns.items():
        if pats and slug in allowed:
            hits = sum(1 for p in pats if p.search(text))
            if hits:
                scores[slug] = scores.get(slug, 0.0) + hits
    best = term_topic(text, index, allowed)
    if best:
        scores[best] = scores.get(best, 0.0) + r.term_weight
    return scores


def term_topic(text: str, index: PlanIndex, allowed: set[str]) -> str | None:
    """The topic the plans' own words point to (index.py), among the allowed topics the
    hand lexicon does not know: the best one, when its terms weigh `terms.threshold`
    times a term only one topic has, and `terms.margin` times the next one's."""
    r = rules()
    candidates = [(slug, w) for slug, w in index.topic_terms.items() if slug in allowed and slug not in r.topics]
    if not candidates:
        return None
    mine = terms(text)
    ranked = sorted(((sum(w.get(t, 0.0) for t in mine), slug) for slug, w in candidates), reverse=True)
    unit = math.log(len(index.topic_terms) + 1)  # the weight of a term only one topic has
    if not ranked or ranked[0][0] < r.term_threshold * unit:
        return None
    if len(ranked) > 1 and ranked[0][0] < r.term_margin * ranked[1][0]:
        return None
    return ranked[0][1]


def topics_of(text: str, index: PlanIndex | None = None, allowed: set[str] | None = None) -> set[str]:
    index = index or PlanIndex()
    allowed = set(index.topics) if allowed is None else allowed
    return {k for k, v in scores_of(text, index, allowed).items() if v >= rules().threshold}


# --- the stage ---

def link_claims(claims: list[ExtractedClaim], index: PlanIndex | None, *, article=None,
                context: LinkContext | None = None) -> list[LinkedClaim]:
    """Give each claim its topics and plan-point links (see the module doc)."""
    ctx = context or article
    text = getattr(ctx, "text", "") or ""
    published = getattr(ctx, "published", None)
    index = index or PlanIndex()
    allowed_plans = _allowed_by_date(index, published)
    on = plans_on_subject(text, index)
    topics = {slug for plan in index.plans if plan.slug in on for slug in plan.topics}
    if not topics and text and about_a_war(text):
        topics = set(rules().conflict_topics) & set(rules().topics)  # another war: its topics, no plan's points
    article_plans = {k: v for k, v in plans_named(text, index).items() if k in allowed_plans}
    out, own = [], []
    memo: dict[str, set[str]] = {}  # topics of context text, asked about once per article
    for c in claims:
        if not topics:
            out.append(LinkedClaim(claim=c, links=(), topics=tuple(sorted(set(c.topics or ())))))
            own.append(False)
            continue
        span = text[c.start:c.end] if text and 0 <= c.start < c.end <= len(text) else (c.quote or "")
        lc, found = _link_one(c, span, text, index, topics, allowed_plans & on, article_plans, memo)
        out.append(lc)
        own.append(found)
    return carry(out, own, text, rules(), relation_of)


def _allowed_by_date(index: PlanIndex, published: str | None) -> set[str]:
    day = (published or "")[:10]
    return {p.slug for p in index.plans if not (day and p.date and p.date[:10] > day)}


def _link_one(c, span, text, index, allowed_topics, allowed, article_plans, memo) -> tuple[LinkedClaim, bool]:
    r = rules()
    confirmed: set[str] = set()
    rejected: list[tuple[int, int]] = []
    found_values = value_hits(span, index, r.min_value, r.value_window, rejected, confirmed)
    masked = span
    for a, b in rejected:
        masked = masked[:a] + " " * (b - a) + masked[b:]
    scores = scores_of(masked, index, allowed_topics)
    named = set(plans_named(span, index))
    hits = {k: {ref for ref in v if ref.split(":")[0] in allowed | named}
            for k, v in found_values.items() if k in allowed_topics}
    hits = {k: v for k, v in hits.items() if v}
    for topic, refs in hits.items():  # a value whose subject is named as the point's counts in full
        scores[topic] = scores.get(topic, 0.0) + (r.threshold if refs & confirmed else r.value_weight)
    topics = _exclusive({k for k, v in scores.items() if v >= r.threshold}, span, index, r)
    found = bool(topics)
    if not topics and text:
        a, b = _paragraph(text, c.start)
        if r.anaphora.search(span):
            prev = _preceding_sentences(text, a, c.start, r.anaphora_sentences)
            topics = _memo_topics(memo, prev, index, allowed_topics) if prev else set()
        if not topics:  # the passage so far: the sentences before it in its paragraph
            before = text[a:c.start]
            topics = _memo_topics(memo, before, index, allowed_topics) if before.strip() else set()
    topics |= set(c.topics or ())
    links = _point_links(c, span, text, topics, hits, index, allowed, article_plans) if index.plans else ()
    return LinkedClaim(claim=c, links=links, topics=tuple(sorted(topics))), found or bool(topics)


def _memo_topics(memo: dict, text: str, index: PlanIndex, allowed: set[str]) -> set[str]:
    if text not in memo:
        memo[text] = _exclusive(topics_of(text, index, allowed), text, index, rules())
    return memo[text]


NAME = re.compile(r"\b[A-Z][\w'’-]*")


def _exclusive(topics: set[str], span: str, index: PlanIndex, r) -> set[str]:
    """A topic that excludes another (linking.json exclusive_topics: a report of who holds
    a town is no claim about the plan's territory point) keeps it only when the other's
    evidence does not rest on names alone (scored again with every name masked)."""
    for a, others in r.exclusive.items():
        clash = topics & others if a in topics else set()
        if clash:
            masked = scores_of(NAME.sub("X", span), index, clash)
            topics = topics - {b for b in clash if masked.get(b, 0.0) < r.threshold}
    return topics


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


def _choose_plans(c, span, text, allowed, article_plans, index) -> tuple[set[str], float]:
    named = {k for k in plans_named(span, index)}
    if named:
        return named, 0.9
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
