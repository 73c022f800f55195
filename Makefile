# Humas CMS. `make run` and `make test` are the two commands in the README.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install install-dev venv migrate seed lint format check serve messages clean bench faults

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

venv: $(BIN)/python

install: venv
	$(PY) -m pip install --quiet -r requirements.txt

install-dev: venv
	$(PY) -m pip install --quiet -r requirements-dev.txt

migrate: install
	DJANGO_DEBUG=1 $(PY) manage.py migrate --noinput

seed: migrate
	DJANGO_DEBUG=1 $(PY) manage.py seed_demo

run: seed
	@echo "Situs demo: http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/)"
	DJANGO_DEBUG=1 $(PY) manage.py runserver $(HOST):$(PORT)

test: install-dev lint
	$(PY) -m pytest

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: install
	DJANGO_DEBUG=1 $(PY) manage.py check
	DJANGO_DEBUG=1 $(PY) manage.py makemigrations --check --dry-run

# Benchmark (not part of `make test`): builds a throw-away PostgreSQL database
# (humas_bench on 127.0.0.1:5432, user postgres) with 100,000 articles, runs
# gunicorn (2 workers) against Redis database 15 and loads it with wrk.
# Results: bench/results/ and the README. BENCH_ARGS="--keep-db" keeps the DB.
bench: install
	@command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	$(PY) bench/run.py $(BENCH_ARGS)

# Fault suite (not part of `make test`): its own PostgreSQL cluster, Redis and
# gunicorn on free ports of 127.0.0.1, real outages under load, verdicts in
# bench/results/faults.txt. FAULTS_SOAK_SECONDS=60 shortens the soak;
# FAULTS_ARGS="--faults db,redis" runs some; bounded by a global timeout.
faults: install-dev
	$(PY) bench/faults.py $(FAULTS_ARGS)

# Production configuration (debug off) with gunicorn + whitenoise on $(HOST):$(PORT).
# Needs DJANGO_SECRET_KEY; to try it locally over plain http with the uploads:
# DJANGO_HTTPS=0 DJANGO_SERVE_MEDIA=1 (media is the reverse proxy's job otherwise).
serve: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py collectstatic --noinput --verbosity 0
	$(BIN)/gunicorn -c gunicorn.conf.py --bind $(HOST):$(PORT) humas_site.wsgi

# Indonesian is the source language: only the English catalogue is extracted.
# locale/id holds hand-written Indonesian for third-party apps (two-factor,
# django-otp, prose editor); never run makemessages -l id, it would add the
# project's own (already Indonesian) strings. Both are compiled; the .mo files
# are committed so servers need no gettext.
messages: install
	DJANGO_DEBUG=1 $(PY) manage.py makemessages -l en --no-obsolete \
		--ignore=.venv --ignore=staticfiles --ignore=media --ignore=bench
	DJANGO_DEBUG=1 $(PY) manage.py compilemessages --ignore=.venv --ignore=bench

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
