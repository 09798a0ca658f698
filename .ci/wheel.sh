#!/usr/bin/env bash
# The package as a user gets it: build the wheel, install it into a fresh
# virtual environment in a temporary folder outside the checkout, and run the
# commands a new user would (ingest the seed articles, list claims and
# contradictions, export).  Fails when the installed tool cannot find its
# migrations, plans or rules.  Usage: bash .ci/wheel.sh [PYTHON]
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
py=${1:-python3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$py" -m pip wheel --quiet --no-deps -w "$work/dist" . 2>&1 | grep -v '^WARNING: Location' || true
wheel=$(ls "$work"/dist/provenance-*.whl)
"$py" -m venv "$work/venv"
"$work/venv/bin/python" -m pip install --quiet "$wheel" 2>&1 | grep -v '^WARNING: Location' || true

cp -r "$repo/sources" "$work/articles"
cd "$work"  # nothing of the checkout on the path
prov="$work/venv/bin/provenance"
"$prov" --db "$work/w.db" ingest --quiet articles
listed=$("$prov" --db "$work/w.db" claims --limit 3 --format jsonl)  # read whole: 'grep -q' in a pipe can stop the writer (SIGPIPE)
grep -q '"speaker"' <<<"$listed"
"$prov" --db "$work/w.db" contradictions --format json >/dev/null
"$prov" --db "$work/w.db" export graph --format graphml -o "$work/g.graphml"
"$prov" --db "$work/w.db" export claims --format csv -o "$work/c.csv"
test -s "$work/g.graphml" && test -s "$work/c.csv"
n=$("$prov" --db "$work/w.db" claims --format jsonl | wc -l)
test "$n" -gt 0
echo "wheel: installed outside the checkout, ingested sources/ ($n claims), listed and exported"
