"""Sphinx configuration of the Trading API documentation."""

import sphinx_errcodes

project = "Trading API"
author = "Trading API team"
copyright = "2026, Trading API team"
# The site is versioned with the repository that holds it.
version = release = sphinx_errcodes.__version__

extensions = [
    "sphinx_copybutton",
    "sphinx_errcodes",
]

errcodes_file = "../data/codes.csv"
# A short, permanent URL per code: code/36.html.
errcodes_code_urls = True

exclude_patterns = ["_build"]
html_theme = "furo"
html_title = "Trading API"

# One file per code: what the message itself names to check.
errcodes_explanations = "explanations"
