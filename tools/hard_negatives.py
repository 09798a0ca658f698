"""Check that a gold set's hard negatives are not reported as contradictions.

    .venv/bin/python tools/hard_negatives.py ARTICLES PAIRS.json [-v]

PAIRS.json lists pairs of gold claims that look alike but do not contradict
(same town or number, another date, an updated toll): {"gold": GOLD_DIR,
"pairs": [["d01.txt#c1", "d01.txt#c9"], ...]}, paths relative to the
repository.  The articles are ingested into a throw-away database; each gold
claim is matched to the system claims holding its evidence (as
../shared/eval/score.py matches them).  A pair is reported when one finding
holds both as two distinct claims on different sides (or in a finding
without sides); on the same side it is listed as grouped, which is no
contradiction.  Exit 1 when a pair is reported.
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROV = str(ROOT / ".venv" / "bin" / "provenance")
QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


def norm(s: str | None) -> str:
    return " ".join(unicodedata.normalize("NFKC", s or "").translate(QUOTES).lower().split())


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("-")]
    verbose = "-v" in argv
    if len(args) != 2:
        print("usage: tools/hard_negatives.py ARTICLES PAIRS.json [-v]", file=sys.stderr)
        return 2
    articles, spec = Path(args[0]), json.loads(Path(args[1]).read_text(encoding="utf-8"))
    gold_dir = ROOT / spec["gold"] if not Path(spec["gold"]).is_absolute() else Path(spec["gold"])
    gold = {}
    for f in sorted(gold_dir.glob("*.json")):
        g = json.loads(f.read_text(encoding="utf-8"))
        if isinstance(g, dict) and "claims" in g:
            for c in g["claims"]:
                gold[f"{g['source']}#{c['id']}"] = c
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "h.db")
        subprocess.run([PROV, "--db", db, "ingest", "-q", str(articles)], check=True, capture_output=True)
        out = Path(tmp) / "c.jsonl"
        subprocess.run([PROV, "--db", db, "export", "claims", "--format", "jsonl", "-o", str(out)], check=True,
                       capture_output=True)
        claims = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines() if line.strip()]
        found = json.loads(subprocess.run([PROV, "--db", db, "contradictions", "--format", "json", "--limit", "0"],
                                          check=True, capture_output=True, text=True).stdout)
    findings = found.get("contradictions", found) if isinstance(found, dict) else found

    def system_ids(key: str) -> set:
        name, _, _cid = key.partition("#")
        ev = norm(gold[key]["evidence"])
        return {c.get("claim_id") for c in claims if Path(str((c.get("source") or {}).get("path", ""))).name == name
                and (ev in norm(c.get("text")) or ev in norm(c.get("quote")))}

    reported = 0
    for a, b in spec["pairs"]:
        ia, ib = system_ids(a), system_ids(b)
        status = "not extracted" if not (ia and ib) else "clear"
        for f in findings:
            members = set(f.get("claims") or [])
            if not (ia & members and ib & members) or len((ia | ib) & members) < 2:
                continue
            side_of = {c: i for i, s in enumerate(f.get("sides") or []) for c in s.get("claims", [])
                       if isinstance(c, str)}
            sa = {side_of.get(c) for c in ia & members}
            sb = {side_of.get(c) for c in ib & members}
            if f.get("sides") and sa == sb and None not in sa:
                status = "grouped on one side"
            else:
                status = f"REPORTED (finding {f.get('id')}, {f.get('kind')})"
                break
        reported += status.startswith("REPORTED")
        if verbose or status.startswith("REPORTED"):
            print(f"{a} vs {b}: {status}")
    print(f"hard negatives: {len(spec['pairs'])} pairs, {reported} reported")
    return 1 if reported else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
