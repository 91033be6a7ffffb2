# Diaspora Desk. The two commands: `make run` (the app) and `make test` (the whole suite).
# Both create .venv from the lock (constraints.txt) on first use; nothing else is needed.

SHELL := /bin/bash
VENV := .venv
VPY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

# Prefer CPython >= 3.12 (PySide6 6.12 is safe there); fall back to 3.11, where the lock's
# environment marker selects PySide6-Essentials 6.11.2.
PYTHON ?= $(shell for p in python3.14 python3.13 python3.12 $$HOME/.pyenv/versions/3.1[2-9]*/bin/python3 \
	/usr/local/bin/python3.1[2-9] /usr/bin/python3.1[2-9] python3 python3.11 $$HOME/.pyenv/versions/3.11*/bin/python3; do \
	command -v $$p >/dev/null 2>&1 || continue; \
	$$p -c 'import sys, venv; sys.exit(0 if sys.version_info >= (3, 11) else 1)' >/dev/null 2>&1 && { echo $$p; break; }; \
	done)

.PHONY: run platform-check test test-fast lint resources screenshots installer lock clean help

help:
	@echo "make run        start Diaspora Desk (creates .venv and the encrypted store on first run)"
	@echo "make test       lint, import rules and the whole test suite"
	@echo "make test-fast  the same without the tests marked slow"
	@echo "make installer  build the Linux bundle (installer/)"

$(STAMP): pyproject.toml constraints.txt
	@if [ -z "$(PYTHON)" ]; then \
	  echo "Diaspora Desk needs CPython 3.12 or newer (3.11 works with PySide6 6.11.2)."; \
	  echo "Install one, e.g. 'apt-get install python3.12 python3.12-venv' or 'pyenv install 3.12',"; \
	  echo "or name it: make PYTHON=/path/to/python3.12 $(MAKECMDGOALS)"; exit 1; fi
	@echo "Using $(PYTHON) ($$($(PYTHON) --version))"
	@[ -x $(VPY) ] || $(PYTHON) -m venv $(VENV)
	$(VPY) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[server,dev,installer]'
	@touch $(STAMP)

resources: $(STAMP)
	@$(VPY) resources/build.py

# The window needs Qt's X11 libraries: say which are missing (the apt-get line) before installing anything.
platform-check:
	@case "$(ARGS)" in ""|-*) [ -z "$(PYTHON)" ] || $(PYTHON) desktop/platform_check.py;; esac

run: platform-check $(STAMP) resources
	$(VENV)/bin/diaspora-desk $(ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy forms sync desktop

# The suite runs on pytest-xdist workers, one per core (at most 4): on the 2-core CI machine it took
# 23:40 serially (1,343 tests) and 13:06 on two workers with other work beside it. Tests that share
# something outside their tmp_path keep one worker (tests/conftest.py SHARED_WORKER; --dist loadgroup).
# Serially: make test PYTEST_ARGS=
PYTEST_ARGS ?= -n auto --maxprocesses 4 --dist loadgroup

# Bytecode first: where PYTHONDONTWRITEBYTECODE is set (it is on this workplace's machines) each of the
# suite's hundreds of child processes (CLI, servers, crash writers) would otherwise compile the project's
# modules again (~0.6 s of CPU each).
test: lint resources
	$(VPY) -m compileall -q -j 0 forms sync desktop tests
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest $(PYTEST_ARGS)

test-fast: lint resources
	$(VPY) -m compileall -q -j 0 forms sync desktop tests
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest -m 'not slow' $(PYTEST_ARGS)

screenshots: $(STAMP) resources
	QT_QPA_PLATFORM=offscreen $(VPY) -m desktop.screenshots docs/screenshots
	QT_QPA_PLATFORM=offscreen $(VPY) -m desktop.dialogs.host_event_shots docs/screenshots
	DIASPORA_WEB_SCREENSHOTS=$(CURDIR)/docs/screenshots QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest -q tests/sync/registry/test_browser.py tests/sync/selfreg/test_browser.py tests/sync/dedup/test_pages.py::test_a_registrar_decides_in_chromium tests/sync/hub/test_sealed_page.py

installer: $(STAMP) resources
	$(VPY) installer/build.py

# Regenerate the lock from a clean resolution on this Python (then re-add the 3.11 markers).
lock:
	rm -rf /tmp/dd-lock && $(PYTHON) -m venv /tmp/dd-lock && /tmp/dd-lock/bin/pip install --quiet -e '.[server,dev,installer]'
	/tmp/dd-lock/bin/pip freeze --exclude-editable | grep -viE '^(PySide6_Essentials|shiboken6)==' > constraints.new
	@echo "constraints.new written: add the PySide6/shiboken6 marker lines from constraints.txt, then replace it."

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache
