"""Explanations: one file per code, ``36.rst`` or ``E0308.md``, shown under the code's message.

An explanation is real Sphinx content, read as a document of its own while
the catalog's page is read, and its nodes given to the page: paragraphs,
lists, code blocks, admonitions, cross-references and ``:errcode:`` roles
work in every builder. Its headings are not sections of the page: they
become rubrics, so that they stay out of the table of contents. Markdown
files need MyST-Parser, loaded by the project.

Configuration (``conf.py``):

``errcodes_explanations`` (default ``None``)
    The folder of the explanation files, relative to the folder of
    ``conf.py``: of the site's default catalog; with several catalogs, a
    folder per catalog, ``{"spot": "explanations/spot"}``. When a folder
    lies inside the source folder, its files are kept from being read as
    pages of their own.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from copy import copy
from typing import NamedTuple
from html import escape
from pathlib import Path

import sphinx
from docutils import nodes
from sphinx import addnodes
from docutils.languages import en as english
from docutils.parsers.rst import roles, states
from docutils.statemachine import StringList, string2lines
from docutils.transforms import references
from docutils.utils import Reporter
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.parsers import RSTParser
from sphinx.transforms import DefaultSubstitutions
from sphinx.transforms.post_transforms.code import HighlightLanguageTransform
from sphinx.transforms.references import SphinxDanglingReferences
from sphinx.util import logging
from sphinx.util.docutils import LoggingReporter, SphinxDirective, new_document, register_role, unregister_role
from sphinx.util.rst import default_role

from sphinx_errcodes.catalog import ErrorCode
from sphinx_errcodes.catalogs import CATALOG_CONTEXT, path_for, resolve_per_catalog
from sphinx_errcodes.translation import _, __

logger = logging.getLogger(__name__)

SUFFIXES = (".rst", ".md")
# Longer than this (in characters of text), an explanation starts collapsed behind a toggle.
COLLAPSED_ABOVE = 600


class error_code_explanation(nodes.General, nodes.Element):
    """The explanation of ``node['code']``; ``node['collapsed']`` when it starts closed."""


def setup_explanations(app: Sphinx) -> None:
    app.add_config_value("errcodes_explanations", None, "env", types=frozenset({str, type(Path()), dict, type(None)}))
    # After the catalogs are known (810).
    app.connect("config-inited", keep_explanations_from_being_pages, priority=811)
    app.connect("env-get-outdated", pages_with_other_explanation_files)
    # Other builders never meet the node: the catalog is expanded to a definition list for them.
    app.add_node(error_code_explanation, html=(visit_explanation, depart_explanation))


def keep_explanations_from_being_pages(app: Sphinx, config: Config) -> None:
    """Resolve the folders, and exclude each from the source files when it lies among them."""
    for folder in resolve_per_catalog(app, config, "errcodes_explanations", "explanations"):
        try:
            inside = Path(folder).relative_to(os.path.normpath(app.srcdir))  # both normalised alike, without resolving links
        except ValueError:
            continue
        pattern = f"{inside.as_posix()}/**"
        if pattern not in config.exclude_patterns:
            config.exclude_patterns = [*config.exclude_patterns, pattern]


def explanation_files(config: Config, catalog: str) -> tuple[str, ...]:
    """The names in a catalog's explanations folder; a file added or removed changes them."""
    folder = path_for(config, "errcodes_explanations", catalog)
    if folder is None or not folder.is_dir():
        return ()
    return tuple(sorted(path.name for path in folder.iterdir()))


def pages_with_other_explanation_files(app: Sphinx, env, added, changed, removed) -> list[str]:
    """The catalog pages read with another set of explanation files than the folder has now.

    Sphinx takes a folder given as a dependency for a missing file, and would
    read such a page on every build; edits to a file are its own dependency.
    """
    domain = env.domains["errcodes"]
    return [
        docname
        for docname, renderings in domain.renderings.items()
        if any(rendering.explanation_files != explanation_files(app.config, rendering.catalog) for rendering in renderings)
    ]


