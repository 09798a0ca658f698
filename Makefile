PY := .venv/bin/python
PROV := .venv/bin/provenance
DEMO_DB := $(shell mktemp -u /tmp/provenance-demo-XXXXXX).db

.PHONY: install test test-pg demo eval bench clean

install:
	python3 -m venv .venv
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'

test:
	$(PY) -m pytest

test-pg:
	bash .ci/pg.sh run $(PY) -m pytest -m pg

demo:
	$(PROV) --db $(DEMO_DB) ingest sources/
	$(PROV) --db $(DEMO_DB) sources
	$(PROV) --db $(DEMO_DB) claims --limit 25
	$(PROV) --db $(DEMO_DB) contradictions
	rm -f $(DEMO_DB)

eval:
	@rm -f /tmp/provenance-eval.db
	$(PROV) --db /tmp/provenance-eval.db ingest sources/ >/dev/null
	$(PROV) --db /tmp/provenance-eval.db export claims --format jsonl -o /tmp/provenance-eval.jsonl
	$(PROV) --db /tmp/provenance-eval.db contradictions --format json > /tmp/provenance-eval-x.json
	$(PY) ../shared/eval/score.py ../shared/eval/seeds /tmp/provenance-eval.jsonl /tmp/provenance-eval-x.json

bench:
	$(PY) -m bench.run

clean:
	rm -rf .venv build *.egg-info .pytest_cache
