"""Sphinx configuration of the Trading API documentation."""

project = "Trading API"
author = "Trading API team"
copyright = "2026, Trading API team"

extensions = [
    "sphinx_copybutton",
    "sphinx_errcodes",
]

errcodes_file = "../data/codes.csv"

exclude_patterns = ["_build"]
html_theme = "furo"
html_title = "Trading API"
