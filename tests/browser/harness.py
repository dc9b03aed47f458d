"""A Sphinx site served on localhost, and Debian's Chromium driven by Playwright.

Shared by the browser tests (``conftest.py`` here), ``scripts/screenshots.py``
and ``benchmarks/filter/run.py``. Nothing here touches the network: sites are
served from 127.0.0.1, and Playwright is pointed at the system's Chromium, so
it never downloads a browser.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from threading import Thread

from playwright.sync_api import Browser, Playwright

PROJECT = Path(__file__).resolve().parents[2]
# A catalog with every optional column, long codes and names, deprecated and retired codes.
FIELDS_PROJECT = PROJECT / "tests" / "roots" / "test-fields-browser"
EXPLANATIONS_PROJECT = PROJECT / "tests" / "roots" / "test-explanations"
CATALOGS_PROJECT = PROJECT / "tests" / "roots" / "test-catalogs"
THEMES = ("furo", "alabaster", "sphinx_rtd_theme")
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
INSTALL_HINT = "Debian's Chromium is not installed at /usr/bin/chromium; install it with: apt-get install chromium"


def copy_docs(destination: Path) -> Path:
    """A copy of the project's site and catalog, laid out as in the repository; returns its ``docs``."""
    shutil.copytree(PROJECT / "docs", destination / "docs", ignore=shutil.ignore_patterns("_build"))
    shutil.copytree(PROJECT / "data", destination / "data")
    return destination / "docs"


def build_site(source: Path, output: Path, settings: dict[str, str] | None = None) -> Path:
    """Build the HTML of the Sphinx project in ``source`` with ``-W``, and ``settings`` over its ``conf.py``.

    The build runs in its own process: Sphinx's command line changes global
    state (colour output, logging) that other tests in this process rely on.
    """
    arguments = ["-W", "--keep-going", "-q", "-b", "html"]
    for name, value in (settings or {}).items():
        arguments += ["-D", f"{name}={value}"]
    if subprocess.run([sys.executable, "-m", "sphinx", *arguments, str(source), str(output)]).returncode != 0:
        raise RuntimeError(f"sphinx-build failed for {source}")
    return output


class _Handler(SimpleHTTPRequestHandler):
    extra_headers: dict[str, str] = {}

    def do_GET(self) -> None:
        if self.path == "/favicon.ico":  # asked for by the browser itself; the site has none
            self.send_response(204)
            self.end_headers()
            return
        super().do_GET()

    def end_headers(self) -> None:
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the base class's name
        pass


@contextmanager
def serve(directory: Path, headers: dict[str, str] | None = None) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 (a free port) from a background thread; yields the base URL."""
    handler = type("Handler", (_Handler,), {"extra_headers": dict(headers or {})})
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(directory)))
    thread = Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def launch_chromium(playwright: Playwright) -> Browser:
    """Debian's Chromium, headless; raises ``FileNotFoundError`` (with the install command) if it is missing."""
    if not CHROMIUM.exists():
        raise FileNotFoundError(INSTALL_HINT)
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
