#!/usr/bin/env bash
# Score the extractor on the held-out articles in tests/fixtures/heldout/
# (see tests/fixtures/heldout/README.md). Run from anywhere; extra arguments
# are passed to score.py (e.g. --json). Default: --verbose.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

PROV="$ROOT/.venv/bin/provenance"
PY="$ROOT/.venv/bin/python"
SCORE="$ROOT/../shared/eval/score.py"
HELDOUT="tests/fixtures/heldout"

[[ -x "$PROV" ]] || { echo "eval_heldout: $PROV not found (run make install)" >&2; exit 2; }
[[ -f "$SCORE" ]] || { echo "eval_heldout: $SCORE not found" >&2; exit 2; }
[[ -x "$PY" ]] || PY=python3

TMP="$(mktemp -d "${TMPDIR:-/tmp}/heldout-eval.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT

if ! "$PROV" --db "$TMP/h.db" ingest "$HELDOUT/" >"$TMP/ingest.log" 2>&1; then
    cat "$TMP/ingest.log" >&2
    echo "eval_heldout: ingest failed" >&2
    exit 1
fi
tail -n 1 "$TMP/ingest.log" >&2
"$PROV" --db "$TMP/h.db" export claims --format jsonl -o "$TMP/h.jsonl"
"$PROV" --db "$TMP/h.db" contradictions --format json >"$TMP/hx.json"

if [[ $# -eq 0 ]]; then set -- --verbose; fi
"$PY" "$SCORE" "$HELDOUT/gold" "$TMP/h.jsonl" "$TMP/hx.json" "$@"
