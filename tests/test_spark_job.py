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


def _spark_dedup(spark, events: list[Event], driver_edge_limit: int) -> list[dict]:
    from flashpoint.spark.dedup import dedup_events

    jsons = spark.sparkContext.parallelize([json.dumps(to_dict(e)) for e in events], 3)
    merged = dedup_events(jsons, driver_edge_limit=driver_edge_limit).collect()
    return sorted((to_dict(e) for e in merged), key=lambda d: d["id"])


def _local_merge(events: list[Event]) -> list[dict]:
    return sorted((to_dict(e) for e in merge_events(events)), key=lambda d: d["id"])


# 0: components by label propagation in Spark; 10**6: union-find on the driver.
@pytest.mark.parametrize("driver_edge_limit", [0, 10**6])
def test_dedup_joins_a_chain_across_blocks(spark, driver_edge_limit):
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
    got = _spark_dedup(spark, events, driver_edge_limit)
    assert got == _local_merge(events)
    sources = sorted(sorted({s["article_id"] for s in e["sources"]}) for e in got)
    assert sources == [["a1", "a2", "a3"], ["a4"], ["a5"]]


@pytest.mark.parametrize("driver_edge_limit", [0, 10**6])
def test_dedup_equals_local_merge_on_random_events(spark, driver_edge_limit):
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
    got = _spark_dedup(spark, events, driver_edge_limit)
    assert got == _local_merge(events)
    assert len(got) < len(events)  # the data does contain merges


def _event_key(event_type, sub_event_type, date, place, fatalities, source_ids) -> tuple:
    return (event_type, sub_event_type, date, place, fatalities, tuple(sorted(source_ids)))


def _local_pipeline(path: Path) -> tuple[set, set, list]:
    """Events and quotes of the local pipeline (read_records -> extract_articles -> merge_events)."""
    from flashpoint import extract_articles, text
    from flashpoint.spark.rows import source_article_ids

    read = list(text.read_records(str(path)))
    articles = [r for r in read if not isinstance(r, Exception)]
    docs = list(extract_articles(articles))
    merged = merge_events(e for d in docs for e in d.events)
    events = {
        _event_key(
            e.event_type,
            e.sub_event_type,
            e.date.start.isoformat() if e.date else None,
            e.place.name if e.place else None,
            e.fatalities.value if e.fatalities else None,
            source_article_ids(e),
        )
        for e in merged
    }
    quotes = {(q.article_id, q.text, q.speaker) for d in docs for q in d.quotes}
    return events, quotes, articles


def test_job_equals_the_local_pipeline(spark, tmp_path):
    from flashpoint.spark.job import run_job

    source = DATA / "articles.jsonl"
    out = tmp_path / "out"
    summary = run_job(spark, str(source), str(out))

    local_events, local_quotes, local_articles = _local_pipeline(source)
    assert local_events, "the local pipeline found no events in the test articles"

    events = spark.read.parquet(str(out / "events")).collect()
    got = {
        _event_key(r.event_type, r.sub_event_type, r.event_date, r.location, r.fatalities, json.loads(r.source_article_ids))
        for r in events
    }
    assert got == local_events
    assert summary.events == len(events) == len(local_events)

    quotes = spark.read.parquet(str(out / "quotes")).collect()
    assert {(q.article_id, q.text, q.speaker) for q in quotes} == local_quotes

    # Partitioned by event month; undated events in month=unknown.
    months = {p.name for p in (out / "events").iterdir() if p.name.startswith("month=")}
    assert months == {f"month={r.month}" for r in events}
    assert {r.month for r in events} == {r.event_date[:7] if r.event_date else "unknown" for r in events}

    articles = {r.record_id: r.article_id for r in spark.read.parquet(str(out / "articles")).collect()}
    assert sorted(articles.values()) == sorted(a.id for a in local_articles)
    errors = {r.article_id: r for r in spark.read.parquet(str(out / "errors")).collect()}
    assert set(errors) == {"no-text", "bad-date"} and summary.errors == 2


def test_job_reads_parquet_input_like_json_lines(spark, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    from flashpoint.spark.job import run_job

    rows = [json.loads(line) for line in (DATA / "articles.jsonl").read_text().splitlines()]
    readable = [r for r in rows if r["id"] not in ("no-text", "bad-date")]
    table = pa.table(
        {
            "id": [r["id"] for r in readable],
            "text": [r["text"] for r in readable],
            "date": [dt.date.fromisoformat(r["date"]) if r.get("date") else None for r in readable],
            "url": [r.get("url") for r in readable],
        }
    )
    pq.write_table(table, tmp_path / "articles.parquet")
    run_job(spark, str(tmp_path / "articles.parquet"), str(tmp_path / "from_parquet"))
    run_job(spark, str(DATA / "articles.jsonl"), str(tmp_path / "from_json"))

    def event_rows(name):
        frame = spark.read.parquet(str(tmp_path / name / "events"))
        return sorted(tuple(r) for r in frame.drop("event_json", "sources_json").collect())

    assert event_rows("from_parquet") == event_rows("from_json")


def test_missing_text_column_is_an_input_error(spark, tmp_path):
    from flashpoint.errors import InputError
    from flashpoint.spark.job import run_job

    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1, "body": "no text column"}\n')
    with pytest.raises(InputError, match="no 'text' column"):
        run_job(spark, str(bad), str(tmp_path / "out"))
