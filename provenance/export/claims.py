"""Claims as JSONL (the published contract of DESIGN.md), JSON and CSV."""
from __future__ import annotations

import json
from typing import TextIO

from ..query import ClaimFilter, claim_records
from ..render import CsvWriter

CSV_COLUMNS = ["claim_id", "text", "quote", "kind", "cue", "speaker_name", "speaker_mention", "speaker_type",
               "speaker_role", "via", "source_path", "source_outlet", "source_published", "source_author",
               "source_title", "source_sha256", "start", "end", "plan_points", "topics", "rule", "source_published_at"]


def contract(record: dict) -> dict:
    """Exactly the export record of DESIGN.md (plus `topics`, `unresolved` for readers who want them)."""
    src = record["source"]
    return {
        "claim_id": record["claim_id"], "text": record["text"], "quote": record["quote"], "kind": record["kind"],
        "cue": record["cue"], "speaker": record["speaker"], "via": record["via"],
        "source": {"path": src["path"], "outlet": src["outlet"], "published": src["published"],
                   "published_at": src["published_at"], "author": src["author"], "title": src["title"], "sha256": src["sha256"]},
        "start": record["start"], "end": record["end"], "plan_points": record["plan_points"],
        "rule": record["rule"], "topics": record["topics"], "unresolved": record["unresolved"],
    }


def write_jsonl(session, f: ClaimFilter, out: TextIO) -> int:
    n = 0
    for record in claim_records(session, f):
        out.write(json.dumps(contract(record), ensure_ascii=False) + "\n")
        n += 1
    return n


def write_json(session, f: ClaimFilter, out: TextIO) -> int:
    records = [contract(r) for r in claim_records(session, f)]
    json.dump(records, out, ensure_ascii=False, indent=2)
    out.write("\n")
    return len(records)


def write_csv(session, f: ClaimFilter, out: TextIO) -> int:
    """One row per claim; list fields joined with '; '; formula-like cells neutralised (render.CsvWriter)."""
    writer = CsvWriter(out)
    writer.writerow(CSV_COLUMNS)
    n = 0
    for r in claim_records(session, f):
        sp, src = r["speaker"], r["source"]
        writer.writerow([r["claim_id"], r["text"], r["quote"] or "", r["kind"], r["cue"], sp["name"] or "",
                         sp["mention"] or "", sp["type"] or "", sp["role"] or "", "; ".join(r["via"]),
                         src["path"], src["outlet"] or "", src["published"] or "", src["author"] or "",
                         src["title"] or "", src["sha256"], r["start"], r["end"], "; ".join(r["plan_points"]),
                         "; ".join(r["topics"]), r["rule"], src["published_at"] or ""])
        n += 1
    return n
