project = "Benchmark API"
html_theme = "furo"
language = "de"
locale_dirs = ["locale"]
