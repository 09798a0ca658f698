"""The relational schema (SQLAlchemy 2 typed ORM).

Alembic migrations in `migrations/` are the only source of the schema; these
models describe it for the ORM and `alembic check` proves they agree.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Outlet(Base):
    __tablename__ = "outlets"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(20), default="outlet")  # outlet | agency


class Source(Base):
    """One stored article: normalised text plus metadata."""

    __tablename__ = "sources"
    # the columns `who-said` orders its hits by, without the article text (read by id on SQLite)
    __table_args__ = (Index("ix_sources_id_outlet_published", "id", "outlet_id", "published"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    path: Mapped[str] = mapped_column(String(1000))
    url: Mapped[str | None] = mapped_column(String(2000))
    title: Mapped[str | None] = mapped_column(String(1000))
    author: Mapped[str | None] = mapped_column(String(300))
    outlet_id: Mapped[int | None] = mapped_column(ForeignKey("outlets.id"), index=True)
    published: Mapped[str | None] = mapped_column(String(40), index=True)  # ISO date or datetime
    fmt: Mapped[str] = mapped_column(String(20), default="text")
    encoding: Mapped[str] = mapped_column(String(40), default="utf-8")
    meta_origin: Mapped[dict] = mapped_column(JSON, default=dict)  # field -> where it came from
    text: Mapped[str] = mapped_column(Text)
    ingested_at: Mapped[datetime] = mapped_column(DateTime)
    extracted_with: Mapped[str | None] = mapped_column(String(40))  # extractor version

    outlet: Mapped[Outlet | None] = relationship()
    claims: Mapped[list[Claim]] = relationship(back_populates="source", cascade="all, delete-orphan")


class Speaker(Base):
    """A canonical speaker.  `key` is the normalised identity; anonymous
    speakers are scoped to their article (no identity assumed across articles)."""

    __tablename__ = "speakers"
    # a speaker found by name case-insensitively, `lower(name) IN (...)` (migration 0003)
    __table_args__ = (Index("ix_speakers_lower_name", func.lower(text("name"))),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(400), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    type: Mapped[str] = mapped_column(String(20))  # person|organization|anonymous|document|outlet

    aliases: Mapped[list[SpeakerAlias]] = relationship(back_populates="speaker", cascade="all, delete-orphan")


class SpeakerAlias(Base):
    __tablename__ = "speaker_aliases"
    __table_args__ = (UniqueConstraint("speaker_id", "alias", name="uq_speaker_aliases_speaker_alias"),
                      # any spelling, case-insensitively: `lower(alias) IN (...)` (migration 0003)
                      Index("ix_speaker_aliases_lower_alias", func.lower(text("alias"))))
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    speaker_id: Mapped[int] = mapped_column(ForeignKey("speakers.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(String(300))

    speaker: Mapped[Speaker] = relationship(back_populates="aliases")


class Claim(Base):
    """One attributed claim with its evidence: offsets into the source text,
    the rule that made it, the speaker as written and as resolved."""

    __tablename__ = "claims"
    __table_args__ = (
        Index("ix_claims_source_start", "source_id", "start"),
        # one speaker's claims in document order, read straight off the index (`claims --speaker`)
        Index("ix_claims_speaker_source_start", "speaker_id", "source_id", "start"),
        # the columns `who-said` groups and orders its hits by, without the wide rows (read by id on SQLite)
        Index("ix_claims_id_speaker_source_start", "id", "speaker_id", "source_id", "start"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(40), unique=True)  # stable export id
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"))
    speaker_id: Mapped[int | None] = mapped_column(ForeignKey("speakers.id"))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    quote: Mapped[str | None] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(20), index=True)
    cue: Mapped[str] = mapped_column(String(80))
    rule: Mapped[str] = mapped_column(String(80))
    mention: Mapped[str | None] = mapped_column(String(300))
    speaker_type: Mapped[str | None] = mapped_column(String(20))
    role: Mapped[str | None] = mapped_column(String(300))
    unresolved: Mapped[str | None] = mapped_column(String(300))
    topics: Mapped[list] = mapped_column(JSON, default=list)

    source: Mapped[Source] = relationship(back_populates="claims")
    speaker: Mapped[Speaker | None] = relationship()
    relays: Mapped[list[ClaimRelay]] = relationship(
        cascade="all, delete-orphan", order_by="ClaimRelay.position"
    )
    links: Mapped[list[ClaimPoint]] = relationship(cascade="all, delete-orphan")


class ClaimRelay(Base):
    """One hop of a claim's relay chain; position 0 is nearest the speaker."""

    __tablename__ = "claim_relays"
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    outlet_id: Mapped[int] = mapped_column(ForeignKey("outlets.id"), index=True)

    outlet: Mapped[Outlet] = relationship()


