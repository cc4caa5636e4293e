"""The map-first web page, served by the API process.

One HTML page, one JS file and one CSS file of our own (``static/``); Leaflet
is served from the installed `xstatic-leaflet` package, the basemap's
country borders from `countryinfo` and /docs' Swagger UI from
`fastapi-offline`, so the page and the API docs work with no internet.
"""

from __future__ import annotations

import html
from importlib.resources import files

from fastapi import FastAPI
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

from flashpoint.web.borders import country_borders_json

STATIC = files("flashpoint.web").joinpath("static")


def leaflet_dir() -> str:
    """Where the installed xstatic-leaflet package keeps leaflet.js/.css and images."""
    import xstatic.pkg.leaflet as leaflet

    return leaflet.BASE_DIR


def docs_assets_dir() -> str:
    """Where the installed fastapi-offline package keeps Swagger UI's and ReDoc's files."""
    import fastapi_offline

    return str(files(fastapi_offline).joinpath("static"))


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

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url=app.openapi_url, title="flashpoint API",
                                   swagger_js_url="/vendor/docs/swagger-ui-bundle.js",
                                   swagger_css_url="/vendor/docs/swagger-ui.css",
                                   swagger_favicon_url="/vendor/docs/favicon.png")

    @app.get("/redoc", include_in_schema=False)
    def redoc() -> HTMLResponse:
        return get_redoc_html(openapi_url=app.openapi_url, title="flashpoint API",
                              redoc_js_url="/vendor/docs/redoc.standalone.js",
                              redoc_favicon_url="/vendor/docs/favicon.png", with_google_fonts=False)

    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    app.mount("/vendor/docs", StaticFiles(directory=docs_assets_dir()), name="docs-assets")
    app.mount("/vendor/leaflet", StaticFiles(directory=leaflet_dir()), name="leaflet")
