# Two commands do everything on a fresh machine: `make html` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SPHINXOPTS ?=
BUILDDIR := docs/_build

.PHONY: html test clean

# The stamp is rebuilt whenever pyproject.toml changes, so a new dependency
# reaches an existing venv too.
$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[docs,test]'
	touch $@

html: $(VENV)/.installed
	$(BIN)/sphinx-build -W --keep-going -b html $(SPHINXOPTS) docs $(BUILDDIR)/html
	@echo "The site is in $(BUILDDIR)/html; open $(BUILDDIR)/html/index.html in a browser."

test: $(VENV)/.installed
	$(BIN)/python -m pytest $(PYTESTOPTS)

clean:
	rm -rf $(BUILDDIR)
