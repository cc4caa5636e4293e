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
CORPUS = Path(__file__).parent / "corpus"


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
    # a-b and b-c are compatible (b is dated "last week", overlapping both) but a and c
    # share no block (7-day buckets): one component, found only by joining the components
    # of two blocks. b joins one event only; a and c stay apart.
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
    assert len(got) == 5 and sorted(len(s) for s in sources) == [1, 1, 1, 1, 2]
    assert not any({"a1", "a3"} <= set(s) for s in sources) and ["a4"] in sources and ["a5"] in sources


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
    # "" for None so that keys sort.
    fields = (event_type, sub_event_type, date, place)
    return (*(f or "" for f in fields), -1 if fatalities is None else fatalities, tuple(sorted(source_ids)))


def _corpus_articles():
    """The articles of tests/corpus (txt, html, jsonl, jsonl.gz) as the local readers read them."""
    from flashpoint import text

    found = []
    for path in text.iter_input_files([str(CORPUS)]):
        found.extend(r for r in text.read_records(path) if not isinstance(r, Exception))
    return found


@pytest.fixture(scope="module")
def corpus_run(spark, tmp_path_factory):
    """One Spark run over tests/corpus plus tests/data/spark, and the local pipeline on the same articles.

    The corpus articles are given to Spark as JSON lines of their cleaned text
    (Spark reads JSON lines or Parquet, not HTML); tests/data/spark adds raw
    records, an undated article and two unreadable records.
    """
    from flashpoint import extract_articles, text
    from flashpoint.spark.job import run_job

    work = tmp_path_factory.mktemp("spark")
    corpus = _corpus_articles()
    assert len(corpus) >= 15, "tests/corpus is missing articles"
    records = [
        {"id": f"corpus-{i}", "text": a.text, "date": a.date.isoformat() if a.date else None, "url": a.url, "title": a.title}
        for i, a in enumerate(corpus)
    ]
    records += [json.loads(line) for line in (DATA / "articles.jsonl").read_text().splitlines()]
    source = work / "articles.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in records))

    out = work / "out"
    summary = run_job(spark, str(source), str(out))

    own = [r for r in text.read_records(str(DATA / "articles.jsonl")) if not isinstance(r, Exception)]
    articles = corpus + own
    docs = list(extract_articles(articles))
    return {"records": records, "out": out, "summary": summary, "articles": articles, "docs": docs}


def _local_events(docs) -> list:
    """Merged events as sorted keys (a list, so two events with the same key both count)."""
    from flashpoint.spark.rows import source_article_ids

    return sorted(
        _event_key(
            e.event_type,
            e.sub_event_type,
            (e.date.day or e.date.start).isoformat() if e.date else None,  # ACLED's event_date
            e.place.name if e.place else None,
            e.fatalities.value if e.fatalities else None,
            source_article_ids(e),
        )
        for e in merge_events(e for d in docs for e in d.events)
    )


def _spark_events(spark, folder: Path) -> list:
    rows = spark.read.parquet(str(folder / "events")).collect()
    return sorted(
        _event_key(
            r.event_type,
            r.sub_event_type,
            r.event_date.isoformat() if r.event_date else None,
            r.location,
            # the ACLED column codes "none reported" as 0; the event itself keeps it unknown
            r.fatalities if r.fatalities_qualifier is not None else None,
            json.loads(r.source_article_ids),
        )
        for r in rows
    )


def test_job_events_equal_the_local_pipeline(spark, corpus_run):
    local = _local_events(corpus_run["docs"])
    assert len(local) >= 5, "the local pipeline found too few events to compare"
    assert any(len(key[-1]) >= 2 for key in local), "no cross-article merge in the local result"
    assert _spark_events(spark, corpus_run["out"]) == local
    assert corpus_run["summary"].events == len(local)
    article_events = spark.read.parquet(str(corpus_run["out"] / "article_events")).count()
    assert article_events == sum(len(d.events) for d in corpus_run["docs"])


def test_job_quotes_articles_and_errors(spark, corpus_run):
    out, docs = corpus_run["out"], corpus_run["docs"]
    quotes = spark.read.parquet(str(out / "quotes")).collect()
    assert {(q.article_id, q.text, q.speaker) for q in quotes} == {
        (q.article_id, q.text, q.speaker) for d in docs for q in d.quotes
    }
    articles = spark.read.parquet(str(out / "articles")).collect()
    assert sorted(r.article_id for r in articles) == sorted(a.id for a in corpus_run["articles"])
    assert {r.record_id for r in articles} == {r["id"] for r in corpus_run["records"]} - {"no-text", "bad-date"}
    errors = {r.article_id: r for r in spark.read.parquet(str(out / "errors")).collect()}
    assert set(errors) == {"no-text", "bad-date"}
    assert "bad date" in errors["bad-date"].error and errors["no-text"].stage == "read"


def test_events_are_partitioned_by_month(spark, corpus_run):
    folder = corpus_run["out"] / "events"
    rows = spark.read.parquet(str(folder)).collect()
    months = {r.month for r in rows}
    assert {p.name for p in folder.iterdir() if p.name.startswith("month=")} == {f"month={m}" for m in months}
    assert months == {r.event_date.strftime("%Y-%m") if r.event_date else "unknown" for r in rows}
    assert "unknown" in months  # the undated article in tests/data/spark


def test_parquet_input_gives_the_same_events(spark, corpus_run, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    from flashpoint.spark.job import run_job

    records = [r for r in corpus_run["records"] if r["id"] not in ("no-text", "bad-date")]
    table = pa.table(
        {
            "id": [r["id"] for r in records],
            "text": [r["text"] for r in records],
            "date": [dt.date.fromisoformat(r["date"]) if r.get("date") else None for r in records],  # a Parquet date
            "url": [r.get("url") for r in records],
        }
    )
    pq.write_table(table, tmp_path / "articles.parquet")
    summary = run_job(spark, str(tmp_path / "articles.parquet"), str(tmp_path / "out"), partitions=3)
    assert summary.errors == 0
    assert _spark_events(spark, tmp_path / "out") == _spark_events(spark, corpus_run["out"])


def test_records_without_text_are_errors_and_parquet_without_text_is_an_input_error(spark, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    from flashpoint.errors import InputError
    from flashpoint.spark.job import run_job

    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1, "body": "no text field"}\n{"id": 2, "text": "truncated\n')
    summary = run_job(spark, str(bad), str(tmp_path / "out"))
    assert (summary.articles, summary.errors) == (0, 2)
    errors = {r.article_id: r.error for r in spark.read.parquet(str(tmp_path / "out" / "errors")).collect()}
    assert "no 'text' field" in errors["1"]
    assert "not valid JSON" in errors[None] and "truncated" in errors[None]

    pq.write_table(pa.table({"id": ["1"], "body": ["no text column"]}), tmp_path / "bad.parquet")
    with pytest.raises(InputError, match="no 'text' column"):
        run_job(spark, str(tmp_path / "bad.parquet"), str(tmp_path / "out2"))
