"""The web page in a real browser: Debian's /usr/bin/chromium driven by Playwright.

Ingests the seed article with the real pipeline, starts `flashpoint serve` on
127.0.0.1, loads the page headless, checks that every event the API gives
coordinates for has a marker and that clicking a marker shows that event's
evidence sentence, and saves a screenshot (build/screenshot.png, or
$FLASHPOINT_SCREENSHOT; docs/screenshot.png is a copy of one). Install chromium with scripts/install_browser.sh.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

CHROMIUM = Path("/usr/bin/chromium")
REPO = Path(__file__).resolve().parents[1]
SEED = next(
    (p for p in (REPO.parent / "shared" / "seed_article.txt", Path("/work/shared/seed_article.txt")) if p.exists()),
    None,
)
# Not into docs/ by default: a test run must not rewrite tracked files.
SCREENSHOT = Path(os.environ.get("FLASHPOINT_SCREENSHOT") or REPO / "build" / "screenshot.png")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium (scripts/install_browser.sh)"),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory) -> str:
    if SEED is None:
        pytest.skip("seed article not found (shared/seed_article.txt)")
    import flashpoint
    from flashpoint.store import open_store

    url = f"sqlite:///{tmp_path_factory.mktemp('browser') / 'seed.db'}"
    document = flashpoint.extract(SEED.read_text(encoding="utf-8"), source=str(SEED))
    with open_store(url) as store:
        store.add_documents([document])
    return url


@pytest.fixture(scope="module")
def server(seed_db):
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("FLASHPOINT_TOKEN", "FLASHPOINT_PRIVATE_READS")}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    command = [sys.executable, "-c", "from flashpoint.cli import main; main()", "serve",
               "--db", seed_db, "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"]
    process = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):  # up to ~60 s on a busy machine
            if process.poll() is not None:
                pytest.fail(f"flashpoint serve exited early:\n{process.stdout.read()}")
            try:
                if httpx.get(f"{base}/stats", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        else:
            pytest.fail("flashpoint serve did not answer")
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def located_events(base: str) -> list[dict]:
    events = httpx.get(f"{base}/events", params={"limit": 1000}, timeout=10).json()["events"]
    return [e for e in events if e["place"] and e["place"]["lat"] is not None and e["place"]["lon"] is not None]


def shown_sentence(event: dict) -> str:
    """The sentence the panel highlights first: the first source's evidence, else the event's."""
    source = event["sources"][0] if event["sources"] else {}
    return (source.get("evidence") or event["evidence"])["sentence"]


def test_seed_markers_and_evidence_panel(server, browser):
    expected = located_events(server)
    assert expected, "the seed article gave no event with coordinates"
    page = browser.new_page(viewport={"width": 1400, "height": 860})
    errors: list[str] = []
    foreign: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("request", lambda r: None if r.url.startswith((server, "data:")) else foreign.append(r.url))
    page.goto(server + "/")
    page.wait_for_selector("body[data-state=ready]", timeout=30_000)

    marker_ids = page.eval_on_selector_all("path.fp-marker", "els => els.map(e => e.getAttribute('data-event-id'))")
    assert sorted(marker_ids) == sorted(e["id"] for e in expected)
    assert page.locator("body").get_attribute("data-markers") == str(len(expected))
    assert page.locator("#event-list li").count() == httpx.get(f"{server}/stats").json()["total"]
    assert page.locator("#timeline rect.bar").count() >= 1

    # Click each marker (most fatal last, so the screenshot shows it) and read the panel.
    for event in sorted(expected, key=lambda e: (e["fatalities"] or {}).get("value", 0)):
        page.locator(f'path.fp-marker[data-event-id="{event["id"]}"]').click()
        mark = page.locator(f'#event-detail[data-event-id="{event["id"]}"] mark.evidence').first
        mark.wait_for(timeout=10_000)
        assert mark.text_content() == shown_sentence(event)
        assert event["event_type"] in page.locator("#event-detail h3").text_content()

    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT))
    assert not errors, errors
    assert not foreign, f"the page reached beyond the server: {foreign}"
    page.close()


def test_filters_and_timeline_narrow_the_map(server, browser):
    expected = located_events(server)
    assert expected
    chosen = expected[0]["event_type"]
    page = browser.new_page(viewport={"width": 1200, "height": 800})
    page.goto(server + "/")
    page.wait_for_selector("body[data-state=ready]", timeout=30_000)
    page.select_option("#filters select[name=type]", chosen)
    page.click("#filters button[type=submit]")  # its handler marks the page "loading" at once
    page.wait_for_selector("body[data-state=ready]", timeout=30_000)
    wanted = sorted(e["id"] for e in expected if e["event_type"] == chosen)
    shown = page.eval_on_selector_all("path.fp-marker", "els => els.map(e => e.getAttribute('data-event-id'))")
    assert sorted(shown) == wanted
    page.close()
