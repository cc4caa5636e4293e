"""Hostile inputs (issue 12): absurd figures, undecodable names, FIFOs, unreadable
folders, wildcard-looking searches. Each is generated here, small and fast."""

from __future__ import annotations

import os
import sqlite3

import pytest
from test_merge import make_event
from test_store import db_url, doc  # noqa: F401 - fixture: a fresh SQLite file or PostgreSQL schema

import flashpoint
from flashpoint.model import MAX_COUNT, Count, Provenance, Quote
from flashpoint.store import open_store
from flashpoint.store.ingest import ingest
from flashpoint.text import iter_input_files, read_records

GOOD = "date 2020-02-10\nGunmen killed 5 people in Kabul on Monday.\n"


def test_an_absurd_casualty_figure_is_not_a_count():
    document = flashpoint.extract("Gunmen killed 99999999999999999999999 people in Kabul on Monday.", "2020-02-10")
    assert document.events, "the attack itself is still an event"
    assert all(e.fatalities is None for e in document.events)
    # the cap sits where counts are made: up to MAX_COUNT a figure is still read
    for figure, value in (("250,000", 250000), ("1,000,000", 1000000), ("1,000,001", None), ("3.6 million", None)):
        document = flashpoint.extract(f"Gunmen killed {figure} people in Kabul on Monday.", "2020-02-10")
        assert [e.fatalities and e.fatalities.value for e in document.events] == [value]


def test_the_store_drops_counts_no_integer_column_holds(db_url):  # noqa: F811
    huge = make_event("h1", killed=5)
    huge.fatalities = Count(value=10**23)
    huge.injuries = Count(value=MAX_COUNT + 1)
    with open_store(db_url) as store:
        stats = store.add_documents([doc("h1", huge), doc("h2", make_event("h2", place="Kharkiv", killed=3))])
        assert stats.articles == 2
        by_article = {e.article_id: e for e in store.events()}
    assert by_article["h1"].fatalities is None and by_article["h1"].injuries is None
    assert by_article["h2"].fatalities.value == 3


