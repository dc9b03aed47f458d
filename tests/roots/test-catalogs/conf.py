extensions = ["sphinx_errcodes"]
errcodes_catalogs = {"spot": "data/spot.csv", "futures": "data/futures.csv"}
errcodes_explanations = {"spot": "explanations/spot"}
exclude_patterns = ["data"]
