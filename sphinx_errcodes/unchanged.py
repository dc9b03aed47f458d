"""Whether a rebuild may leave the files worked out from the catalogs as the last build wrote them.

Those files (``errcodes.json`` and the pages of codes and moved pages) take
seconds to work out at 100,000 codes, and most rebuilds change nothing they
show: an edit to a page that neither shows nor mentions a code. They are
worked out again when anything they show may have changed:

- a document was added or removed, or one that shows or mentions codes (or
  a moved page leads to) was read again: its catalog and explanations are
  among its dependencies; or a document read shows or mentions codes now.
  Such a reading gives the environment a new revision, which every build
  into the same doctree folder shares, so that the next build into each
  output folder sees it;
- the builder, the extension or a setting that they show changed since the
  last build into the output folder (remembered, with the revision, once
  the build has written them, in ``errcodes-built/`` of the doctree folder,
  so that the output stays what a clean build writes);
- for ``errcodes.json``, a page that shows codes is resolved to be written:
  Sphinx writes one when its configuration or theme changed, and the file
  holds its explanations as the page shows them;
- or one of the files is missing.
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
import weakref
from collections.abc import Iterable, Set
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

import sphinx_errcodes
from sphinx_errcodes.domain import ErrorCodesDomain
from sphinx_errcodes.html import makes_website

# What the files show that is set in conf.py; a change of any other setting that matters makes Sphinx read or write the pages again.
_SETTINGS = (
    "errcodes_code_urls",
    "errcodes_moved_pages",
    "html_additional_pages",
    "html_baseurl",
    "html_domain_indices",
    "html_file_suffix",
    "html_link_suffix",
    "language",
    "source_suffix",
)

# The applications whose build resolved a page that shows codes.
_CODES_RESOLVED: weakref.WeakSet[Sphinx] = weakref.WeakSet()


def setup_unchanged(app: Sphinx) -> None:
    app.connect("env-get-outdated", note_sources_read)
    app.connect("env-updated", note_revision)
    # After the files are written (500) and the pages' writing is waited for.
    app.connect("build-finished", remember, priority=900)


def note_sources_read(app: Sphinx, env: BuildEnvironment, added: Set[str], changed: Set[str], removed: Set[str]) -> list[str]:
    """Before the sources are read: documents added or removed, or read again while they show or mention codes, make a new revision."""
    domain: ErrorCodesDomain = env.domains[ErrorCodesDomain.name]
    showing_or_mentioning = set(domain.renderings) | set(domain.references) | _targets_of_moves(app)
    if added or removed or not showing_or_mentioning.isdisjoint(changed):
        _new_revision(domain)
    return []


def note_revision(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Once the sources are read: documents that show or mention codes now, or no more, make a new revision."""
    domain: ErrorCodesDomain = env.domains[ErrorCodesDomain.name]
    if domain.references != domain.references_before_reading or domain.renderings != domain.renderings_before_reading:
        _new_revision(domain)
    return []


def _new_revision(domain: ErrorCodesDomain) -> None:
    """The environment, and so its revision, is shared by every build into the
    same doctree folder: a ``text`` build that reads an edit first leaves
    the ``html`` build's files to be worked out again. A new environment
    (``-E``) gets a revision no earlier one had.
    """
    domain.data["revision"] = uuid.uuid4().hex


def _targets_of_moves(app: Sphinx) -> set[str]:
    """The documents that moved pages lead to, whose titles they show."""
    moves = app.config.errcodes_moved_pages
    return {str(new) for new in moves.values()} if isinstance(moves, dict) else set()


def note_codes_resolved(app: Sphinx) -> None:
    """Called when a page that shows codes is resolved to be written."""
    _CODES_RESOLVED.add(app)


def _stamp_file(app: Sphinx) -> Path:
    """Where the last build into the output folder noted what it wrote the files with: beside the environment, whose revision it names."""
    folder = hashlib.sha256(os.fsencode(Path(app.outdir).resolve())).hexdigest()[:16]
    return Path(app.doctreedir) / "errcodes-built" / f"{app.builder.name}-{folder}.json"


def _stamp(app: Sphinx) -> str:
    settings = {name: repr(app.config[name]) for name in _SETTINGS}
    revision = app.env.domains[ErrorCodesDomain.name].data["revision"]
    return json.dumps({"builder": app.builder.name, "extension": sphinx_errcodes.__version__, "settings": settings, "revision": revision}, sort_keys=True)


def may_keep(app: Sphinx, files: Iterable[Path], *, as_pages_show: bool = False) -> bool:
    """Whether ``files`` of the output folder, written by the last build, still show what this one would.

    ``as_pages_show``: the files hold what the pages show, so that the pages
    being written makes them be worked out again.
    """
    stamp = _stamp_file(app)
    try:
        kept = stamp.read_text(encoding="utf-8")
    except OSError:
        kept = None
    if (
        not (as_pages_show and app in _CODES_RESOLVED)
        and kept == _stamp(app)
        and all(path.is_file() for path in files)
    ):
        return True
    # Until this build has written them all, the files are not known to be what the stamp says.
    stamp.unlink(missing_ok=True)
    return False


def remember(app: Sphinx, exception: Exception | None) -> None:
    """Once the build has written the files: what they were written with."""
    _CODES_RESOLVED.discard(app)
    if exception is None and makes_website(app.builder):
        stamp = _stamp_file(app)
        stamp.parent.mkdir(parents=True, exist_ok=True)
        stamp.write_text(_stamp(app), encoding="utf-8")
