"""Writing articles and their claims.  Only stores; never extracts.

Concurrency: outlets, speakers and sources are created with
INSERT ... ON CONFLICT DO NOTHING followed by a SELECT, in a fixed order
(source, outlets sorted, speakers sorted), so two writers on PostgreSQL
neither fail on a unique key nor deadlock, and each row exists once.
"""
from __future__ import annotations

import hashlib
import json
import unicodedata
from functools import lru_cache
from dataclasses import dataclass, field
from datetime import datetime, timezone

from sqlalchemy import bindparam, delete, select
from sqlalchemy import text as sql
from sqlalchemy.orm import Session

from ..records import Article, LinkedClaim
from . import bulk
from .models import Claim, ClaimPoint, ClaimRelay, Outlet, Source


def _dialect_insert(name: str):
    """The dialect's insert() construct (it has on_conflict_do_nothing)."""
    if name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert


def _insert(session: Session):
    return _dialect_insert(session.get_bind().dialect.name)


ALIAS_CACHE = 200_000  # (speaker, alias) pairs remembered as stored; beyond that, insert-or-ignore every time
LOCK_KEYS = {"plans": 0x70726F77, "contradictions": 0x70726F78}  # PostgreSQL advisory lock keys


def serialize_writers(session: Session, purpose: str) -> None:
    """Hold a database-wide lock for `purpose` until this transaction ends, so
    concurrent processes doing the same read-then-write work (loading the
    default plans, detecting contradictions) take turns instead of inserting
    the same rows twice.  PostgreSQL: a transaction advisory lock; SQLite: the
    database write lock, taken now by a write that changes nothing."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(sql("SELECT pg_advisory_xact_lock(:k)"), {"k": LOCK_KEYS[purpose]})
    else:
        session.execute(sql("UPDATE plans SET id = id WHERE 1 = 0"))


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """A match key: case-folded, accents removed, spaces folded."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.casefold().replace("’", "'").split())


def speaker_key(article: Article, name: str, type_: str | None) -> str:
    if type_ == "anonymous":  # no identity is assumed across articles
        return f"anon:{article.sha256[:16]}:{fold(name)}"
    return fold(name)


def claim_uid(sha256: str, start: int, end: int, speaker: str | None) -> str:
    raw = f"{sha256}:{start}:{end}:{fold(speaker or '')}"
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:20]


@dataclass
class StoreCache:
    """Ids already known in this process (outlets, speakers, plan points)."""

    outlets: dict[str, int] = field(default_factory=dict)
    speakers: dict[str, int] = field(default_factory=dict)
    points: dict[str, int] = field(default_factory=dict)  # "us-28:19" -> plan_points.id
    aliases: set[tuple[int, str]] = field(default_factory=set)  # (speaker id, alias) stored

    def forget(self) -> None:
        """After a rolled-back transaction: what it wrote is gone (plan points stay)."""
        self.outlets.clear()
        self.speakers.clear()
        self.aliases.clear()


def outlet_id(session: Session, cache: StoreCache, name: str, kind: str = "outlet") -> int:
    if name in cache.outlets:
        return cache.outlets[name]
    insert = _insert(session)
    session.execute(insert(Outlet).values(name=name, kind=kind).on_conflict_do_nothing(index_elements=["name"]))
    oid = session.execute(select(Outlet.id).where(Outlet.name == name)).scalar_one()
    cache.outlets[name] = oid
    return oid


def article_from_source(source: Source) -> Article:
    """The Article record of a stored source (for re-extraction)."""
    return Article(
        path=source.path, text=source.text, sha256=source.sha256, title=source.title,
        outlet=source.outlet.name if source.outlet else None, published=source.published, author=source.author,
        url=source.url, encoding=source.encoding, fmt=source.fmt,
        meta_origin=tuple(sorted((source.meta_origin or {}).items())),
    )


_SOURCE_BY_SHA = select(Source.id).where(Source.sha256 == bindparam("sha"))


@lru_cache(maxsize=4)
def _source_insert(dialect: str):
    """INSERT INTO sources ... ON CONFLICT (sha256) DO NOTHING RETURNING id, built once
    (the values are bound per call, so the compiled form is reused)."""
    return _dialect_insert(dialect)(Source).on_conflict_do_nothing(index_elements=["sha256"]).returning(Source.id)


