"""The Spark job in local[2]: dedup equals the local merge; the job equals the local pipeline.

Skipped when Java or pyspark is missing (scripts/install_java.sh installs Java).
"""

from __future__ import annotations

import datetime as dt
import json
import random
import shutil
from pathlib import Path

import pytest

pytestmark = pytest.mark.spark
pytest.importorskip("pyspark")
if shutil.which("java") is None:
    pytest.skip("no java on PATH (run scripts/install_java.sh)", allow_module_level=True)

from flashpoint.merge import blocking_keys, merge_events  # noqa: E402
from flashpoint.model import Event, EventDate, Place, Provenance, to_dict  # noqa: E402

DATA = Path(__file__).parent / "data" / "spark"


@pytest.fixture(scope="module")
def spark():
    from flashpoint.spark.session import get_session

    session = get_session("local[2]")
    yield session
    session.stop()


def _event(
    article: str, n: int, event_type: str, lat: float | None, lon: float | None, day: str | None, until: str | None = None
) -> Event:
    sentence = f"Report {n} of {article}."
    evidence = Provenance(article, sentence, 0, len(sentence), 0, 6, 0.8)
    place = None
    if lat is not None:
        place = Place(name=f"P{lat:.2f},{lon:.2f}", text="x", precision="town", country="SY", admin1=None, lat=lat, lon=lon)
    date = None
    if day:
        start = dt.date.fromisoformat(day)
        date = EventDate(start, dt.date.fromisoformat(until) if until else start)
    return Event(
        id=f"{article}:e{n}",
        article_id=article,
        event_type=event_type,
        sub_event_type="Armed clash" if event_type == "Battles" else "Shelling/artillery/missile attack",
        evidence=evidence,
        confidence=0.8,
        place=place,
        date=date,
    )


def _spark_dedup(spark, events: list[Event]) -> list[dict]:
    from flashpoint.spark.dedup import dedup_events

    jsons = spark.sparkContext.parallelize([json.dumps(to_dict(e)) for e in events], 3)
    return sorted((to_dict(e) for e in dedup_events(jsons).collect()), key=lambda d: d["id"])


def _local_merge(events: list[Event]) -> list[dict]:
    return sorted((to_dict(e) for e in merge_events(events)), key=lambda d: d["id"])


def test_dedup_joins_a_chain_across_blocks(spark):
    # a-b and b-c match (b is dated "last week", overlapping both) but a and c share no
    # block (7-day buckets): one event, found only by joining the clusters of two blocks.
    a = _event("a1", 0, "Battles", 35.90, 36.60, "2020-02-12")
    b = _event("a2", 0, "Explosions/Remote violence", 35.95, 36.62, "2020-02-13", until="2020-02-17")
    c = _event("a3", 0, "Battles", 36.00, 36.64, "2020-02-18")
    far = _event("a4", 0, "Battles", 33.50, 36.30, "2020-02-13")  # Damascus: its own event
    undated = _event("a5", 0, "Battles", 35.90, 36.60, None)
    same_article = _event("a1", 1, "Battles", 35.90, 36.60, "2020-02-12")  # joins a via b
    assert not set(blocking_keys(a)) & set(blocking_keys(c))
    events = [a, b, c, far, undated, same_article]
    got = _spark_dedup(spark, events)
    assert got == _local_merge(events)
    sources = sorted(sorted({s["article_id"] for s in e["sources"]}) for e in got)
    assert sources == [["a1", "a2", "a3"], ["a4"], ["a5"]]


def test_dedup_equals_local_merge_on_random_events(spark):
    rng = random.Random(6)
    start = dt.date(2020, 2, 1)
    events = []
    for i in range(120):
        undated = rng.random() < 0.05
        unplaced = rng.random() < 0.05
        events.append(
            _event(
                f"r{rng.randrange(40)}",
                i,
                rng.choice(["Battles", "Explosions/Remote violence", "Protests"]),
                None if unplaced else 35.5 + rng.random(),
                None if unplaced else 36.0 + rng.random(),
                None if undated else (start + dt.timedelta(days=rng.randrange(30))).isoformat(),
            )
        )
    got = _spark_dedup(spark, events)
    assert got == _local_merge(events)
    assert len(got) < len(events)  # the data does contain merges