class Explained(NamedTuple):
    """An explanation file, and the entry it explains."""

    path: Path
    code: str
    catalog: str
    anchor: str  # the entry's; the ids inside the explanation start with it


def explanations_of(directive: SphinxDirective, catalog: str, codes: list[ErrorCode], anchors: dict[str, str], reports: bool) -> dict[str, error_code_explanation]:
    """The parsed explanation of every code rendered here (``anchors``: code -> the anchor of its entry) that has a file.

    Each problem is reported at its file. Problems of the folder (a file for
    no code of the catalog, say) are reported by the directive that
    ``reports`` for the catalog, so once when it is split over pages.
    """
    folder = path_for(directive.config, "errcodes_explanations", catalog)
    if folder is None:
        return {}
    if not folder.is_dir():
        if reports:
            logger.warning(
                __("errcodes_explanations: %s is not a folder; create it or correct the setting"),
                folder,
                location=directive.get_location(),
                type="errcodes",
                subtype="explanation",
            )
        return {}
    known = {code.code for code in codes}
    files: dict[str, list[Path]] = {}
    for path in sorted(folder.iterdir()):
        if path.name.startswith("."):
            continue
        if path.is_dir():
            problem = __("%s is a folder; explanations are files in %s itself") % (path.name, folder)
        elif not path.exists():
            problem = __("%s is a symbolic link to %s, which does not exist") % (path.name, os.readlink(path))
        elif path.suffix not in SUFFIXES:
            problem = __("%s is not an explanation: name it <code>.rst or <code>.md") % path.name
        elif path.stem not in known:
            problem = __("explanation for code %s, which is not in the catalog; rename or remove the file") % path.stem
        else:
            if path.stem in anchors:
                files.setdefault(path.stem, []).append(path)
            continue
        if reports:
            _warn(problem, path)
    explanations = {}
    parsers = _Parsers(directive.config)
    for code, paths in files.items():
        chosen, *others = sorted(paths, key=lambda path: SUFFIXES.index(path.suffix))
        for other in others:
            _warn(__("code %s has two explanations, %s and %s; keep one (%s is used)") % (code, chosen.name, other.name, chosen.name), other)
        directive.env.note_dependency(chosen)
        node = _parse(directive, Explained(chosen, code, catalog, anchors[code]), parsers)
        if node is not None:
            explanations[code] = node
    return explanations


def _parse(directive: SphinxDirective, explained: Explained, parsers: _Parsers) -> error_code_explanation | None:
    path, code = explained.path, explained.code
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
    # MyST's settings exist once it is loaded, from conf.py or by another extension (myst-nb).
    if path.suffix == ".md" and "myst_enable_extensions" not in directive.config:
        _warn(__("a Markdown explanation needs MyST-Parser: add 'myst_parser' to extensions in conf.py, or write %s.rst") % code, path)
        return None
    node = error_code_explanation(code=code, collapsed=False)
    node += _read_as_own_document(directive, text, explained, parsers.by_suffix(path.suffix))
    node["collapsed"] = len(node.astext()) > COLLAPSED_ABOVE
    return node


# The transforms that resolve what is a document's own: substitutions, footnotes,
# hyperlink targets, and the language that ``highlight`` sets for the code after it.
_OWN_DOCUMENT = (
    DefaultSubstitutions,
    references.Substitutions,
    references.PropagateTargets,
    references.AnonymousHyperlinks,
    references.IndirectHyperlinks,
    references.Footnotes,
    references.ExternalTargets,
    references.InternalTargets,
    SphinxDanglingReferences,
    HighlightLanguageTransform,
)


