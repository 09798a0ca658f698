"""Who said it: full-text search grouped by speaker, the speaker directory,
and one speaker's claims in time order with their relay chains.

Functions take a session and return plain dicts (rows for `render.emit`).
"""
from __future__ import annotations

import re
from collections import defaultdict

from sqlalchemy import String, cast, func, or_, select
from sqlalchemy.orm import Session

from .db.models import Claim, ClaimRelay, Outlet, Source, Speaker, SpeakerAlias
from .db.search import bytewise, listed_ids, matching_claims, search_terms, through_narrow_indexes
from .query import records_for_claims, speaker_ids


def speaker_label(record: dict) -> str:
    """The name a claim is grouped under: the canonical speaker, else the
    words as written in parentheses, else "(unknown)"."""
    sp = record["speaker"]
    if sp["name"]:
        return sp["name"]
    return f"({sp['mention']})" if sp["mention"] else "(unknown)"


def chain(record: dict) -> list[str]:
    """speaker -> relays (nearest the speaker first) -> publishing outlet."""
    hops = [speaker_label(record), *record["via"]]
    outlet = record["source"]["outlet"]
    if outlet and (not record["via"] or record["via"][-1] != outlet):
        hops.append(outlet)
    return hops


# ---------------------------------------------------------------- highlighting

def _term_patterns(terms: list[str]) -> list[re.Pattern]:
    pats = []
    for term in terms:
        parts = re.findall(r"\w+", term)
        if parts:
            pats.append(re.compile(r"(?<!\w)" + r"\W{1,3}".join(map(re.escape, parts)) + r"(?!\w)", re.I))
    return pats


