# PostgreSQL SQLSTATE codes (from the PostgreSQL documentation, via the pgerrcode package).
extensions = ["sphinx_errcodes"]
errcodes_file = "codes.csv"
