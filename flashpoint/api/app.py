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

    def __init__(self, url: Optional[str], store: Any = None):
        self.url = url
        self.store = store
        self.owned = store is None
        self.lock = threading.RLock()
        self.extract_lock = threading.Lock()

    def get(self) -> Any:
        """The open store (call with ``lock`` held)."""
        if self.store is None:
            from flashpoint.store import open_store

            self.store = open_store(self.url)
        return self.store

    def close(self) -> None:
        """Close the store if this holder opened it."""
        with self.lock:
            if self.store is not None and self.owned:
                self.store.close()
                self.store = None


def create_app(settings: Optional[Settings] = None, *, store: Any = None) -> FastAPI:
    """Build the app. ``store`` (an open store) is used as is and not closed;
    otherwise ``settings.db_url`` is opened on first request."""
    settings = settings or Settings.from_env()
    holder = StoreHolder(settings.db_url, store)

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
    )
    app.state.settings = settings
    app.state.holder = holder

    @app.exception_handler(FlashpointError)
    async def _input_error(request: Request, exc: FlashpointError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=422)

    from flashpoint.api import read_routes, write_routes
    from flashpoint.web import install as install_web

    app.include_router(read_routes.router)
    app.include_router(write_routes.router)
    install_web(app, settings)
    return app


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("flashpoint")
    except Exception:  # running from a source tree that was never installed
        return "0"
