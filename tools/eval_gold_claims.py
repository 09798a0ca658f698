#!/usr/bin/env python3
"""Contradiction detection given right claims: a gold set's claim spans and
speakers go straight into the detectors, so detection is measured apart from
extraction.

usage: .venv/bin/python tools/eval_gold_claims.py GOLD_DIR ARTICLES_DIR [-v] [-f]
  -v  list the gold pairs not found;  -f  list every finding (!! = holds no gold pair)
HTML articles are read as visible text with the set's own tools/visible_text.py
when GOLD_DIR/../tools has one (dev2 does), else as plain text.
"""
import hashlib
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

import provenance.contradict as C  # noqa: E402
from provenance.contradict.common import Context  # noqa: E402
from provenance.records import ClaimView  # noqa: E402


def _reader(gold_dir):
    tools = os.path.join(os.path.dirname(os.path.abspath(gold_dir)), "tools")
    if os.path.exists(os.path.join(tools, "visible_text.py")):
        sys.path.insert(0, tools)
        from visible_text import visible_text
        return lambda p: visible_text(p) if p.endswith((".html", ".htm")) else open(p, encoding="utf-8").read()
    return lambda p: open(p, encoding="utf-8").read()


def main(argv):
    args = [a for a in argv if not a.startswith("-")]
    if len(args) != 2:
        sys.exit(__doc__.strip().split("\n\n")[1])
    gold_dir, art_dir = args
    read = _reader(gold_dir)
    gold = {}
    for f in sorted(os.listdir(gold_dir)):
        if f.endswith(".json") and f not in ("contradictions.json", "plans.json"):
            g = json.load(open(os.path.join(gold_dir, f), encoding="utf-8"))
            gold[g["source"]] = g
    claims, texts, starts, ids = [], {}, {}, {}
    for sid, (name, g) in enumerate(sorted(gold.items()), 1):
        text = read(os.path.join(art_dir, name))
        texts[sid] = text
        for x in g["claims"]:
            cid = len(ids) + 1
            pos = text.find(x["span"])
            starts[cid] = max(pos if pos >= 0 else text.find(x["span"][:40]), 0)
            ids[cid] = f"{name}#{x['id']}"
            claims.append(ClaimView(id=cid, uid=hashlib.sha1(ids[cid].encode()).hexdigest()[:20], source_id=sid,
                                    text=x["span"], quote=None, kind=x.get("kind", ""), speaker=x["speaker"],
                                    speaker_type=x.get("type"), outlet=g.get("outlet"), published=g.get("published"),
                                    topics=tuple(x.get("topics") or ())))
    found_f = [f for f in C.detect(claims, Context(texts=texts, starts=starts)) if f.kind in C.FACTUAL_KINDS]
    wanted = [[f"{n}#{c}" for c in cc["claims"]] for n, g in gold.items() for cc in g.get("contradictions", [])]
    cross = os.path.join(gold_dir, "contradictions.json")
    if os.path.exists(cross):
        wanted += [c["claims"] for c in json.load(open(cross, encoding="utf-8"))]
    sets = [{ids[i] for i in f.claims} for f in found_f]
    found, useful = 0, set()
    for w in wanted:
        hit = [j for j, s in enumerate(sets) if all(k in s for k in w)]
        if hit:
            found += 1
            useful.update(hit)
        elif "-v" in argv:
            print("MISS", w)
    print(f"given gold claims: {found}/{len(wanted)} pairs found, {len(useful)}/{len(found_f)} findings hold a gold pair")
    if "-f" in argv:
        for j, f in enumerate(found_f):
            print("  " if j in useful else "!!", f.kind, f.explanation[:250])


if __name__ == "__main__":
    main(sys.argv[1:])
