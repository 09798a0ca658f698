#!/usr/bin/env bash
# Score the extractor on the held-out articles in tests/fixtures/heldout/
# (see tests/fixtures/heldout/README.md). Extra arguments go to score.py; default --verbose.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [[ $# -eq 0 ]]; then set -- --verbose; fi
exec bash "$ROOT/tools/eval.sh" "$ROOT/tests/fixtures/heldout/" "$ROOT/tests/fixtures/heldout/gold" "$@"
