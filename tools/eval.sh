#!/usr/bin/env bash
# Score the extractor on one gold set: tools/eval.sh ARTICLES GOLD [score.py options]
# Ingests ARTICLES into a throw-away database, exports claims and contradictions,
# and runs ../shared/eval/score.py against GOLD.  `make eval` runs it on the seeds
# and on ../shared/eval/dev2.  Default score.py option: none (summary only).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

[[ $# -ge 2 ]] || { echo "usage: tools/eval.sh ARTICLES GOLD [score.py options]" >&2; exit 2; }
ARTICLES=$1; GOLD=$2; shift 2

PROV="$ROOT/.venv/bin/provenance"
PY="$ROOT/.venv/bin/python"
SCORE="$ROOT/../shared/eval/score.py"

[[ -x "$PROV" ]] || { echo "eval: $PROV not found (run make install)" >&2; exit 2; }
[[ -f "$SCORE" ]] || { echo "eval: $SCORE not found" >&2; exit 2; }
[[ -e "$ARTICLES" ]] || { echo "eval: $ARTICLES not found" >&2; exit 2; }
[[ -d "$GOLD" ]] || { echo "eval: $GOLD not found" >&2; exit 2; }

TMP="$(mktemp -d "${TMPDIR:-/tmp}/provenance-eval.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT

if ! "$PROV" --db "$TMP/e.db" ingest "$ARTICLES" >"$TMP/ingest.log" 2>&1; then
    cat "$TMP/ingest.log" >&2
    echo "eval: ingest failed" >&2
    exit 1
fi
"$PROV" --db "$TMP/e.db" export claims --format jsonl -o "$TMP/e.jsonl" 2>/dev/null
"$PROV" --db "$TMP/e.db" contradictions --format json --limit 0 >"$TMP/ex.json"
"$PY" "$SCORE" "$GOLD" "$TMP/e.jsonl" "$TMP/ex.json" "$@"
