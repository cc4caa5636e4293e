"""The analyst's first hour with the CLI (issue 16): output files, honest errors, pipes, narrow terminals."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys

import pyarrow.parquet as pq
import pytest
from test_merge import make_event
from test_store import doc, outlets

from flashpoint.model import Actor
from flashpoint.store import open_store


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "events.db"
    syria = Actor("Military Forces of Syria", "Syrian warplanes", "state forces", "SY")
    with open_store(str(path)) as store:
        store.add_documents(outlets() + [
            doc("s1", make_event("s1", killed=3, actor1=syria, day="2020-04-01")),
            doc("u1", make_event("u1", place=None, kind="protest", day="2020-05-01")),
        ])
    return str(path)


def flashpoint(*args, env=None, **kwargs):
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "flashpoint.cli", *map(str, args)], capture_output=True,
                          text=True, timeout=300, env=full_env, **kwargs)


def test_output_file_format_follows_its_extension(db, tmp_path):
    for name, read in (("out.csv", lambda p: list(csv.DictReader(p.open(encoding="utf-8")))),
                       ("out.json", lambda p: json.loads(p.read_text(encoding="utf-8"))),
                       ("out.geojson", lambda p: json.loads(p.read_text(encoding="utf-8"))["features"]),
                       ("out.parquet", lambda p: pq.read_table(p).to_pylist())):
        target = tmp_path / name
        proc = flashpoint("events", "--db", db, "-o", target)
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout == ""  # the file gets the events, not the terminal
        assert len(read(target)) == 3 and f"wrote 3 events to {target}" in proc.stderr
    proc = flashpoint("events", "--db", db, "-o", tmp_path / "out.xlsx")
    assert proc.returncode == 2 and "--format" in proc.stderr and not (tmp_path / "out.xlsx").exists()


@pytest.mark.parametrize("args, says", [
    (["--country", "XX"], "unknown country 'XX'"),
    (["--type", "Protestz"], "unknown event type 'Protestz'"),
    (["--since", "2020-05-01", "--until", "2020-04-01"], "is after until"),
])
def test_bad_filters_exit_2_saying_what_is_wrong(db, args, says):
    proc = flashpoint("events", "--db", db, *args)
    assert proc.returncode == 2
    assert says in proc.stderr and len(proc.stderr.strip().splitlines()) == 1 and proc.stdout == ""


def test_alpha3_country_code_is_accepted(db):
    proc = flashpoint("events", "--db", db, "--country", "SYR", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert len(json.loads(proc.stdout)) == 2  # the merged Taftanaz strike and the s1 strike


def test_missing_input_is_named_and_listed_by_errors_command(tmp_path):
    db = tmp_path / "e.db"
    proc = flashpoint("ingest", "-q", "--db", db, tmp_path / "nothere")
    assert proc.returncode == 1
    assert f"{tmp_path / 'nothere'}: no such file" in proc.stderr
    listed = flashpoint("errors", "--db", db)
    assert listed.returncode == 0 and f"{tmp_path / 'nothere'}: no such file" in listed.stdout
    as_json = json.loads(flashpoint("errors", "--db", db, "--format", "json").stdout)
    assert [e["source"] for e in as_json] == [str(tmp_path / "nothere")]


def test_serve_refuses_a_database_that_does_not_exist(tmp_path):
    typo = tmp_path / "typo.db"
    proc = flashpoint("serve", "--db", typo, "--port", "0")
    assert proc.returncode == 1 and str(typo) in proc.stderr and "Traceback" not in proc.stderr
    assert not typo.exists()


def test_table_fits_80_columns_and_keeps_whole_ids(db):
    proc = flashpoint("events", "--db", db, env={"COLUMNS": "80"})
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    for event_id in ("s1:e0", "u1:e0"):
        assert any(event_id in line for line in lines)


def test_closed_pipe_is_not_a_failure(db):
    reader = subprocess.Popen([sys.executable, "-m", "flashpoint.cli", "events", "--db", db, "--format", "csv"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    reader.stdout.close()  # like `| head` that has stopped reading
    _, err = reader.communicate(timeout=300)
    assert reader.returncode == 0, err
    assert b"Traceback" not in err and b"Broken pipe" not in err


def test_extract_jsonl_gives_one_line_per_article(tmp_path):
    corpus = tmp_path / "two.jsonl"
    articles = [
        {"date": "2023-05-02", "title": "Clash", "text": "Rebels clashed with soldiers near Gao on Monday, killing four."},
        {"date": "2023-06-07", "title": "Protest", "text": "Hundreds of teachers protested in Nairobi on Tuesday over pay."},
    ]
    corpus.write_text("\n".join(json.dumps(a) for a in articles) + "\n", encoding="utf-8")
    proc = flashpoint("extract", corpus, "--no-text")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert len(lines) == 2
    documents = [json.loads(line) for line in lines]
    assert [d["article"]["title"] for d in documents] == ["Clash", "Protest"]
    assert documents[1]["events"] and documents[1]["events"][0]["event_type"] == "Protests"
    table = flashpoint("extract", corpus, "--format", "table")
    assert table.returncode == 0 and "Protest: " in table.stdout and "Nairobi" in table.stdout
