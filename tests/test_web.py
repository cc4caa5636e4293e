"""The web page's assets: all local (no CDN), Leaflet from its package, borders offline."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from flashpoint.api import Settings, create_app
from flashpoint.store import open_store
from flashpoint.web.borders import country_borders


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    with open_store(f"sqlite:///{tmp_path_factory.mktemp('web') / 'empty.db'}") as store:
        with TestClient(create_app(Settings(), store=store)) as c:
            yield c


def test_page_loads_only_local_assets_and_each_is_served(client):
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assets = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert "/vendor/leaflet/leaflet.js" in assets and "/static/app.js" in assets
    for asset in assets:
        if asset.startswith("data:"):
            continue
        assert asset.startswith("/"), f"{asset} is not served by this process"
        assert client.get(asset).status_code == 200, asset
    assert "Leaflet 1.9.3" in client.get("/vendor/leaflet/leaflet.js").text
    assert client.get("/vendor/leaflet/images/marker-icon.png").status_code == 200


def test_own_scripts_reach_nothing_but_this_server(client):
    script = client.get("/static/app.js").text
    urls = set(re.findall(r"https?://[^\s\"'`]+", script))
    assert urls == {"http://www.w3.org/2000/svg"}  # a namespace name, never fetched


def test_borders_are_offline_country_outlines(client):
    borders = client.get("/borders.geojson")
    assert borders.headers["content-type"] == "application/geo+json"
    collection = borders.json()
    assert collection["type"] == "FeatureCollection"
    by_iso = {f["properties"]["iso2"]: f for f in collection["features"]}
    assert len(by_iso) > 150
    syria = by_iso["SY"]
    assert syria["properties"]["name"] == "Syria"
    lons = [pt[0] for ring in syria["geometry"]["coordinates"] for pt in ring]
    lats = [pt[1] for ring in syria["geometry"]["coordinates"] for pt in ring]
    # Syria spans roughly 35.7-42.4 E, 32.3-37.3 N
    assert 35 < min(lons) < 36.5 and 42 < max(lons) < 43
    assert 32 < min(lats) < 33 and 37 < max(lats) < 37.6
    assert country_borders() is country_borders()  # read once per process


def test_tile_url_is_escaped_into_the_page(tmp_path):
    with open_store(f"sqlite:///{tmp_path / 'e.db'}") as store:
        hostile = 'https://tiles.example.org/{z}/{x}/{y}.png"><script>alert(1)</script>'
        with TestClient(create_app(Settings(tile_url=hostile), store=store)) as c:
            page = c.get("/").text
    assert "<script>alert(1)</script>" not in page
    assert 'content="https://tiles.example.org/{z}/{x}/{y}.png&quot;&gt;&lt;script&gt;' in page


def test_empty_database_gives_an_empty_page_of_events(client):
    assert client.get("/events").json() == {"total": 0, "limit": 100, "offset": 0, "next_offset": None, "events": []}
    assert client.get("/stats").json()["by_week"] == []