def _read_as_own_document(directive: SphinxDirective, text: str, explained: Explained, parser) -> list[nodes.Node]:
    """Parse an explanation as a document of its own, and give its nodes to the page.

    Its own parser (by its suffix, whatever the page is written in), its own
    names (two files may both have a footnote 1 or a target "example"), its
    own paths, its catalog for a bare ``:errcode:``, and its messages name
    its file. Its ids start with its entry's anchor (``code-36-examples``),
    so that they never take one that the page gives later, and are kept in
    the page's, so that they stay unique in it; its footnotes are numbered
    on from those before it. Its explicit targets become the page's, so that
    ``:ref:`` finds them as it finds any label.
    """
    page, path = directive.state.document, explained.path
    settings = copy(page.settings)
    settings.id_prefix = f"{explained.anchor}-"
    document = new_document(str(path), settings)
    # As Sphinx reads a page: docutils' messages become Sphinx warnings, and none stops the build.
    document.reporter = LoggingReporter(str(path), halt_level=Reporter.SEVERE_LEVEL + 1)
    document.ids, document.id_counter = page.ids, page.id_counter
    document.autofootnote_start, document.symbol_footnote_start = page.autofootnote_start, page.symbol_footnote_start
    with _state_of_its_own(directive.env, directive.config, path.parent, explained.catalog):
        parser.parse(text, document)
        document.transformer.add_transforms([*parser.get_transforms(), *_OWN_DOCUMENT])
        document.transformer.apply_transforms()
    page.autofootnote_start, page.symbol_footnote_start = document.autofootnote_start, document.symbol_footnote_start
    _drop_toctrees(document)
    for reference in document.findall(nodes.reference):
        # MyST has resolved this "#anchor" link; on a Markdown page its transform would try again, and fail.
        if "id_link" in reference and "refuri" not in reference:
            del reference["id_link"]
    _resolve_paths_from(path.parent, document, Path(directive.env.doc2path(directive.env.docname)).parent)
    content = _without_sections(document, document.children)
    for name, explicit in document.nametypes.items():
        target = document.ids.get(document.nameids.get(name) or "")
        if explicit and target is not None and not isinstance(target, (nodes.footnote, nodes.citation)):
            page.note_explicit_target(target)
    return content


class _Parsers:
    """The parser of each kind of explanation file, made once for all the explanations a directive reads."""

    def __init__(self, config: Config) -> None:
        self._config = config
        self._made: dict[str, object] = {}

    def by_suffix(self, suffix: str):
        if suffix not in self._made:
            self._made[suffix] = _markdown_parser() if suffix == ".md" else _rst_parser(self._config)
        return self._made[suffix]


def _markdown_parser():
    from myst_parser.parsers.sphinx_ import MystParser

    return MystParser()


class _ExplanationParser(RSTParser):
    """Sphinx's reST parser, keeping its state machine from one explanation to the next.

    Making a state machine costs more than reading a short explanation (its
    states compile their patterns); each run starts it afresh on the
    document it is given, as docutils runs it on each nested block.
    """

    _machine: states.RSTStateMachine | None = None

    def parse(self, inputstring: str, document: nodes.document) -> None:
        self.setup_parse(inputstring, document)
        if self._machine is None:
            self._machine = states.RSTStateMachine(state_classes=self.state_classes, initial_state=self.initial_state, debug=document.reporter.debug_flag)
        lines = StringList(string2lines(inputstring, tab_width=document.settings.tab_width, convert_whitespace=True), document.current_source)
        self.decorate(lines)
        try:
            self._machine.run(lines, document, inliner=self.inliner)
        except BaseException:
            self._machine = None  # halfway through a file: not to be run again
            raise
        self.finish_parse()


def _rst_parser(config: Config) -> RSTParser:
    """Sphinx's reST parser, which adds ``rst_prolog`` and ``rst_epilog`` from the configuration it holds.

    Sphinx hands the configuration to a parser privately, and differently
    since 8.2; this is the one place that knows (tested by the prolog test).
    """
    parser = _ExplanationParser()
    if sphinx.version_info >= (8, 2):
        parser._config = config
    else:
        parser.config = config
    return parser


