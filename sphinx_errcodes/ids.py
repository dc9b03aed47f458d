"""HTML ids on a catalog page stay unique, and the entries keep theirs.

The entries' ids (``code-36``) and the categories' (``category-funds``) are
permanent links, but docutils derives a section's id from its title, so a
heading "Code 36" elsewhere on the page would get the same id. Such a heading
gives its id up to the entry, takes a fresh one, and the build says so.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

from sphinx_errcodes.nodes import error_code_list
from sphinx_errcodes.translation import __

logger = logging.getLogger(__name__)


class EntriesKeepTheirIds(SphinxTransform):
    # Once the page is parsed, before the domains record its targets (850).
    default_priority = 840

    def apply(self, **kwargs) -> None:
        ours: dict[str, tuple[nodes.Element, str]] = {}  # anchor -> (node that holds it, what it anchors)
        for node in self.document.findall(error_code_list):
            ours.update((entry.anchor, (node, __("error code %s") % entry.code.code)) for entry in node["entries"])
            section = node.parent
            if isinstance(section, nodes.section):
                ours.update((anchor, (section, __("category %r") % section[0].astext())) for anchor in section["ids"])
        taken = {anchor: self.document.ids[anchor] for anchor, (node, _what) in ours.items() if self.document.ids.get(anchor, node) is not node}
        self.document.ids.update((anchor, node) for anchor, (node, _what) in ours.items())
        for anchor, other in taken.items():
            other["ids"].remove(anchor)
            self.document.set_id(other)  # a fresh id, now that ours are registered
            new = other["ids"][0]
            for name, target in self.document.nameids.items():
                if target == anchor:
                    self.document.nameids[name] = new
            title = other[0] if isinstance(other, nodes.section) and other.children and isinstance(other[0], nodes.title) else None
            logger.warning(
                __("the id %r of the %s is the anchor of %s on this page; it gets the id %r instead"),
                anchor,
                f"{other.tagname} {title.astext()!r}" if title else other.tagname,
                ours[anchor][1],
                new,
                location=title or other,
                type="errcodes",
                subtype="id",
            )
