extensions = ["sphinx_errcodes"]
errcodes_file = "codes.csv"
