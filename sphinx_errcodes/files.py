"""Writing the pages the extension adds to a site: only the files whose text changed, and away with those it no longer makes.

This file knows nothing of Sphinx and imports nothing of the package: the
build runs it as a script of its own (see :mod:`sphinx_errcodes.pages`),
beside the build, so that creating thousands of small files takes no time
from it. ``python files.py DATA`` writes the pages of the JSON file DATA,
``{"outdir": …, "pages": {file: text}}``, then deletes DATA.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

MANIFEST = ".errcodes-pages"
MARK = "sphinx-errcodes"


def write_pages(outdir: Path, pages: dict[str, str]) -> None:
    """Write every page, remove those an earlier build wrote and this one does not, and list the pages in the manifest."""
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
            try:
                os.makedirs(folder)
                self.folders_made.add(folder)
            except FileExistsError:  # Sphinx may make _static/ at the same time
                pass
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


if __name__ == "__main__":
    data = Path(sys.argv[1])
    job = json.loads(data.read_text(encoding="utf-8"))
    data.unlink()
    write_pages(Path(job["outdir"]), job["pages"])
