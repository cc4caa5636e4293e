"""Concurrent writers (issue 12): two ingests into one database never fail and never
store one report twice. Ordering is forced with events, not sleeps."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

from test_merge import make_event
from test_store import db_url, doc  # noqa: F401 - fixture: a fresh SQLite file or PostgreSQL schema

from flashpoint.store import open_store
from flashpoint.store.store import Store

ROOT = Path(__file__).resolve().parent.parent
DEADLINE = 300


def test_a_second_writer_waits_for_the_first_and_sees_its_reports(db_url, monkeypatch):  # noqa: F811
    inside, release = threading.Event(), threading.Event()
    real = Store._add_batch

    def slow_first_batch(self, conn, batch):
        result = real(self, conn, batch)
        if self is first:  # hold the transaction open until the other writer is under way
            inside.set()
            release.wait(DEADLINE)
        return result

    monkeypatch.setattr(Store, "_add_batch", slow_first_batch)
    report_a = doc("a1", make_event("a1", killed=4), url="https://one.example/a1")
    report_b = doc("b1", make_event("b1", killed=5), url="https://two.example/b1")
    with open_store(db_url) as first, open_store(db_url) as second:
        outcome = {}
        writer = threading.Thread(target=lambda: outcome.setdefault("first", first.add_documents([report_a])))
        writer.start()
        assert inside.wait(DEADLINE)
        other = threading.Thread(target=lambda: outcome.setdefault("second", second.add_documents([report_a, report_b])))
        other.start()
        release.set()
        writer.join(DEADLINE)
        other.join(DEADLINE)
        assert (outcome["first"].articles, outcome["second"].articles, outcome["second"].skipped) == (1, 1, 1)
        # both outlets' reports of the one event end up in one merged event, never two
        [event] = first.events()
        assert sorted(s.article_id for s in event.sources) == ["a1", "b1"]


def test_two_ingest_commands_into_one_new_sqlite_file(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(6):
        (folder / f"{i}.txt").write_text(f"date 2020-02-1{i}\nGunmen killed {i + 2} people in Kano on Monday.\n")
    db = tmp_path / "shared.db"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    command = [sys.executable, "-c", "from flashpoint.cli import main; main()", "ingest", str(folder),
               "--db", str(db), "--batch-size", "1", "-q"]
    runs = [subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(2)]
    outputs = [run.communicate(timeout=DEADLINE) for run in runs]
    for run, (out, err) in zip(runs, outputs):
        assert run.returncode == 0, err[-2000:]
        assert "Traceback" not in err
    with open_store(str(db)) as store:
        assert store.counts()["articles"] == 6
        assert store.counts()["errors"] == 0
