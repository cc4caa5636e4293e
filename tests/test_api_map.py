"""Map views and charts computed on the server (issue 16, item 12): /map and /stats at scale.

A database of 2,600 synthetic events (benchmarks/synthetic_events.py, through the
store API) is more than /map sends as points, so the world view comes as grid
cells; the counts and fatality sums are checked against the generated events
themselves, and against /events for the same box.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from flashpoint.api.app import create_app
from flashpoint.api.settings import Settings
from flashpoint.store import open_store
from flashpoint.store.mapview import MAX_FEATURES

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from synthetic_events import synthetic_documents  # noqa: E402

N = MAX_FEATURES + 600


@pytest.fixture(scope="module")
def generated():
    return [d.events[0] for d in synthetic_documents(N, seed=7)]


@pytest.fixture(scope="module")
def client(tmp_path_factory, generated):
    with open_store(f"sqlite:///{tmp_path_factory.mktemp('map') / 'events.db'}") as store:
        store.add_documents(synthetic_documents(N, seed=7), batch_size=500)
        with TestClient(create_app(Settings(), store=store)) as c:
            yield c


def inside(event, west, south, east, north) -> bool:
    lat, lon = event.place.lat, event.place.lon
    return south <= lat <= north and (west <= lon <= east if west <= east else lon >= west or lon <= east)


def dead(events) -> int:
    return sum(e.fatalities.value for e in events if e.fatalities)


def test_the_world_view_is_grid_cells_adding_up_to_every_event(client, generated):
    view = client.get("/map", params={"zoom": 2}).json()
    assert view["total"] == N and view["features"] is None
    cells = view["clusters"]
    assert 1 < len(cells) < N
    assert sum(c["count"] for c in cells) == N
    assert sum(c["fatalities"] for c in cells) == dead(generated)
    for cell in cells:  # each cell's mean point lies inside the box of its events
        south, west, north, east = cell["bounds"]
        assert south <= cell["lat"] <= north and west <= cell["lon"] <= east


@pytest.mark.parametrize("zoom", [3, 5, 7])
def test_cells_in_a_box_count_the_events_in_the_box(client, generated, zoom):
    box = (30.0, 0.0, 100.0, 40.0)  # Syria, Sudan, Myanmar and Nigeria's north
    params = {"bbox": ",".join(map(str, box)), "zoom": zoom}
    view = client.get("/map", params=params).json()
    expected = [e for e in generated if inside(e, *box)]
    assert view["total"] == len(expected) == client.get("/events", params={**params, "limit": 1}).json()["total"]
    if view["clusters"] is not None:
        assert sum(c["count"] for c in view["clusters"]) == len(expected)
        assert sum(c["fatalities"] for c in view["clusters"]) == dead(expected)
    else:
        assert {f["id"] for f in view["features"]["features"]} == {e.id for e in expected}


def test_a_small_view_is_light_points_and_the_antimeridian_wraps(client, generated):
    box = (36.0, 34.0, 38.0, 35.5)
    view = client.get("/map", params={"bbox": ",".join(map(str, box)), "zoom": 8}).json()
    expected = {e.id: e for e in generated if inside(e, *box)}
    assert view["clusters"] is None and view["total"] == len(expected) > 0
    features = view["features"]["features"]
    assert {f["id"] for f in features} == set(expected)
    one = features[0]
    event = expected[one["id"]]
    assert one["geometry"]["coordinates"] == [event.place.lon, event.place.lat]
    assert one["properties"]["event_type"] == event.event_type
    assert set(one["properties"]) == {"event_type", "sub_event_type", "fatalities", "event_date", "location"}
    # a box from 170 E across the antimeridian to 70 W holds the Mexican and Colombian events only
    wrapped = client.get("/map", params={"bbox": "170,-90,-70,90", "zoom": 1}).json()
    assert wrapped["total"] == sum(1 for e in generated if inside(e, 170, -90, -70, 90)) > 0
    assert wrapped["total"] == sum(1 for e in generated if e.place.country in ("MX", "CO"))


def test_stats_count_weeks_located_events_and_their_box(client, generated):
    stats = client.get("/stats", params={"country": "UA"}).json()
    ukraine = [e for e in generated if e.place.country == "UA"]
    assert stats["total"] == stats["located"] == len(ukraine)
    assert sum(w["events"] for w in stats["by_week"]) == len(ukraine)
    assert sum(w["fatalities"] for w in stats["by_week"]) == dead(ukraine)
    south, west, north, east = stats["bounds"]
    assert (south, north) == (min(e.place.lat for e in ukraine), max(e.place.lat for e in ukraine))
    assert (west, east) == (min(e.place.lon for e in ukraine), max(e.place.lon for e in ukraine))
    assert stats["by_country"] == {"UA": len(ukraine)}


@pytest.mark.parametrize("bbox, says", [("1,2,3", "bbox"), ("10,50,20,40", "south <= north"),
                                        ("200,0,210,10", "[-180, 180]")])
def test_a_bad_box_is_422_with_the_reason(client, bbox, says):
    for path in ("/map", "/events", "/stats"):
        response = client.get(path, params={"bbox": bbox})
        assert response.status_code == 422, response.text
        assert says in str(response.json()["detail"])
