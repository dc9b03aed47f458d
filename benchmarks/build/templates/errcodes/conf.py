project = "Benchmark API"
html_theme = "furo"
extensions = ["sphinx_errcodes"]
errcodes_file = "codes.csv"
