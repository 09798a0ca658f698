"""Frozen records passed between the pipeline stages.

Every offset is a Python string index (Unicode code points) into the stored,
normalised article text (`Article.text`); `end` is exclusive.  No stage
imports the database layer; stages take and return these records.
"""
from __future__ import annotations

from dataclasses import dataclass, field

CLAIM_KINDS = ("direct", "indirect", "mixed", "document")
SPEAKER_TYPES = ("person", "organization", "anonymous", "document", "outlet")
LINK_RELATIONS = ("describes", "proposes", "disputes")


@dataclass(frozen=True, slots=True)
class Article:
    """An article as read from disk: normalised text plus metadata.

    `meta_origin` says where each metadata field came from
    (e.g. {"outlet": "sidecar", "published": "dateline"}).
    """

    path: str
    text: str
    sha256: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO date "YYYY-MM-DD" or full ISO datetime
    author: str | None = None
    url: str | None = None
    encoding: str = "utf-8"
    fmt: str = "text"  # "text" | "markdown" | "html"
    meta_origin: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int  # index of the paragraph that holds it


@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int
    end: int
    index: int


@dataclass(frozen=True, slots=True)
class Segments:
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True, slots=True)
class ExtractedClaim:
    """One attributed claim as the extractor found and resolved it.

    speaker_name: canonical name (None when unresolved; then `unresolved`
    gives the reason).  speaker_mention: the words of the article that name
    the source ("he", "the spokesman", "Peskov").  via: relay outlets,
    nearest to the speaker first, canonical outlet names.
    """

    start: int
    end: int
    kind: str  # one of CLAIM_KINDS
    cue: str  # "said", "according to", "told", ":" ...
    rule: str  # which rule produced it
    speaker_name: str | None
    speaker_mention: str | None
    speaker_type: str | None  # one of SPEAKER_TYPES
    role: str | None = None
    quote: str | None = None  # the quoted words, if any
    via: tuple[str, ...] = ()
    unresolved: str | None = None  # reason the speaker could not be resolved
    aliases: tuple[str, ...] = ()  # other forms of the speaker's name seen in the article
    topics: tuple[str, ...] = ()  # topic slugs (filled by link stage)


@dataclass(frozen=True, slots=True)
class PointLink:
    point: str  # "us-28:19"
    relation: str  # one of LINK_RELATIONS
    score: float


@dataclass(frozen=True, slots=True)
class LinkedClaim:
    claim: ExtractedClaim
    links: tuple[PointLink, ...] = ()
    topics: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ClaimView:
    """A stored claim as the contradiction detectors see it."""

    id: int
    uid: str
    source_id: int
    text: str
    quote: str | None
    kind: str
    speaker: str | None
    speaker_type: str | None
    outlet: str | None
    published: str | None
    topics: tuple[str, ...] = ()
    points: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Finding:
    """A contradiction found by a detector, before it is stored."""

    kind: str  # "value" | "share" | "control" | "denial" | "position"
    claims: tuple[int, ...]  # ClaimView ids
    topic: str | None
    point: str | None
    values: tuple[str, ...]
    explanation: str
    detector: str
    extra: dict = field(default_factory=dict, compare=False, hash=False)
