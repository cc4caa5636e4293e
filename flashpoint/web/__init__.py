"""The map-first web page, served by the API process.

One HTML page, one JS file and one CSS file of our own (``static/``); Leaflet
is served from the installed `xstatic-leaflet` package and the basemap's
country borders from `countryinfo`, so the page works with no internet.
"""

from __future__ import annotations

import html
from importlib.resources import files

from fastapi import FastAPI
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

from flashpoint.web.borders import country_borders_json

STATIC = files("flashpoint.web").joinpath("static")


def leaflet_dir() -> str:
    """Where the installed xstatic-leaflet package keeps leaflet.js/.css and images."""
    import xstatic.pkg.leaflet as leaflet

    return leaflet.BASE_DIR


def index_html(tile_url: str | None) -> str:
    """The page, with the optional online tile URL filled in."""
    page = STATIC.joinpath("index.html").read_text(encoding="utf-8")
    return page.replace("{{TILE_URL}}", html.escape(tile_url or "", quote=True))


def install(app: FastAPI, settings) -> None:
    """Add the page, its assets and the borders to ``app`` (kept out of /openapi.json)."""
    page = index_html(settings.tile_url)
    country_borders_json()  # build once now, not on the first visitor's request

    @app.get("/", include_in_schema=False)
    def index() -> HTMLResponse:
        return HTMLResponse(page)

    @app.get("/borders.geojson", include_in_schema=False)
    def borders() -> Response:
        return Response(
            country_borders_json(),
            media_type="application/geo+json",
            headers={"Cache-Control": "public, max-age=86400"},
        )

    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    app.mount("/vendor/leaflet", StaticFiles(directory=leaflet_dir()), name="leaflet")
