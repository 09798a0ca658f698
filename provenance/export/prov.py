"""W3C PROV exports (the `prov` package): PROV-JSON, PROV-O Turtle, PROV-N.

Reported provenance, as the articles state it:
  article   entity article:<id> [schema:NewsArticle], wasAttributedTo its outlet
  outlet    agent outlet:<id> [prov:Organization]
  speaker   agent speaker:<id> [prov:Person | prov:Organization]; a document
            that "speaks" (a plan, a draft, a report) is no agent but an
            entity speaker:<id> [pv:Document]
  statement entity statement:<uid> [pv:Statement] - the original utterance,
            wasAttributedTo the speaker (when resolved), or wasDerivedFrom
            the document
  claim     entity claim:<uid> [schema:Claim] - the words in the article;
            a direct or mixed claim wasQuotedFrom its statement (a quotation),
            an indirect one wasDerivedFrom it [pv:Paraphrase]; and
            wasDerivedFrom its article
  relays    entity report:<uid>.<n> [pv:Report] per relaying outlet, nearest
            the speaker first: report.0 wasDerivedFrom the statement, each
            next report wasDerivedFrom the previous one, the claim
            wasDerivedFrom the last report; each report wasAttributedTo its outlet.
All `prov:type` values are QualifiedNames, not strings.  Records are added in
document order, so the output is the same on every run.
"""
from __future__ import annotations

from typing import TextIO

from prov.model import PROV, ProvDocument

from ..query import ClaimFilter
from .rows import enriched_chunks

BASE = "urn:provenance:"
NAMESPACES = {
    "pv": BASE + "ns#", "schema": "https://schema.org/", "claim": BASE + "claim:",
    "statement": BASE + "statement:", "report": BASE + "report:", "article": BASE + "article:",
    "speaker": BASE + "speaker:", "outlet": BASE + "outlet:", "point": BASE + "point:",
}
AGENT_TYPES = {"person": "Person", "anonymous": "Person", "organization": "Organization",
               "outlet": "Organization"}
DOCUMENT = "document"  # a speaker type that is an entity, not an agent
QUOTED_KINDS = {"direct", "mixed"}  # the claim holds the speaker's own words


def _attrs(pairs) -> list[tuple]:
    return [(k, v) for k, v in pairs if v is not None]


def build_document(session, f: ClaimFilter) -> tuple[ProvDocument, int]:
    doc = ProvDocument()
    ns = {prefix: doc.add_namespace(prefix, uri) for prefix, uri in NAMESPACES.items()}
    pv, schema = ns["pv"], ns["schema"]
    seen: set = set()
    n = 0

    def outlet(oid, name, kind):
        q = ns["outlet"][str(oid)]
        if q not in seen:
            seen.add(q)
            doc.agent(q, _attrs([(PROV["type"], PROV["Organization"]), (PROV["label"], name),
                                 (pv["outletKind"], kind)]))
        return q

    for chunk in enriched_chunks(session, f):
        for r in chunk:
            n += 1
            db, sp, src = r["_db"], r["speaker"], r["source"]
            art = ns["article"][str(src["id"])]
            if art not in seen:
                seen.add(art)
                doc.entity(art, _attrs([
                    (PROV["type"], schema["NewsArticle"]), (PROV["label"], src["title"]),
                    (schema["url"], src["url"]), (pv["path"], src["path"]), (pv["sha256"], src["sha256"]),
                    (schema["datePublished"], src["published"]), (schema["author"], src["author"])]))
                if db["outlet_id"] is not None:
                    doc.wasAttributedTo(art, outlet(db["outlet_id"], src["outlet"], db["outlet_kind"]))
            who = None
            if db["speaker_id"] is not None:
                who = ns["speaker"][str(db["speaker_id"])]
                if who not in seen:
                    seen.add(who)
                    if db["speaker_type"] == DOCUMENT:
                        doc.entity(who, _attrs([(PROV["type"], pv["Document"]), (PROV["label"], sp["name"]),
                                                (pv["speakerType"], db["speaker_type"])]))
                    else:
                        doc.agent(who, _attrs([
                            (PROV["type"], PROV[AGENT_TYPES.get(db["speaker_type"], "Person")]),
                            (PROV["label"], sp["name"]), (pv["speakerType"], db["speaker_type"])]))
            uid = r["claim_id"]
            stmt = doc.entity(ns["statement"][uid], _attrs([
                (PROV["type"], pv["Statement"]), (PROV["value"], r["quote"]), (pv["mention"], sp["mention"]),
                (pv["role"], sp["role"]), (pv["unresolved"], r["unresolved"])]))
            if who is not None and db["speaker_type"] == DOCUMENT:
                doc.wasDerivedFrom(stmt, who)
            elif who is not None:
                doc.wasAttributedTo(stmt, who)
            claim = doc.entity(ns["claim"][uid], _attrs(
                [(PROV["type"], schema["Claim"]), (PROV["value"], r["text"]), (pv["kind"], r["kind"]),
                 (pv["cue"], r["cue"]), (pv["start"], r["start"]), (pv["end"], r["end"]),
                 (pv["offsetUnit"], "codepoint"), (pv["rule"], r["rule"])]
                + [(schema["about"], ns["point"][p]) for p in r["plan_points"]]))
            if r["kind"] in QUOTED_KINDS:
                doc.wasQuotedFrom(claim, stmt)
            else:
                doc.wasDerivedFrom(claim, stmt, other_attributes=[(PROV["type"], pv["Paraphrase"])])
            doc.wasDerivedFrom(claim, art)
            previous = stmt
            for pos, oid, name, kind in db["relays"]:
                report = doc.entity(ns["report"][f"{uid}.{pos}"], [
                    (PROV["type"], pv["Report"]), (PROV["label"], f"{name} report"), (pv["position"], pos)])
                doc.wasAttributedTo(report, outlet(oid, name, kind))
                doc.wasDerivedFrom(report, previous)
                previous = report
            if previous is not stmt:
                doc.wasDerivedFrom(claim, previous)
    return doc, n


def write_json(session, f: ClaimFilter, out: TextIO) -> int:
    doc, n = build_document(session, f)
    doc.serialize(out, format="json", indent=1, ensure_ascii=False)
    out.write("\n")
    return n


def write_turtle(session, f: ClaimFilter, out: TextIO) -> int:
    """PROV-O as Turtle.  Quotations come in qualified form only
    (prov:qualifiedQuotation [a prov:Quotation; prov:entity ...])."""
    doc, n = build_document(session, f)
    out.write(doc.serialize(format="rdf", rdf_format="turtle"))
    return n


def write_provn(session, f: ClaimFilter, out: TextIO) -> int:
    doc, n = build_document(session, f)
    out.write(doc.get_provn() + "\n")
    return n
