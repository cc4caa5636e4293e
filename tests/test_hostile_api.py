"""The API under hostile use: a slow POST does not freeze reads, the time budget gives
a clear 422, security headers, private reads. No timing asserts: a stand-in pipeline
blocks until the test lets it go, and every wait has a generous deadline."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import httpx
import pytest
import uvicorn
from fastapi.testclient import TestClient

from flashpoint.api import Settings, create_app
from flashpoint.model import Document
from flashpoint.store import open_store
from flashpoint.workers import ExtractionPool

TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
DEADLINE = 120  # seconds; only a frozen server or a broken pool ever reaches it


def _folder() -> Path:
    return Path(os.environ["FP_HOSTILE_DIR"])


def blocking_extract(articles):
    """Stand-in pipeline (runs in the spawned worker): waits for the test's go-ahead."""
    for article in articles:
        (_folder() / "started").touch()
        while not (_folder() / "go").exists():
            time.sleep(0.01)
        yield Document(article=article)


def hanging_extract(articles):
    """Stand-in pipeline that never finishes an article saying HANG."""
    for article in articles:
        if "HANG" in article.text:
            (_folder() / f"hang-{os.getpid()}").touch()
            time.sleep(3600)
        yield Document(article=article)


_TICKS = []


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def _marker_clock() -> float:
    """Moves on by more than the budget at each look while a HANG article's process is alive."""
    if any(_alive(int(p.name.split("-")[1])) for p in _folder().iterdir() if p.name.startswith("hang-")):
        _TICKS.append(1)
    return 1e9 * len(_TICKS)


def _wait_for(path: Path) -> None:
    deadline = time.monotonic() + DEADLINE
    while not path.exists():
        assert time.monotonic() < deadline, f"{path.name} never appeared"
        time.sleep(0.02)


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("FP_HOSTILE_DIR", str(tmp_path))  # spawned workers inherit it
    return tmp_path


def test_reads_are_answered_while_a_post_is_being_extracted(folder):
    pool = ExtractionPool(1, 120.0, extract=blocking_extract, start_method="spawn")
    with open_store(f"sqlite:///{folder / 'api.db'}") as store:
        app = create_app(Settings(token=TOKEN), store=store, pool=pool)
        server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="off"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        try:
            deadline = time.monotonic() + DEADLINE
            while not (server.started and server.servers):
                assert time.monotonic() < deadline
                time.sleep(0.02)
            port = server.servers[0].sockets[0].getsockname()[1]
            base = f"http://127.0.0.1:{port}"
            posted = {}

            def post() -> None:
                posted["response"] = httpx.post(f"{base}/articles", content="Gunmen attacked a bank in Kano.",
                                                headers={**AUTH, "Content-Type": "text/plain"}, timeout=DEADLINE)

            poster = threading.Thread(target=post)
            poster.start()
            _wait_for(folder / "started")  # the POST is now inside extraction, and stays there
            stats = httpx.get(f"{base}/stats", timeout=DEADLINE)
            events = httpx.get(f"{base}/events", timeout=DEADLINE)
            assert (stats.status_code, events.status_code) == (200, 200)
            assert "response" not in posted  # the read really overlapped the extraction
            (folder / "go").touch()
            poster.join(DEADLINE)
            assert posted["response"].status_code == 201
        finally:
            (folder / "go").touch()
            server.should_exit = True
            thread.join(DEADLINE)
            pool.close()


def test_a_post_over_the_time_budget_is_a_clear_422(folder):
    pool = ExtractionPool(1, 120.0, extract=hanging_extract, clock=_marker_clock, start_method="spawn")
    with open_store(f"sqlite:///{folder / 'api.db'}") as store:
        client = TestClient(create_app(Settings(token=TOKEN), store=store, pool=pool))
        try:
            slow = client.post("/articles", json={"text": "HANG on, gunmen attacked a bank."}, headers=AUTH)
            assert slow.status_code == 422
            assert slow.json() == {"detail": "text: extraction took longer than the 120 s budget; skipped"}
            fine = client.post("/articles", json={"text": "Gunmen attacked a bank."}, headers=AUTH)
            assert fine.status_code == 201  # a fresh worker took over
            assert store.counts()["articles"] == 1
        finally:
            pool.close()


def test_pages_and_api_send_security_headers(tmp_path):
    with open_store(f"sqlite:///{tmp_path / 'api.db'}") as store:
        client = TestClient(create_app(Settings(tile_url="https://{s}.tile.example.org/{z}/{x}/{y}.png"), store=store))
        for path in ("/", "/events", "/static/app.js"):
            response = client.get(path)
            assert response.status_code == 200
            assert response.headers["x-content-type-options"] == "nosniff"
            csp = response.headers["content-security-policy"]
            assert "frame-ancestors 'none'" in csp and "script-src 'self'" in csp
            assert "https://*.tile.example.org" in csp
        assert "content-security-policy" not in client.get("/docs").headers  # Swagger UI needs its CDN


def test_private_reads_without_a_token_say_so(tmp_path):
    with open_store(f"sqlite:///{tmp_path / 'api.db'}") as store:
        client = TestClient(create_app(Settings(private_reads=True), store=store))
        response = client.get("/events")
    assert response.status_code == 403
    assert response.json()["detail"].startswith("reads are private but no token is configured")
