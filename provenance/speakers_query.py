"""Who said it: full-text search grouped by speaker, the speaker directory,
and one speaker's claims in time order with their relay chains.

Functions take a session and return plain dicts (rows for `render.emit`).
"""
from __future__ import annotations

import re
from collections import defaultdict

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from .db.models import Claim, Outlet, Source, Speaker, SpeakerAlias
from .db.search import search_terms
from .query import ClaimFilter, claim_records, records_for_claims, speaker_ids


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
    """Non-overlapping (start, end) spans of TEXT where a search term occurs."""
    spans = sorted({m.span() for p in _term_patterns(terms) for m in p.finditer(text or "")})
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
    first), then by outlet and date.  Punctuation and operators in TEXT are
    searched for, never interpreted; no searchable word gives []."""
    records = list(claim_records(session, ClaimFilter(search=text)))
    terms = search_terms(text)
    groups: dict[str, list[dict]] = defaultdict(list)
    for r in records:
        groups[speaker_label(r)].append(r)
    order = sorted(groups, key=lambda k: (-len(groups[k]), k.startswith("("), k.casefold()))
    rows = []
    for label in order:
        members = sorted(groups[label], key=lambda r: (r["source"]["outlet"] or "\uffff",
                                                        r["source"]["published"] or "\uffff", r["start"]))
        for r in members:
            rows.append({
                "speaker": label, "speaker_type": r["speaker"]["type"], "mention": r["speaker"]["mention"],
                "outlet": r["source"]["outlet"], "published": r["source"]["published"], "via": r["via"],
                "kind": r["kind"], "claim_id": r["claim_id"], "text": r["text"], "quote": r["quote"],
                "matched": matched_words(_both(r), terms),
                "source": r["source"]["path"], "source_id": r["source"]["id"],
            })
    return rows[:limit] if limit is not None else rows


def matched_words(text: str, terms: list[str]) -> list[str]:
    return sorted({text[s:e].casefold() for s, e in matched_spans(text, terms)})


def _both(record: dict) -> str:
    quote = record["quote"] if record["quote"] and record["quote"] not in record["text"] else None
    return " ".join(filter(None, [record["text"], quote, record["speaker"]["mention"]]))


# ---------------------------------------------------------------- speakers

def _like(value: str) -> str:
    esc = value.casefold().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{esc}%"


def speaker_directory(session: Session, search: str | None = None, type_: str | None = None,
                      limit: int | None = None) -> list[dict]:
    """Canonical speakers that have claims: aliases, type, roles as written,
    number of claims, outlets that quoted them, first and last dates."""
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


def speaker_claims(session: Session, name: str, limit: int | None = None) -> tuple[list[str], list[dict]]:
    """The speakers NAME matches (any alias or known spelling) and their claims
    in time order (undated last), each with its relay chain."""
    ids = named_speaker_ids(session, name)
    if not ids:
        return [], []
    names = sorted(session.execute(select(Speaker.name).where(Speaker.id.in_(ids))).scalars(), key=str.casefold)
    claim_ids = list(session.execute(select(Claim.id).where(Claim.speaker_id.in_(ids))).scalars())
    records = list(records_for_claims(session, claim_ids))
    records.sort(key=lambda r: (r["source"]["published"] is None, r["source"]["published"] or "",
                                r["source"]["id"], r["start"]))
    if limit is not None:
        records = records[:limit]
    rows = [{
        "published": r["source"]["published"], "outlet": r["source"]["outlet"], "speaker": speaker_label(r),
        "mention": r["speaker"]["mention"], "role": r["speaker"]["role"], "kind": r["kind"], "cue": r["cue"],
        "via": r["via"], "chain": chain(r), "claim_id": r["claim_id"], "text": r["text"], "quote": r["quote"],
        "source": r["source"]["path"], "source_id": r["source"]["id"], "start": r["start"], "end": r["end"],
    } for r in records]
    return names, rows
