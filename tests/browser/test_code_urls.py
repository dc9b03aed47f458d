"""A code's own URL and a moved page's old address lead to the entry in Chromium, with and without JavaScript, in every HTML builder."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest

from .harness import CODE_URLS_PROJECT, build_site, serve
from .test_security import theme_inline_script_hashes

BUILDERS = ["html", "dirhtml", "singlehtml"]
SCRIPT = [pytest.param(True, id="script on"), pytest.param(False, id="script off")]


@pytest.fixture(scope="module")
def built_site(tmp_path_factory):
    """``built_site(builder)``: the output folder of roots/test-code-urls built with that builder (once each)."""
    folders: dict[str, Path] = {}

    def folder(builder: str) -> Path:
        if builder not in folders:
            folders[builder] = build_site(CODE_URLS_PROJECT, tmp_path_factory.mktemp(builder), builder=builder)
        return folders[builder]

    return folder


@pytest.fixture(scope="module")
def site_of(built_site) -> Iterator:
    """``site_of(builder)``: the base URL of that site, served (once each)."""
    urls: dict[str, str] = {}
    with ExitStack() as servers:

        def url(builder: str) -> str:
            if builder not in urls:
                urls[builder] = servers.enter_context(serve(built_site(builder)))
            return urls[builder]

        yield url


def code_url(builder: str, code_file: str, folder: str = "reference/") -> str:
    return f"{folder}code/{code_file}/" if builder == "dirhtml" else f"{folder}code/{code_file}.html"


def entry_page(builder: str) -> str:
    return {"html": "reference/errors.html", "dirhtml": "reference/errors/", "singlehtml": "index.html"}[builder]


def old_page(builder: str, name: str = "errors") -> str:
    return f"{name}/" if builder == "dirhtml" else f"{name}.html"


def arrive(open_page, base: str, path: str, script: bool, expected: str):
    page = open_page(path, base_url=base, java_script_enabled=script)
    page.wait_for_url(base + expected)
    return page


@pytest.mark.parametrize("script", SCRIPT)
@pytest.mark.parametrize("builder", BUILDERS)
@pytest.mark.parametrize("code, code_file", [("36", "36"), ("-99", "-99"), ("CON", "~43ON"), ("lpt1.retry", "~6Cpt1.retry")])
def test_a_code_s_url_shows_its_entry(open_page, site_of, builder, script, code, code_file):
    page = arrive(open_page, site_of(builder), code_url(builder, code_file), script, f"{entry_page(builder)}#code-{code}")
    entry = page.locator(f'[id="code-{code}"]')
    entry.wait_for()
    assert entry.is_visible()
    assert entry.evaluate("element => element.getBoundingClientRect().top < innerHeight")


@pytest.mark.parametrize("script", SCRIPT)
@pytest.mark.parametrize("builder", ["html", "dirhtml"])
def test_a_code_s_url_of_the_page_s_old_folder_still_shows_its_entry(open_page, site_of, builder, script):
    arrive(open_page, site_of(builder), code_url(builder, "36", folder=""), script, f"{entry_page(builder)}#code-36")


@pytest.mark.parametrize("builder", BUILDERS)
@pytest.mark.parametrize("fragment", ["#code-36", "#code--99", "#category-devices"])
def test_a_moved_page_carries_a_catalog_fragment_to_where_it_is_now(open_page, site_of, builder, fragment):
    page = arrive(open_page, site_of(builder), old_page(builder) + fragment, True, entry_page(builder) + fragment)
    assert page.locator(f'[id="{fragment[1:]}"]').count() == 1


@pytest.mark.parametrize("builder", ["html", "dirhtml"])
def test_a_moved_page_carries_any_other_fragment_and_the_query_to_the_new_page(open_page, site_of, builder):
    new = "orders.html" if builder == "html" else "orders/"
    arrive(open_page, site_of(builder), old_page(builder, "orders-old") + "?q=funds#place-an-order", True, new + "?q=funds#place-an-order")


@pytest.mark.parametrize("builder", ["html", "dirhtml"])
def test_a_page_moved_to_a_page_without_the_catalog_still_carries_a_code_to_its_entry(open_page, site_of, builder):
    arrive(open_page, site_of(builder), old_page(builder, "orders-old") + "#code-36", True, entry_page(builder) + "#code-36")


def test_a_moved_page_without_fragment_goes_to_the_document_on_the_single_page(open_page, site_of):
    arrive(open_page, site_of("singlehtml"), "orders-old.html", True, "index.html#document-orders")


@pytest.mark.parametrize("builder", BUILDERS)
def test_without_script_a_moved_page_links_to_the_new_page(open_page, site_of, builder):
    base = site_of(builder)
    page = open_page(old_page(builder) + "#code-36", base_url=base, java_script_enabled=False)
    page.get_by_role("link", name="Errors").click()
    page.wait_for_url(base + entry_page(builder) + ("#document-reference/errors" if builder == "singlehtml" else ""))


@pytest.mark.parametrize("fragment", ["#code-36", "#category-devices"])
def test_a_moved_page_opened_from_the_disk_carries_the_fragment_too(browser, built_site, fragment):
    root = built_site("html")
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto((root / "errors.html").as_uri() + fragment)
        page.wait_for_url((root / "reference" / "errors.html").as_uri() + fragment)
    finally:
        context.close()


def test_a_moved_page_and_a_code_s_page_work_under_a_strict_content_security_policy(open_page, built_site):
    # A violation of the policy is a console error, which fails the test; the entry's page keeps its theme's own inline scripts.
    root = built_site("html")
    hashes = " ".join(theme_inline_script_hashes((root / "reference" / "errors.html").read_text(encoding="utf-8")))
    policy = f"default-src 'none'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'"
    with serve(root, headers={"Content-Security-Policy": policy}) as base:
        arrive(open_page, base, "errors.html#code-36", True, "reference/errors.html#code-36")
        arrive(open_page, base, "code/36.html", True, "reference/errors.html#code-36")
