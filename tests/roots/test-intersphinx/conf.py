# The catalog lives in another project, reached through intersphinx_mapping,
# which the tests set with confoverrides.
extensions = ["sphinx_errcodes", "sphinx.ext.intersphinx"]
