"""Rows and per-partition reading of the Spark job, in plain Python (no Spark, no spaCy)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from flashpoint.errors import InputError
from flashpoint.model import Actor, Count, Event, EventDate, Place, Provenance, Source, from_dict
from flashpoint.spark.partition import extract_partition, record_to_article
from flashpoint.spark.rows import EVENT_COLUMNS, UNKNOWN_MONTH, as_tuple, event_row


def _event(date: EventDate | None) -> Event:
    sentence = "Army shelling killed five people in Saraqib."
    prov = Provenance("art1", sentence, 10, 10 + len(sentence), 10, 24, 0.9)
    return Event(
        id="art1:e0",
        article_id="art1",
        event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
        evidence=prov,
        confidence=0.9,
        actor1=Actor(name="Military Forces of Syria", text="Army", kind="state forces", country="SY"),
        place=Place(name="Saraqib", text="Saraqib", precision="town", country="SY", admin1="Idlib", lat=35.86, lon=36.8, geonameid=172515),
        date=date,
        fatalities=Count(5, "exact", "five"),
        sources=[Source("art2", url="https://b.example"), Source("art1", evidence=prov, url="https://a.example")],
    )


def test_event_row_is_the_export_row_plus_the_whole_event():
    event = _event(EventDate(dt.date(2020, 2, 10), dt.date(2020, 2, 12), text="last week"))
    row = event_row(event)
    assert set(row) == {name for name, _ in EVENT_COLUMNS}
    assert row["event_id"] == "art1:e0" and row["event_id_cnty"].startswith("SYR")  # ACLED-style id: ISO3 + number
    assert row["event_date"] == dt.date(2020, 2, 10) and row["date_end"] == dt.date(2020, 2, 12)
    assert row["month"] == "2020-02"
    assert (row["actor1"], row["inter1"], row["actor2"]) == ("Military Forces of Syria", "State forces", None)
    assert (row["country_code"], row["admin1"], row["location"], row["geonameid"]) == ("SY", "Idlib", "Saraqib", 172515)
    assert row["fatalities"] == 5 and row["injuries"] is None
    assert json.loads(row["source_article_ids"]) == ["art1", "art2"]
    assert json.loads(row["evidence_json"])["start"] == 10
    assert from_dict(Event, json.loads(row["event_json"])) == event
    assert as_tuple(row, EVENT_COLUMNS)[0] == row["event_id_cnty"]


def test_event_columns_start_with_the_local_export_columns():
    from flashpoint.store.export import COLUMNS

    assert [name for name, _ in EVENT_COLUMNS][: len(COLUMNS)] == COLUMNS


def test_undated_event_goes_to_the_unknown_month():
    row = event_row(_event(None))
    assert row["month"] == UNKNOWN_MONTH and row["event_date"] is None


def test_record_to_article_cleans_like_the_local_reader():
    article = record_to_article({"id": 7, "text": "Police fired tear gas.", "date": "2020-10-17T08:00:00Z", "url": "u"})
    assert article.date == dt.date(2020, 10, 17)
    assert article.url == "u"
    assert article.id != "7"  # the content hash, as locally
    with pytest.raises(InputError, match="'text' must be a string"):
        record_to_article({"text": 5})


def test_unreadable_records_become_error_rows_and_the_rest_are_read():
    rows = list(
        extract_partition(
            [
                {"id": "a", "text": None},
                {"id": "b", "text": "Protest in Nairobi.", "date": "yesterday", "url": "https://x.example"},
                {"id": "c", "text": "   "},
            ]
        )
    )
    assert [kind for kind, _ in rows] == ["error", "error", "error"]
    errors = {row["article_id"]: row for _, row in rows}
    assert errors["a"]["stage"] == "read" and "no 'text' field" in errors["a"]["error"]
    assert "bad date" in errors["b"]["error"] and errors["b"]["url"] == "https://x.example"
    assert "no article text" in errors["c"]["error"]