@contextmanager
def _state_of_its_own(env, config: Config, folder: Path, catalog: str) -> Iterator[None]:
    """What an explanation's directives set ends with it, and relative paths start at its folder.

    ``default-role``, ``highlight``, ``default-domain`` and ``py:module`` set
    the state of the document being read, which is the page's: an explanation
    starts from the project's defaults, as a page does, and the page, and the
    explanations after it, continue as they were. Sphinx resolves a relative
    path (``include``, ``literalinclude``) against the page being read.
    """
    state = env.current_document if sphinx.version_info >= (8, 2) else env.temp_data
    kept = {key: state.get(key) for key in ("default_role", "default_domain", "highlight_language")}
    context = dict(env.ref_context)
    page_role, _messages = roles.role("", english, 0, Reporter("", Reporter.SEVERE_LEVEL + 1, Reporter.SEVERE_LEVEL + 1))
    state["default_role"], state["highlight_language"] = config.default_role, None
    env.ref_context.clear()
    env.ref_context[CATALOG_CONTEXT] = catalog
    unregister_role("")
    page_relfn2path = env.relfn2path
    # A path from a file: Sphinx's own rule applies, only the folder is the explanation's.
    env.relfn2path = lambda filename, docname=None: (
        page_relfn2path(filename, docname) if docname is not None or filename.startswith(("/", "\\")) else _relative_to(env, folder / filename)
    )
    try:
        with default_role(env.docname, config.default_role):
            yield
    finally:
        del env.relfn2path
        for key, value in kept.items():
            state[key] = value
        env.ref_context.clear()
        env.ref_context.update(context)
        register_role("", page_role)


def _relative_to(env, path: Path) -> tuple[str, str]:
    """(path relative to the source folder, absolute path), as ``env.relfn2path`` gives them."""
    absolute = os.path.normpath(path)
    return Path(os.path.relpath(absolute, env.srcdir)).as_posix(), absolute


def _resolve_paths_from(folder: Path, document: nodes.document, page_folder: Path) -> None:
    """Sphinx finds an image or a download relative to the page, once it is read; an explanation's are relative to its file."""
    for node, attribute in [*((image, "uri") for image in document.findall(nodes.image)), *((link, "reftarget") for link in document.findall(addnodes.download_reference))]:
        path = node[attribute]
        if "://" in path or path.startswith(("/", "data:")):
            continue
        node[attribute] = Path(os.path.relpath(os.path.normpath(folder / path), page_folder)).as_posix()


def _drop_toctrees(document: nodes.document) -> None:
    """A toctree would make the reference page the parent of other pages, in every builder's navigation."""
    for toctree in list(document.findall(addnodes.toctree)):
        _warn(__("a toctree in an explanation would put other pages under the reference page; link them with :doc: instead"), Path(toctree.source or document["source"]), toctree.line or 1)
        wrapper = toctree.parent
        wrapper.remove(toctree)
        if isinstance(wrapper, nodes.compound) and not wrapper.children:
            wrapper.parent.remove(wrapper)


def _without_sections(document: nodes.document, content: list[nodes.Node]) -> list[nodes.Node]:
    """Headings become rubrics, so that they are no sections of the page; a link to a heading goes to its rubric."""
    flat: list[nodes.Node] = []
    for node in content:
        if isinstance(node, nodes.section):
            title = node[0] if node.children and isinstance(node[0], nodes.title) else None
            if title is not None:
                rubric = nodes.rubric(title.rawsource, "", *title.children, ids=node["ids"], names=node["names"], classes=["errcodes-explanation-heading"])
                rubric.source, rubric.line = title.source or node.source, title.line or node.line
                document.ids.update(dict.fromkeys(node["ids"], rubric))
                flat.append(rubric)
            flat += _without_sections(document, node.children[1 if title is not None else 0 :])
        elif isinstance(node, nodes.transition) and "footnotes" in node["classes"]:
            continue  # MyST's rule above its footnotes, which only a document or section may hold
        else:
            flat.append(node)
    return flat


def _warn(message: str, path: Path, line: int = 1) -> None:
    logger.warning(message, location=f"{path}:{line}", type="errcodes", subtype="explanation")


def visit_explanation(translator, node: error_code_explanation) -> None:
    if node["collapsed"]:
        summary = escape(_("Explanation"))
        translator.body.append(f'<details class="errcodes-explanation"><summary>{summary}</summary>')
    else:
        translator.body.append('<div class="errcodes-explanation">')


def depart_explanation(translator, node: error_code_explanation) -> None:
    translator.body.append("</details>" if node["collapsed"] else "</div>")

