"""The store's incremental merge (``flashpoint.merge.incremental``): adding reports in any
batches gives exactly ``cluster`` of all of them, and a batch replays only the decisions
near its reports, not its whole connected component."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace

import pytest
from test_merge import GUNMEN, SYRIA, TOWNS, TURKEY, make_event, random_reports, region
from test_store import doc

from flashpoint.merge import cluster, components, merge_events
from flashpoint.merge.combine import event_order
from flashpoint.merge.incremental import MemoryView, remerge
from flashpoint.model import Place
from flashpoint.store import open_store


def varied_reports(seed: int, n: int) -> list:
    """Three weeks around three towns: exact days (some at night), ranges (some inferred
    from publication), towns named like their province, admin1 and country-wide places."""
    rnd = random.Random(seed)
    reports = []
    for i in range(n):
        country, admin1, lat, lon, _ = TOWNS[rnd.choice(["Taftanaz", "Kharkiv", "Saraqib"])]
        draw = rnd.random()
        if draw < 0.1:
            place = Place(country, country, "country", country)
        elif draw < 0.25:
            place = region(admin1, country)
        elif draw < 0.35:
            place = Place(admin1, admin1, "town", country, admin1, lat, lon)
        else:
            place = Place("p", "p", "town", country, admin1, lat + rnd.uniform(-0.08, 0.08), lon + rnd.uniform(-0.08, 0.08),
                          rnd.choice([None, 1, 2]))
        day = dt.date(2020, 3, 1) + dt.timedelta(days=rnd.randint(0, 20))
        until = (day + dt.timedelta(days=rnd.choice([1, 6]))).isoformat() if rnd.random() < 0.25 else None
        report = make_event(f"a{rnd.randrange(max(2, n // 2)):03d}", i, place=place, day=day.isoformat(), until=until,
                            kind=rnd.choice(["airstrike", "attack", "shelling", "armed clash"]),
                            killed=rnd.choice([None, 2, 3, 5, 8, 12]), actor1=rnd.choice([None, SYRIA, TURKEY, GUNMEN]),
                            actor2=rnd.choice([None, None, SYRIA]), date_text=rnd.choice(["on Monday", "overnight"]))
        if until and rnd.random() < 0.4:
            report.date = replace(report.date, inferred_from="publication date")
        reports.append(report)
    return reports


def _partition(groups) -> list[list[str]]:
    return sorted(sorted(e.id for e in g) for g in groups)


@pytest.mark.parametrize("seed", range(40))
def test_batches_in_any_order_give_the_groups_of_clustering_everything(seed):
    rnd = random.Random(seed)
    reports = (varied_reports if seed % 2 else random_reports)(seed, rnd.choice([40, 80, 160]))
    by_article: dict[str, list] = {}
    for report in reports:
        by_article.setdefault(report.article_id, []).append(report)
    articles = sorted(by_article)
    rnd.shuffle(articles)
    groups: list[list] = []
    start = 0
    while start < len(articles):
        size = rnd.choice([1, 1, 2, 3, 7])
        new = [r for a in articles[start : start + size] for r in by_article[a]]
        start += size
        result = remerge(new, MemoryView(groups, new))
        groups = [g for g in groups if min(g, key=event_order).id not in result.replaced] + result.groups
    assert _partition(groups) == _partition(cluster(reports))


def _long_series(days: int) -> list:
    """One report a day in Taftanaz from two outlets, and a province-wide "last week"
    report every third day: one connected component as long as the series."""
    start = dt.date(2020, 1, 1)
    reports = []
    for d in range(days):
        day = (start + dt.timedelta(days=d)).isoformat()
        reports += [make_event(f"t{d:03d}", day=day, killed=3), make_event(f"u{d:03d}", day=day, killed=4)]
        if d % 3 == 0:
            until = (start + dt.timedelta(days=d + 6)).isoformat()
            reports.append(make_event(f"w{d:03d}", place=region("Idlib"), day=day, until=until, date_text="last week"))
    return reports


@pytest.mark.parametrize("days", [60, 120])
def test_a_new_report_replays_its_neighbourhood_not_its_component(days, tmp_path):
    """A report in the middle of a long series: the component is the whole series, the
    reports looked at are those of a few weeks around it, however long the series."""
    series = _long_series(days)
    assert len(components(series)) == 1
    url = f"sqlite:///{tmp_path / 'series.db'}"
    with open_store(url) as store:
        by_article: dict[str, list] = {}
        for report in series:
            by_article.setdefault(report.article_id, []).append(report)
        store.add_documents([doc(a, *rs) for a, rs in sorted(by_article.items())], batch_size=25)
        late = make_event("late", day="2020-01-31", killed=3, date_text="overnight")
        store.add_documents([doc("late", late)])
        touched = store.last_remerge.looked_at
        assert sorted(store.events(), key=lambda e: e.id) == sorted(merge_events([*series, late]), key=lambda e: e.id)
    assert len(touched) <= 20  # of the 140 or 280 reports of the component (12 in both)
