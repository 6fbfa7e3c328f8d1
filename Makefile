# The two commands a newcomer needs are `make run` and `make test`; `make help` lists the rest.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help run test lint lint-static format check bench worker clean translations messages

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-8s %s\n", $$1, $$2}'

$(BIN)/.installed-runtime: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(BIN)/.installed-dev: requirements.txt requirements-dev.txt $(BIN)/.installed-runtime
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

# Interface translations: each locale/<lang>/LC_MESSAGES/django.po compiles to its .mo (never committed) when the
# .po is newer, with msgfmt if installed and pure Python otherwise (home/management/commands/compile_translations.py).
PO_FILES := $(wildcard locale/*/LC_MESSAGES/django.po)
MO_FILES := $(PO_FILES:.po=.mo)
MESSAGE_LANGUAGES := fr el ar fa

translations: $(MO_FILES) ## Compile the interface translations (run and test do this first)

$(MO_FILES): %.mo: %.po | $(BIN)/.installed-runtime
	$(BIN)/python manage.py compile_translations

messages: $(BIN)/.installed-runtime ## Refresh the translation catalogues from the templates and code (needs GNU gettext)
	$(BIN)/python manage.py makemessages $(addprefix -l ,$(MESSAGE_LANGUAGES)) \
		--ignore=.venv --ignore=node_modules --ignore=staticfiles --no-obsolete

# `run` installs the development requirements too: the demo content (the `demo` app, development settings only) is
# built with factory_boy, which production never installs.
# The demo's absolute links (canonical, hreflang, sitemap, feeds) and its Site record use the address runserver
# listens on, unless SITE_URL is set already.
run: export SITE_URL ?= http://$(HOST):$(PORT)
run: $(BIN)/.installed-dev translations ## Install, migrate SQLite, load the demo content and serve http://127.0.0.1:8000/
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py seed_demo
	@echo ""
	@echo "  Site:  http://$(HOST):$(PORT)/"
	@echo "  Admin: http://$(HOST):$(PORT)/admin/"
	@$(BIN)/python manage.py seed_demo --print-logins
	@echo ""
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# The suite runs in parallel (pytest-xdist, one test database per worker) with coverage; TEST_WORKERS=0 runs it
# in one process. Extra pytest options go in PYTEST_ARGS, e.g. `make test PYTEST_ARGS="tests/news -x"`.
TEST_WORKERS ?= 3
COVERAGE_ARGS ?= --cov --cov-report=term

test: $(BIN)/.installed-dev translations ## Run the whole test suite in parallel, with coverage (SQLite, or PostgreSQL when DATABASE_URL is set)
	$(BIN)/pytest -n $(TEST_WORKERS) $(COVERAGE_ARGS) $(PYTEST_ARGS)

lint: $(BIN)/.installed-dev ## Check the Python (ruff), the templates (djLint) and the CSS and JavaScript
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djlint --lint .
	$(BIN)/lint-imports
	@if command -v npm >/dev/null; then $(MAKE) --no-print-directory lint-static; \
	elif [ "$$CI" = true ]; then echo "npm not found: CI must lint the CSS and JavaScript (install Node.js 20 or newer)"; exit 1; \
	else echo "Skipping stylelint and ESLint: install Node.js 20 or newer (with npm) to lint the CSS and JavaScript"; fi

# stylelint and ESLint, pinned in package.json and package-lock.json; only `make lint` needs Node.js.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

lint-static: node_modules/.installed
	node_modules/.bin/stylelint "static/**/*.css"
	node_modules/.bin/eslint static/js

format: $(BIN)/.installed-dev ## Format the code with ruff
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: $(BIN)/.installed-dev ## Django system checks and missing migrations
	DJANGO_SETTINGS_MODULE=imix_site.settings.test $(BIN)/python manage.py check
	DJANGO_SETTINGS_MODULE=imix_site.settings.test $(BIN)/python manage.py makemigrations --check --dry-run

worker: $(BIN)/.installed-runtime ## Work the background task queue (needs TASKS_BACKEND=django_tasks_db.DatabaseBackend)
	$(BIN)/python manage.py db_worker

clean: ## Remove the virtual environment, the lint tools, the SQLite database, uploaded media and coverage data
	rm -rf $(VENV) node_modules db.sqlite3 media staticfiles .coverage .coverage.* htmlcov
