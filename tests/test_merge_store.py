"""Merging in the store: any order of ingest, in one run or many batches, gives the
events of merging all reports at once (hand-built reports, no extractor)."""

from __future__ import annotations

import random

import pytest
from test_merge import random_reports
from test_store import db_url, doc  # noqa: F401 - db_url: a fresh SQLite file or PostgreSQL schema

from flashpoint.merge import merge_events
from flashpoint.store import open_store


def _documents(seed: int) -> list:
    by_article: dict[str, list] = {}
    for event in random_reports(seed, 50):
        by_article.setdefault(event.article_id, []).append(event)
    return [doc(article, *events) for article, events in sorted(by_article.items())]


def _stored(url: str) -> list:
    with open_store(url) as store:
        found = store.events()
        members = {e.id: sorted(s.article_id for s in e.sources) for e in found}
        # every report leads to the event it was merged into
        for event in found:
            for source in event.sources:
                assert source.article_id in members[event.id]
    return sorted(found, key=lambda e: e.id)


@pytest.mark.parametrize("seed", [11, 12])
def test_any_ingest_order_and_batching_gives_the_events_of_merging_everything(db_url, seed, tmp_path):  # noqa: F811
    docs = _documents(seed)
    expected = sorted(merge_events(e for d in docs for e in d.events), key=lambda e: e.id)
    assert len(expected) < sum(len(d.events) for d in docs)  # the reports do merge
    # the fixture's database: one batch per document, in a shuffled order
    shuffled = docs[:]
    random.Random(seed).shuffle(shuffled)
    with open_store(db_url) as store:
        for d in shuffled:
            store.add_documents([d])
    assert _stored(db_url) == expected
    # SQLite files: everything in one call, and reversed in uneven batches
    one_run = f"sqlite:///{tmp_path / 'one.db'}"
    with open_store(one_run) as store:
        store.add_documents(docs, batch_size=len(docs))
    assert _stored(one_run) == expected
    batches = f"sqlite:///{tmp_path / 'batches.db'}"
    with open_store(batches) as store:
        reverse = docs[::-1]
        for start in range(0, len(reverse), 4):
            store.add_documents(reverse[start : start + 4], batch_size=3)
    assert _stored(batches) == expected


def test_acled_rows_are_never_merged_with_each_other(tmp_path):
    """Two coded rows of one day, place and type are two events (ACLED coded them
    apart); an extracted report of that day joins one of them, and only one."""
    import copy
    import csv

    from learn_fixture import write_export

    from flashpoint.learn.acled_documents import acled_documents

    export = write_export(tmp_path / "e.csv", "new", 2)
    with export.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    twin = dict(rows[1], event_id_cnty="TST9")
    with export.open("a", encoding="utf-8", newline="") as handle:
        csv.DictWriter(handle, fieldnames=list(rows[0])).writerow(twin)
    coded = list(acled_documents(export))
    assert len(coded) == 3
    clash = coded[1].events[0]
    news = copy.deepcopy(clash)
    news.id, news.article_id, news.classified_by = "news-1:e0", "news-1", "rules"
    news.sources = []
    with open_store(f"sqlite:///{tmp_path / 'coded.db'}") as store:
        store.add_documents(coded)
        assert len(store.events()) == 3
        store.add_documents([doc("news-1", news)])
        events = store.events()
    assert len(events) == 3  # the report joined one row; the twin rows stayed apart
    groups = sorted(sorted(s.article_id for s in e.sources) for e in events)
    assert sum("news-1" in g for g in groups) == 1
    assert all(sum(a.startswith("acled:") for a in g) == 1 for g in groups)


def test_migration_0003_gives_stored_reports_the_current_blocking_keys(tmp_path):
    """A database built before the country-wide and admin1-wide keys: after the
    migration a country-wide report finds the located report stored before."""
    from importlib import import_module

    import sqlalchemy as sa
    from test_merge import make_event

    from flashpoint.model import Place

    url = f"sqlite:///{tmp_path / 'old.db'}"
    with open_store(url) as store:
        store.add_documents([doc("a1", make_event("a1", killed=5))])
        with store.engine.begin() as conn:  # what an older version stored: no country key
            conn.execute(sa.text("DELETE FROM merge_blocks WHERE key LIKE '%|country|%'"))
            rekey = import_module("flashpoint.store.migrations.versions.0003_merge_block_keys").rekey
            assert rekey(conn) > 0
            keys = set(conn.scalars(sa.text("SELECT key FROM merge_blocks")))
        assert any("|country|SY" in k for k in keys)
        store.add_documents([doc("x1", make_event("x1", place=Place("Syria", "Syria", "country", "SY"), killed=5))])
        assert [sorted(s.article_id for s in e.sources) for e in store.events()] == [["a1", "x1"]]
