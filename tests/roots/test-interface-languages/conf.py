extensions = ["sphinx_errcodes"]
errcodes_file = "codes.csv"
errcodes_extra_columns = {"owner": "Owning team"}
errcodes_explanations = "explanations"
language = "pl"
copyright = "2026, the test project"
version = "1.0"
