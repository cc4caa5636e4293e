"""End-to-end ingest of tests/corpus with the real pipeline: counts, errors, dedup,
idempotency, 2 workers, stdin, and a kill -9 in the middle of a run."""

from __future__ import annotations

import gzip
import os
import signal
import sqlite3
import subprocess
import sys
import time
import types
from pathlib import Path

import pytest
from test_store import db_url  # noqa: F401 - fixture: a fresh SQLite file or PostgreSQL schema

from flashpoint.model import Document
from flashpoint.store import open_store
from flashpoint.store.ingest import ingest
from flashpoint.text import read_records

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
N_ARTICLES, N_ERRORS = 21, 2


def _article_id(name: str, line: int = 1) -> str:
    records = [r for r in read_records(str(CORPUS / name)) if not isinstance(r, Exception)]
    return records[line - 1].id if name.endswith(".jsonl") else records[0].id


def _snapshot(store) -> dict:
    """Everything an ingest should determine: counts and each merged event's members and figures."""
    events = store.events()
    return {
        "counts": store.counts(),
        "events": sorted(
            (e.id, tuple(sorted(s.article_id for s in e.sources)), e.fatalities.value if e.fatalities else None)
            for e in events
        ),
        "errors": sorted((e["source"], e["reason"]) for e in store.errors()),
    }


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory):
    """The corpus ingested once, uninterrupted, in this process."""
    url = f"sqlite:///{tmp_path_factory.mktemp('ingest') / 'corpus.db'}"
    with open_store(url) as store:
        stats = ingest(store, [str(CORPUS)], batch_size=4)
        snapshot = _snapshot(store)
    return url, stats, snapshot


def test_corpus_counts_and_error_table(corpus_db):
    url, stats, snapshot = corpus_db
    assert (stats.articles, stats.skipped, stats.errors) == (N_ARTICLES, 0, N_ERRORS)
    assert snapshot["counts"]["articles"] == N_ARTICLES
    sources = sorted(Path(s).name for s, _ in snapshot["errors"])
    assert sources == ["empty.txt", "somalia_outlets.jsonl:2"]
    assert stats.events == snapshot["counts"]["event_sources"]


def test_ingesting_again_changes_nothing(corpus_db):
    url, _, snapshot = corpus_db
    with open_store(url) as store:
        again = ingest(store, [str(CORPUS)])
        assert (again.articles, again.skipped, again.events) == (0, N_ARTICLES, 0)
        assert _snapshot(store) == snapshot


def _merged_with(store, article_id: str):
    return [e for e in store.events() if article_id in {s.article_id for s in e.sources}]


def test_three_outlets_of_one_air_strike_are_one_event(corpus_db):
    url, _, _ = corpus_db
    outlets = {_article_id(n) for n in ("01_taftanaz_wire.txt", "02_taftanaz_daily.txt", "03_taftanaz_gazette.html")}
    later = _article_id("04_taftanaz_shelling_later.txt")
    with open_store(url) as store:
        [strike] = [e for e in _merged_with(store, _article_id("01_taftanaz_wire.txt")) if e.place and e.place.name]
        assert {s.article_id for s in strike.sources} == outlets
        assert strike.fatalities is not None and strike.fatalities.value == 10
        assert sorted(s.fatalities for s in strike.sources if s.fatalities is not None) == [10, 12, 14]
        assert all(later not in {s.article_id for s in e.sources} for e in _merged_with(store, next(iter(outlets))))


def test_mogadishu_bombing_reports_are_one_event(corpus_db):
    url, _, _ = corpus_db
    outlets = {_article_id("somalia_outlets.jsonl", line) for line in (1, 2, 3)}
    with open_store(url) as store:
        merged = _merged_with(store, _article_id("somalia_outlets.jsonl", 1))
        bombing = [e for e in merged if {s.article_id for s in e.sources} == outlets]
        assert len(bombing) == 1
        assert bombing[0].fatalities.value == 7


def test_same_day_protest_is_not_merged_with_the_strike(corpus_db):
    url, _, _ = corpus_db
    protest = _article_id("10_kharkiv_protest.txt")
    strike = {_article_id("08_kharkiv_strike.txt"), _article_id("09_kharkiv_strike.txt")}
    with open_store(url) as store:
        for event in _merged_with(store, protest):
            assert not strike & {s.article_id for s in event.sources}
        assert any({s.article_id for s in e.sources} == strike for e in store.events())


