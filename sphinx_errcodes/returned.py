"""The ``errcodes-returned`` directive: the errors an endpoint returns, as a table on an API page.

.. code-block:: rst

   .. errcodes-returned::

      21 22 36 INSUFFICIENT_FUNDS

Codes or names, separated by spaces, commas or line breaks. The table is made
when the page is resolved, from the catalog as it is then: each code links to
its entry, with its message, and its HTTP status and retry advice when the
catalog gives them. The reference page lists such sections as "Returned by",
apart from the sections that only mention a code.
"""

from __future__ import annotations

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.errors import NoUri
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from sphinx_errcodes.catalogs import CATALOG_CONTEXT
from sphinx_errcodes.columns import columns_with
from sphinx_errcodes.domain import ErrorCodesDomain, Placed, link_to_code, report_unknown_code
from sphinx_errcodes.nodes import error_codes_returned
from sphinx_errcodes.translation import _, __

logger = logging.getLogger(__name__)


class ErrorCodesReturnedDirective(SphinxDirective):
    has_content = True
    # As Sphinx's object directives: the table is shown but not recorded, here as "Returned by".
    option_spec = {"no-index": directives.flag}

    def run(self) -> list[nodes.Node]:
        targets = " ".join(self.content).replace(",", " ").split()
        if not targets:
            logger.warning(__("errcodes-returned lists no code; write the codes or names it returns"), location=self.get_location(), type="errcodes", subtype="returned")
            return []
        node = error_codes_returned(targets=targets, no_index="no-index" in self.options)
        node[CATALOG_CONTEXT] = self.env.ref_context.get(CATALOG_CONTEXT)
        self.set_source_info(node)
        return [node]


def setup_returned(app: Sphinx) -> None:
    app.add_directive("errcodes-returned", ErrorCodesReturnedDirective)
    app.add_node(error_codes_returned)
    # Before the backlinks (400) and the expansion for other builders (500), like any resolution.
    app.connect("doctree-resolved", make_tables, priority=300)


def make_tables(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    domain: ErrorCodesDomain = app.env.domains[ErrorCodesDomain.name]
    columns = columns_with(app.config.errcodes_extra_columns)
    for node in list(doctree.findall(error_codes_returned)):
        found = []
        seen: set[str] = set()
        for target in node["targets"]:
            place = domain.find(target, docname, node.get(CATALOG_CONTEXT))
            if place is None:
                elsewhere = _in_another_project(app, docname, target, node)
                if elsewhere is None:
                    report_unknown_code(domain, target, node)
                found.append((target, elsewhere))
            elif (place.catalog, place.code.code) in seen:
                logger.warning(__("errcodes-returned lists code %s twice; keep it once"), target, location=node, type="errcodes", subtype="returned")
            else:
                seen.add((place.catalog, place.code.code))
                found.append((target, place))
        node.replace_self(_table(app, docname, found, columns))


def _in_another_project(app: Sphinx, docname: str, target: str, node: error_codes_returned) -> nodes.reference | None:
    """A link to a code of another project (intersphinx), found as the role finds it: through ``missing-reference``."""
    xref = addnodes.pending_xref("", refdomain=ErrorCodesDomain.name, reftype="code", reftarget=target, refdoc=docname, refexplicit=False)
    xref.source, xref.line = node.source, node.line
    try:
        return app.emit_firstresult("missing-reference", app.env, xref, _code_literal(target), allowed_exceptions=(NoUri,))
    except NoUri:
        return None


def _code_literal(code: str) -> nodes.literal:
    return nodes.literal(code, code, classes=["errcodes-code"])


def _table(app: Sphinx, docname: str, found, columns) -> nodes.table:
    codes = [match.code for _target, match in found if isinstance(match, Placed)]
    extra = [columns[name] for name in ("http_status", "retryable") if any(name in code.fields for code in codes)]
    headings = [_("Code"), _("Message"), *(_("HTTP status") if column.name == "http_status" else _("Retry") for column in extra)]
    table = nodes.table(classes=["errcodes-returned"])
    group = nodes.tgroup(cols=len(headings))
    table += group
    # Widths in characters, which the text builder takes as they are and the others as proportions.
    group += [nodes.colspec(colwidth=width) for width in (12, 40, *([26] * len(extra)))]
    group += nodes.thead("", _row([nodes.Text(heading) for heading in headings]))
    body = nodes.tbody()
    for target, match in found:
        if not isinstance(match, Placed):
            # Unknown, or another project's, whose inventory holds no message.
            body += _row([match if match is not None else nodes.literal(target, target), nodes.Text("")] + [nodes.Text("")] * len(extra))
            continue
        code = match.code
        reference = link_to_code(app.builder, docname, match, _code_literal(code.code))
        cells = [reference, nodes.Text(code.description)]
        for column in extra:
            value = code.value(column)
            cells.append(nodes.Text(column.badge(value, _) if value != column.empty else ""))
        body += _row(cells)
    group += body
    return table


def _row(contents: list[nodes.Node]) -> nodes.row:
    row = nodes.row()
    for content in contents:
        row += nodes.entry("", nodes.paragraph("", "", content))
    return row
