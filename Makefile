# Two commands do everything on a fresh machine: `make run` and `make test` (see README).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
INSTALLED := $(VENV)/.installed
# Test tools from npm (axe-core for the accessibility checks): package.json + package-lock.json.
NODE_INSTALLED := node_modules/.installed

# Translations: the .po catalogues are in git, the compiled .mo are built here (needs GNU gettext's msgfmt).
CATALOGUES := $(wildcard locale/*/LC_MESSAGES/django.po */locale/*/LC_MESSAGES/django.po)
COMPILED := $(CATALOGUES:.po=.mo)

.PHONY: run test lint bench bench-tools bench-import bench-weight bench-events install clean messages check-deploy backup restore loadtest

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

$(NODE_INSTALLED): package.json $(wildcard package-lock.json)
	@if ! command -v npm >/dev/null 2>&1; then \
		echo "npm not found: the browser tests will be skipped (install Node.js and npm)"; \
	elif [ -f package-lock.json ]; then \
		npm ci --no-audit --no-fund && touch $@; \
	else \
		npm install --no-audit --no-fund && touch $@; \
	fi

%/LC_MESSAGES/django.mo: %/LC_MESSAGES/django.po
	@command -v msgfmt >/dev/null 2>&1 || { echo "msgfmt not found: install GNU gettext (apt-get install gettext)"; exit 1; }
	msgfmt --check -o $@ $<

messages: $(COMPILED)

install: $(INSTALLED) $(COMPILED)

# Development mail is written to var/mail/ (one readable .log file per message) unless EMAIL_URL says
# otherwise. Beside the server run the task worker that delivers it and, every five minutes,
# send_reminders (in production: a worker service and a cron line, see README "Production"); once the
# server is up, check_links looks at the demo's links (README "Living content").
RUN_ENV = DEBUG=1 LOG_FORMAT=text EMAIL_URL=$${EMAIL_URL:-file://var/mail}

run: $(INSTALLED) $(COMPILED)
	DEBUG=1 $(PY) manage.py migrate --noinput
	DEBUG=1 $(PY) manage.py seed_demo
	@echo "Mail is written to var/mail/; the task worker and send_reminders run beside the server."
	@$(RUN_ENV) $(PY) manage.py db_worker --no-startup-delay & worker=$$!; \
	(while sleep 300; do $(RUN_ENV) $(PY) manage.py send_reminders >/dev/null; done) & reminders=$$!; \
	(sleep 20; $(RUN_ENV) $(PY) manage.py check_links >/dev/null) & links=$$!; \
	trap 'kill $$worker $$reminders $$links 2>/dev/null' EXIT INT TERM; \
	$(RUN_ENV) $(PY) manage.py runserver 127.0.0.1:8000

test: $(INSTALLED) $(NODE_INSTALLED) $(COMPILED)
	$(BIN)/pytest $(PYTEST_ARGS)

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# search and list pages: BENCH_DB=postgresql|sqlite BENCH_COUNT=N (see README: Search, BENCHMARKS.md)
bench: $(INSTALLED) bench-tools bench-import bench-weight
	$(PY) benchmarks/run.py

# wrk drives the real-server half of make bench (benchmarks/real_server.py): Debian's package,
# installed when missing if we may (root with apt-get); otherwise that half says why it is skipped.
bench-tools:
	@command -v wrk >/dev/null 2>&1 || { \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
			echo "installing wrk (apt-get)"; \
			apt-get -o DPkg::Lock::Timeout=600 install -y -q wrk </dev/null \
			|| { apt-get -o DPkg::Lock::Timeout=600 update -q && \
				apt-get -o DPkg::Lock::Timeout=600 install -y -q wrk </dev/null; } \
			|| echo "could not install wrk: the real-server figures will be skipped"; \
		else \
			echo "wrk not found (apt-get install wrk): the real-server figures will be skipped"; \
		fi; }

# each page type's HTML + CSS gzipped, in four languages, against the 60 KB budget
bench-weight: $(INSTALLED)
	$(PY) benchmarks/page_weight.py

# importing 100,000 generated resources into SQLite and PostgreSQL (records/s, peak memory)
# events list at 5,000 events / 200,000 registrations, concurrent registrations, mail size (PostgreSQL)
bench-events: $(INSTALLED) $(COMPILED)
	$(PY) benchmarks/events_bench.py

bench-import: $(INSTALLED)
	$(PY) benchmarks/import_bench.py

clean:
	rm -rf $(VENV) node_modules staticfiles .pytest_cache $(COMPILED)

# Production (see README "Production" and docs/deployment.md) ---------------------------
# CI: the deploy checks must pass with production settings (DEBUG off, a real-looking key).
check-deploy: $(INSTALLED)
	env -u DEBUG SECRET_KEY="$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))')" \
		ALLOWED_HOSTS="$${ALLOWED_HOSTS:-library.example.org}" \
		$(PY) manage.py check --deploy --fail-level WARNING

# PostgreSQL (pg_dump custom format) or SQLite, plus MEDIA_ROOT, into backups/<timestamp>/
backup: $(INSTALLED)
	$(PY) manage.py backup $(if $(BACKUP_DIR),--output $(BACKUP_DIR))

# make restore FROM=backups/20261124-083000 [REPLACE=1]
restore: $(INSTALLED)
	@test -n "$(FROM)" || (echo "usage: make restore FROM=backups/<timestamp> [REPLACE=1]" && exit 2)
	$(PY) manage.py restore $(FROM) $(if $(REPLACE),--replace)

# Bounded Locust run against gunicorn + PostgreSQL on loopback (benchmarks/loadtest.py)
loadtest: $(INSTALLED)
	$(BIN)/pip install --quiet -e ".[load]"
	$(PY) benchmarks/loadtest.py
