# Two commands do all the set-up on a fresh machine with Python 3.11: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test bench clean-outputs

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(TEST_STAMP): pyproject.toml $(STAMP)
	$(BIN)/pip install -q -e '.[test]'
	touch $@

run: $(STAMP)
	$(BIN)/zh-events run seeds --out outputs/seeds --overwrite

test: $(TEST_STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/pip install -q -e '.[bench]'
	for b in benchmarks/bench_*.py; do $(BIN)/python $$b || exit 1; done

clean-outputs:
	rm -rf outputs/seeds

# The spacy-pkuseg back-end's pipeline (23 MB, not committed): an NER on the committed pkuseg-msra words.
models/spacy-pkuseg-msra: $(STAMP) configs/ner/spacy_pkuseg.cfg
	$(BIN)/zh-events train-ner --config configs/ner/spacy_pkuseg.cfg --output $@ --work-dir build/spacy-pkuseg \
		--max-train-sentences 4000 --dev-sentences 300 --max-minutes 4 --max-steps 100000
