# Two commands for a newcomer: `make run` and `make test`. Both set everything up first.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: run test setup browser reset

run: $(STAMP)
	$(VENV)/bin/streamlit run sim_app.py

test: $(STAMP) browser
	$(PY) -m pytest

setup: $(STAMP)

# Reinstalls only when pyproject.toml changes. llama-cpp-python compiles from source once; pip caches the
# built wheel, so later installs are quick. LLAVA_BUILD=OFF skips llama.cpp's multimodal library and
# LLAMA_OPENSSL=OFF its HTTPS downloads: the app uses neither (the wheel compiles in 4m54s instead of 5m38s
# on 2 cores). pip's own output is the progress: it is a long step.
$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit("Unhurried needs Python 3.11 or newer") if sys.version_info < (3, 11) else None'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@echo "==> Installing Unhurried into $(VENV). The first time takes about 6 minutes on 2 cores, most of it"
	@echo "    compiling llama-cpp-python ('Building wheel for llama-cpp-python' below); later installs take seconds."
	CMAKE_ARGS="-DLLAVA_BUILD=OFF -DLLAMA_OPENSSL=OFF $${CMAKE_ARGS:-}" $(PY) -m pip install --disable-pip-version-check -e '.[dev]'
	@touch $(STAMP)
	@echo "==> Installed."

# The browser tests drive Debian's chromium through Playwright; Playwright never downloads a browser.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium is not installed: the browser tests will be skipped (sudo apt-get install chromium)"; fi; }

# Deletes every saved session on this machine.
reset:
	rm -f data/unhurried.db data/unhurried.db-wal data/unhurried.db-shm
