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
    write = ChangedFileWriter()
    for name, text in pages.items():
        write(os.path.join(outdir, name), text)
    manifest = outdir / MANIFEST
    before = manifest.read_text(encoding="utf-8").splitlines() if manifest.is_file() else []
    for name in sorted(set(before) - set(pages)):
        _remove_ours(outdir, name)
    if pages:
        write(os.fspath(manifest), "".join(f"{name}\n" for name in sorted(pages)))
    else:
        manifest.unlink(missing_ok=True)


class ChangedFileWriter:
    """Writes a file only when its text changed, leaving it (and its modification time) alone otherwise.

    Plain ``os`` calls, bytes as they go to the file, and no look at a file
    in a folder it has just made: 10,000 pages must cost little more than
    creating their files.
    """

    def __init__(self) -> None:
        self.folders_made: set[str] = set()
        self.folders_known: set[str] = set()

    def __call__(self, path: str, text: str) -> None:
        folder = os.path.dirname(path)
        if folder not in self.folders_known:
            self.folders_known.add(folder)
            if not os.path.isdir(folder):
                os.makedirs(folder)
                self.folders_made.add(folder)
        data = text.encode("utf-8")
        if folder not in self.folders_made and _read(path) == data:
            return
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(descriptor, view) :]
        finally:
            os.close(descriptor)


def _read(path: str) -> bytes | None:
    try:
        with open(path, "rb") as file:
            return file.read()
    except OSError:
        return None  # missing, or not a file: writing it says what is wrong, if anything


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
