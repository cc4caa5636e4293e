"""Read API: filters that name nothing are 422 with the reason, CSV downloads, quote pages."""

from __future__ import annotations

import csv
import io

import pytest
from test_api import client, documents, store  # noqa: F401 - fixtures and data

from flashpoint.store.export import ACLED_COLUMNS


@pytest.mark.parametrize(
    "params, says",
    [
        ({"country": "XX"}, "unknown country 'XX'"),
        ({"type": "Protestz"}, "unknown event type 'Protestz'"),
        ({"since": "2020-03-01", "until": "2020-02-01"}, "after until"),
    ],
)
def test_bad_filters_are_422_with_the_reason(client, params, says):  # noqa: F811
    for path in ("/events", "/stats"):
        response = client.get(path, params=params)
        assert response.status_code == 422, response.text
        assert says in str(response.json()["detail"])


def test_alpha3_country_codes_filter_like_alpha2(client):  # noqa: F811
    by3 = {e["id"] for e in client.get("/events", params={"country": "SYR"}).json()["events"]}
    by2 = {e["id"] for e in client.get("/events", params={"country": "SY"}).json()["events"]}
    assert by3 == by2 == {"ev-strike", "ev-clash"}


def test_events_as_csv_have_acled_columns(client):  # noqa: F811
    response = client.get("/events", params={"format": "csv", "country": "Syria", "limit": 1})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert response.headers["x-total-count"] == "2"
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert list(rows[0])[: len(ACLED_COLUMNS)] == ACLED_COLUMNS
    assert len(rows) == 1 and rows[0]["country"] == "Syria"


def test_quotes_are_paged_like_events(client):  # noqa: F811
    body = client.get("/quotes", params={"limit": 1}).json()
    assert (body["total"], body["next_offset"], len(body["quotes"])) == (1, None, 1)
    body = client.get("/quotes", params={"speaker": "nobody"}).json()
    assert (body["total"], body["quotes"]) == (0, [])
    empty_page = client.get("/quotes", params={"offset": 5}).json()
    assert empty_page["total"] == 1 and empty_page["quotes"] == [] and empty_page["next_offset"] is None
