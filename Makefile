PY := .venv/bin/python
PROV := .venv/bin/provenance
DEMO_DB := $(shell mktemp -u /tmp/provenance-demo-XXXXXX).db
SERVE_DB ?= /tmp/provenance-serve-demo.db
PORT ?= 8000

.PHONY: install test test-pg fuzz demo serve eval bench bench-detect bench-detect-pg clean

install:
	python3 -m venv .venv
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'

test:
	$(PY) -m pytest

test-pg:
	bash .ci/pg.sh run $(PY) -m pytest -m pg

# generated articles up to 50 KB (tests/test_fuzz_articles.py), many more than make test runs;
# prints the worst extraction time per KB (recorded in SECURITY.md)
FUZZ_EXAMPLES ?= 1000
fuzz:
	FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(PY) -m pytest -s -p no:randomly tests/test_fuzz_articles.py

demo:
	$(PROV) --db $(DEMO_DB) ingest sources/
	$(PROV) --db $(DEMO_DB) sources
	$(PROV) --db $(DEMO_DB) claims --limit 25
	$(PROV) --db $(DEMO_DB) contradictions
	rm -f $(DEMO_DB)

serve:  # the newsroom view on a demo database of sources/ (kept in SERVE_DB, so rulings stay)
	$(PROV) --db $(SERVE_DB) db upgrade
	$(PROV) --db $(SERVE_DB) ingest sources/
	$(PROV) --db $(SERVE_DB) serve --port $(PORT)

eval:
	@echo "== seeds (sources/ against ../shared/eval/seeds)"
	@bash tools/eval.sh sources/ ../shared/eval/seeds
	@echo "== dev2 (../shared/eval/dev2)"
	@bash tools/eval.sh ../shared/eval/dev2/articles ../shared/eval/dev2/gold
	@echo "== dev2 hard negatives (tools/dev2_hard_negatives.json: look-alike pairs that must not be reported)"
	@$(PY) tools/hard_negatives.py ../shared/eval/dev2/articles tools/dev2_hard_negatives.json

bench:
	$(PY) -m bench.run

clean:
	rm -rf .venv build *.egg-info .pytest_cache

# detection on distinct claim texts at two sizes, and after 20 new articles (bench/distinct.py)
bench-detect:
	BENCH_N=$${BENCH_N:-2000} $(PY) -m bench.distinct

bench-detect-pg:
	bash .ci/pg.sh run sh -c 'BENCH_PG="$$PROVENANCE_TEST_PG" BENCH_N=$${BENCH_N:-2000} $(PY) -m bench.distinct'
