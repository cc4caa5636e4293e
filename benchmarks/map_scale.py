"""First paint, memory and bytes of the map page at scale (issue 16, item 12). Prints figures, asserts nothing.

    .venv/bin/python benchmarks/synthetic_events.py 100000 --db /tmp/syn100k.db
    .venv/bin/python benchmarks/map_scale.py /tmp/syn100k.db [--width 1400]

Starts `flashpoint serve` on the database, opens the page in headless
Chromium (/usr/bin/chromium, driven by Playwright) and reports: the time from
navigation to the first drawn view (``body[data-state=ready]``), the page's JS
heap and the browser's total memory after it, the bytes the page fetched,
and what the page says it holds. Then it clicks the biggest grid cell twice and
times each new view (seconds, zoom level, events in view).
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(db: str, port: int) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k not in ("FLASHPOINT_TOKEN", "FLASHPOINT_PRIVATE_READS")}
    env["PYTHONPATH"] = str(REPO)
    process = subprocess.Popen([sys.executable, "-m", "flashpoint.cli", "serve", "--db", db, "--port", str(port),
                                "--log-level", "warning"], cwd=REPO, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(600):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/stats", timeout=30).status_code == 200:
                return process
        except httpx.TransportError:
            time.sleep(0.2)
    process.terminate()
    raise SystemExit("flashpoint serve did not answer")


def _browser_memory_mib(browser_pid: int) -> float:
    """Memory of the Chromium process tree: the sum of each process's PSS (shared pages
    counted once in total, not once per process), MiB."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry.name))
            pss = next(line for line in (entry / "smaps_rollup").read_text().splitlines() if line.startswith("Pss:"))
            rss[int(entry.name)] = int(pss.split()[1]) * 1024
        except (OSError, IndexError, ValueError, StopIteration):
            continue
    total, stack = 0, [browser_pid]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total / 2**20


def measure(db: str, width: int, height: int, script: str | None = None) -> dict:
    """Open the page on ``db`` and return its figures (``script``: an app.js to serve instead of ours)."""
    from playwright.sync_api import sync_playwright

    port = _free_port()
    server = _serve(db, port)
    try:
        with sync_playwright() as p:
            marker = f"--flashpoint-benchmark={os.getpid()}"  # finds this browser's process (an unknown flag is ignored)
            browser = p.chromium.launch(executable_path=CHROMIUM, args=[*ARGS, marker])
            page = browser.new_page(viewport={"width": width, "height": height})
            if script:
                body = Path(script).read_text(encoding="utf-8")
                page.route("**/static/app.js", lambda route: route.fulfill(body=body, content_type="text/javascript"))
            fetched: list[tuple[str, int]] = []

            def finished(request) -> None:
                fetched.append((request.url, request.sizes()["responseBodySize"]))

            page.on("requestfinished", finished)
            started = time.perf_counter()
            page.goto(f"http://127.0.0.1:{port}/")
            page.wait_for_selector("body[data-state=ready]", timeout=300_000)
            first_paint = time.perf_counter() - started
            if not script:  # an older page does not say when its borders are drawn
                page.wait_for_selector("body[data-basemap]", timeout=300_000)
            with_basemap = time.perf_counter() - started
            page.remove_listener("requestfinished", finished)
            api = ("/map?", "/events?", "/stats")
            cdp = page.context.new_cdp_session(page)
            cdp.send("HeapProfiler.collectGarbage")
            metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]} \
                if cdp.send("Performance.enable") is not None else {}
            pids = [int(pid) for pid in subprocess.run(["pgrep", "-f", "--", marker], capture_output=True,
                                                       text=True).stdout.split()]
            figures = {
                "first_paint_s": round(first_paint, 2),
                "with_borders_s": round(with_basemap, 2),
                "js_heap_mib": round(metrics.get("JSHeapUsedSize", 0) / 2**20, 1),
                "dom_nodes": int(metrics.get("Nodes", 0)),
                "fetched_kib": round(sum(n for _, n in fetched) / 1024),
                "api_data_kib": round(sum(n for url, n in fetched if any(a in url for a in api)) / 1024),
                "summary": page.locator("#summary").text_content(),
                "in_view": page.locator("#in-view").text_content(),
                "clusters": page.locator("body").get_attribute("data-clusters"),
                "markers": page.locator("body").get_attribute("data-markers"),
                "chromium_pss_mib": round(max((_browser_memory_mib(pid) for pid in pids), default=0.0)),
            }
            cdp.send("Performance.disable")
            cdp.detach()  # an attached profiler slows the page down
            zooms = []
            for _ in range(2):  # as a user does: click the biggest cell (or zoom in twice when there are none)
                started = time.perf_counter()
                counts = page.eval_on_selector_all(".fp-cluster", "els => els.map(e => +e.dataset.count)")
                if counts:
                    page.locator(".fp-cluster").nth(counts.index(max(counts))).dispatch_event("click")
                else:
                    page.evaluate("map.setZoom(map.getZoom() + 2, { animate: false })")
                page.wait_for_selector("body[data-state=ready]", timeout=300_000)
                zooms.append((round(time.perf_counter() - started, 2), page.evaluate("map.getZoom()"),
                              page.locator("#in-view").get_attribute("data-count")))
            figures["zoom_in_s"] = zooms
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=20)
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", help="SQLite file built by synthetic_events.py")
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=860)
    parser.add_argument("--script", help="serve this app.js instead (before/after: "
                                         "git show 93e75d0^:flashpoint/web/static/app.js > old.js)")
    args = parser.parse_args()
    for name, value in measure(args.db, args.width, args.height, args.script).items():
        print(f"{name:18} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
