"""Whether a rebuild may leave ``errcodes.json`` as the last build wrote it.

Working the files out takes seconds at 100,000 codes, and most rebuilds
change nothing they show (an edit to a page that mentions no code). They
are worked out again when anything they show may have changed:

- a page that shows codes is resolved to be written: Sphinx writes it when
  it, its backlinks, the configuration or the theme changed, and the files
  hold what it shows (its explanations are rendered from it);
- the renderings or the references changed while the sources were read;
- the builder, the extension or a setting that Sphinx does not track for
  writing changed since the last build into the output folder (remembered
  in ``.errcodes-built`` there);
- or one of the files is missing.
"""

from __future__ import annotations

import json
import weakref
from collections.abc import Iterable
from pathlib import Path

from sphinx.application import Sphinx

import sphinx_errcodes
from sphinx_errcodes.domain import ErrorCodesDomain

STAMP = ".errcodes-built"
# What errcodes.json shows and Sphinx does not rewrite the pages for when it changes.
_UNTRACKED_SETTINGS = ("errcodes_code_urls", "errcodes_moved_pages")

# The applications that resolved a page showing codes in this build.
_RESOLVED: weakref.WeakSet[Sphinx] = weakref.WeakSet()


def note_codes_resolved(app: Sphinx) -> None:
    """Called when a page that shows codes is resolved to be written."""
    _RESOLVED.add(app)


def _stamp(app: Sphinx, version: int) -> str:
    settings = {name: repr(app.config[name]) for name in _UNTRACKED_SETTINGS}
    return json.dumps({"builder": app.builder.name, "extension": sphinx_errcodes.__version__, "format": version, "settings": settings}, sort_keys=True)


def may_keep(app: Sphinx, files: Iterable[Path], version: int) -> bool:
    """Whether ``files`` (of the output folder, in format ``version``), written by the last build, still show what this one would."""
    domain: ErrorCodesDomain = app.env.domains[ErrorCodesDomain.name]
    resolved = app in _RESOLVED
    _RESOLVED.discard(app)
    if resolved or domain.references != domain.references_before_reading or domain.renderings != domain.renderings_before_reading:
        return False
    stamp = Path(app.outdir) / STAMP
    try:
        kept = stamp.read_text(encoding="utf-8")
    except OSError:
        return False
    return kept == _stamp(app, version) and all(path.is_file() for path in files)


def remember(app: Sphinx, version: int) -> None:
    """Once the files are written: what they were written with."""
    (Path(app.outdir) / STAMP).write_text(_stamp(app, version), encoding="utf-8")
    _RESOLVED.discard(app)  # working the files out resolved the pages again