def store_article(
    session: Session, article: Article, claims: list[LinkedClaim], cache: StoreCache,
    outlet_kinds: dict[str, str] | None = None, extractor_version: str | None = None,
) -> tuple[int, bool]:
    """Store one article and its claims.  Returns (source id, created);
    an article already stored (same normalised text) adds nothing."""
    conn = session.connection()
    existing = conn.execute(_SOURCE_BY_SHA, {"sha": article.sha256}).scalar_one_or_none()
    if existing is not None:
        return existing, False
    kinds = outlet_kinds or {}
    outlets = sorted(({article.outlet} if article.outlet else set()) | {v for lc in claims for v in lc.claim.via})
    for name in outlets:
        outlet_id(session, cache, name, kinds.get(name, "outlet"))
    row = dict(
        sha256=article.sha256, path=article.path, url=article.url, title=article.title, author=article.author,
        outlet_id=cache.outlets.get(article.outlet) if article.outlet else None, published=article.published,
        fmt=article.fmt, encoding=article.encoding, meta_origin=dict(article.meta_origin), text=article.text,
        ingested_at=datetime.now(timezone.utc).replace(tzinfo=None), extracted_with=extractor_version,
    )
    result = conn.execute(_source_insert(conn.dialect.name), row).first()
    if result is None:  # another writer stored it meanwhile
        return conn.execute(_SOURCE_BY_SHA, {"sha": article.sha256}).scalar_one(), False
    source_id = result[0]
    insert_claims(session, article, source_id, claims, cache)
    return source_id, True


def _speaker_ids(session: Session, article: Article, claims: list[LinkedClaim], cache: StoreCache) -> dict:
    wanted: dict[str, tuple[str, str]] = {}
    for lc in claims:
        c = lc.claim
        if c.speaker_name:
            wanted[speaker_key(article, c.speaker_name, c.speaker_type)] = (c.speaker_name, c.speaker_type or "person")
    missing = sorted(k for k in wanted if k not in cache.speakers)
    if missing:  # one insert-or-ignore and one select for all new speakers, in key order
        conn = session.connection()
        bulk.insert_rows(conn, "speakers", ("key", "name", "type"),
                         [(k, wanted[k][0], wanted[k][1]) for k in missing], conflict=("key",))
        fetched = bulk.ids_by_key(conn, "speakers", "key", missing)
        # an anonymous speaker belongs to one article: not kept, so the cache does not grow with the corpus
        cache.speakers.update((k, v) for k, v in fetched.items() if not k.startswith("anon:"))
    else:
        fetched = {}
    ids = {key: cache.speakers[key] if key in cache.speakers else fetched[key] for key in wanted}
    aliases = set()
    for lc in claims:
        c = lc.claim
        if c.speaker_name:
            sid = ids[speaker_key(article, c.speaker_name, c.speaker_type)]
            for alias in {c.speaker_name, *c.aliases}:
                if alias and len(alias) <= 300 and (sid, alias) not in cache.aliases:
                    aliases.add((sid, alias))
    if aliases:
        bulk.insert_rows(session.connection(), "speaker_aliases", ("speaker_id", "alias"), sorted(aliases),
                         conflict=("speaker_id", "alias"))
        if len(cache.aliases) < ALIAS_CACHE:
            anonymous = {sid for key, sid in ids.items() if key.startswith("anon:")}
            cache.aliases.update(a for a in aliases if a[0] not in anonymous)
    return ids


def claim_rows(article: Article, source_id: int, claims: list[LinkedClaim], ids: dict) -> list[dict]:
    rows, seen = [], set()
    for lc in claims:
        c = lc.claim
        key = speaker_key(article, c.speaker_name, c.speaker_type) if c.speaker_name else None
        uid = claim_uid(article.sha256, c.start, c.end, c.speaker_name or c.speaker_mention)
        if uid in seen:
            continue
        seen.add(uid)
        rows.append(dict(
            uid=uid, source_id=source_id, speaker_id=ids.get(key) if key else None, start=c.start, end=c.end,
            text=article.text[c.start:c.end], quote=c.quote, kind=c.kind, cue=c.cue[:80], rule=c.rule[:80],
            mention=(c.speaker_mention or None) and c.speaker_mention[:300], speaker_type=c.speaker_type,
            role=c.role and c.role[:300], unresolved=c.unresolved and c.unresolved[:300],
            topics=list(lc.topics or c.topics),
            _via=c.via, _links=lc.links,
        ))
    return rows


