"""Merging written articles through the real pipeline, ingest and the API's write route:
a daily series in one town stays one event a day; the seed article plus a second outlet
keeps the seed's incidents apart. Assertions look events up by what they are (day,
place, direction), so small extraction changes do not break them."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from flashpoint import extract_articles
from flashpoint.api import Settings, create_app
from flashpoint.store import open_store
from flashpoint.store.ingest import ingest
from flashpoint.text import read_records

DATA = Path(__file__).parent / "data" / "merge"
SERIES = DATA / "sirwah_series.jsonl"
SEED = Path(__file__).resolve().parents[2] / "shared" / "seed_article.txt"
TOKEN = "merge-token"


def _summary(events) -> list[tuple]:
    """What an analyst counts: each event's day, toll and sources."""
    return sorted(
        (str(e.date.start) if e.date else "", e.fatalities.value if e.fatalities else None, tuple(sorted(s.article_id for s in e.sources)))
        for e in events
    )


@pytest.fixture(scope="module")
def series_documents():
    articles = [r for r in read_records(str(SERIES)) if not isinstance(r, Exception)]
    assert len(articles) == 9
    return articles, list(extract_articles(articles))


def test_a_daily_series_is_one_event_a_day_in_any_order(series_documents, tmp_path):
    articles, documents = series_documents
    snapshots = []
    for seed in range(3):
        shuffled = documents[:]
        random.Random(seed).shuffle(shuffled)
        with open_store(f"sqlite:///{tmp_path / f'order{seed}.db'}") as store:
            for start in range(0, len(shuffled), 1 + seed):  # batches of 1, 2, 3 articles
                store.add_documents(shuffled[start : start + 1 + seed])
            snapshots.append(_summary(store.events()))
    assert snapshots[0] == snapshots[1] == snapshots[2]
    events = snapshots[0]
    assert len(events) == 8 and sum(toll for _, toll, _ in events) == 52
    days = [day for day, _, _ in events]
    assert days == [f"2023-03-{d:02d}" for d in range(1, 9)]
    [march4] = [sources for day, _, sources in events if day == "2023-03-04"]
    second = next(a.id for a in articles if "gulf-wire" in (a.url or ""))
    assert len(march4) == 2 and second in march4  # the second outlet joined March 4, and only it


def test_ingest_with_two_workers_gives_the_same_events(series_documents, tmp_path):
    _, documents = series_documents
    with open_store(f"sqlite:///{tmp_path / 'all.db'}") as store:
        store.add_documents(documents)
        expected = _summary(store.events())
    with open_store(f"sqlite:///{tmp_path / 'w2.db'}") as store:
        stats = ingest(store, [str(SERIES)], workers=2, batch_size=2)
        assert stats.articles == 9
        assert _summary(store.events()) == expected


def test_the_api_write_route_merges_the_same_way(series_documents, tmp_path):
    articles, _ = series_documents
    with open_store(f"sqlite:///{tmp_path / 'api.db'}") as store, TestClient(
        create_app(Settings(token=TOKEN), store=store)
    ) as client:
        for article in reversed(articles):
            body = {"text": article.text, "date": str(article.date), "url": article.url}
            response = client.post("/articles", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
            assert response.status_code in (200, 201), response.text
        events = store.events()
    assert len(events) == 8 and sum(e.fatalities.value for e in events) == 52


@pytest.mark.skipif(not SEED.is_file(), reason="shared seed article not present")
def test_the_seed_plus_a_second_outlet_keeps_the_seed_incidents_apart(tmp_path):
    with open_store(f"sqlite:///{tmp_path / 'seed.db'}") as store:
        ingest(store, [str(SEED), str(DATA / "seed_second_outlet.txt")])
        events = store.events()
        seed_id = next(iter({s.article_id for e in events for s in e.sources if store.article(s.article_id).source == str(SEED)}))
    second_ids = {s.article_id for e in events for s in e.sources} - {seed_id}
    assert len(second_ids) == 1
    [second_id] = second_ids

    def kind(event) -> str:
        a1 = event.actor1.country if event.actor1 else None
        return f"{a1}:{event.date.exact}"

    # Taftanaz (Syria on Turkey, that Monday): 5 killed, both outlets
    [taftanaz] = [e for e in events if e.place and e.place.name.startswith("Taft")]
    assert taftanaz.fatalities.value == 5 and {s.article_id for s in taftanaz.sources} == {seed_id, second_id}
    assert taftanaz.date.exact and str(taftanaz.date.start) == "2020-02-10"
    assert any(n.startswith("merged: ") for n in taftanaz.merge_notes)
    # Saraqib (last week): the seed's 8 killed, and the second outlet's "similar attack last week" with it
    [saraqib] = [e for e in events if e.place and e.place.name == "Saraqib"]
    assert 8 in [s.fatalities for s in saraqib.sources if s.article_id == seed_id]
    assert saraqib.fatalities.value == 8  # the report naming the town gives the toll
    assert {s.article_id for s in saraqib.sources} == {seed_id, second_id}
    # the two Turkish responses stay apart, and no event holds two of the seed's reports
    responses = [e for e in events if e.actor1 and e.actor1.country == "TR"]
    assert len(responses) == 2
    assert len(events) == 4, [kind(e) for e in events]
    for event in events:
        assert [s.article_id for s in event.sources].count(seed_id) == 1