def test_ingest_goes_on_past_an_absurd_figure(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_huge.txt").write_text("date 2020-02-10\nGunmen killed 99999999999999999999999 people in Herat.\n")
    (folder / "b_good.txt").write_text(GOOD)
    with open_store(f"sqlite:///{tmp_path / 'x.db'}") as store:
        stats = ingest(store, [str(folder)])
        assert (stats.articles, stats.errors) == (2, 0)
        again = ingest(store, [str(folder)])
        assert (again.articles, again.skipped) == (0, 2)


def test_a_file_name_that_is_not_utf8_is_stored_printably(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    bad = os.path.join(os.fsencode(folder), b"caf\xe9-\xff.txt")
    with open(bad, "wb") as f:
        f.write(GOOD.encode())
    with open(os.path.join(os.fsencode(folder), b"empty-\xff.txt"), "wb"):
        pass
    url = f"sqlite:///{tmp_path / 'x.db'}"
    with open_store(url) as store:
        stats = ingest(store, [str(folder)])
        assert (stats.articles, stats.errors) == (1, 1)
        [error] = store.errors()
    assert error["source"].endswith("empty-\\xff.txt") and error["reason"] == "empty file"
    with sqlite3.connect(tmp_path / "x.db") as conn:
        [(source,)] = conn.execute("select source from articles").fetchall()
    assert source.endswith("caf\\xe9-\\xff.txt")


def test_lone_surrogates_in_json_become_replacement_characters(tmp_path):
    path = tmp_path / "s.jsonl"
    path.write_text('{"text": "Gunmen killed 3 people \\ud800 in Herat.", "url": "http://x.example/\\udc80", "title": "\\ud83d"}\n')
    [article] = read_records(str(path))
    assert "\ufffd" in article.text and article.url.endswith("\ufffd") and article.title == "\ufffd"
    article.text.encode("utf-8")  # storable


def test_a_fifo_in_a_folder_is_reported_not_read(tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(GOOD)
    os.mkfifo(folder / "sub" / "pipe.txt")  # opening it for reading would block for ever
    problems = []
    assert list(iter_input_files([str(folder)], on_error=problems.append)) == [str(folder / "a.txt")]
    assert [(p.name, p.reason) for p in problems] == [
        (str(folder / "sub" / "pipe.txt"), "not a regular file (a FIFO, socket or device); skipped")
    ]
    with open_store(f"sqlite:///{tmp_path / 'x.db'}") as store:
        stats = ingest(store, [str(folder)])
        assert (stats.articles, stats.errors) == (1, 1)
        assert store.counts()["articles"] == 1


def test_an_unreadable_subfolder_is_an_error_not_silence(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    (folder / "locked").mkdir(parents=True)
    (folder / "a.txt").write_text(GOOD)
    real_scandir = os.scandir
    locked = str(folder / "locked")

    def scandir(path="."):  # tests may run as root, which chmod 000 does not stop
        if os.fspath(path) == locked:
            raise PermissionError(13, "Permission denied", locked)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    with open_store(f"sqlite:///{tmp_path / 'x.db'}") as store:
        stats = ingest(store, [str(folder)])
        assert (stats.articles, stats.errors) == (1, 1)
        [error] = store.errors()
    assert error["source"] == locked and error["reason"] == "cannot read folder (Permission denied)"


def test_quote_speaker_search_treats_wildcards_literally(db_url):  # noqa: F811
    def quote(n: int, speaker: str) -> Quote:
        where = Provenance("a1", "s", 0, 9, n, n + 1, 0.9)
        return Quote(id=f"q{n}", article_id="a1", text=f"Words number {n} said here.", provenance=where,
                     confidence=0.9, speaker=speaker)

    with open_store(db_url) as store:
        store.add_documents([doc("a1", quotes=[quote(1, "Omer Celik"), quote(2, "Ann 100% Sure"), quote(3, "Jo_Bloggs")])])
        assert [q.speaker for q in store.quotes(speaker="celik")] == ["Omer Celik"]
        assert [q.speaker for q in store.quotes(speaker="%")] == ["Ann 100% Sure"]
        assert [q.speaker for q in store.quotes(speaker="_")] == ["Jo_Bloggs"]
        assert store.quotes(speaker="\x00") == []
        assert len(store.quotes(speaker=None)) == 3


@pytest.mark.parametrize("base", ["0001-01-01", "0001-01-07", "9999-12-31", None])
@pytest.mark.parametrize("when", ["last week", "99999999999 days ago", "in 0000", "on 1 January 10000", "99999 years ago",
                                  "next week", "on Monday", "last month"])
def test_dates_outside_the_calendar_are_unknown_not_a_crash(base, when):
    document = flashpoint.extract(f"Gunmen killed 5 people in Kabul {when}. Police arrested 4 people {when}.", base)
    # events, or (for a month weeks before the article) history the rules say they left out
    assert document.events or {n.reason for n in document.non_events} == {"background:history"}
    for event in document.events:
        assert event.date is None or event.date.start <= event.date.end


def test_a_gzip_of_blank_lines_is_an_error_read_in_blocks(tmp_path):
    import cProfile
    import gzip
    import pstats

    path = tmp_path / "blank.jsonl.gz"
    path.write_bytes(gzip.compress(b"\n \n" * 1_000_000))
    profile = cProfile.Profile()
    profile.enable()
    records = list(read_records(str(path)))
    profile.disable()
    assert [str(r) for r in records] == [f"{path}: no articles found (no JSON lines, only blank lines)"]
    assert pstats.Stats(profile).total_calls < 20_000  # line by line it was millions of calls
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_bytes(b'\n\n  {"text": "Gunmen killed 3 people in Kano."}\n \n{bad\n')
    good, bad = read_records(str(mixed))
    assert good.source == f"{mixed}:3" and str(bad).startswith(f"{mixed}:5: not valid JSON")


def test_actor_search_with_nul_or_wildcards_matches_nothing_extra(db_url):  # noqa: F811
    from flashpoint.store import EventFilter

    with open_store(db_url) as store:
        store.add_documents([doc("a1", make_event("a1")), doc("a2", make_event("a2", place="Kharkiv"))])
        assert len(store.events()) == 2
        for hostile in ("\x00", "%", "_", "%\x00%"):
            assert store.events(EventFilter(actor=hostile)) == []


@pytest.mark.parametrize("failure", ["disk", "database"])
def test_disk_full_is_one_line_not_a_traceback(tmp_path, monkeypatch, capsys, failure):
    import errno
    import sys

    import sqlalchemy.exc

    from flashpoint import cli
    from flashpoint.store import ingest as ingest_module

    def full(*args, **kwargs):
        if failure == "disk":
            raise OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "x.db"))
        raise sqlalchemy.exc.OperationalError("INSERT", {}, sqlite3.OperationalError("database or disk is full"))

    monkeypatch.setattr(ingest_module, "ingest", full)
    (tmp_path / "a.txt").write_text(GOOD)
    monkeypatch.setattr(sys, "argv", ["flashpoint", "ingest", str(tmp_path / "a.txt"), "--db", str(tmp_path / "x.db"), "-q"])
    with pytest.raises(SystemExit) as exit_:
        cli.main()
    assert exit_.value.code == 1
    [line] = capsys.readouterr().err.strip().splitlines()
    expected = "No space left on device" if failure == "disk" else "database: database or disk is full"
    assert line.startswith("error: ") and expected in line and "intact" in line
