"""The script needs no inline code and no network: a strict Content-Security-Policy does not stop it."""

from __future__ import annotations

import base64
import hashlib

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from .harness import serve
from .reference_page import click_copy_button, copy_button, filter_field, status


def theme_inline_script_hashes(page_html: str) -> list[str]:
    """CSP hashes of the inline scripts the page has without the catalog's help (furo's theme switch)."""
    scripts = BeautifulSoup(page_html, "html.parser").find_all("script", src=False)
    assert all("errcodes" not in script.string for script in scripts)
    return [f"'sha256-{base64.b64encode(hashlib.sha256(script.string.encode()).digest()).decode()}'" for script in scripts]


@pytest.fixture(scope="module")
def strict_site_url(site):
    hashes = " ".join(theme_inline_script_hashes((site / "errors.html").read_text(encoding="utf-8")))
    policy = (
        f"default-src 'none'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; font-src 'self'; connect-src 'none'; base-uri 'none'; form-action 'none'"
    )
    with serve(site, headers={"Content-Security-Policy": policy}) as url:
        yield url


def test_filter_and_copy_link_work_under_a_strict_content_security_policy(open_page, strict_site_url):
    # A violation of the policy is a console error, which fails the test.
    page = open_page(base_url=strict_site_url)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=strict_site_url.rstrip("/"))
    filter_field(page).fill("margin")
    expect(status(page)).to_have_text("8 of 94 codes")
    click_copy_button(page, "36")
    expect(copy_button(page, "36")).to_have_text("Link copied")


def test_filtering_linking_and_copying_request_nothing(open_page, site_url):
    page = open_page()
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    filter_field(page).press_sequentially("insufficient")
    expect(status(page)).to_have_text("8 of 94 codes")
    page.evaluate("location.hash = 'code-18'")
    expect(page.locator("#code-18")).to_be_in_viewport()
    click_copy_button(page, "18")
    expect(copy_button(page, "18")).to_have_text("Link copied")
    assert requests == []