def matched_spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """Non-overlapping (start, end) spans of TEXT where a search term occurs; the
    digits of a number are marked only where the whole number stands."""
    digits = [t for t in terms if t.isdigit()]
    words = [t for t in terms if not t.isdigit()]
    numbers = number_patterns(" ".join(digits)) if digits else []
    found = {m.span() for p in _term_patterns(words) for m in p.finditer(text or "")} if words else set()
    if digits:
        found |= {m.span() for p in number_patterns(" ".join(digits)) for m in p.finditer(text or "")}
        found |= {m.span() for p in _term_patterns(digits) for m in p.finditer(text or "")
                  if any(w.start() <= m.start() and m.end() <= w.end() for n in numbers for w in n.finditer(text))}
    spans = sorted(found)
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def highlight(text: str, terms: list[str], width: int | None = None, mark=("[", "]")) -> str:
    """TEXT with matched words wrapped in MARK; with WIDTH, a window of about
    that many characters around the first match."""
    text = " ".join((text or "").split())
    spans = matched_spans(text, terms)
    lo, hi = 0, len(text)
    if width and len(text) > width:
        first = spans[0][0] if spans else 0
        lo = max(0, min(first - width // 4, len(text) - width))
        hi = min(len(text), lo + width)
    out, pos = [], lo
    for s, e in spans:
        if s < lo or e > hi:
            continue
        out += [text[pos:s], mark[0], text[s:e], mark[1]]
        pos = e
    out.append(text[pos:hi])
    return ("…" if lo > 0 else "") + "".join(out) + ("…" if hi < len(text) else "")


# ---------------------------------------------------------------- who-said

def who_said(session: Session, text: str, limit: int | None = None) -> list[dict]:
    """Claims matching TEXT (full-text), grouped by speaker (most matches
    first), then by outlet, date, position and claim id.  Punctuation and
    operators in TEXT are searched for, never interpreted; no searchable word
    gives [].

    Ordering the groups needs every match: one GROUP BY counts them (see
    _hit_groups); outlets, dates and positions are read for the groups that
    reach the limit, and full records for the rows returned."""
    hits = matching_claims(session, text, ranked=False)
    if hits is None or limit == 0:
        return []
    hits = whole_numbers_only(session, hits, text)
    groups = _hit_groups(session, hits.subquery())
    picked, n = [], 0
    for label in sorted(groups, key=lambda k: (-groups[k][0], k.startswith("("), k.casefold())):
        if limit is not None and n >= limit:
            break
        picked.append((",".join(groups[label][1]), groups[label][0]))
        n += groups[label][0]
    ids = _in_group_order(session, picked, limit)
    return _who_rows(session, ids, search_terms(text))


# A number as written in a query ("600,000", "1.5", "2025"): its digit groups
# must stand together in the claim as one whole number, not be tokens found
# apart ("880,000 ... 600" matched "600,000" word by word).
_NUMBER = re.compile(r"\d+(?:[,.\u00a0\u202f ]\d+)*")
_SEP = r"[,.\u00a0\u202f ]?"


def number_patterns(text: str) -> list[re.Pattern]:
    """One pattern per number in TEXT, matching it only as a whole number."""
    out = []
    for m in _NUMBER.finditer(text or ""):
        groups = re.findall(r"\d+", m.group())
        body = _SEP.join(groups)
        out.append(re.compile(r"(?<![\d])(?<!\d[,.])" + body + r"(?![\d]|[,.]\d)"))
    return out


def whole_numbers_only(session: Session, hits, text: str):
    """HITS (a SELECT of claim ids) narrowed to claims holding every number of TEXT whole."""
    patterns = number_patterns(text)
    if not patterns:
        return hits
    keep = []
    sub = hits.subquery()
    for cid, body, quote in session.execute(select(Claim.id, Claim.text, Claim.quote).join(sub, sub.c.id == Claim.id)):
        both = f"{body}\n{quote or ''}"
        if all(p.search(both) for p in patterns):
            keep.append(cid)
    return select(Claim.id.label("id")).where(Claim.id.in_(keep or [-1]))


def _who_rows(session: Session, ids: list[int], terms: list[str]) -> list[dict]:
    """who-said rows for these claims, in this order: only the columns shown."""
    if not ids:
        return []
    listed = listed_ids(session, ",".join(map(str, ids)))
    rows = {r.id: r for r in session.execute(
        select(Claim.id, Claim.uid, Claim.text, Claim.quote, Claim.kind, Claim.mention, Claim.speaker_id,
               Claim.speaker_type, Speaker.name.label("speaker"), Speaker.type.label("type"),
               Source.id.label("source_id"), Source.path, Source.published, Outlet.name.label("outlet"))
        .join(Source, Claim.source_id == Source.id).outerjoin(Speaker, Claim.speaker_id == Speaker.id)
        .outerjoin(Outlet, Source.outlet_id == Outlet.id).where(Claim.id.in_(listed)))}
    via: dict[int, list[str]] = defaultdict(list)
    for cid, name in session.execute(select(ClaimRelay.claim_id, Outlet.name).join(Outlet)
                                     .where(ClaimRelay.claim_id.in_(listed))
                                     .order_by(ClaimRelay.claim_id, ClaimRelay.position)):
        via[cid].append(name)
    out = []
    for r in (rows[i] for i in ids if i in rows):  # (a claim re-extracted meanwhile is left out)
        label = r.speaker if r.speaker_id is not None else f"({r.mention})" if r.mention else "(unknown)"
        out.append({
            "speaker": label, "speaker_type": r.type or r.speaker_type, "mention": r.mention,
            "outlet": r.outlet, "published": r.published, "via": via.get(r.id, []),
            "kind": r.kind, "claim_id": r.uid, "text": r.text, "quote": r.quote,
            "matched": matched_words(_both(r.text, r.quote, r.mention), terms),
            "source": r.path, "source_id": r.source_id,
        })
    return out


def _in_group_order(session: Session, picked: list[tuple[str, int]], limit: int | None) -> list[int]:
    """The claim ids of the picked groups (packed ids, size), group after
    group, each by outlet, date, position, claim id (no outlet or date last).
    A group larger than LIMIT is ordered and cut in SQL; smaller ones, read
    together, in Python."""
    def keys(packed: str):
        return through_narrow_indexes(
            select(Claim.id, Outlet.name, Source.published, Claim.start).join(Source, Claim.source_id == Source.id)
            .outerjoin(Outlet, Source.outlet_id == Outlet.id).where(Claim.id.in_(listed_ids(session, packed))))

    out: list[int] = []
    small: list[str] = []

    def flush() -> None:
        if small:
            rows = {r[0]: r for r in session.execute(keys(",".join(small)))}
            for packed in small:
                out.extend(sorted((i for i in map(int, packed.split(",")) if i in rows), key=lambda i: (
                    rows[i][1] or "\uffff", rows[i][2] or "\uffff", rows[i][3], i)))
            small.clear()

    for packed, size in picked:
        if limit is None or size <= limit:
            small.append(packed)
            continue
        flush()
        out.extend(session.scalars(keys(packed).with_only_columns(Claim.id).order_by(
            or_(Outlet.name.is_(None), Outlet.name == ""), bytewise(session, Outlet.name),
            or_(Source.published.is_(None), Source.published == ""), bytewise(session, Source.published),
            Claim.start, Claim.id).limit(limit - len(out))))
    flush()
    return out[:limit] if limit is not None else out


def _hit_groups(session: Session, hits) -> dict[str, list]:
    """label -> [number of hits, [packed claim ids "12,7,40", ...]].

    One GROUP BY speaker over the hits, reading the claims through their
    narrow index, so Python sees a row per speaker, not per hit; claims with
    no speaker are grouped by the words as written."""
    by_speaker = through_narrow_indexes(
        select(Claim.speaker_id.label("speaker_id"), func.count().label("n"),
               func.aggregate_strings(cast(Claim.id, String), ",").label("ids"))
        .join(hits, hits.c.id == Claim.id).group_by(Claim.speaker_id)
    ).subquery()
    rows = session.execute(select(by_speaker.c.speaker_id, Speaker.name, by_speaker.c.n, by_speaker.c.ids)
                           .outerjoin(Speaker, Speaker.id == by_speaker.c.speaker_id)).all()
    groups: dict[str, list] = {}
    for sid, name, n, packed in rows:
        if sid is not None:
            g = groups.setdefault(name, [0, []])
            g[0] += n
            g[1].append(packed)
            continue
        for cid, mention in session.execute(select(Claim.id, Claim.mention)
                                            .where(Claim.id.in_(listed_ids(session, packed)))):
            g = groups.setdefault(f"({mention})" if mention else "(unknown)", [0, []])
            g[0] += 1
            g[1].append(str(cid))
    return groups


def matched_words(text: str, terms: list[str]) -> list[str]:
    return sorted({text[s:e].casefold() for s, e in matched_spans(text, terms)})


def _both(text: str, quote: str | None, mention: str | None) -> str:
    quote = quote if quote and quote not in text else None
    return " ".join(filter(None, [text, quote, mention]))


# ---------------------------------------------------------------- speakers

def _like(value: str) -> str:
    from .query import like_escape

    return f"%{like_escape(value.casefold())}%"


def speaker_directory(session: Session, search: str | None = None, type_: str | None = None,
                      limit: int | None = None, ids: list[int] | None = None) -> list[dict]:
    """Canonical speakers that have claims: aliases, type, roles as written,
    number of claims, outlets that quoted them, first and last dates
    (of the speakers with these IDS only, when given)."""
    q = (select(Speaker.id, Speaker.name, Speaker.type, func.count(Claim.id),
                func.min(Source.published), func.max(Source.published))
         .join(Claim, Claim.speaker_id == Speaker.id).join(Source, Claim.source_id == Source.id)
         .group_by(Speaker.id, Speaker.name, Speaker.type))
    if search and search.strip():
        pattern = _like(search.strip())
        by_alias = select(SpeakerAlias.speaker_id).where(func.lower(SpeakerAlias.alias).like(pattern, escape="\\"))
        q = q.where(or_(Speaker.id.in_(speaker_ids(session, search) or [-1]),
                        func.lower(Speaker.name).like(pattern, escape="\\"), Speaker.id.in_(by_alias)))
    if type_:
        q = q.where(Speaker.type == type_)
    if ids is not None:
        q = q.where(Speaker.id.in_(ids))
    q = q.order_by(func.count(Claim.id).desc(), Speaker.name, Speaker.id)
    if limit is not None:
        q = q.limit(limit)
    base = session.execute(q).all()
    ids = [r[0] for r in base]
    if not ids:
        return []
    aliases, roles, outlets = defaultdict(set), defaultdict(set), defaultdict(set)
    for sid, alias in session.execute(select(SpeakerAlias.speaker_id, SpeakerAlias.alias)
                                      .where(SpeakerAlias.speaker_id.in_(ids))):
        aliases[sid].add(alias)
    for sid, role in session.execute(select(Claim.speaker_id, Claim.role).distinct()
                                     .where(Claim.speaker_id.in_(ids), Claim.role.is_not(None))):
        roles[sid].add(role)
    for sid, name in session.execute(
        select(Claim.speaker_id, Outlet.name).distinct().join(Source, Claim.source_id == Source.id)
        .join(Outlet, Source.outlet_id == Outlet.id).where(Claim.speaker_id.in_(ids))
    ):
        outlets[sid].add(name)
    return [{
        "speaker_id": sid, "name": name, "type": type_, "aliases": sorted(aliases[sid] | {name}, key=str.casefold),
        "roles": sorted(roles[sid], key=str.casefold), "claims": n, "outlets": sorted(outlets[sid], key=str.casefold),
        "first": first, "last": last,
    } for sid, name, type_, n, first, last in base]


def named_speaker_ids(session: Session, name: str) -> list[int]:
    """query.speaker_ids (aliases, canonical names, known spellings), else the
    speakers of claims whose mention is NAME as written."""
    ids = speaker_ids(session, name)
    if ids or not name.strip():
        return ids
    return list(session.execute(
        select(Claim.speaker_id).distinct()
        .where(func.lower(Claim.mention) == name.strip().casefold(), Claim.speaker_id.is_not(None))
    ).scalars())


def speaker_claims(session: Session, name: str, limit: int | None = None) -> tuple[list[str], list[dict], int]:
    """The speakers NAME matches (any alias or known spelling), the first LIMIT
    of their claims (all with None) in time order (undated last), each with its
    relay chain, and how many claims they have in all.  The order and the limit
    are applied in SQL, so a speaker with 75,000 claims costs one sort of ids,
    not 75,000 records."""
    ids = named_speaker_ids(session, name)
    if not ids:
        return [], [], 0
    names = sorted(session.execute(select(Speaker.name).where(Speaker.id.in_(ids))).scalars(), key=str.casefold)
    total = session.scalar(select(func.count()).select_from(Claim).where(Claim.speaker_id.in_(ids)))
    q = (select(Claim.id).join(Source, Claim.source_id == Source.id).where(Claim.speaker_id.in_(ids))
         .order_by(Source.published.is_(None), bytewise(session, Source.published), Source.id, Claim.start, Claim.id))
    if limit is not None:
        q = q.limit(limit)
    records = list(records_for_claims(session, list(session.execute(q).scalars())))
    rows = [{
        "published": r["source"]["published"], "outlet": r["source"]["outlet"], "speaker": speaker_label(r),
        "mention": r["speaker"]["mention"], "role": r["speaker"]["role"], "kind": r["kind"], "cue": r["cue"],
        "via": r["via"], "chain": chain(r), "claim_id": r["claim_id"], "text": r["text"], "quote": r["quote"],
        "source": r["source"]["path"], "source_id": r["source"]["id"], "start": r["start"], "end": r["end"],
    } for r in records]
    return names, rows, total
