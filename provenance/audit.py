"""The editor's audit of how each article attributes its statements.

Per article: claims, anonymous share, claims relayed from another outlet,
unresolved speakers, quote drift (the same speaker's direct words worded
differently by another outlet) and headlines whose attribution the body does
not support.  Pure functions over a session; no output formatting here.
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from itertools import combinations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .db.models import Claim, Outlet, Source, Speaker
from .db.store import fold
from .ingest.outlets import outlet_name as canonical_outlet
from .query import ClaimFilter, claim_records
from .speakers_query import chain, speaker_label
from .wordlists import word_list

# Grammatical function words and generic reporting verbs (rules/words/quote-drift.txt).
FUNCTION_WORDS = word_list("quote-drift")
STEM = 7  # words compared by their first letters: "constructive" ~ "constructively"
MIN_SHARED = 3  # content words two wordings must share to be the same quote
MIN_OVERLAP = 0.6  # weighted share of the shorter wording's content words
_WORD = re.compile(r"\w+", re.UNICODE)
_END = re.compile(r"[.!?…:;][\"'”’»)\]]*\s*$")


def words(text: str) -> list[str]:
    return _WORD.findall(fold(text or ""))


def content_stems(text: str, drop: frozenset[str] = frozenset()) -> set[str]:
    """Stems of the content words of TEXT (function words and DROP removed)."""
    return {w[:STEM] for w in words(text)
            if len(w) > 2 and not w.isdigit() and w not in FUNCTION_WORDS and w not in drop}


def name_words(*names: str | None) -> frozenset[str]:
    return frozenset(w for n in names if n for w in words(n))


# ---------------------------------------------------------------- quote drift

def quoted_claims(session: Session) -> list[dict]:
    """Every claim with quoted words whose speaker has an identity across articles."""
    rows = session.execute(
        select(Claim.uid, Claim.source_id, Claim.kind, Claim.text, Claim.quote, Claim.mention, Speaker.name,
               Outlet.name, Source.published, Source.path)
        .join(Speaker, Claim.speaker_id == Speaker.id).join(Source, Claim.source_id == Source.id)
        .outerjoin(Outlet, Source.outlet_id == Outlet.id)
        .where(Claim.quote.is_not(None), Speaker.type != "anonymous").order_by(Claim.id)
    ).all()
    return [{"claim_id": r[0], "source_id": r[1], "kind": r[2], "wording": r[4] if r[2] == "direct" else r[3],
             "mention": r[5], "speaker": r[6], "outlet": r[7], "published": r[8], "source": r[9]} for r in rows]


def _norm(text: str) -> str:
    return " ".join(words(text))


def quote_drift(items: list[dict], focus: set[int] | None = None) -> list[dict]:
    """Pairs of quoted claims by the same speaker in different articles of
    different outlets that share most of their rare content words but are not
    the same words (nor one an excerpt of the other).  With FOCUS, only pairs
    with a claim in one of those source ids."""
    by_speaker: dict[str, list[dict]] = defaultdict(list)
    for it in items:
        drop = name_words(it["speaker"], it["mention"])
        by_speaker[it["speaker"]].append({**it, "stems": content_stems(it["wording"], drop)})
    df = Counter(s for group in by_speaker.values() for it in group for s in it["stems"])
    n = sum(len(g) for g in by_speaker.values())
    idf = {s: math.log((n + 1) / (c + 1)) + 1 for s, c in df.items()}
    pairs = []
    for speaker, group in sorted(by_speaker.items()):
        for a, b in combinations(group, 2):
            if a["source_id"] == b["source_id"] or (a["outlet"] and a["outlet"] == b["outlet"]):
                continue
            if focus is not None and a["source_id"] not in focus and b["source_id"] not in focus:
                continue
            shared = a["stems"] & b["stems"]
            if len(shared) < MIN_SHARED:
                continue
            weight = lambda stems: sum(idf[s] for s in stems)  # noqa: E731
            score = weight(shared) / min(weight(a["stems"]), weight(b["stems"]))
            na, nb = _norm(a["wording"]), _norm(b["wording"])
            if score < MIN_OVERLAP or na in nb or nb in na:
                continue
            pairs.append({"speaker": speaker, "score": round(score, 2),
                          "shared": sorted(w for w in words(a["wording"]) if w[:STEM] in shared and len(w) > 2),
                          "claims": [_side(a), _side(b)]})
    return pairs


def _side(it: dict) -> dict:
    return {k: it[k] for k in ("claim_id", "source_id", "outlet", "published", "source", "kind", "wording")}


# ---------------------------------------------------------------- headlines

def headline_region(text: str, title: str | None = None, max_lines: int = 5, max_words: int = 40) -> int:
    """Where the headline block ends (0 when the article opens with body text):
    the leading lines that do not end a sentence, plus the line holding the title."""
    end, seen, pos = 0, 0, 0
    for line in text.splitlines(keepends=True):
        start, pos = pos, pos + len(line)
        if not line.strip():
            continue
        seen += 1
        if seen > max_lines or _END.search(line) or len(line.split()) > max_words:
            break
        end = start + len(line.rstrip())
    if title and title.strip():
        at = text.find(title.strip())
        if 0 <= at and text.count("\n", 0, at) < 2 * max_lines:
            line_end = text.find("\n", at)
            end = max(end, line_end if line_end >= 0 else len(text))
    return end


def headline_findings(records: list[dict], region_end: int) -> list[dict]:
    """Headline claims whose speaker never speaks in the body, or whose content
    words appear in no body claim of that speaker."""
    body = [r for r in records if r["start"] >= region_end]
    out = []
    for h in (r for r in records if r["start"] < region_end):
        name = h["speaker"]["name"]
        if not name:
            continue
        own = [r for r in body if r["speaker"]["name"] == name]
        drop = name_words(name, h["speaker"]["mention"])
        stems = content_stems(h["text"], drop)
        if not own:
            reason = f"{name} never speaks in the body"
        elif not any(stems & content_stems(r["text"], drop) for r in own):
            reason = f"no body claim of {name} has the headline's words"
        else:
            continue
        out.append({"claim_id": h["claim_id"], "speaker": name, "text": h["text"], "reason": reason,
                    "body_claims_of_speaker": len(own)})
    return out


# ---------------------------------------------------------------- the audit

def _source_query(source_id: int | None, outlet: str | None, limit: int | None):
    q = (select(Source.id, Source.path, Source.title, Source.published, Outlet.name)
         .outerjoin(Outlet, Source.outlet_id == Outlet.id).order_by(Source.id))
    if source_id is not None:
        q = q.where(Source.id == source_id)
    if outlet:
        q = q.where(func.lower(Outlet.name).in_({outlet.casefold(), (canonical_outlet(outlet) or outlet).casefold()}))
    if limit is not None:
        q = q.limit(limit)
    return q


def count_sources(session: Session, source_id: int | None = None, outlet: str | None = None,
                  limit: int | None = None) -> int:
    """How many articles `iter_audit` will give (for a progress bar)."""
    return session.scalar(select(func.count()).select_from(_source_query(source_id, outlet, limit).subquery())) or 0


def iter_audit(session: Session, source_id: int | None = None, outlet: str | None = None,
               limit: int | None = None):
    """One audit record per stored article (filtered by id or outlet), one at a
    time: an article's text and claims are read when its turn comes, so memory
    holds one article (and the quoted claims quote drift compares), not all."""
    sources = session.execute(_source_query(source_id, outlet, limit)).all()
    if not sources:
        return
    filtered = source_id is not None or bool(outlet) or limit is not None
    drift = quote_drift(quoted_claims(session), {s[0] for s in sources} if filtered else None)
    drift_by_source: dict[int, list[dict]] = defaultdict(list)
    for pair in drift:
        for this, other in (pair["claims"], pair["claims"][::-1]):
            drift_by_source[this["source_id"]].append(
                {"speaker": pair["speaker"], "score": pair["score"], "shared": pair["shared"],
                 "this": this, "other": other})
    for sid, path, title, published, outlet_name in sources:
        text = session.scalar(select(Source.text).where(Source.id == sid)) or ""
        yield _audit_one(session, (sid, path, title, published, text, outlet_name), drift_by_source.get(sid, []))


def audit_sources(session: Session, source_id: int | None = None, outlet: str | None = None,
                  limit: int | None = None) -> list[dict]:
    """Every record of `iter_audit` as a list."""
    return list(iter_audit(session, source_id, outlet, limit))


SUMMED = ("claims", "anonymous", "relayed", "unresolved", "quote_drift", "unsupported_headlines")


def summarise(records) -> list[dict]:
    """Per outlet (then a total): articles and the summed counts of their audit records."""
    by: dict[str, dict] = {}
    total = {"outlet": "(all)", "articles": 0, **{k: 0 for k in SUMMED}}
    for r in records:
        row = by.setdefault(r["outlet"] or "(no outlet)",
                            {"outlet": r["outlet"] or "(no outlet)", "articles": 0, **{k: 0 for k in SUMMED}})
        for target in (row, total):
            target["articles"] += 1
            for k in SUMMED:
                target[k] += r[k]
    rows = sorted(by.values(), key=lambda x: (-x["articles"], x["outlet"].casefold()))
    for row in rows + [total]:
        row["anonymous_share"] = round(row["anonymous"] / row["claims"], 3) if row["claims"] else 0.0
    return rows + [total] if rows else []


def _audit_one(session: Session, src, drift: list[dict]) -> dict:
    sid, path, title, published, text, outlet = src
    records = list(claim_records(session, ClaimFilter(source=sid)))
    anonymous = [r for r in records if r["speaker"]["type"] == "anonymous"]
    relayed = [{"claim_id": r["claim_id"], "speaker": speaker_label(r), "via": r["via"], "chain": chain(r),
                "text": r["text"]} for r in records if any(v != outlet for v in r["via"])]
    unresolved = [{"claim_id": r["claim_id"], "mention": r["speaker"]["mention"],
                   "reason": r["unresolved"] or "no speaker recorded", "text": r["text"]}
                  for r in records if not r["speaker"]["name"]]
    headlines = headline_findings(records, headline_region(text, title))
    n = len(records)
    return {
        "source_id": sid, "path": path, "outlet": outlet, "published": published, "title": title,
        "claims": n, "anonymous": len(anonymous), "anonymous_share": round(len(anonymous) / n, 3) if n else 0.0,
        "anonymous_claims": [{"claim_id": r["claim_id"], "speaker": speaker_label(r), "text": r["text"]}
                             for r in anonymous],
        "relayed": len(relayed), "relayed_claims": relayed,
        "unresolved": len(unresolved), "unresolved_claims": unresolved,
        "quote_drift": len(drift), "quote_drift_pairs": drift,
        "unsupported_headlines": len(headlines), "headline_claims": headlines,
    }
