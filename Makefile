# Two commands do everything on a fresh machine: `make html` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SPHINXOPTS ?=
BUILDDIR := docs/_build

# The lowest Sphinx that pyproject.toml allows, tested by `make test-oldest`;
# tests/test_packaging.py fails if the two differ.
SPHINX_OLDEST := 8.1.3
OLDEST_VENV := .venv-oldest
OLDEST_BIN := $(OLDEST_VENV)/bin

.PHONY: html translations test test-oldest messages catalogs clean

# The stamp is rebuilt whenever pyproject.toml changes, so a new dependency
# reaches an existing venv too.
$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[docs,test]'
	touch $@

# English at the root of the site, Simplified Chinese (docs/locales/zh_CN) in
# its zh_CN folder, with doctrees of its own; the language switch on every
# page links the two by relative URLs.
html: $(VENV)/.installed
	$(BIN)/sphinx-build -W --keep-going -b html $(SPHINXOPTS) docs $(BUILDDIR)/html
	$(BIN)/sphinx-build -W --keep-going -b html -D language=zh_CN -d $(BUILDDIR)/doctrees-zh_CN $(SPHINXOPTS) docs $(BUILDDIR)/html/zh_CN
	@echo "The site is in $(BUILDDIR)/html; open $(BUILDDIR)/html/index.html in a browser (Chinese: $(BUILDDIR)/html/zh_CN/index.html)."

# After the English changes: extract its messages, then merge them into the
# .po files (a changed message is marked fuzzy and shows in English until its
# translation is reviewed). The extension guide (extension.pot) is not
# translated: it changes too often, and shows in English.
translations: $(VENV)/.installed
	$(BIN)/sphinx-build -q -b gettext docs $(BUILDDIR)/gettext
	for po in docs/locales/*/LC_MESSAGES/*.po; do \
	  language=$${po#docs/locales/}; language=$${language%%/*}; \
	  $(BIN)/pybabel --quiet update --no-wrap --ignore-pot-creation-date -l $$language -i $(BUILDDIR)/gettext/$$(basename $$po .po).pot -o $$po || exit 1; \
	done

test: $(VENV)/.installed
	$(BIN)/python -m pytest $(PYTESTOPTS)

# The pin is a constraint so that nothing in the extras can pull a newer Sphinx
# in; the docs extra is there because tests build the site. The browser tests
# need Chromium; `make test` runs them.
$(OLDEST_VENV)/.installed: pyproject.toml Makefile
	test -x $(OLDEST_BIN)/python || $(PYTHON) -m venv $(OLDEST_VENV)
	$(OLDEST_BIN)/python -m pip install --quiet --upgrade pip
	echo 'sphinx==$(SPHINX_OLDEST)' > $(OLDEST_VENV)/constraints.txt
	$(OLDEST_BIN)/python -m pip install --quiet --constraint $(OLDEST_VENV)/constraints.txt -e '.[docs,test]'
	touch $@

test-oldest: $(OLDEST_VENV)/.installed
	$(OLDEST_BIN)/python -m pytest --ignore=tests/browser $(PYTESTOPTS)

# The extension's own messages (sphinx_errcodes/locale): `make messages` extracts
# them from the code into the template and brings every language's .po up to
# date with it; `make catalogs` compiles the .po files into the .mo files the
# package ships. tests/test_translations.py fails when either is behind.
LOCALE := sphinx_errcodes/locale

messages: $(VENV)/.installed
	$(BIN)/pybabel extract --mapping-file babel.cfg --keyword translate --no-location --sort-output \
		--project sphinx-errcodes --copyright-holder "the sphinx-errcodes authors" --msgid-bugs-address "" \
		--output-file $(LOCALE)/sphinx_errcodes.pot .
	$(BIN)/pybabel update --domain sphinx_errcodes --input-file $(LOCALE)/sphinx_errcodes.pot --output-dir $(LOCALE) \
		--ignore-obsolete --ignore-pot-creation-date

catalogs: $(VENV)/.installed
	$(BIN)/pybabel compile --domain sphinx_errcodes --directory $(LOCALE) --statistics

# The .mo files are compiled by the build next to their .po files.
clean:
	rm -rf $(BUILDDIR)
	rm -f docs/locales/*/LC_MESSAGES/*.mo
