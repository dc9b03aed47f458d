"""The site's catalogs, by name, and which one a bare code is looked up in.

Configuration (``conf.py``):

``errcodes_file`` (default ``None``)
    One CSV catalog, relative to the folder of ``conf.py``. It is the catalog
    named ``default``, whose codes have no prefix anywhere: ``:errcode:`36```,
    ``36`` in ``objects.inv``, ``errcodes.json``.
``errcodes_catalogs`` (default ``{}``)
    More catalogs, each with a name: ``{"spot": "../data/spot.csv"}``. A
    code of one is ``spot:36`` in roles and in ``objects.inv``, and its
    codes are in ``errcodes-spot.json``.
``errcodes_default_catalog`` (default ``None``)
    The catalog that a bare ``:errcode:`36``` is looked up in first: by
    default the catalog ``default`` when there is one, else the only catalog.
    A page names its own with the field ``:errcodes-catalog: futures`` at
    its top; a page that renders one catalog looks in that one.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging

from sphinx_errcodes.translation import __

logger = logging.getLogger(__name__)

DEFAULT = "default"
# The catalog a bare code means while an explanation is read: the explanation's (see explanations.py).
CATALOG_CONTEXT = "errcodes:catalog"
# Names go into file names (errcodes-spot.json), anchors and role targets ("spot:36").
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*\Z")
_PATH_TYPES = frozenset({str, type(Path()), type(None)})


def setup_catalogs(app: Sphinx) -> None:
    app.add_config_value("errcodes_file", None, "env", types=_PATH_TYPES)
    app.add_config_value("errcodes_catalogs", {}, "env", types=frozenset({dict}))
    app.add_config_value("errcodes_default_catalog", None, "env", types=frozenset({str, type(None)}))
    # After Sphinx has checked the settings' types (priority 800), and said so when one is wrong.
    app.connect("config-inited", resolve_catalogs, priority=810)


def resolve_catalogs(app: Sphinx, config: Config) -> None:
    """Make every path absolute (relative to the folder of conf.py, like Sphinx's own path settings), and keep what can be a catalog.

    No look at the file system here: a missing or unreadable catalog is reported where it is read.
    """
    config.errcodes_file = _absolute(app, "errcodes_file", config.errcodes_file)
    named = config.errcodes_catalogs if isinstance(config.errcodes_catalogs, dict) else {}
    kept = {}
    for name, value in named.items():
        if not isinstance(name, str) or not _NAME.match(name):
            _warn(__("errcodes_catalogs: %r is not a catalog name: use letters, digits, '-' and '_', starting with a letter or digit"), name)
        elif name == DEFAULT and config.errcodes_file:
            _warn(__("errcodes_catalogs: %r is the name of the catalog of errcodes_file; give this one another name"), name)
        elif name.lower() in {other.lower() for other in [*kept, *([DEFAULT] if config.errcodes_file else [])]}:
            _warn(__("errcodes_catalogs: %r differs from another catalog's name only in case, and their files (errcodes-<name>.json) would be one where case is ignored; rename it"), name)
        elif not isinstance(value, (str, os.PathLike)) or not os.fspath(value):
            _warn(__("errcodes_catalogs: %r: give the path of a CSV file, such as {'spot': 'data/spot.csv'}"), name)
        elif (path := _absolute(app, f"errcodes_catalogs[{name!r}]", value)) is not None:
            kept[name] = path
    config.errcodes_catalogs = kept
    default = config.errcodes_default_catalog
    if default is not None and default not in catalog_paths(config):
        _warn(__("errcodes_default_catalog: %r is not a catalog of this site (%s)"), default, ", ".join(catalog_paths(config)) or __("it has none"))
        config.errcodes_default_catalog = None


def _absolute(app: Sphinx, setting: str, value, what: str = __("the CSV catalog")) -> str | None:
    if not isinstance(value, (str, os.PathLike)) or not os.fspath(value):
        return None
    if "\x00" in os.fspath(value):
        _warn(__("%s %r contains a NUL character, which no file name can hold; write the path of %s"), setting, value, what)
        return None
    return os.path.normpath(os.path.join(app.confdir, value))


def _warn(message: str, *arguments) -> None:
    logger.warning(message, *arguments, type="errcodes", subtype="config")


def catalog_paths(config: Config) -> dict[str, Path]:
    """name -> absolute path of every catalog, the catalog of ``errcodes_file`` first."""
    paths = {DEFAULT: Path(config.errcodes_file)} if isinstance(config.errcodes_file, str) and config.errcodes_file else {}
    paths.update((name, Path(path)) for name, path in config.errcodes_catalogs.items())
    return paths


def site_default_catalog(config: Config) -> str | None:
    """The catalog a bare code is looked up in first, when the page names none."""
    if config.errcodes_default_catalog:
        return config.errcodes_default_catalog
    names = list(catalog_paths(config))
    if DEFAULT in names:
        return DEFAULT
    return names[0] if len(names) == 1 else None


def qualified(catalog: str, code: str) -> str:
    """A code as roles, ``objects.inv`` and warnings name it: ``spot:36``, or ``36`` in the default catalog."""
    return code if catalog == DEFAULT else f"{catalog}:{code}"


def resolve_per_catalog(app: Sphinx, config: Config, setting: str, example: str) -> list[str]:
    """Resolve a path setting that belongs to catalogs: one path, for the default catalog, or ``{catalog: path}``.

    Paths become absolute (relative to the folder of conf.py); a catalog the
    site does not have is named in a warning. Returns the paths kept.
    """
    value = getattr(config, setting)
    catalogs = catalog_paths(config)
    if isinstance(value, dict):
        kept = {}
        for catalog, path in value.items():
            if catalog not in catalogs:
                _warn(__("%s: %r is not a catalog of this site (%s)"), setting, catalog, ", ".join(catalogs) or __("it has none"))
            elif (absolute := _absolute(app, f"{setting}[{catalog!r}]", path, __("its file or folder"))) is not None:
                kept[catalog] = absolute
            elif "\x00" not in str(path):  # a NUL is reported by _absolute
                _warn(__("%s: %r: give a path, such as {%r: %r}"), setting, catalog, catalog, example)
        setattr(config, setting, kept)
        return list(kept.values())
    setattr(config, setting, _absolute(app, setting, value, __("its file or folder")))
    if getattr(config, setting) is None:
        return []
    if len(catalogs) > 1 and site_default_catalog(config) is None:
        _warn(__("%s: one path, for which of the catalogs %s? give one per catalog, such as {%r: %r}"), setting, ", ".join(catalogs), next(iter(catalogs)), example)
    return [getattr(config, setting)]


def path_for(config: Config, setting: str, catalog: str) -> Path | None:
    """A catalog's path in a setting resolved by :func:`resolve_per_catalog`: its own, or the one path, which is the default catalog's."""
    value = getattr(config, setting)
    if isinstance(value, dict):
        return Path(value[catalog]) if catalog in value else None
    return Path(value) if value and catalog == site_default_catalog(config) else None
