"""The pages the extension writes beside Sphinx's: a page per code, and the pages moved pages left behind.

They are written at the end of the build, by the builders that make a
website (``html``, ``dirhtml``, ``singlehtml``), from what the build
environment knows, so that incremental and parallel builds write what a
clean build writes. A file is rewritten only when its text changed. The
files written are listed in ``.errcodes-pages`` at the output root, so that
the next build removes the ones it no longer makes (a removed code, a
setting turned off), and only those that still carry the extension's mark.
"""

from __future__ import annotations

import os
from pathlib import Path

from sphinx.application import Sphinx

from sphinx_errcodes.html import makes_website
from sphinx_errcodes.redirects import checked_moves, folders_of_moved_catalogs, moved_pages
from sphinx_errcodes.urls import code_pages

MANIFEST = ".errcodes-pages"
MARK = "sphinx-errcodes"


def write_extra_pages(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or not makes_website(app.builder):
        return
    moves = checked_moves(app)
    pages = code_pages(app, folders_of_moved_catalogs(app, moves))
    pages.update(moved_pages(app, moves, set(pages)))
    outdir = Path(app.outdir)
    for name, text in pages.items():
        _write_if_changed(outdir / name, text)
    manifest = outdir / MANIFEST
    before = manifest.read_text(encoding="utf-8").splitlines() if manifest.is_file() else []
    for name in sorted(set(before) - set(pages)):
        _remove_ours(outdir, name)
    if pages:
        _write_if_changed(manifest, "".join(f"{name}\n" for name in sorted(pages)))
    else:
        manifest.unlink(missing_ok=True)


def _write_if_changed(path: Path, text: str) -> None:
    """Leave a file (and its modification time) alone when it already says the same."""
    try:
        if path.read_text(encoding="utf-8") == text:
            return
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
    except (OSError, UnicodeError):
        pass  # a folder, an unreadable file: writing says what is wrong
    path.write_text(text, encoding="utf-8")


def _remove_ours(outdir: Path, name: str) -> None:
    """Remove a page written by an earlier build, if it is still ours, and the folders it leaves empty."""
    path = outdir / name
    try:
        with path.open(encoding="utf-8", errors="replace") as file:
            if MARK not in file.read(512):
                return
        path.unlink()
    except OSError:
        return
    folder = path.parent
    while folder != outdir and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
