"""The FastAPI application: the store's events, quotes and stats over HTTP, plus the web page."""

from __future__ import annotations

import threading
from contextlib import asynccontextmanager
from typing import Any, Optional

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from flashpoint.api.settings import Settings
from flashpoint.errors import FlashpointError


class StoreHolder:
    """Opens the store on first use and serialises access to it (SQLite and
    spaCy are not safe to share between the server's worker threads)."""

    def __init__(self, url: Optional[str], store: Any = None, pool: Any = None, settings: Optional[Settings] = None):
        self.url = url
        self.store = store
        self.owned = store is None
        self.lock = threading.RLock()
        self.extract_lock = threading.Lock()
        self.pool = pool
        self.settings = settings or Settings()

    def extract(self, article: Any) -> Any:
        """The article's Document (or a Failure), from a worker process.

        Extraction never runs in the server process: a slow article cannot
        hold the interpreter while reads are answered, and the time budget
        can stop it."""
        from flashpoint.workers import ExtractionPool

        with self.extract_lock:
            if self.pool is None:  # spawn: the server has threads, which fork would copy mid-flight
                self.pool = ExtractionPool(1, self.settings.extract_seconds, start_method="spawn")
            return next(iter(self.pool.run([article])))

    def get(self) -> Any:
        """The open store (call with ``lock`` held)."""
        if self.store is None:
            from flashpoint.store import open_store

            self.store = open_store(self.url)
        return self.store

    def close(self) -> None:
        """Close the store if this holder opened it; stop the extraction workers."""
        with self.extract_lock:
            if self.pool is not None:
                self.pool.close()
                self.pool = None
        with self.lock:
            if self.store is not None and self.owned:
                self.store.close()
                self.store = None


def create_app(settings: Optional[Settings] = None, *, store: Any = None, pool: Any = None) -> FastAPI:
    """Build the app. ``store`` (an open store) is used as is and not closed;
    otherwise ``settings.db_url`` is opened on first request. ``pool`` (a
    ``flashpoint.workers.ExtractionPool``) extracts posted articles; by default
    one worker process is started on the first POST."""
    settings = settings or Settings.from_env()
    holder = StoreHolder(settings.db_url, store, pool, settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        holder.close()

    app = FastAPI(
        title="flashpoint",
        summary="Conflict and political-violence events extracted from news articles.",
        description=(
            "Read endpoints are open unless the server runs with FLASHPOINT_PRIVATE_READS=1. "
            "POST /articles needs `Authorization: Bearer <FLASHPOINT_TOKEN>`. "
            "Every evidence offset indexes the cleaned article text from GET /articles/{article_id}."
        ),
        version=_version(),
        lifespan=lifespan,
        docs_url=None,  # /docs and /redoc come from flashpoint.web, with Swagger UI served locally (offline)
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.holder = holder

    headers = security_headers(settings.tile_url)

    @app.middleware("http")
    async def _secure(request: Request, call_next):
        response = await call_next(request)
        for name, value in headers.items():
            if name == "Content-Security-Policy" and request.url.path in _OWN_SCRIPT_PAGES:
                continue
            response.headers.setdefault(name, value)
        return response

    @app.exception_handler(FlashpointError)
    async def _input_error(request: Request, exc: FlashpointError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=422)

    from flashpoint.api import read_routes, write_routes
    from flashpoint.web import install as install_web

    app.include_router(read_routes.router)
    app.include_router(write_routes.router)
    install_web(app, settings)
    return app


# FastAPI's interactive docs run an inline script and load Swagger UI from a CDN.
_OWN_SCRIPT_PAGES = ("/docs", "/redoc", "/docs/oauth2-redirect")


def security_headers(tile_url: Optional[str]) -> dict[str, str]:
    """Headers on every response: no sniffing, no framing, scripts only from this server.

    The docs page (/docs) loads Swagger UI from a CDN, so it keeps its own
    script sources; the map page and the API need nothing from elsewhere
    except the optional tile server's images."""
    from urllib.parse import urlsplit

    tiles = ""
    if tile_url:
        parts = urlsplit(tile_url.replace("{s}", "a"))
        host = (parts.hostname or "").replace("a.", "*.", 1) if "{s}" in tile_url else parts.hostname
        tiles = f" {parts.scheme}://{host}" if parts.scheme in ("http", "https") and host else ""
    return {
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Referrer-Policy": "no-referrer",
        "Content-Security-Policy": (
            f"default-src 'self'; img-src 'self' data:{tiles}; style-src 'self' 'unsafe-inline'; "
            "script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
        ),
    }


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("flashpoint")
    except Exception:  # running from a source tree that was never installed
        return "0"
