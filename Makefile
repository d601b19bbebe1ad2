# Two commands after cloning: `make run` (app with demo data on SQLite) and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.pyproject.sha256
HOST ?= 127.0.0.1
PORT ?= 8000
ARGS ?=
# Test workers (pytest-xdist): one per core; `make test WORKERS=0` runs in one process.
WORKERS ?= auto

# First interpreter that is really Python 3.12+ (a pyenv shim on PATH may exit 127).
PYTHON_FOUND := $(shell for c in $(PYTHON) python3.13 python3.12 python3 $$(pyenv root 2>/dev/null)/versions/3.1[2-9]*/bin/python3; do \
	[ -n "$$c" ] && "$$c" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && { echo "$$c"; break; }; done)

.PHONY: help run test venv lint format messages vendor bench load screenshots clean

help:
	@echo "make run    – venv, migraties, demodata en server op http://$(HOST):$(PORT)/"
	@echo "make test   – ruff en de volledige testsuite (DATABASE_URL bepaalt de database)"
	@echo "make vendor – front-end bestanden opnieuw uit npm halen (alleen bij een nieuwe versie)"
	@echo "make bench  – benchmarks (verhoudingen t.o.v. een kale Django-view)"

venv: $(STAMP)

# Reinstall only when pyproject.toml changed since the last install.
$(STAMP): pyproject.toml
	@if [ -z "$(PYTHON_FOUND)" ]; then \
		echo "Python 3.12 or newer is required: install it, or run make PYTHON=/path/to/python3.12"; exit 1; fi
	@[ -x $(BIN)/python ] && $(BIN)/python -c 'import sys; sys.exit(sys.version_info < (3, 12))' \
		|| { rm -rf $(VENV); "$(PYTHON_FOUND)" -m venv $(VENV); }
	$(BIN)/pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/pip install --quiet --disable-pip-version-check '.[dev]'
	@sha256sum pyproject.toml > $(STAMP)

# Extract Dutch source strings into locale/en and compile; the .mo files are committed so
# `make run` needs no GNU gettext. Translate the new msgids in locale/en/LC_MESSAGES/django.po.
messages: venv
	$(BIN)/python manage.py makemessages -l en --no-obsolete --ignore=.venv --ignore=node_modules --ignore=staticfiles
	$(BIN)/python manage.py compilemessages --ignore=.venv --ignore=node_modules

run: venv
	$(BIN)/python manage.py migrate --no-input -v0
	$(BIN)/python manage.py load_demo
	@echo
	@echo "  Warmtenet pilots draait op http://$(HOST):$(PORT)/  (stoppen: Ctrl+C)"
	@echo
	DJANGO_DEBUG=$${DJANGO_DEBUG:-true} $(BIN)/python manage.py runserver $(HOST):$(PORT)

test: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run -v0
	$(BIN)/pytest -n $(WORKERS) $(ARGS) || { rc=$$?; [ $$rc -eq 5 ] && echo "no tests collected" || exit $$rc; }

lint: venv
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

vendor:
	bash scripts/vendor.sh

# Page benchmarks, then the load test (gunicorn + PostgreSQL on 127.0.0.1), which writes its
# figures into docs/benchmarks.md; the load test runs even when a page budget is missed.
bench: venv
	$(BIN)/python bench/run.py; rc=$$?; $(BIN)/python bench/load.py --write-docs && exit $$rc

# Load and fault test against gunicorn + PostgreSQL on 127.0.0.1; not part of `make test`.
load: venv
	$(BIN)/python bench/load.py --fault --write-docs

screenshots: venv
	$(BIN)/python scripts/screenshots.py

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache .ruff_cache
