project = "Fields in the browser"
extensions = ["sphinx_errcodes"]
errcodes_file = "codes.csv"
errcodes_extra_columns = {"owner": "Owning team"}
# The browser tests build this project once per theme, with -D html_theme=...
