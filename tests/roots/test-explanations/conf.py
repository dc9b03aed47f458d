extensions = ["myst_parser", "sphinx_errcodes"]
errcodes_file = "codes.csv"
errcodes_explanations = "explanations"