def test_two_workers_give_the_same_database(corpus_db, tmp_path):
    _, _, snapshot = corpus_db
    with open_store(f"sqlite:///{tmp_path / 'w2.db'}") as store:
        stats = ingest(store, [str(CORPUS)], workers=2, batch_size=3)
        assert (stats.articles, stats.errors) == (N_ARTICLES, N_ERRORS)
        assert _snapshot(store) == snapshot


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-c", "from flashpoint.cli import main; main()", *args]


def _count(db: Path, table: str) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    except sqlite3.OperationalError:
        return 0  # not created yet


def _processes_naming(path) -> list[int]:
    """Pids of live processes whose command line names ``path`` (Linux /proc)."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/cmdline", "rb") as f:
                    if str(path).encode() in f.read():
                        found.append(int(entry))
            except OSError:
                continue
    return found


def test_kill_9_mid_run_then_resume_equals_an_uninterrupted_run(corpus_db, tmp_path):
    _, _, snapshot = corpus_db
    db = tmp_path / "killed.db"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        _cli("ingest", str(CORPUS), "--db", str(db), "--batch-size", "1", "-q"),
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 300
    while _count(db, "articles") == 0 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, proc.stderr.read().decode()[-2000:]
    # its extraction workers notice the parent is gone and stop (they would wait for ever)
    deadline = time.monotonic() + 30
    while _processes_naming(db) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _processes_naming(db) == []
    stored = _count(db, "articles")
    assert 0 < stored < N_ARTICLES  # it really was killed mid-run
    # No half-written article: every stored article has all its rows, nothing orphaned.
    with sqlite3.connect(db) as conn:
        orphans = conn.execute(
            "SELECT count(*) FROM event_sources WHERE article_id NOT IN (SELECT id FROM articles)"
        ).fetchone()[0]
        unmerged = conn.execute("SELECT count(*) FROM event_sources WHERE event_id NOT IN (SELECT id FROM events)").fetchone()[0]
    assert (orphans, unmerged) == (0, 0)
    done = subprocess.run(_cli("ingest", str(CORPUS), "--db", str(db), "-q"), cwd=ROOT, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    assert f"{N_ARTICLES - stored} articles new, {stored} skipped" in done.stdout
    with open_store(str(db)) as store:
        assert _snapshot(store) == snapshot


def test_stdin_and_gzip(tmp_path):
    line = (CORPUS / "somalia_outlets.jsonl").read_bytes().splitlines()[0] + b"\n"
    gz = tmp_path / "one.jsonl.gz"
    gz.write_bytes(gzip.compress(line))
    db = tmp_path / "stdin.db"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    run = subprocess.run(_cli("ingest", "-", "--db", str(db), "-q"), input=line, cwd=ROOT, env=env, capture_output=True)
    assert run.returncode == 0, run.stderr[-2000:]
    assert b"1 articles new, 0 skipped, 0 errors" in run.stdout
    run = subprocess.run(_cli("ingest", str(gz), "--db", str(db), "-q"), cwd=ROOT, env=env, capture_output=True)
    assert b"0 articles new, 1 skipped" in run.stdout  # same text, same article


def test_an_extraction_crash_is_recorded_and_the_run_goes_on(tmp_path, monkeypatch):
    """A stand-in pipeline that raises on one article: the others are stored."""

    def extract_articles(articles):
        for article in articles:
            if "Kano" in article.text:
                raise RuntimeError("extractor bug")
            yield Document(article=article)

    monkeypatch.setitem(sys.modules, "flashpoint.pipeline", types.SimpleNamespace(extract_articles=extract_articles))
    with open_store(f"sqlite:///{tmp_path / 'crash.db'}") as store:
        stats = ingest(store, [str(CORPUS)], batch_size=5)
        assert (stats.articles, stats.errors) == (N_ARTICLES - 1, N_ERRORS + 1)
        crash = [e for e in store.errors() if "extractor bug" in e["reason"]]
        assert len(crash) == 1 and crash[0]["source"].endswith("15_kano_riot.txt")
        assert "RuntimeError" in crash[0]["reason"]


def test_same_database_on_every_backend(corpus_db, db_url):  # noqa: F811
    _, _, snapshot = corpus_db
    with open_store(db_url) as store:
        ingest(store, [str(CORPUS)], batch_size=5)
        assert _snapshot(store) == snapshot
