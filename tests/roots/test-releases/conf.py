extensions = ["sphinx_errcodes"]
errcodes_file = "codes.csv"
errcodes_extra_columns = {"owner": "Owning team"}
errcodes_previous = "previous.json"
project = "Releases"
version = "2.0"
copyright = "2026, the authors"
