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
    assert (attack["inter1"], attack["inter2"], attack["interaction"]) == ("State forces", "Civilians",
                                                                         "State forces-Civilians")
    assert attack["civilian_targeting"] == "Civilian targeting" and attack["disorder_type"] == "Political violence"
    assert rows[2]["latitude"] is None and rows[2]["geo_precision"] is None
    assert rows[2]["disorder_type"] == "Demonstrations" and rows[2]["civilian_targeting"] is None
    assert rows[2]["interaction"] in (None, "Protesters only")


def test_csv(events, tmp_path):
    path = tmp_path / "events.csv"
    assert write_csv(events, path) == 3
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == COLUMNS
    # ACLED codes 0 when no death is reported; flashpoint's own column keeps "not reported" apart.
    assert [r["fatalities"] for r in rows] == ["10", "3", "0"]
    assert rows[2]["fatalities_reported"] == ""
    assert rows[0]["evidence"] == events[0].evidence.sentence
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


# An ACLED export header as ACLED writes it (2023 layout), with one invented row.
ACLED_FIXTURE = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,"
    "inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,"
    "location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp\n"
    "XYZ1,01 January 2020,2020,1,Demonstrations,Protests,Peaceful protest,Protesters (Testland),,Protesters,,,,"
    "Protesters only,,999,Nowhere,Testland,North,,,Testville,1.0,2.0,1,Test Wire,National,"
    "On 1 January 2020 protesters gathered in Testville.,0,,1600000000\n"
)


def test_csv_has_acled_export_columns_in_acled_order(events, tmp_path):
    acled_header = next(csv.reader(io.StringIO(ACLED_FIXTURE)))
    path = tmp_path / "events.csv"
    write_csv(events, path)
    with open(path, newline="", encoding="utf-8") as fh:
        header = next(csv.reader(fh))
    assert len(acled_header) == 31
    assert header[: len(acled_header)] == acled_header
    # a reader of ACLED exports (column by name) reads flashpoint's rows
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert rows[0]["event_id_cnty"].startswith("SYR") and rows[0]["event_id_cnty"][3:].isdigit()
    assert rows[0]["event_id"] == events[0].id
    assert all(rows[0][c] == "" for c in ("assoc_actor_1", "region", "admin2", "admin3", "source_scale", "tags"))


def test_notes_say_what_the_coded_fields_say(events):
    rows = list(acled_rows(events))
    note = rows[1]["notes"]
    assert note.startswith("On 1 April 2020, Military Forces of Syria carried out an air/drone strike on "
                           "Civilians (Syria) in Taftanaz (Idlib, Syria).")
    assert note.endswith("Fatalities: 3.") and note.count(". ") <= 1
    assert rows[2]["notes"].startswith("On 1 May 2020, ") and "Fatalities" not in rows[2]["notes"]
    assert rows[1]["evidence"] == events[1].evidence.sentence != note


def test_a_report_dated_only_by_publication_exports_that_day_at_time_precision_2():
    event = make_event("undated.example", day="2020-03-01", until="2020-03-02")
    event.date.inferred_from, event.date.told_on = "publication date", event.date.end
    [row] = acled_rows([event])
    assert (row["event_date"], row["time_precision"]) == ("2020-03-02", 2)
    told = make_event("told.example", day="2020-03-01", until="2020-03-02")  # "between Sunday and Monday"
    [row] = acled_rows([told])
    assert (row["event_date"], row["time_precision"]) == ("2020-03-01", 2)
