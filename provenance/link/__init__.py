"""Link claims to topics and plan points (pure: no database import).

    link_claims(claims, index, article=article) -> list[LinkedClaim]

index.py     the loaded plans, their own topics and the term index from their words
lexicon.py   the optional hand lexicon and the linker's rules (rules/topics/)
values.py    values shared with a point, gated by whose value it is
passages.py  topics and links carried along a passage
stage.py     the stage itself (its doc says how a claim gets topics and links)
revisions.py which point of a plan revises which point of the plan it revises
"""
from __future__ import annotations

from .index import IndexPlan, IndexPoint, PlanIndex
from .lexicon import _topic_index, place_spellings, relation_of, rules, topic_scores
from .stage import LinkContext, link_claims, on_subject, plans_named, plans_on_subject, topics_of
from .words import content_words, numbers_in

__all__ = ["IndexPlan", "IndexPoint", "PlanIndex", "LinkContext", "link_claims", "on_subject", "plans_named",
           "plans_on_subject", "topics_of", "topic_scores", "relation_of", "rules", "place_spellings",
           "content_words", "numbers_in", "_topic_index"]
