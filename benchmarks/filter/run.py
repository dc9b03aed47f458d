"""How fast the filter box answers a keystroke on a large catalog, in headless Chromium.

    .venv/bin/python benchmarks/filter/run.py                 # 10,000 and 100,000 codes
    .venv/bin/python benchmarks/filter/run.py --sizes 10000

For each size, the project of ``benchmarks/build`` (furo, ``.. error-codes::``)
is built with a generated catalog of that many codes, with names, HTTP
statuses, retry advice and statuses (``fields.py``), served on 127.0.0.1 and
opened in Debian's Chromium (headless). Once the page has read its catalog
(which it does while idle after loading), the benchmark types queries into the
filter box one key at a time, and the page times every keystroke itself:

- from the key event's time stamp to the end of the work it causes: the
  filter's script, then the style and layout of the changed page (forced with
  ``offsetHeight`` once the script's handlers have run), and apart, the
  script alone (from the handling of the key to the end of the handlers);
- plus the main thread's work on the next frame (from its animation frame
  callbacks to the end of its rendering: the entries that come into view,
  paint), without the wait for that frame.

The first is the time the filter takes to answer the keystroke, held to the
budget of 16 ms (a frame); the sum is shown beside it. Prints a Markdown table
(median and 95th percentile per size) and writes every measurement to
``benchmarks/results/filter/results.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "benchmarks" / "build"), str(ROOT / "tests")]

from playwright.sync_api import sync_playwright  # noqa: E402

from browser.harness import CHROMIUM, INSTALL_HINT, build_site, launch_chromium, serve  # noqa: E402
from fields import write_catalog  # noqa: E402
from projects import make_project  # noqa: E402

DEFAULT_SIZES = (10_000, 100_000)
WORKDIR = ROOT / "benchmarks" / "results" / "filter"
BUDGET_MS = 16.0

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


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def build(size: int) -> Path:
    srcdir = make_project("errcodes", size, WORKDIR)
    write_catalog(srcdir / "codes.csv", size)
    outdir = srcdir.parent / "html"
    started = time.perf_counter()
    build_site(srcdir, outdir)
    print(f"built {size:,} codes in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return outdir


def measure(browser, url: str) -> dict:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(INSTRUMENT)
    page = context.new_page()
    page.goto(url, timeout=300_000)
    page.wait_for_function("performance.getEntriesByName('errcodes-index').length > 0", timeout=120_000)
    timings = page.evaluate(
        "(() => { const n = performance.getEntriesByType('navigation')[0];"
        " return {load_ms: n.loadEventEnd, index_ms: performance.getEntriesByName('errcodes-index')[0].duration}; })()"
    )
    page.locator(".errcodes-filter-input").focus()
    count = 0
    for query in QUERIES:
        for key in [*query, *["Backspace"] * min(3, len(query) - 1), "Escape"]:
            page.keyboard.press(key)
            count += 1
            page.wait_for_function("count => window.__keystrokes.length >= count", arg=count, timeout=120_000)
    keystrokes = page.evaluate("window.__keystrokes")
    context.close()
    return {**timings, "keystrokes": keystrokes}


def summary(size: int, html_bytes: int, run: dict) -> dict:
    answer = [keystroke["ms"] for keystroke in run["keystrokes"]]
    with_frame = [keystroke["ms"] + keystroke["frame_ms"] for keystroke in run["keystrokes"]]
    return {
        "size": size,
        "page_mib": html_bytes / 2**20,
        "load_ms": run["load_ms"],
        "index_ms": run["index_ms"],
        "keystrokes": len(answer),
        "median_ms": statistics.median(answer),
        "p95_ms": percentile(answer, 0.95),
        "max_ms": max(answer),
        "script_median_ms": statistics.median(keystroke["script_ms"] for keystroke in run["keystrokes"]),
        "script_p95_ms": percentile([keystroke["script_ms"] for keystroke in run["keystrokes"]], 0.95),
        "script_max_ms": max(keystroke["script_ms"] for keystroke in run["keystrokes"]),
        "with_frame_median_ms": statistics.median(with_frame),
        "with_frame_p95_ms": percentile(with_frame, 0.95),
        **{
            f"{kind}_{name}_ms": figure(keystroke["ms"] for keystroke in run["keystrokes"] if keystroke["kind"] == kind)
            for kind in ("type", "clear")
            for name, figure in (("median", statistics.median), ("p95", lambda times: percentile(list(times), 0.95)), ("max", max))
        },
    }


def table(rows: list[dict]) -> str:
    lines = [
        "| codes | page | page load | reading the catalog (once, idle) | keystrokes | median | 95th percentile | max |"
        " with the next frame: median / p95 |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        lines.append(
            f"| {row['size']:,} | {row['page_mib']:.1f} MiB | {row['load_ms'] / 1000:.1f} s | {row['index_ms']:.0f} ms"
            f" | {row['keystrokes']} | **{row['median_ms']:.1f} ms** | **{row['p95_ms']:.1f} ms** | {row['max_ms']:.1f} ms"
            f" | {row['with_frame_median_ms']:.1f} / {row['with_frame_p95_ms']:.1f} ms |"
        )
    lines += [
        "",
        "| codes | typing (characters, Backspace): median / p95 / max | Esc (shows every code again): median / p95 / max"
        " | the script alone, every keystroke: median / p95 / max |",
        "|---:|---:|---:|---:|",
    ]
    for row in rows:
        lines.append(
            f"| {row['size']:,} | {row['type_median_ms']:.1f} / {row['type_p95_ms']:.1f} / {row['type_max_ms']:.1f} ms"
            f" | {row['clear_median_ms']:.1f} / {row['clear_p95_ms']:.1f} / {row['clear_max_ms']:.1f} ms"
            f" | {row['script_median_ms']:.1f} / {row['script_p95_ms']:.1f} / {row['script_max_ms']:.1f} ms |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=DEFAULT_SIZES)
    args = parser.parse_args()
    if not CHROMIUM.exists():
        sys.exit(INSTALL_HINT)
    WORKDIR.mkdir(parents=True, exist_ok=True)
    rows, runs = [], {}
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        for size in args.sizes:
            outdir = build(size)
            with serve(outdir) as url:
                runs[size] = measure(browser, url + "errors.html")
            rows.append(summary(size, (outdir / "errors.html").stat().st_size, runs[size]))
        version = browser.version
        browser.close()
    machine = f"Chromium {version} (headless), {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"
    (WORKDIR / "results.json").write_text(json.dumps({"machine": machine, "summary": rows, "runs": runs}, indent=1), encoding="utf-8")
    print(f"{machine}; budget {BUDGET_MS:.0f} ms per keystroke\n")
    print(table(rows))
    print()
    for row in rows:
        if row["size"] <= 10_000:
            for label, prefix in (("typing", "type_"), ("every keystroke, Esc included", "")):
                within = row[f"{prefix}median_ms"] <= BUDGET_MS and row[f"{prefix}p95_ms"] <= BUDGET_MS
                print(f"{row['size']:,} codes, {label}: within {BUDGET_MS:.0f} ms at the median and 95th percentile: {'yes' if within else 'NO'}")


if __name__ == "__main__":
    main()
