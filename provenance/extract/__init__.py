"""Claim extraction: segment -> attribution passes -> assemble -> resolve.

    extract_claims(article) -> list[ExtractedClaim]

`model.build` makes the document model (sentences, tokens, quotations);
the passes in `PASSES` each add their own annotations to it, in this order;
`assemble` turns the annotations into attributions, and
provenance.resolve gives each its speaker.
"""
from __future__ import annotations

from provenance.records import Article, ExtractedClaim
from provenance.resolve import resolve_claims

from . import blocks, clauses, cues, documents, intros, relays, speech
from .assemble import assemble
from .model import Doc, build

# the attribution passes, in order: each reads what the earlier ones wrote
PASSES = (
    ("blocks", blocks.run),  # paragraphs to read (no furniture, no repeated heading)
    ("cues", cues.run),  # cue and outlet words; sentences worth reading
    ("intros", intros.run),  # list intros and colon speakers
    ("speech", speech.run),  # cue frames of each sentence
    ("clauses", clauses.run),  # each frame's claim span and kind
    ("documents", documents.run),  # document claims, list items, passages; sentences read
    ("relays", relays.run),  # relay outlets of the sentences read
)


def annotate(article: Article) -> Doc:
    doc = build(article)
    for _name, run in PASSES:
        run(doc)
    return doc


def extract_claims(article: Article) -> list[ExtractedClaim]:
    if not (article.text or "").strip():
        return []
    doc = annotate(article)
    return resolve_claims(article, assemble(doc), doc.seg, doc.masked)
