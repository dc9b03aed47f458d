"""Explanations: one file per code, ``36.rst`` or ``E0308.md``, shown under the code's message.

An explanation is real Sphinx content, parsed where the catalog is rendered:
paragraphs, lists, code blocks, admonitions, cross-references and
``:errcode:`` roles work in every builder. Its headings are not sections of
the page: they become rubrics, so that they stay out of the table of
contents. Markdown files need MyST-Parser, loaded by the project.

Configuration (``conf.py``):

``errcodes_explanations`` (default ``None``)
    The folder of the explanation files, relative to the folder of
    ``conf.py``. When it lies inside the source folder, its files are kept
    from being read as pages of their own.
"""

from __future__ import annotations

import os
from html import escape
from pathlib import Path

from docutils import nodes
from docutils.utils import Reporter
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging
from sphinx.util.docutils import LoggingReporter, SphinxDirective, new_document
from sphinx.util.parsing import nested_parse_to_nodes

from sphinx_errcodes.catalog import ErrorCode
from sphinx_errcodes.translation import _, __

logger = logging.getLogger(__name__)

SUFFIXES = (".rst", ".md")
# Longer than this (in characters of text), an explanation starts collapsed behind a toggle.
COLLAPSED_ABOVE = 600


class error_code_explanation(nodes.General, nodes.Element):
    """The explanation of ``node['code']``; ``node['collapsed']`` when it starts closed."""


def setup_explanations(app: Sphinx) -> None:
    app.add_config_value("errcodes_explanations", None, "env", types=frozenset({str, type(Path()), type(None)}))
    app.connect("config-inited", keep_explanations_from_being_pages, priority=810)
    app.connect("env-get-outdated", pages_with_other_explanation_files)
    # Other builders never meet the node: the catalog is expanded to a definition list for them.
    app.add_node(error_code_explanation, html=(visit_explanation, depart_explanation))


def explanations_folder(app: Sphinx, config: Config) -> Path | None:
    value = config.errcodes_explanations
    if not isinstance(value, (str, os.PathLike)) or not os.fspath(value):
        return None
    return Path(os.path.normpath(os.path.join(app.confdir, value)))


def keep_explanations_from_being_pages(app: Sphinx, config: Config) -> None:
    """Resolve the folder, and exclude it from the source files when it lies among them."""
    folder = explanations_folder(app, config)
    config.errcodes_explanations = str(folder) if folder else None
    if folder is None:
        return
    try:
        inside = folder.relative_to(os.path.normpath(app.srcdir))  # both normalised alike, without resolving links
    except ValueError:
        return
    pattern = f"{inside.as_posix()}/**"
    if pattern not in config.exclude_patterns:
        config.exclude_patterns = [*config.exclude_patterns, pattern]


def explanation_files(config: Config) -> tuple[str, ...]:
    """The names in the explanations folder; a file added or removed changes them."""
    folder = Path(config.errcodes_explanations) if config.errcodes_explanations else None
    if folder is None or not folder.is_dir():
        return ()
    return tuple(sorted(path.name for path in folder.iterdir()))


def pages_with_other_explanation_files(app: Sphinx, env, added, changed, removed) -> list[str]:
    """The catalog pages read with another set of explanation files than the folder has now.

    Sphinx takes a folder given as a dependency for a missing file, and would
    read such a page on every build; edits to a file are its own dependency.
    """
    domain = env.domains["errcodes"]
    now = explanation_files(app.config)
    return [docname for docname, rendering in domain.renderings.items() if rendering.explanation_files != now]


