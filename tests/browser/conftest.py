"""Browser tests: the project's site, built once, served on 127.0.0.1, in Debian's Chromium.

Without Chromium these tests skip, saying how to install it; under CI
(``CI=true``) they fail instead. Every page a test opens is watched: a console
error, an uncaught exception or a request that leaves the local server fails
the test (the request is also blocked).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from .harness import CATALOGS_PROJECT, CHROMIUM, EXPLANATIONS_PROJECT, FIELDS_PROJECT, INSTALL_HINT, PROJECT, build_site, copy_docs, launch_chromium, serve

WIDE = {"width": 1280, "height": 900}


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{INSTALL_HINT} (CI=true: the browser tests must run, not skip)")
        pytest.skip(INSTALL_HINT)
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def site_source(tmp_path_factory) -> Path:
    """A copy of the project's ``docs/`` (and ``data/``)."""
    return copy_docs(tmp_path_factory.mktemp("browser-site"))


@pytest.fixture(scope="session")
def site(site_source) -> Path:
    """The project's own site, built once with ``-W``."""
    return build_site(site_source, site_source.parent / "html")


@pytest.fixture(scope="session")
def chinese_site(site, site_source) -> Path:
    """The site in Simplified Chinese, built as ``make html`` builds it: into ``zh_CN/`` of the English one (served with it)."""
    return build_site(site_source, site / "zh_CN", {"language": "zh_CN"})


@pytest.fixture(scope="session")
def site_url(site) -> Iterator[str]:
    with serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def fields_site_url(tmp_path_factory) -> Iterator[Callable[[str], str]]:
    """``fields_site_url(theme)``: the base URL of ``roots/test-fields-browser`` built with that theme (once)."""
    urls: dict[str, str] = {}
    with ExitStack() as servers:

        def url(theme: str) -> str:
            if theme not in urls:
                output = tmp_path_factory.mktemp(f"fields-{theme}")
                urls[theme] = servers.enter_context(serve(build_site(FIELDS_PROJECT, output, {"html_theme": theme})))
            return urls[theme]

        yield url


@pytest.fixture
def open_page(browser, site_url) -> Iterator[Callable[..., Page]]:
    """``open_page(path, **context_options)``: the page in a fresh browser context, watched for problems."""
    problems: list[str] = []
    contexts = []

    def open_(path: str = "errors.html", **context_options) -> Page:
        options = {"base_url": site_url, "viewport": WIDE, **context_options}
        context = browser.new_context(**options)
        contexts.append(context)

        def block_other_origins(route) -> None:
            if route.request.url.startswith(options["base_url"]):
                route.continue_()
            else:
                problems.append(f"request to another origin: {route.request.url}")
                route.abort()

        context.route("**/*", block_other_origins)
        page = context.new_page()
        page.on("console", lambda message: message.type == "error" and problems.append(f"console error: {message.text}"))
        page.on("pageerror", lambda error: problems.append(f"uncaught exception: {error}"))
        page.goto(path)
        return page

    yield open_
    for context in contexts:
        context.close()
    assert not problems, "\n".join(problems)


@pytest.fixture
def open_fields_page(open_page, fields_site_url) -> Callable[..., Page]:
    """``open_fields_page(theme="furo", path="errors.html", **context_options)``: the page of the fields catalog."""

    def open_(theme: str = "furo", path: str = "errors.html", **context_options) -> Page:
        return open_page(path, base_url=fields_site_url(theme), **context_options)

    return open_


@pytest.fixture(scope="session")
def explanations_site_url(tmp_path_factory) -> Iterator[str]:
    """``roots/test-explanations`` in furo, built once with ``-W``."""
    with serve(build_site(EXPLANATIONS_PROJECT, tmp_path_factory.mktemp("explanations"), {"html_theme": "furo"})) as url:
        yield url


@pytest.fixture
def open_explanations_page(open_page, explanations_site_url) -> Callable[..., Page]:
    """``open_explanations_page(path="errors.html", **context_options)``: the page of the catalog with explanations."""

    def open_(path: str = "errors.html", **context_options) -> Page:
        return open_page(path, base_url=explanations_site_url, **context_options)

    return open_


@pytest.fixture(scope="session")
def catalogs_site_url(tmp_path_factory) -> Iterator[str]:
    """``roots/test-catalogs`` (two catalogs, one split over two pages) in furo, built once with ``-W``."""
    with serve(build_site(CATALOGS_PROJECT, tmp_path_factory.mktemp("catalogs"), {"html_theme": "furo"})) as url:
        yield url


@pytest.fixture
def open_catalogs_page(open_page, catalogs_site_url) -> Callable[..., Page]:
    """``open_catalogs_page(path, **context_options)``: a page of the two-catalog site."""

    def open_(path: str, **context_options) -> Page:
        return open_page(path, base_url=catalogs_site_url, **context_options)

    return open_


@pytest.fixture(scope="session")
def languages_site_url(tmp_path_factory) -> Iterator[str]:
    """``roots/test-interface-languages`` (in Polish, with pages of 1, 2, 5, 12 and 22 codes) in furo, built once with ``-W``."""
    with serve(build_site(PROJECT / "tests" / "roots" / "test-interface-languages", tmp_path_factory.mktemp("interface-languages"), {"html_theme": "furo"})) as url:
        yield url


@pytest.fixture
def open_polish_page(open_page, languages_site_url) -> Callable[..., Page]:
    """``open_polish_page(path, **context_options)``: a page of the Polish site."""

    def open_(path: str, **context_options) -> Page:
        return open_page(path, base_url=languages_site_url, **context_options)

    return open_


@pytest.fixture
def page(open_page) -> Page:
    """The reference page, wide and in the light theme."""
    return open_page()
