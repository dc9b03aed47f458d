"""The site's own search page finds a code by number or message and links straight to its entry."""

from __future__ import annotations

from urllib.parse import quote

import pytest

RESULT_LINKS = "#search-results ul.search li a"


def result_targets(page) -> list[str]:
    page.wait_for_selector(RESULT_LINKS)
    return page.eval_on_selector_all(RESULT_LINKS, "links => links.map(a => { const u = new URL(a.href); return u.pathname.split('/').pop() + u.hash; })")


@pytest.mark.parametrize(
    "query, target",
    [("36", "errors.html#code-36"), ("10010", "errors.html#code-10010"), ("-99", "errors.html#code--99"), ("insufficient funds", "errors.html#code-36")],
)
def test_the_first_search_result_links_to_the_code_entry(open_page, query, target):
    page = open_page(f"search.html?q={quote(query)}")
    assert result_targets(page)[0] == target
