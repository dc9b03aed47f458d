extensions = ["sphinx_errcodes"]
errcodes_file = "codes.csv"
errcodes_explanations = "explanations"
locale_dirs = ["locales"]