def insert_claims(session: Session, article: Article, source_id: int, claims: list[LinkedClaim],
                  cache: StoreCache) -> int:
    """Insert the claims of a stored source (bulk, with their relays and links)."""
    if not claims:
        return 0
    ids = _speaker_ids(session, article, claims, cache)
    rows = claim_rows(article, source_id, claims, ids)
    extras = [(r.pop("_via"), r.pop("_links")) for r in rows]
    new_ids = _insert_claim_rows(session, rows)
    _insert_children(session, new_ids, extras, cache)
    return len(rows)


CLAIM_COLUMNS = ("uid", "source_id", "speaker_id", "start", "end", "text", "quote", "kind", "cue", "rule",
                 "mention", "speaker_type", "role", "unresolved")  # then topics, as JSON text


def _insert_claim_rows(session: Session, rows: list[dict]) -> list[int]:
    """One executemany, then the new ids by uid (unique): two statements per
    article, where RETURNING in parameter order costs one per row on SQLite."""
    conn = session.connection()
    bulk.insert_rows(conn, "claims", CLAIM_COLUMNS + ("topics",),
                     [tuple(r[c] for c in CLAIM_COLUMNS) + (json.dumps(r["topics"]),) for r in rows])
    uids = [r["uid"] for r in rows]
    ids = bulk.ids_by_key(conn, "claims", "uid", uids)
    return [ids[u] for u in uids]


def _insert_children(session: Session, claim_ids, extras, cache: StoreCache) -> None:
    relays, links = [], []
    for cid, (via, point_links) in zip(claim_ids, extras):
        for pos, name in enumerate(via):
            relays.append((cid, pos, cache.outlets[name]))
        seen = set()
        for link in point_links:
            pid = cache.points.get(link.point)
            if pid is not None and pid not in seen:
                seen.add(pid)
                links.append((cid, pid, link.relation, link.score))
    conn = session.connection()
    bulk.insert_rows(conn, "claim_relays", ("claim_id", "position", "outlet_id"), relays)
    bulk.insert_rows(conn, "claim_points", ("claim_id", "point_id", "relation", "score"), links)


def replace_claims(session: Session, source: Source, article: Article, claims: list[LinkedClaim],
                   cache: StoreCache) -> tuple[int, int, int]:
    """Re-extraction: keep claims whose uid (span + speaker) is unchanged, update
    their fields, delete the ones no longer found, insert the new ones.
    Returns (kept, removed, added)."""
    for name in sorted({v for lc in claims for v in lc.claim.via}):
        outlet_id(session, cache, name)
    ids = _speaker_ids(session, article, claims, cache)
    rows = claim_rows(article, source.id, claims, ids)
    old = {c.uid: c for c in session.execute(select(Claim).where(Claim.source_id == source.id)).scalars()}
    new_uids = {r["uid"] for r in rows}
    gone = [c.id for uid, c in old.items() if uid not in new_uids]
    from .claim_analysis import forget
    forget(session, [c.id for c in old.values()])  # their blocks are compared again at the next detection
    if gone:
        session.execute(delete(Claim).where(Claim.id.in_(gone)))
    kept = [r for r in rows if r["uid"] in old]
    fresh = [r for r in rows if r["uid"] not in old]
    for r in kept:
        claim = old[r["uid"]]
        via, links = r.pop("_via"), r.pop("_links")
        for k, v in r.items():
            setattr(claim, k, v)
        session.execute(delete(ClaimRelay).where(ClaimRelay.claim_id == claim.id))
        session.execute(delete(ClaimPoint).where(ClaimPoint.claim_id == claim.id))
        session.flush()
        _insert_children(session, [claim.id], [(via, links)], cache)
    if fresh:
        extras = [(r.pop("_via"), r.pop("_links")) for r in fresh]
        new_ids = _insert_claim_rows(session, fresh)
        _insert_children(session, new_ids, extras, cache)
    return len(kept), len(gone), len(fresh)
