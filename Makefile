# Two commands for a new machine: `make run` and `make test`. Everything else is a helper of those.
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
# .python-version names the interpreter; pyenv resolves it, python3.12 is the fallback.
PYTHON  ?= $(shell pyenv which python 2>/dev/null || command -v python3.12 || command -v python3.13)
HOST    ?= 127.0.0.1
PORT    ?= 8000

.PHONY: run install test lint types pytest bench bench-beban bench-nasional demo clean

$(STAMP): pyproject.toml
	@test -n "$(PYTHON)" || { echo "Python 3.12 or newer not found (see .python-version)"; exit 1; }
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 12))' \
		|| { echo "Capaian needs Python 3.12 or newer, $(PYTHON) is older"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/capaian migrate --no-input
	$(BIN)/capaian demo
	$(BIN)/capaian serve --host $(HOST) --port $(PORT)

demo: $(STAMP)
	$(BIN)/capaian migrate --no-input
	$(BIN)/capaian demo

lint: $(STAMP)
	$(BIN)/ruff check capaian tests bench
	$(BIN)/ruff format --check capaian tests bench

types: $(STAMP)
	$(BIN)/mypy capaian

pytest: $(STAMP)
	$(BIN)/pytest

test: lint types pytest

bench: $(STAMP)
	$(BIN)/python bench/engine.py
	$(BIN)/python bench/laporan.py
	$(BIN)/python bench/kota.py

# Locust against `capaian serve` on SQLite and PostgreSQL, loopback only, bounded in users and time.
bench-beban: $(STAMP)
	$(BIN)/pip install --quiet -e '.[dev,beban]'
	$(BIN)/python bench/beban.py

# A synthetic country on PostgreSQL (its own database capaian_nasional, dropped afterwards), bulk-loaded with
# COPY; SKALA=1 for all 546 pemda (5.2 million indicator-quarters, about 10 minutes on 2 cores).
SKALA ?= 0.1
bench-nasional: $(STAMP)
	$(BIN)/python bench/nasional.py --skala $(SKALA)

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
