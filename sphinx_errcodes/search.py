"""Keep the reference page's entries in the search page across incremental builds.

Sphinx feeds a page's index entries to the search index only when it writes
that page, and does not restore them from the previous ``searchindex.js``
(sphinx-doc/sphinx#12599). After a rebuild that leaves the reference page
alone, searching for a message would no longer lead to its code. So, before
the search index is written, the reference pages' entries are put back from
Sphinx's own index domain, exactly as Sphinx derives them when it writes a page.
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.util.index_entries import split_index_msg

from sphinx_errcodes.domain import ErrorCodesDomain, is_searchable


def restore_search_entries(app: Sphinx) -> list:
    search_entries = getattr(getattr(app.builder, "indexer", None), "_index_entries", None)
    if search_entries is None:  # no search index, or a Sphinx that keeps them some other way
        return []
    index_entries = app.env.domains["index"].entries
    for docname in app.env.domains[ErrorCodesDomain.name].documents_with_codes():
        if not is_searchable(app.env, docname):
            continue
        restored: set[tuple[str, str, str]] = set()
        for entry_type, value, target_id, main, _key in index_entries.get(docname, ()):
            restored.update((text, target_id, main) for text in split_index_msg(entry_type, value))
        search_entries[docname] = sorted(restored)
    return []  # html-collect-pages expects pages; this handler adds none
