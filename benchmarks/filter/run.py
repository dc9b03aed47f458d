"""How fast the filter box answers a keystroke on a large catalog, before and after a change, in headless Chromium.

    .venv/bin/python benchmarks/filter/run.py                        # 10,000 and 100,000 codes
    .venv/bin/python benchmarks/filter/run.py --sizes 100000 --queries 6 --runs 1

For each size, the project of ``benchmarks/build`` (furo, ``.. error-codes::``)
is built with a generated catalog of that many codes, with names, HTTP
statuses, retry advice and statuses (``benchmarks/build/fields.py``), twice from the same
file: "before" with the extension as it was at ``--before`` (a commit; by
default where this branch left main), "after" with the one of this checkout.
Each site is served on 127.0.0.1 and opened in Debian's Chromium (headless),
the two alternately, ``--runs`` times each. Once the page has read its
catalog (which it does while idle after loading), the benchmark types queries
into the filter box one key at a time, and the page times every keystroke
itself:

- from the key event's time stamp to the end of the work it causes: the
  filter's script, then the style and layout of the changed page (forced with
  ``offsetHeight`` once the script's handlers have run), and apart, the
  script alone (from the handling of the key to the end of the handlers);
- plus the main thread's work on the next frame (from its animation frame
  callbacks to the end of its rendering: the entries that come into view,
  paint), without the wait for that frame.

The first is the time the filter takes to answer the keystroke, held to the
budget of 16 ms (a frame): the page is then consistent, every entry shown or
hidden as the count says. The sum is shown beside it.

For each size up to 10,000 codes, it also loads each page on a throttled
phone (Pixel 7's screen and user agent, the CPU slowed down 4 times through
``Emulation.setCPUThrottlingRate``) and reports:

- the bytes of the page: its HTML, and everything the browser fetched to
  show it, raw and gzip-compressed (level 6, as web servers commonly send
  it), beside the same catalog written as docutils' ``.. csv-table::`` (the
  ``csv-table`` project of ``benchmarks/build``) on the same site;
- the time to a usable filter: from navigation start until the page shows
  the answer to a query typed as soon as the filter's script can take it
  (at DOMContentLoaded, once the deferred scripts have run; again every
  50 ms until it is answered): the count of the answer in the status line,
  laid out. The entries shown are then checked against the answer of the
  same query on the unthrottled page.

Prints Markdown tables and writes every measurement to
``benchmarks/results/filter/results.json``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import statistics
import subprocess
import sys
import tarfile
import time
from io import BytesIO
from pathlib import Path
from urllib.parse import unquote, urlparse

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "benchmarks" / "build"), str(ROOT / "tests")]

import sphinx  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from browser.harness import CHROMIUM, INSTALL_HINT, launch_chromium, serve  # noqa: E402
from projects import make_project  # noqa: E402

DEFAULT_SIZES = (10_000, 100_000)
WORKDIR = ROOT / "benchmarks" / "results" / "filter"
BUDGET_MS = 16.0
# The sizes at which the page is also loaded on a throttled phone.
PHONE_SIZES_UP_TO = 10_000
CPU_SLOWDOWN = 4
PHONE = "Pixel 7"
USABLE_QUERY = "10005"

# What readers type: codes, words of the generated messages, a category, a miss,
# a word of the names, an HTTP status and the columns the filter box knows.
# Each is typed a key at a time, then shortened with (up to) three Backspaces,
# then cleared with Esc: every one of those keys is a measured keystroke.
QUERIES = (
    "10005",
    "110020",
    "4",
    "order",
    "margin",
    "api key",
    "not found",
    "signature has expired",
    "withdrawal locked",
    "too many requests",
    "isolated margin",
    "exceeds the maximum",
    "contact support",
    "market data",
    "trading pair during the auction",
    "zebra",
    "not_found",
    "404",
    "http:404",
    "http:4xx",
    "retryable",
    "retryable:no",
    "status:deprecated",
    "status:retired margin",
)

# Runs before the page's own scripts; see the module's docstring.
INSTRUMENT = """
window.__keystrokes = [];
let pressed = null;
addEventListener('keydown', event => { pressed = {key: event.key, start: event.timeStamp, handled: performance.now()}; }, true);
function done(kind) {
    if (!pressed) return;
    const scripted = performance.now();
    document.body.offsetHeight;  // style and layout of what the handlers changed
    const keystroke = {
        key: pressed.key, kind, ms: performance.now() - pressed.start, queued_ms: pressed.handled - pressed.start,
        script_ms: scripted - pressed.handled,
        query: document.querySelector('.errcodes-filter-input').value,
        status: document.querySelector('.errcodes-filter-status').textContent,
    };
    pressed = null;
    requestAnimationFrame(() => {
        const frameStart = performance.now();
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
            keystroke.frame_ms = performance.now() - frameStart;
            window.__keystrokes.push(keystroke);
        };
        channel.port2.postMessage(null);
    });
}
addEventListener('input', () => done('type'));
addEventListener('keydown', event => { if (event.key === 'Escape') done('clear'); });
"""

# Runs before the page's own scripts: types the query at DOMContentLoaded (and
# every 50 ms until answered) and notes when the status line gives the answer.
USABLE = """
([query, answer]) => {
    window.__usable = null;
    function attempt() {
        const input = document.querySelector('.errcodes-filter-input');
        input.value = query;
        input.dispatchEvent(new Event('input', {bubbles: true}));
        document.body.offsetHeight;
        if (document.querySelector('.errcodes-filter-status').textContent === answer) {
            window.__usable = performance.now();
        } else {
            setTimeout(attempt, 50);
        }
    }
    document.addEventListener('DOMContentLoaded', attempt);
}
"""

SHOWN_CODES = "Array.from(document.querySelectorAll('.errcodes-entry .errcodes-code')).filter(code => code.checkVisibility()).map(code => code.textContent)"


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def load_average() -> str:
    return "/".join(f"{load:.1f}" for load in os.getloadavg())


def extension_at(commit: str) -> Path:
    """The package ``sphinx_errcodes`` as it was at ``commit``, in a folder to put on ``PYTHONPATH``."""
    folder = WORKDIR / f"extension-{commit[:12]}"
    if not folder.exists():
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", commit, "sphinx_errcodes"], check=True, capture_output=True).stdout
        folder.mkdir(parents=True)
        with tarfile.open(fileobj=BytesIO(archive)) as tar:
            tar.extractall(folder, filter="data")
    return folder


def build(kind: str, size: int, name: str, extension: Path) -> Path:
    """Build the benchmark's ``kind`` project of ``size`` codes with the package in ``extension``; returns the output folder."""
    srcdir = make_project(kind, size, WORKDIR / name, every_feature=False)
    outdir = srcdir.parent / "html"
    started = time.perf_counter()
    environment = {**os.environ, "PYTHONPATH": str(extension)}
    arguments = [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html", str(srcdir), str(outdir)]
    subprocess.run(arguments, check=True, env=environment)
    print(f"built {name}: {kind}, {size:,} codes, in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return outdir


def measure(browser, url: str, queries: tuple[str, ...]) -> dict:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(INSTRUMENT)
    page = context.new_page()
    load_before = load_average()
    page.goto(url, timeout=300_000)
    page.wait_for_function("performance.getEntriesByName('errcodes-index').length > 0", timeout=120_000)
    timings = page.evaluate(
        "(() => { const n = performance.getEntriesByType('navigation')[0];"
        " return {load_ms: n.loadEventEnd, index_ms: performance.getEntriesByName('errcodes-index')[0].duration}; })()"
    )
    page.locator(".errcodes-filter-input").focus()
    count = 0
    for query in queries:
        for key in [*query, *["Backspace"] * min(3, len(query) - 1), "Escape"]:
            page.keyboard.press(key)
            count += 1
            page.wait_for_function("count => window.__keystrokes.length >= count", arg=count, timeout=120_000)
    keystrokes = page.evaluate("window.__keystrokes")
    context.close()
    return {**timings, "keystrokes": keystrokes, "load_average": f"{load_before} → {load_average()}"}


def answer_of(browser, url: str, query: str) -> tuple[str, list[str]]:
    """The status line and the codes shown for ``query``, on an unthrottled page."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{url}?q={query}", timeout=300_000)
    page.wait_for_function("document.querySelector('.errcodes-filter-input').value !== ''")
    answer = page.locator(".errcodes-filter-status").text_content(), sorted(page.evaluate(SHOWN_CODES))
    context.close()
    return answer


def phone_context(browser, playwright):
    return browser.new_context(**{key: value for key, value in playwright.devices[PHONE].items() if key != "default_browser_type"})


def on_phone(browser, playwright, url: str, outdir: Path, answer: tuple[str, list[str]] | None) -> dict:
    """Load ``url`` on the throttled phone: the bytes fetched, paint and load times, and (given the answer) the time to a usable filter."""
    context = phone_context(browser, playwright)
    page = context.new_page()
    if answer:
        page.add_init_script(f"({USABLE})({json.dumps([USABLE_QUERY, answer[0]])})")
    fetched = []
    page.on("requestfinished", lambda request: fetched.append(request.url))
    page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    load_before = load_average()
    page.goto(url, timeout=600_000)
    result = {"load_average": ""}
    if answer:
        page.wait_for_function("window.__usable !== null", timeout=600_000, polling=500)
        if sorted(page.evaluate(SHOWN_CODES)) != answer[1]:
            raise AssertionError(f"{url}: the throttled page shows other codes for {USABLE_QUERY!r} than the unthrottled one")
        result["usable_ms"] = page.evaluate("window.__usable")
    result.update(
        page.evaluate(
            "(() => { const n = performance.getEntriesByType('navigation')[0];"
            " const paint = performance.getEntriesByName('first-contentful-paint')[0];"
            " return {fcp_ms: paint ? paint.startTime : null, dcl_ms: n.domContentLoadedEventEnd, load_ms: n.loadEventEnd}; })()"
        )
    )
    result["load_average"] = f"{load_before} → {load_average()}"
    context.close()
    files = [outdir / unquote(urlparse(address).path).lstrip("/") for address in fetched]
    contents = [file.read_bytes() for file in files if file.is_file()]
    html = (outdir / "errors.html").read_bytes()
    result.update(
        html_bytes=len(html),
        html_gzip_bytes=len(gzip.compress(html, 6)),
        fetched_files=len(contents),
        fetched_bytes=sum(map(len, contents)),
        fetched_gzip_bytes=sum(len(gzip.compress(content, 6)) for content in contents),
    )
    return result


def summary(variant: str, size: int, run_number: int, run: dict) -> dict:
    keystrokes = run["keystrokes"]
    answer = [keystroke["ms"] for keystroke in keystrokes]
    script = [keystroke["script_ms"] for keystroke in keystrokes]
    with_frame = [keystroke["ms"] + keystroke["frame_ms"] for keystroke in keystrokes]
    return {
        "variant": variant,
        "size": size,
        "run": run_number,
        "load_ms": run["load_ms"],
        "index_ms": run["index_ms"],
        "load_average": run["load_average"],
        "keystrokes": len(answer),
        "median_ms": statistics.median(answer),
        "p95_ms": percentile(answer, 0.95),
        "max_ms": max(answer),
        "script_median_ms": statistics.median(script),
        "script_p95_ms": percentile(script, 0.95),
        "with_frame_median_ms": statistics.median(with_frame),
        "with_frame_p95_ms": percentile(with_frame, 0.95),
        **{
            f"{kind}_{name}_ms": figure([keystroke["ms"] for keystroke in keystrokes if keystroke["kind"] == kind])
            for kind in ("type", "clear")
            for name, figure in (("median", statistics.median), ("p95", lambda times: percentile(times, 0.95)))
        },
    }


def mib(size: int) -> str:
    return f"{size / 2**20:.2f} MiB"


def keystroke_table(rows: list[dict]) -> str:
    lines = [
        "| codes | | run | page load | reading the catalog (once, idle) | keystrokes | answer: median | answer: p95 | max"
        " | typing: median / p95 | Esc: median / p95 | the script alone: median / p95 | with the next frame: median / p95 | load average (1/5/15 min) |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for row in rows:
        lines.append(
            f"| {row['size']:,} | {row['variant']} | {row['run']} | {row['load_ms'] / 1000:.1f} s | {row['index_ms']:.0f} ms | {row['keystrokes']}"
            f" | **{row['median_ms']:.1f} ms** | **{row['p95_ms']:.1f} ms** | {row['max_ms']:.1f} ms"
            f" | {row['type_median_ms']:.1f} / {row['type_p95_ms']:.1f} ms | {row['clear_median_ms']:.1f} / {row['clear_p95_ms']:.1f} ms"
            f" | {row['script_median_ms']:.1f} / {row['script_p95_ms']:.1f} ms | {row['with_frame_median_ms']:.1f} / {row['with_frame_p95_ms']:.1f} ms"
            f" | {row['load_average']} |"
        )
    return "\n".join(lines)


def phone_table(rows: list[dict]) -> str:
    lines = [
        "| codes | page | run | HTML: raw / gzip | everything fetched: files, raw / gzip | first contentful paint | DOMContentLoaded | load"
        " | usable filter | load average (1/5/15 min) |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for row in rows:
        usable = f"**{row['usable_ms'] / 1000:.2f} s**" if "usable_ms" in row else "(no filter)"
        lines.append(
            f"| {row['size']:,} | {row['variant']} | {row.get('run', '')} | {mib(row['html_bytes'])} / {mib(row['html_gzip_bytes'])}"
            f" | {row['fetched_files']}, {mib(row['fetched_bytes'])} / {mib(row['fetched_gzip_bytes'])}"
            f" | {row['fcp_ms'] / 1000:.2f} s | {row['dcl_ms'] / 1000:.2f} s | {row['load_ms'] / 1000:.2f} s | {usable} | {row['load_average']} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=DEFAULT_SIZES)
    parser.add_argument("--before", help="the commit to compare with (default: where this branch left main)")
    parser.add_argument("--runs", type=int, default=2, help="runs of each variant, alternately (default: 2)")
    parser.add_argument("--queries", type=int, default=len(QUERIES), help=f"type only the first N queries (default: all {len(QUERIES)})")
    args = parser.parse_args()
    if not CHROMIUM.exists():
        sys.exit(INSTALL_HINT)
    WORKDIR.mkdir(parents=True, exist_ok=True)
    git = ["git", "-C", str(ROOT)]
    before = args.before or subprocess.run([*git, "merge-base", "HEAD", "main"], check=True, capture_output=True, text=True).stdout.strip()
    before = subprocess.run([*git, "rev-parse", "--short=7", before], check=True, capture_output=True, text=True).stdout.strip()
    after = subprocess.run([*git, "rev-parse", "--short=7", "HEAD"], check=True, capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run([*git, "status", "--porcelain", "sphinx_errcodes"], check=True, capture_output=True, text=True).stdout.strip()
    variants = {f"before ({before})": extension_at(before), f"after ({after}{' + changes' if dirty else ''})": ROOT}
    queries = QUERIES[: args.queries]
    rows, phone_rows, runs = [], [], []
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        for size in args.sizes:
            sites = {variant: build("errcodes", size, f"{variant.split()[0]}-{size}", extension) for variant, extension in variants.items()}
            if size <= PHONE_SIZES_UP_TO:
                table_site = build("csv-table", size, f"csv-table-{size}", ROOT)
                with serve(table_site) as url:
                    phone_rows.append({"variant": "`.. csv-table::`", "size": size, **on_phone(browser, playwright, url + "errors.html", table_site, None)})
            for run_number in range(1, args.runs + 1):
                for variant, outdir in sites.items():
                    with serve(outdir) as url:
                        run = measure(browser, url + "errors.html", queries)
                        if size <= PHONE_SIZES_UP_TO:
                            answer = answer_of(browser, url + "errors.html", USABLE_QUERY)
                            phone_rows.append({"variant": variant, "size": size, "run": run_number, **on_phone(browser, playwright, url + "errors.html", outdir, answer)})
                    runs.append({"variant": variant, "size": size, "run": run_number, **run})
                    rows.append(summary(variant, size, run_number, run))
                    print(keystroke_table(rows[-1:]).splitlines()[-1], file=sys.stderr)
        version = browser.version
        browser.close()
    machine = (
        f"Chromium {version} (headless), {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs,"
        f" Python {platform.python_version()}, Sphinx {sphinx.__version__}; {len(queries)} queries,"
        f" budget {BUDGET_MS:.0f} ms per keystroke"
    )
    (WORKDIR / "results.json").write_text(json.dumps({"machine": machine, "summary": rows, "phone": phone_rows, "runs": runs}, indent=1), encoding="utf-8")
    print(f"{time.strftime('%d %B %Y', time.gmtime())}: {machine}\n")
    print(keystroke_table(rows))
    if phone_rows:
        print(f"\nOn a phone ({PHONE}'s screen and user agent, CPU {CPU_SLOWDOWN}× slower); usable filter: the answer to {USABLE_QUERY!r} shown\n")
        print(phone_table(phone_rows))


if __name__ == "__main__":
    main()
