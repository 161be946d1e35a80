# Lotse: the two commands of the README are `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
#: Every dependency, transitive ones included, pinned with its hashes (regenerate with `make lock`).
LOCK := requirements.lock
PIP_TOOLS := pip-tools==7.7.0
#: The pip that installs the lock file: the one `python3 -m venv` brings (23.2 with Python 3.11.7) misreads
#: pins with extras (jsonschema[format]==…) as unpinned in --require-hashes mode.
PIP_VERSION := 26.3

.PHONY: help run test test-fast coverage lint format lock bench eval model

help: ## show the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-9s %s\n", $$1, $$2}'

# Installs exactly what the lock file names (pip refuses anything whose hash differs), then Lotse itself.
$(STAMP): pyproject.toml $(LOCK)
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python tools/check_lock.py
	$(BIN)/python -m pip install --quiet pip==$(PIP_VERSION)
	$(BIN)/python -m pip install --quiet --require-hashes -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	@touch $(STAMP)

lock: ## pin every dependency of pyproject.toml (with dev) and its hashes in requirements.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet pip==$(PIP_VERSION) $(PIP_TOOLS)
	$(BIN)/pip-compile --quiet --generate-hashes --extra dev --allow-unsafe --no-strip-extras \
	  --no-emit-index-url --no-emit-find-links --output-file $(LOCK) pyproject.toml

run: $(STAMP) ## create the database, load seed_data/, build the index, serve on http://127.0.0.1:8000
	$(BIN)/lotse init
	$(BIN)/lotse serve --host 127.0.0.1 --port 8000

# axe-core for the browser tests (package-lock.json pins it); without npm those tests skip with a reason.
NODE_STAMP := node_modules/.installed-stamp
$(NODE_STAMP): package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
	  npm ci --no-audit --no-fund && touch $(NODE_STAMP) || echo "npm ci fehlgeschlagen: axe-Prüfungen werden übersprungen."; \
	else echo "npm fehlt: axe-Prüfungen der Browser-Tests werden übersprungen."; fi

# Without coverage: measuring it (branch coverage, Python 3.11's tracer) made the suite half again as slow, 10 min
# 49 s instead of about 7 min on a two-core machine with PostgreSQL; `make coverage` measures it.
test: $(STAMP) $(NODE_STAMP) ## run the whole test suite (PostgreSQL too when LOTSE_TEST_POSTGRES_URL is set)
	$(BIN)/python -m pytest -n 2 --dist loadfile $(PYTEST_ARGS)

coverage: $(STAMP) $(NODE_STAMP) ## the whole test suite with a line and branch coverage report of lotse/
	$(BIN)/python -m pytest -n 2 --dist loadfile --cov --cov-report=term:skip-covered $(PYTEST_ARGS)

test-fast: $(STAMP) ## the suite without browser, servers and installs (markers browser, slow): the edit-run loop
	$(BIN)/python -m pytest -n 2 --dist loadfile -m "not browser and not slow" $(PYTEST_ARGS)

lint: $(STAMP) ## ruff (lint; format check with tools/ too) and mypy on search and routing
	$(BIN)/ruff check lotse tests
	$(BIN)/ruff format --check lotse tests tools
	$(BIN)/mypy

format: $(STAMP) ## format the code with ruff
	$(BIN)/ruff format lotse tests tools
	$(BIN)/ruff check --fix lotse tests

bench: $(STAMP) ## benchmark search and routing on synthetic bundles (prints figures)
	$(BIN)/python -m tools.bench $(BENCH_ARGS)

eval: $(STAMP) ## need recognition (sealed sets first, then devset) and referrals (Lotse vs. baseline)
	$(BIN)/python -m tools.eval_needs
	$(BIN)/python -m tools.eval $(EVAL_ARGS)

model: $(STAMP) ## train the need model from corpus/train/ into lotse/data/need_model.npz (reproducible)
	$(BIN)/lotse train
