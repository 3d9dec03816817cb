# editqa: `make demo` and `make test` are all a fresh machine needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
SAMPLE := samples/seed-press-release.txt

.PHONY: demo test bench lint clean golden browser-deps bytecode rules-doc

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

# Byte-code for the editable sources: with PYTHONDONTWRITEBYTECODE set (as on this
# workplace's machines) Python would otherwise compile every module on every run.
bytecode: $(STAMP)
	@$(BIN)/python -m compileall -q src

demo: $(STAMP) bytecode
	$(BIN)/editqa check --fail-on never $(SAMPLE)

test: $(STAMP) browser-deps bytecode
	$(BIN)/python -m pytest

# The browser tests drive Debian's Chromium (never a downloaded browser); as root (CI), install it.
browser-deps:
	@if [ -n "$$EDITQA_CHROMIUM" ] || command -v chromium >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else echo "browser tests need Debian's chromium: sudo apt-get install chromium (or set EDITQA_CHROMIUM)"; fi

bench: $(STAMP) bytecode
	$(BIN)/python benchmarks/run.py

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy src

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache

golden: $(STAMP)
	EDITQA_UPDATE_GOLDEN=1 $(BIN)/python -m pytest -q tests/test_samples.py

# The README's rule catalogue, from `editqa rules list --format md` (a test checks it is current).
rules-doc: $(STAMP)
	$(BIN)/python -m editqa.rules.docs README.md
