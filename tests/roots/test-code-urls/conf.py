extensions = ["sphinx_errcodes"]
errcodes_file = "codes.csv"
errcodes_code_urls = True
errcodes_moved_pages = {"errors": "reference/errors", "orders-old": "orders"}
