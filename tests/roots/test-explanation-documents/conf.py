extensions = ["myst_parser", "sphinx_errcodes"]
errcodes_file = "codes.csv"
errcodes_explanations = "explanations"
rst_prolog = ".. |product| replace:: Example Trade"
# What the explanations include; no pages of their own.
exclude_patterns = ["snippets"]