class Plan(Base):
    __tablename__ = "plans"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    slug: Mapped[str] = mapped_column(String(60), unique=True)  # "us-28"
    title: Mapped[str] = mapped_column(String(300))
    date: Mapped[str | None] = mapped_column(String(40))
    published_at: Mapped[list] = mapped_column(JSON, default=list)  # where its text was published
    revision_of: Mapped[str | None] = mapped_column(String(60))
    file_sha256: Mapped[str | None] = mapped_column(String(64))
    topics: Mapped[dict | None] = mapped_column(JSON)  # slug -> {"description", "cues"}
    names: Mapped[list | None] = mapped_column(JSON)  # phrases that name the plan
    subject: Mapped[list | None] = mapped_column(JSON)  # words of its negotiation
    revises: Mapped[dict | None] = mapped_column(JSON)  # this plan's point -> earlier points

    points: Mapped[list[PlanPoint]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", order_by="PlanPoint.number"
    )


class PlanPoint(Base):
    __tablename__ = "plan_points"
    __table_args__ = (UniqueConstraint("plan_id", "number", name="uq_plan_points_plan_number"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(300))
    text: Mapped[str] = mapped_column(Text)
    topic: Mapped[str] = mapped_column(String(60), index=True)
    values: Mapped[dict] = mapped_column(JSON, default=dict)

    plan: Mapped[Plan] = relationship(back_populates="points")

    @property
    def ref(self) -> str:
        return f"{self.plan.slug}:{self.number}"


class ClaimPoint(Base):
    __tablename__ = "claim_points"
    # a point's claims without reading the table rows (`point`, `claims --point`)
    __table_args__ = (Index("ix_claim_points_point_claim", "point_id", "claim_id"),)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True)
    point_id: Mapped[int] = mapped_column(ForeignKey("plan_points.id", ondelete="CASCADE"), primary_key=True)
    relation: Mapped[str] = mapped_column(String(20))  # describes | proposes | disputes
    score: Mapped[float] = mapped_column(Float)

    point: Mapped[PlanPoint] = relationship()


class Contradiction(Base):
    """A pair (or set) of claims that cannot both be true.  `key` is a
    deterministic hash of kind + claim uids so re-detection adds nothing
    and an editor's ruling survives it."""

    __tablename__ = "contradictions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(20), index=True)  # value|share|control|denial|position
    topic: Mapped[str | None] = mapped_column(String(60), index=True)
    point_id: Mapped[int | None] = mapped_column(ForeignKey("plan_points.id", ondelete="SET NULL"), index=True)
    values: Mapped[list] = mapped_column(JSON, default=list)
    sides: Mapped[list | None] = mapped_column(JSON, nullable=True)  # [{party, assertion, stance}], if any
    explanation: Mapped[str] = mapped_column(Text)
    detector: Mapped[str] = mapped_column(String(80))
    block: Mapped[str | None] = mapped_column(String(200), nullable=True, index=True)  # migration 0008
    status: Mapped[str] = mapped_column(String(20), default="open", index=True)  # open|confirmed|dismissed
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)

    point: Mapped[PlanPoint | None] = relationship()
    members: Mapped[list[ContradictionClaim]] = relationship(
        cascade="all, delete-orphan", order_by="ContradictionClaim.position"
    )
    reviews: Mapped[list[ContradictionReview]] = relationship(
        cascade="all, delete-orphan", order_by="ContradictionReview.id"
    )


class ContradictionClaim(Base):
    __tablename__ = "contradiction_claims"
    contradiction_id: Mapped[int] = mapped_column(
        ForeignKey("contradictions.id", ondelete="CASCADE"), primary_key=True
    )
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True, index=True)
    position: Mapped[int] = mapped_column(Integer)
    value: Mapped[str | None] = mapped_column(String(300))  # the words that conflict
    side: Mapped[int | None] = mapped_column(Integer, nullable=True)  # index into Contradiction.sides

    claim: Mapped[Claim] = relationship()


class ContradictionReview(Base):
    """An editor's ruling; the history is kept, the latest sets the status."""

    __tablename__ = "contradiction_reviews"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contradiction_id: Mapped[int] = mapped_column(ForeignKey("contradictions.id", ondelete="CASCADE"), index=True)
    contradiction_key: Mapped[str] = mapped_column(String(64), index=True)
    status: Mapped[str] = mapped_column(String(20))
    note: Mapped[str | None] = mapped_column(Text)
    reviewer: Mapped[str | None] = mapped_column(String(200))  # who ruled (migration 0005)
    reviewed_at: Mapped[datetime] = mapped_column(DateTime)


class ClaimBlock(Base):
    """A block a detector puts a claim in (migration 0008)."""

    __tablename__ = "claim_blocks"
    __table_args__ = (Index("ix_claim_blocks_key", "key", "claim_id"),)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True)
    key: Mapped[str] = mapped_column(String(200), primary_key=True)


class ClaimAnalysis(Base):
    """What the dispute detector read from a claim in its article (migration 0008)."""

    __tablename__ = "claim_analysis"
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True)
    data: Mapped[dict | None] = mapped_column(JSON, nullable=True)


class DetectionState(Base):
    """Inputs every claim's stored analysis depends on (migration 0008)."""

    __tablename__ = "detection_state"
    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class WordCount(Base):
    """How many claims hold a content word (migration 0008)."""

    __tablename__ = "word_counts"
    word: Mapped[str] = mapped_column(String(200), primary_key=True)
    n: Mapped[int] = mapped_column(Integer)
