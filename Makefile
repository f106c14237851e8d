# The two commands of the README: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py

.PHONY: run test test-fast smoke lock lint format migrations-check messages compilemessages worker beat clean bench bench-export bench-import

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# requirements*.txt lock every transitive dependency with hashes: a fresh machine installs
# exactly what CI tested. Edit requirements*.in, then `make lock`.
$(VENV)/.installed-runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r requirements-dev.txt
	touch $(VENV)/.installed-runtime $@

## lock: compile requirements*.in into the hashed locks requirements*.txt
lock: | $(BIN)/python
	$(BIN)/pip install --quiet pip-tools==7.6.2
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url \
		--no-emit-find-links -o requirements.txt requirements.in
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url \
		--no-emit-find-links -o requirements-dev.txt requirements-dev.in

compilemessages: $(VENV)/.installed-runtime
	$(MANAGE) compilemessages --ignore=.venv --ignore=var -v 0

## run: install, migrate, seed the demo data and serve on http://127.0.0.1:8000
run: $(VENV)/.installed-runtime compilemessages
	$(MANAGE) migrate --no-input
	$(MANAGE) seed_demo
	$(MANAGE) runserver 127.0.0.1:8000

# The suite runs on one pytest-xdist worker per core, each on its own test database and Redis database.
# --dist load hands each worker its tests in collection order, which keeps pytest-django's order (database
# tests before transactional ones): a transactional test flushes its database when it ends (its
# serialized_rollback restores the reference data only at the start of the next transactional test), so
# whole files per worker (--dist loadfile) would run plain database tests on an emptied database.
TEST_WORKERS ?= auto
PYTEST_DIST = -n $(TEST_WORKERS) --dist load
PYTEST_ARGS ?=

## test: lint, check migrations, then the whole test suite
test: $(VENV)/.installed-dev node_modules/.installed compilemessages lint migrations-check
	$(BIN)/pytest $(PYTEST_DIST) --durations=25 $(PYTEST_ARGS)

## test-fast: the edit loop: no lint, no browser journeys, no LibreOffice, vnu or production-static checks
test-fast: $(VENV)/.installed-dev compilemessages
	$(BIN)/pytest $(PYTEST_DIST) -m "not engine_independent" $(PYTEST_ARGS)

## node_modules: the page checkers the tests run (axe-core, vnu-jar), pinned in package-lock.json
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund --ignore-scripts --loglevel=error && touch $@; \
	else echo "npm not found: the accessibility and HTML checks will be skipped"; fi

## smoke: production settings end to end (DEBUG off, collectstatic, gunicorn, a real worker on PostgreSQL + Redis)
smoke: $(VENV)/.installed-dev compilemessages
	$(BIN)/python .ci/smoke.py

## lint: the hooks of .pre-commit-config.yaml on every file (ruff, ruff format, django-upgrade, djhtml)
lint: $(VENV)/.installed-dev
	PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/pre-commit run --all-files --show-diff-on-failure

format: $(VENV)/.installed-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml templates/
	git ls-files '*.py' | xargs $(BIN)/django-upgrade --target-version 5.2

migrations-check: $(VENV)/.installed-runtime
	$(MANAGE) makemigrations --check --dry-run

## messages: extract new strings into the Russian and Belarusian catalogues
messages: $(VENV)/.installed-runtime
	$(MANAGE) makemessages -l ru -l be --ignore=.venv --ignore=var --ignore=tests --ignore=bench --no-location

## worker / beat: Celery processes for a production-like setup (REDIS_URL must be set)
worker: $(VENV)/.installed-runtime
	$(BIN)/celery -A uncnm_portal worker --loglevel=INFO

beat: $(VENV)/.installed-runtime
	$(BIN)/celery -A uncnm_portal beat --loglevel=INFO

clean:
	rm -rf $(VENV) var

## bench: gunicorn on PostgreSQL (BENCH_DATABASE_URL), 20 clients on the dashboard and the objective list
bench: $(VENV)/.installed-runtime compilemessages
	$(BIN)/python bench/run.py

## bench-export: build the full review draft at the demo size and at ten times it
bench-export: $(VENV)/.installed-runtime compilemessages
	$(BIN)/python bench/export.py

## bench-import: import ten times the demo's data from one workbook (check, apply, check again)
bench-import: $(VENV)/.installed-runtime compilemessages
	$(BIN)/python bench/imports.py
