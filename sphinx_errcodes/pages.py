"""The pages the extension writes beside Sphinx's: a page per code, and the pages moved pages left behind.

They are written by the builders that make a website (``html``,
``dirhtml``, ``singlehtml``), from what the build environment knows once
the sources are read, so that incremental and parallel builds write what a
clean build writes. They are worked out when the builder starts writing,
and written meanwhile by a process of their own (:mod:`sphinx_errcodes.files`):
at 10,000 codes, creating the files is the whole cost, and it need not wait
for Sphinx. The build waits for it at its end. A rebuild that changed nothing
they show leaves them alone (see unchanged.py). A file is rewritten only when
its text changed; the files written are listed in ``.errcodes-pages`` at the
output root, so that the next build removes the ones it no longer makes (a
removed code, a setting turned off), and only those that still carry the
extension's mark.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import weakref
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.errors import ExtensionError

from sphinx_errcodes import files
from sphinx_errcodes.html import makes_website
from sphinx_errcodes.redirects import checked_moves, folders_of_moved_catalogs, moved_pages
from sphinx_errcodes.translation import __
from sphinx_errcodes.unchanged import may_keep
from sphinx_errcodes.urls import code_pages

# The writing under way for each application, from write-started to build-finished.
_WRITING: weakref.WeakKeyDictionary[Sphinx, subprocess.Popen | None] = weakref.WeakKeyDictionary()


def start_writing_pages(app: Sphinx, builder: Builder) -> None:
    if not makes_website(builder):
        return
    outdir = Path(app.outdir)
    if _may_keep_pages(app, outdir):
        _WRITING[app] = None
        return
    pages = _pages(app)
    if not sys.executable:  # Python embedded in another program: no interpreter to start
        files.write_pages(outdir, pages)
        _WRITING[app] = None
        return
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".json", delete=False) as data:
        json.dump({"outdir": str(outdir), "pages": pages}, data, ensure_ascii=False)
    # -I: the script alone, with nothing of the project's environment or path.
    _WRITING[app] = subprocess.Popen([sys.executable, "-I", files.__file__, data.name], stderr=subprocess.PIPE)


def _may_keep_pages(app: Sphinx, outdir: Path) -> bool:
    """Whether the pages the last build wrote are still right; the warnings of the setting are given in any case."""
    manifest = outdir / files.MANIFEST
    if not manifest.is_file() and not app.config.errcodes_code_urls and not app.config.errcodes_moved_pages:
        return True  # none to write, none to remove
    written = manifest.read_text(encoding="utf-8").splitlines() if manifest.is_file() else []
    if may_keep(app, [manifest, *(outdir / name for name in written)]):
        checked_moves(app)
        return True
    return False


def _pages(app: Sphinx) -> dict[str, str]:
    """file -> text of every page, relative to the output root."""
    moves = checked_moves(app)
    pages = code_pages(app, folders_of_moved_catalogs(app, moves))
    pages.update(moved_pages(app, moves, set(pages)))
    return pages


def finish_writing_pages(app: Sphinx, exception: Exception | None) -> None:
    if app not in _WRITING:
        # Sphinx 8.1 does not start writing when no document is out of date; the pages may be.
        if exception is None and makes_website(app.builder) and not _may_keep_pages(app, Path(app.outdir)):
            files.write_pages(Path(app.outdir), _pages(app))
        return
    process = _WRITING.pop(app)
    if process is None:
        return
    _output, errors = process.communicate()
    if process.returncode and exception is None:
        last = (errors.decode(errors="replace").strip().splitlines() or [f"exit status {process.returncode}"])[-1]
        raise ExtensionError(__("the pages of codes and moved pages could not be written: %s") % last)
