"""schema.org JSON-LD: one `Claim` per exported claim and a `ClaimReview` for
each contradiction an editor has ruled on (status confirmed or dismissed).

Each Claim's `appearance` is its own Web Annotation `oa:SpecificResource`:
`hasSource` the NewsArticle it was found in (one node per article, shared by
its claims), `hasSelector` a selector pair for this claim's span only:
TextQuoteSelector {exact, prefix, suffix} (32 code points of context, as
Hypothesis keeps) and TextPositionSelector {start, end}.

An editor's ruling is about a contradiction, never about whether a claim is
true: the ClaimReview reviews a Claim of its own ("these claims contradict
each other: ..."), based on the member claims, with `reviewAspect`
"contradiction" and a rating named for the ruling ("contradiction
confirmed" / "not a contradiction").  Offsets count Unicode code points of the stored source text
(Python str indices), not UTF-16 units.  No network: the document names the
schema.org context and maps the selector terms to the Web Annotation
vocabulary inline.
"""
from __future__ import annotations

import json
from typing import TextIO

from sqlalchemy import select

from ..db.models import Source
from ..query import ClaimFilter
from .rows import contradictions, enriched_chunks

BASE = "urn:provenance:"
CONTEXT_LEN = 32
OA_TERMS = {
    "oa": "http://www.w3.org/ns/oa#",
    "SpecificResource": "oa:SpecificResource",
    "hasSource": {"@id": "oa:hasSource"}, "hasSelector": {"@id": "oa:hasSelector"},
    "TextQuoteSelector": "oa:TextQuoteSelector", "TextPositionSelector": "oa:TextPositionSelector",
    "exact": "oa:exact", "prefix": "oa:prefix", "suffix": "oa:suffix",
    "start": {"@id": "oa:start", "@type": "http://www.w3.org/2001/XMLSchema#nonNegativeInteger"},
    "end": {"@id": "oa:end", "@type": "http://www.w3.org/2001/XMLSchema#nonNegativeInteger"},
}
CONTEXT = ["https://schema.org", OA_TERMS]
ORG_TYPES = {"organization", "outlet", "document"}


def author(speaker: dict) -> dict | None:
    """Person/Organization for a resolved speaker; anonymous sources are a
    Person named as written ("a senior official").  Unresolved: no author."""
    if not speaker["name"]:
        return None
    out = {"@type": "Organization" if speaker["type"] in ORG_TYPES else "Person", "name": speaker["name"]}
    if speaker["role"]:
        out["jobTitle"] = speaker["role"]
    if speaker["type"] == "anonymous":
        out["description"] = "anonymous source, named as written in the article"
    return out


def selectors(text: str, start: int, end: int) -> list[dict]:
    return [
        {"@type": "TextQuoteSelector", "exact": text[start:end],
         "prefix": text[max(0, start - CONTEXT_LEN):start], "suffix": text[end:end + CONTEXT_LEN]},
        {"@type": "TextPositionSelector", "start": start, "end": end},
    ]


def appearance(r: dict, text: str) -> dict:
    """This claim's span in its article: an oa:SpecificResource of its own."""
    return {"@type": "SpecificResource", "@id": f"{BASE}appearance:{r['claim_id']}",
            "hasSource": article(r), "hasSelector": selectors(text, r["start"], r["end"])}


def article(r: dict) -> dict:
    src = r["source"]
    out = {"@type": "NewsArticle", "@id": f"{BASE}article:{src['id']}"}
    if src["url"]:
        out["url"] = src["url"]
    out["identifier"] = src["path"]
    for key, value in (("headline", src["title"]), ("datePublished", src.get("published_at") or src["published"]),
                       ("author", src["author"] and {"@type": "Person", "name": src["author"]})):
        if value:
            out[key] = value
    if src["outlet"]:
        out["publisher"] = {"@type": "Organization", "name": src["outlet"]}
    based = None
    for name in r["via"]:  # nearest the speaker first; the outermost report wraps the inner ones
        based = {"@type": "NewsArticle", "publisher": {"@type": "Organization", "name": name},
                 **({"isBasedOn": based} if based else {})}
    if based:
        out["isBasedOn"] = based
    out["sha256"] = src["sha256"]
    return out


def claim_object(r: dict, text: str) -> dict:
    out = {"@type": "Claim", "@id": f"{BASE}claim:{r['claim_id']}", "text": r["text"]}
    who = author(r["speaker"])
    if who:
        out["author"] = who
    if r["source"]["published"]:
        out["datePublished"] = r["source"].get("published_at") or r["source"]["published"]
    out["appearance"] = appearance(r, text)
    if r["_db"]["points"]:
        out["about"] = [{"@type": "CreativeWork", "@id": f"{BASE}point:{p['ref']}", "name": p["title"],
                         "identifier": p["ref"], "isPartOf": {"@id": f"{BASE}plan:{p['plan']}"}}
                        for p in r["_db"]["points"]]
    return out


RULINGS = {"confirmed": "contradiction confirmed", "dismissed": "not a contradiction"}


def review_object(x: dict) -> dict:
    """A ruling on a contradiction (see the module doc); author and url when the review records them."""
    ruling = [rv for rv in x["reviews"] if rv["status"] == x["status"]]
    last = ruling[-1] if ruling else None
    rating = {"@type": "Rating", "name": RULINGS.get(x["status"], x["status"]),
              "alternateName": RULINGS.get(x["status"], x["status"])}
    if last and last["note"]:
        rating["ratingExplanation"] = last["note"]
    statement = "These claims contradict each other" + (f": {x['explanation']}" if x["explanation"] else "")
    out = {"@type": "ClaimReview", "@id": f"{BASE}contradiction:{x['id']}",
           "name": f"{x['kind']} contradiction" + (f" on {x['topic']}" if x["topic"] else ""),
           "reviewAspect": "contradiction",
           "claimReviewed": statement,
           "itemReviewed": {"@type": "Claim", "@id": f"{BASE}contradiction-claim:{x['id']}", "text": statement,
                            "isBasedOn": [{"@id": f"{BASE}claim:{uid}"} for uid in x["claims"]]},
           "reviewRating": rating}
    if last and last.get("reviewer"):
        out["author"] = {"@type": "Person", "name": last["reviewer"]}
    if last and last.get("url"):
        out["url"] = last["url"]
    if last and last["reviewed_at"]:
        out["datePublished"] = last["reviewed_at"][:10]
    return out


class _TextCache:
    """The stored text of the source being exported (claims come in source order)."""

    def __init__(self, session):
        self.session, self.id, self.text = session, None, ""

    def __call__(self, source_id: int) -> str:
        if source_id != self.id:
            self.id = source_id
            self.text = self.session.execute(select(Source.text).where(Source.id == source_id)).scalar_one()
        return self.text


def write_jsonld(session, f: ClaimFilter, out: TextIO) -> int:
    """{"@context": ..., "@graph": [Claim..., ClaimReview...]}, streamed claim by claim."""
    texts = _TextCache(session)
    out.write('{"@context": ' + json.dumps(CONTEXT, ensure_ascii=False) + ',\n "@graph": [')
    n, claim_ids = 0, set()
    sep = "\n  "
    for chunk in enriched_chunks(session, f):
        for r in chunk:
            claim_ids.add(r["_db"]["claim_id"])
            out.write(sep + json.dumps(claim_object(r, texts(r["source"]["id"])), ensure_ascii=False))
            sep = ",\n  "
            n += 1
    for x in contradictions(session, claim_ids, ruled_only=True):
        out.write(sep + json.dumps(review_object(x), ensure_ascii=False))
        sep = ",\n  "
    out.write("\n ]}\n")
    return n
