"""The map page as an analyst uses it (issue 16), in headless Chromium at 1400 and 390 px.

Serves hand-made events (tests/test_api.py's documents: three events of three
types in Syria and Turkey, dated Feb-Mar 2020), then checks: the mobile layout
scrolls with the evidence panel visible after a tap; filters live in the URL;
the CSV download is the current selection in ACLED's columns; the panel
empties when its event is filtered out; the map fits the selection and pans to
a clicked list item; a timeline click never collapses the timeline; /docs
renders with no request beyond the server. Screenshots go to build/ (or
$FLASHPOINT_SCREENSHOT_DIR; docs/map_1400.png and docs/map_390.png are copies).
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import httpx
import pytest
from test_api import documents
from test_browser import CHROMIUM, REPO, browser, free_port  # noqa: F401 - fixture
from test_browser import server as _unused  # noqa: F401

from flashpoint.store import open_store
from flashpoint.store.export import ACLED_COLUMNS

SHOTS = Path(os.environ.get("FLASHPOINT_SCREENSHOT_DIR") or REPO / "build")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium (scripts/install_browser.sh)"),
]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    path = tmp_path_factory.mktemp("web") / "events.db"
    with open_store(str(path)) as store:
        store.add_documents(documents())
    process, base = serve(path)
    try:
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


def serve(path) -> tuple:
    """Start `flashpoint serve` on a database file; return (process, base URL) once it answers."""
    import subprocess
    import sys
    import time

    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("FLASHPOINT_TOKEN", "FLASHPOINT_PRIVATE_READS")}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    process = subprocess.Popen([sys.executable, "-m", "flashpoint.cli", "serve", "--db", str(path), "--port", str(port),
                                "--log-level", "warning"], cwd=REPO, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        assert process.poll() is None, "flashpoint serve exited early"
        try:
            if httpx.get(f"{base}/stats", timeout=10).status_code == 200:
                break
        except httpx.TransportError:
            time.sleep(0.2)
    return process, base


def open_page(browser, url, width, height=860):  # noqa: F811
    page = browser.new_page(viewport={"width": width, "height": height})
    page.errors = []
    page.foreign = []
    base = url.split("/", 3)[:3]
    origin = "/".join(base)
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    page.on("request", lambda r: None if r.url.startswith((origin, "data:")) else page.foreign.append(r.url))
    page.goto(url)
    ready(page)
    return page


def ready(page) -> None:
    """Wait until the page has drawn the current selection (fail with its message on an error)."""
    page.wait_for_selector("body[data-state=ready], body[data-state=error]", timeout=30_000)
    assert page.locator("body").get_attribute("data-state") == "ready", page.locator("#summary").text_content()


def markers(page) -> list[str]:
    return sorted(page.eval_on_selector_all("path.fp-marker", "els => els.map(e => e.getAttribute('data-event-id'))"))


def box(page, selector):
    return page.locator(selector).bounding_box()


def test_mobile_layout_scrolls_and_shows_the_evidence(site, browser):  # noqa: F811
    page = open_page(browser, site + "/", 390, 800)
    panel, timeline, the_map = box(page, "#panel"), box(page, "footer"), box(page, "#map")
    assert panel["y"] >= the_map["y"] + the_map["height"] - 1  # under the map, not beside it
    assert panel["y"] + panel["height"] <= timeline["y"] + 1  # the timeline does not cover the list
    assert panel["width"] >= 380
    assert page.evaluate("document.scrollingElement.scrollHeight > window.innerHeight")
    page.locator('path.fp-marker[data-event-id="ev-strike"]').click()
    page.locator('#event-detail[data-event-id="ev-strike"] mark.evidence').first.wait_for(timeout=10_000)
    detail = box(page, "#event-detail")
    assert 0 <= detail["y"] < 800  # scrolled into view after the tap
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "map_390.png"), full_page=True)
    assert not page.errors and not page.foreign
    page.close()


def test_filters_in_url_download_and_stale_panel(site, browser):  # noqa: F811
    page = open_page(browser, site + "/?country=SY", 1400)
    assert markers(page) == ["ev-clash", "ev-strike"]
    assert page.locator("#filters input[name=country]").input_value() == "SY"
    page.locator('path.fp-marker[data-event-id="ev-strike"]').click()
    page.locator('#event-detail[data-event-id="ev-strike"] mark.evidence').first.wait_for(timeout=10_000)

    page.select_option("#filters select[name=type]", "Armed clash")  # a sub-event type
    page.click("#filters button[type=submit]")
    ready(page)
    assert markers(page) == ["ev-clash"]
    assert "type=Armed+clash" in page.url and "country=SY" in page.url
    assert page.locator("#event-detail").get_attribute("data-event-id") is None  # the strike is filtered out

    href = page.locator("#download-csv").get_attribute("href")
    rows = list(csv.DictReader(io.StringIO(httpx.get(site + href, timeout=10).text)))
    assert [r["event_id"] for r in rows] == ["ev-clash"] and list(rows[0])[:31] == ACLED_COLUMNS
    geo = httpx.get(site + page.locator("#download-geojson").get_attribute("href"), timeout=10).json()
    assert [f["id"] for f in geo["features"]] == ["ev-clash"]

    # the link opens on the same selection
    again = open_page(browser, page.url, 1400)
    assert markers(again) == ["ev-clash"]
    assert again.locator("#filters select[name=type]").input_value() == "Armed clash"
    again.close()
    page.close()


def test_killed_filter_fit_pan_and_timeline(site, browser):  # noqa: F811
    page = open_page(browser, site + "/", 1400)
    bars = page.locator("#timeline rect.bar").count()
    assert bars >= 2
    # the map fits the events: every marker is inside the map's box
    the_map = box(page, "#map")
    for marker in page.locator("path.fp-marker").all():
        b = marker.bounding_box()
        assert the_map["x"] <= b["x"] and b["x"] + b["width"] <= the_map["x"] + the_map["width"]
    page.fill("#filters input[name=min_fatalities]", "10")
    page.click("#filters button[type=submit]")
    ready(page)
    assert markers(page) == ["ev-strike"]
    page.fill("#filters input[name=min_fatalities]", "")
    page.click("#filters button[type=submit]")
    ready(page)

    assert page.locator("#in-view").get_attribute("data-count") == "3"  # the fitted map holds them all
    page.locator('#event-list li[data-event-id="ev-protest"]').click()
    page.locator('#event-detail[data-event-id="ev-protest"] mark.evidence').first.wait_for(timeout=10_000)
    # the map pans (animated) to Ankara and zooms in
    where = ("[map.latLngToContainerPoint([39.93, 32.86]).distanceTo(map.getSize().divideBy(2)), map.getZoom()]")
    for _ in range(100):  # (wait_for_function would need eval, which the page's CSP forbids)
        off_centre, zoom = page.evaluate(where)
        if off_centre < 40 and zoom >= 6:
            break
        page.wait_for_timeout(100)
    assert off_centre < 40 and zoom >= 6, (off_centre, zoom)  # pixels from the map's centre
    page.evaluate("map.setZoom(10, { animate: false })")  # ~150 km across: Ankara only, Syria is 600 km away
    ready(page)  # the server counts the new view
    assert page.locator("#in-view").get_attribute("data-count") == "1"
    assert [li.get_attribute("data-event-id") for li in page.locator("#event-list li").all()] == ["ev-protest"]

    page.locator("#timeline rect.bar").last.click()
    ready(page)
    assert page.locator("#timeline rect.bar").count() == bars  # the timeline keeps the whole period
    assert page.locator("#timeline rect.in-range").count() == 1
    assert page.locator("#filters input[name=since]").input_value() != ""
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "map_1400.png"))
    assert not page.errors and not page.foreign
    page.close()


def test_api_docs_render_offline(site, browser):  # noqa: F811
    page = browser.new_page(viewport={"width": 1200, "height": 800})
    foreign = []
    page.on("request", lambda r: None if r.url.startswith((site, "data:")) else foreign.append(r.url))
    page.goto(site + "/docs")
    page.wait_for_selector("#swagger-ui .opblock", timeout=30_000)
    assert page.locator("#swagger-ui .opblock").count() >= 5
    assert not foreign, foreign
    page.close()


# ---- scale (item 12): more events than the old page's 10,000 cap --------------------------------------------

BIG = 10_300


@pytest.fixture(scope="module")
def big_site(tmp_path_factory):
    import sys

    sys.path.insert(0, str(REPO / "benchmarks"))
    from synthetic_events import synthetic_documents

    path = tmp_path_factory.mktemp("big") / "events.db"
    with open_store(str(path)) as store:
        store.add_documents(synthetic_documents(BIG, seed=3, days=3650), batch_size=500)
        total = store.count_events()  # a few synthetic reports may merge into one event
    assert total > 10_000
    process, base = serve(path)
    try:
        yield base, total
    finally:
        process.terminate()
        process.wait(timeout=10)


def server_count(page, base) -> int:
    """What the server says the page's current view holds (the page's own box and filters)."""
    query = page.evaluate("(() => { const p = filterParams(); p.set('bbox', viewBox()); return p.toString(); })()")
    return httpx.get(f"{base}/map?{query}&zoom=2", timeout=30).json()["total"]


@pytest.mark.parametrize("width, height", [(1400, 860), (390, 800)])
def test_a_database_over_the_old_cap_is_counted_whole_and_aggregated(big_site, browser, width, height):  # noqa: F811
    big_site, total = big_site
    page = open_page(browser, big_site + "/", width, height)
    assert page.locator("#summary").get_attribute("data-total") == str(total)
    assert f"{total:,} events match" in page.locator("#summary").text_content()
    in_view = int(page.locator("#in-view").get_attribute("data-count"))
    assert 0 < in_view <= total and in_view == server_count(page, big_site)
    # grid cells, not 10,000 markers: their counts add up to the view's
    cells = [int(c) for c in page.eval_on_selector_all(".fp-cluster", "els => els.map(e => e.dataset.count)")]
    assert 1 < len(cells) < 200 and sum(cells) == in_view and not markers(page)
    assert page.locator("#event-list li").count() == 100
    assert page.locator("#list-count").text_content() == f"(100 of {in_view:,} in view)"
    page.locator("#list-more").click()
    page.wait_for_selector("#event-list li:nth-child(101)", timeout=30_000)
    assert page.locator("#event-list li").count() == 200

    # a click on the biggest cell zooms to its events; the count follows the view
    biggest = max(range(len(cells)), key=cells.__getitem__)
    zoom = page.evaluate("map.getZoom()")
    page.locator(".fp-cluster").nth(biggest).dispatch_event("click")  # it may sit under the legend
    ready(page)
    assert page.evaluate("map.getZoom()") > zoom
    closer = int(page.locator("#in-view").get_attribute("data-count"))
    assert closer == server_count(page, big_site) and closer < in_view
    assert sum(page.locator("#timeline rect.bar").evaluate_all("bars => bars.map(b => 1)")) > 50  # weeks of two years
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"map_scale_{width}.png"))
    assert not page.errors and not page.foreign
    page.close()
