project = "Benchmark API"
html_theme = "furo"