def explanations_of(directive: SphinxDirective, codes: list[ErrorCode]) -> dict[str, error_code_explanation]:
    """The parsed explanation of every code that has a file, each problem reported at its file."""
    value = directive.config.errcodes_explanations
    if not value:
        return {}
    folder = Path(value)
    if not folder.is_dir():
        logger.warning(
            __("errcodes_explanations: %s is not a folder; create it or correct the setting"), folder, location=directive.get_location(), type="errcodes", subtype="explanation"
        )
        return {}
    known = {code.code for code in codes}
    files: dict[str, list[Path]] = {}
    for path in sorted(folder.iterdir()):
        if path.name.startswith("."):
            continue
        if path.is_dir():
            _warn(__("%s is a folder; explanations are files in %s itself") % (path.name, folder), path)
        elif not path.exists():
            _warn(__("%s is a symbolic link to %s, which does not exist") % (path.name, os.readlink(path)), path)
        elif path.suffix not in SUFFIXES:
            _warn(__("%s is not an explanation: name it <code>.rst or <code>.md") % path.name, path)
        elif path.stem not in known:
            _warn(__("explanation for code %s, which is not in the catalog; rename or remove the file") % path.stem, path)
        else:
            files.setdefault(path.stem, []).append(path)
    explanations = {}
    for code, paths in files.items():
        chosen, *others = sorted(paths, key=lambda path: SUFFIXES.index(path.suffix))
        for other in others:
            _warn(__("code %s has two explanations, %s and %s; keep one (%s is used)") % (code, chosen.name, other.name, chosen.name), other)
        directive.env.note_dependency(chosen)
        node = _parse(directive, code, chosen)
        if node is not None:
            explanations[code] = node
    return explanations


def _parse(directive: SphinxDirective, code: str, path: Path) -> error_code_explanation | None:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        before = path.read_bytes()[: error.start]
        _warn(__("the explanation is not valid UTF-8 (byte 0x%02x); save it as UTF-8") % error.object[error.start], path, before.count(b"\n") + 1)
        return None
    except OSError as error:
        _warn(__("cannot read the explanation: %s") % (error.strerror or error), path)
        return None
    if not text.strip():
        _warn(__("the explanation of code %s is empty; write it, or remove the file") % code, path)
        return None
    if path.suffix == ".md":
        # MyST's settings exist once it is loaded, from conf.py or by another extension (myst-nb).
        if "myst_enable_extensions" not in directive.config:
            _warn(__("a Markdown explanation needs MyST-Parser: add 'myst_parser' to extensions in conf.py, or write %s.rst") % code, path)
            return None
        content = _parse_markdown(directive, text, path)
    else:
        content = nested_parse_to_nodes(directive.state, text, source=str(path), allow_section_headings=True)
    node = error_code_explanation(code=code, collapsed=False)
    node += _without_sections(content)
    # Docutils gives the nodes of a nested parse the page's file; their lines are the explanation's.
    for element in node.findall(nodes.Element):
        element.source = str(path)
    node["collapsed"] = len(node.astext()) > COLLAPSED_ABOVE
    return node


def _parse_markdown(directive: SphinxDirective, text: str, path: Path) -> list[nodes.Node]:
    from myst_parser.parsers.sphinx_ import MystParser

    document = new_document(str(path), directive.state.document.settings)
    # As Sphinx reads a page: docutils' messages become Sphinx warnings, and none stops the build.
    document.reporter = LoggingReporter(str(path), halt_level=Reporter.SEVERE_LEVEL + 1)
    MystParser().parse(text, document)
    return list(document.children)


def _without_sections(content: list[nodes.Node]) -> list[nodes.Node]:
    """Headings become rubrics, so that they are no sections of the page."""
    flat: list[nodes.Node] = []
    for node in content:
        if isinstance(node, nodes.section):
            title = node[0] if node.children and isinstance(node[0], nodes.title) else None
            if title is not None:
                flat.append(nodes.rubric(title.rawsource, "", *title.children, classes=["errcodes-explanation-heading"]))
            flat += _without_sections(node.children[1 if title is not None else 0 :])
        else:
            flat.append(node)
    return flat


def _warn(message: str, path: Path, line: int = 1) -> None:
    logger.warning(message, location=f"{path}:{line}", type="errcodes", subtype="explanation")


def visit_explanation(translator, node: error_code_explanation) -> None:
    if node["collapsed"]:
        translator.body.append(f'<details class="errcodes-explanation"><summary>{escape(_("Explanation"))}</summary>')
    else:
        translator.body.append('<div class="errcodes-explanation">')


def depart_explanation(translator, node: error_code_explanation) -> None:
    translator.body.append("</details>" if node["collapsed"] else "</div>")

