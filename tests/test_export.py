"""Every export format, from a store holding hand-built merged events."""

from __future__ import annotations

import csv
import io
import json
import math

import pyarrow.parquet as pq
import pytest
from test_merge import make_event
from test_store import db_url, doc, outlets, store  # noqa: F401 - fixtures

from flashpoint.model import Actor, Event, from_dict
from flashpoint.store import open_store
from flashpoint.store.export import (
    ACLED_COLUMNS,
    COLUMNS,
    acled_rows,
    to_geojson,
    write_csv,
    write_json,
    write_parquet,
)

ACLED_NAMES = ["event_date", "event_type", "sub_event_type", "actor1", "actor2", "country", "admin1", "location",
               "latitude", "longitude", "geo_precision", "fatalities", "notes", "source"]


@pytest.fixture
def events(store):  # noqa: F811
    syria = Actor("Military Forces of Syria", "Syrian warplanes", "state forces", "SY")
    civilians = Actor("Civilians (Syria)", "civilians", "civilians", "SY")
    docs = outlets() + [
        doc("s1", make_event("s1", killed=3, actor1=syria, actor2=civilians, day="2020-04-01")),
        doc("u1", make_event("u1", place=None, kind="protest", day="2020-05-01")),  # not located
    ]
    store.add_documents(docs)
    return store.events()


def test_acled_rows_use_acled_names(events):
    rows = list(acled_rows(events))
    assert set(ACLED_NAMES) <= set(ACLED_COLUMNS)
    assert [list(r) for r in rows] == [COLUMNS] * 3
    merged = rows[0]
    assert merged["event_date"] == "2020-03-02" and merged["year"] == 2020 and merged["time_precision"] == 1
    assert (merged["country"], merged["iso"], merged["admin1"], merged["location"]) == ("Syria", 760, "Idlib", "Taftanaz")
    assert merged["fatalities"] == 10 and merged["fatalities_reported"] == "12; 14; 10"
    assert merged["source"] == "daily.example; gazette.example; wire.example"
    assert merged["source_count"] == 3
    attack = rows[1]
    assert (attack["inter1"], attack["inter2"], attack["interaction"]) == (1, 7, 17)
    assert rows[2]["latitude"] is None and rows[2]["geo_precision"] is None


def test_csv(events, tmp_path):
    path = tmp_path / "events.csv"
    assert write_csv(events, path) == 3
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == COLUMNS
    assert [r["fatalities"] for r in rows] == ["10", "3", ""]
    assert rows[0]["notes"] == events[0].evidence.sentence
    buffer = io.StringIO()
    write_csv(events, buffer)
    assert buffer.getvalue() == path.read_text(encoding="utf-8")


def test_json_round_trips_to_model_events(events, tmp_path):
    path = tmp_path / "events.json"
    assert write_json(events, path) == 3
    loaded = [from_dict(Event, d) for d in json.loads(path.read_text(encoding="utf-8"))]
    assert loaded == events
    empty = io.StringIO()
    write_json([], empty)
    assert json.loads(empty.getvalue()) == []


def _check_rfc7946(obj: dict) -> None:
    """The structure RFC 7946 requires of a FeatureCollection of Points."""
    assert obj["type"] == "FeatureCollection"
    assert isinstance(obj["features"], list)
    for feature in obj["features"]:
        assert feature["type"] == "Feature"
        assert "geometry" in feature and "properties" in feature
        assert isinstance(feature.get("id", ""), (str, int, float))
        assert feature["properties"] is None or isinstance(feature["properties"], dict)
        geometry = feature["geometry"]
        if geometry is None:
            continue
        assert geometry["type"] == "Point"
        lon, lat, *rest = geometry["coordinates"]
        assert len(rest) <= 1
        assert all(isinstance(v, (int, float)) and math.isfinite(v) for v in (lon, lat))
        assert -180 <= lon <= 180 and -90 <= lat <= 90


def test_geojson_follows_rfc7946(events):
    collection = json.loads(json.dumps(to_geojson(events)))
    _check_rfc7946(collection)
    first = collection["features"][0]
    assert first["geometry"]["coordinates"] == [36.785, 35.998]  # longitude first
    assert first["properties"]["location"] == "Taftanaz"
    assert collection["features"][2]["geometry"] is None


def test_parquet_reads_back_with_pyarrow(events, tmp_path):
    path = tmp_path / "events.parquet"
    assert write_parquet(events, path) == 3
    table = pq.read_table(path)
    assert table.column_names == COLUMNS
    assert table.num_rows == 3
    rows = table.to_pylist()
    assert rows[0]["fatalities"] == 10 and rows[0]["event_date"].isoformat() == "2020-03-02"
    assert rows[0]["latitude"] == pytest.approx(35.998)
    assert str(table.schema.field("event_date").type) == "date32[day]"
    write_parquet([], tmp_path / "empty.parquet")
    assert pq.read_table(tmp_path / "empty.parquet").num_rows == 0


def test_events_command_writes_every_format(events, db_url, tmp_path):  # noqa: F811
    from click.testing import CliRunner

    from flashpoint.cli import cli

    runner = CliRunner()
    base = ["events", "--db", db_url]
    result = runner.invoke(cli, base + ["--format", "csv", "--country", "SY"])
    assert result.exit_code == 0, result.output
    assert len(list(csv.DictReader(io.StringIO(result.output)))) == 2
    result = runner.invoke(cli, base + ["--format", "geojson", "--near", "36.0,36.8,10"])
    assert result.exit_code == 0, result.output
    _check_rfc7946(json.loads(result.output))
    assert len(json.loads(result.output)["features"]) == 2
    result = runner.invoke(cli, base + ["--format", "json", "--min-fatalities", "5"])
    assert [e["id"] for e in json.loads(result.output)] == [events[0].id]
    out = tmp_path / "out.parquet"
    result = runner.invoke(cli, base + ["--format", "parquet", "-o", str(out), "--type", "Protests"])
    assert result.exit_code == 0, result.output
    assert pq.read_table(out).num_rows == 1
    result = runner.invoke(cli, base + ["--since", "2020-03-15", "--actor", "warplanes"])
    assert result.exit_code == 0 and "Taftanaz" in result.output and "s1:e0" in result.output
    result = runner.invoke(cli, base + ["--near", "1,2"])
    assert result.exit_code != 0 and "LAT,LON,KM" in result.output


def test_quotes_command(tmp_path):
    from click.testing import CliRunner

    from flashpoint.cli import cli
    from flashpoint.model import Provenance, Quote

    text = '"We will rebuild," said Amina Yusuf.'
    quote = Quote("q:q0", "q", "We will rebuild,", Provenance("q", text, 0, len(text), 1, 17, 0.9), 0.9, speaker="Amina Yusuf")
    url = f"sqlite:///{tmp_path / 'q.db'}"
    with open_store(url) as s:
        s.add_documents([doc("q", quotes=[quote], text=text)])
    result = CliRunner().invoke(cli, ["quotes", "--db", url, "--speaker", "yusuf", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert [q["speaker"] for q in json.loads(result.output)] == ["Amina Yusuf"]
