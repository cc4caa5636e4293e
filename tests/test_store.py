"""The event store on SQLite and (when reachable) PostgreSQL, with hand-built documents."""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
import uuid

import pytest

from flashpoint.store.filters import FilterError
import sqlalchemy as sa
from test_merge import make_event

from flashpoint.merge import merge_events
from flashpoint.model import Actor, Article, Document, Place, Provenance, Quote
from flashpoint.store import EventFilter, open_store
from flashpoint.store.schema import metadata

PG_ADMIN_URL = "postgresql+psycopg://root@127.0.0.1:5432/test"


def _postgres_reachable() -> bool:
    try:
        engine = sa.create_engine(PG_ADMIN_URL, connect_args={"connect_timeout": 2})
        with engine.connect():
            pass
        engine.dispose()
        return True
    except Exception:  # noqa: BLE001 - any failure means: skip
        return False


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request, tmp_path):
    """A fresh, empty database URL: a SQLite file, or a new PostgreSQL schema dropped afterwards."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'events.db'}"
        return
    if not _postgres_reachable():
        pytest.skip("PostgreSQL is not reachable on 127.0.0.1:5432")
    schema = f"fp_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(PG_ADMIN_URL)
    with admin.begin() as conn:
        conn.execute(sa.text(f"CREATE SCHEMA {schema}"))
    try:
        yield f"postgresql://root@127.0.0.1:5432/test?options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(sa.text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


@pytest.fixture
def store(db_url):
    with open_store(db_url) as s:
        yield s


def doc(article_id: str, *events, url: str | None = None, quotes=(), text: str | None = None) -> Document:
    article = Article(id=article_id, text=text or f"Text of {article_id}.", date=dt.date(2020, 3, 2), url=url, source=f"{article_id}.txt")
    return Document(article=article, events=list(events), quotes=list(quotes))


def outlets() -> list[Document]:
    return [
        doc("a1", make_event("a1", killed=12), url="https://www.wire.example/a1"),
        doc("a2", make_event("a2", killed=14), url="https://daily.example/a2"),  # "yesterday", published next day
        doc("a3", make_event("a3", killed=10, qualifier="at least"), url="https://gazette.example/a3"),
    ]


def test_reports_of_one_event_are_merged_across_batches(store):
    docs = outlets()
    store.add_documents([docs[2]])
    store.add_documents([docs[0]])
    stats = store.add_documents([docs[1]])
    assert stats.articles == 1 and stats.events == 1
    [event] = store.events()
    assert event.fatalities.value == 10
    assert sorted((s.article_id, s.fatalities) for s in event.sources) == [("a1", 12), ("a2", 14), ("a3", 10)]
    assert {s.url for s in event.sources} == {d.article.url for d in docs}
    assert event.id == "a1:e0"
    assert store.event("a3:e0").id == "a1:e0"  # an extracted event's id finds its merged event
    assert store.counts()["event_sources"] == 3


def test_ingesting_twice_changes_nothing(store):
    first = store.add_documents(outlets())
    before = store.counts(), [e.id for e in store.events()]
    again = store.add_documents(outlets())
    assert (first.articles, first.skipped) == (3, 0)
    assert (again.articles, again.skipped, again.events) == (0, 3, 0)
    assert (store.counts(), [e.id for e in store.events()]) == before
    # Same URL with different text is the same article too.
    stats = store.add_documents([doc("other", url="https://daily.example/a2", text="Updated text.")])
    assert stats.skipped == 1 and not store.has_article("other")


def test_incremental_merge_equals_merging_everything_at_once(store):
    rnd = random.Random(3)
    docs = []
    for i in range(40):
        name = rnd.choice(["Taftanaz", "Saraqib", "Aleppo", "Kharkiv"])
        day = (dt.date(2020, 3, 1) + dt.timedelta(days=rnd.randint(0, 6))).isoformat()
        kind = rnd.choice(["airstrike", "attack", "protest"])
        docs.append(doc(f"r{i:02d}", make_event(f"r{i:02d}", place=name, day=day, kind=kind, killed=rnd.randint(0, 9))))
    rnd.shuffle(docs)
    for start in range(0, len(docs), 7):
        store.add_documents(docs[start : start + 7], batch_size=3)
    expected = merge_events([e for d in docs for e in d.events])
    assert len(expected) < len(docs)  # the data really has duplicates
    stored = store.events()
    assert sorted(e.id for e in stored) == sorted(e.id for e in expected)
    by_id = {e.id: e for e in expected}
    for event in stored:
        assert event == by_id[event.id]


def test_a_new_report_joins_the_one_stored_event_it_fits_best(store):
    syria = Actor("Military Forces of Syria", "Syrian forces", "state forces", "SY")
    idlib = Place("Idlib", "Idlib province", "admin1", "SY", "Idlib")
    # two strikes in Taftanaz that day, tolls too far apart to be one
    store.add_documents([doc("a1", make_event("a1", killed=14, actor1=syria)), doc("b1", make_event("b1", killed=5))])
    assert store.count_events() == 2
    # "Syrian forces struck in Idlib on Monday" fits both; it joins the one it fits best, never both
    store.add_documents([doc("c1", make_event("c1", place=idlib, actor1=syria))])
    assert sorted(sorted(s.article_id for s in e.sources) for e in store.events()) == [["a1", "c1"], ["b1"]]
    assert store.event("c1:e0").id == "a1:e0"


def test_filters(store):
    syria = Actor("Military Forces of Syria", "Syrian government warplanes", "state forces", "SY")
    store.add_documents(
        [
            doc("a1", make_event("a1", killed=12, actor1=syria)),
            doc("k1", make_event("k1", place="Kharkiv", kind="protest", day="2022-05-01")),
            doc("m1", make_event("m1", place="Maiduguri", kind="attack", killed=5, day="2021-06-10")),
        ]
    )

    def ids(**kw):
        flt = EventFilter(**kw)
        found = [e.article_id for e in store.events(flt)]
        assert store.count_events(flt) == len(found)
        return found

    assert ids() == ["a1", "m1", "k1"]  # by date
    assert ids(country="SY") == ids(country="syria") == ["a1"]
    with pytest.raises(FilterError, match="Atlantis"):  # a name that is no country is an error, not "no events"
        ids(country="Atlantis")
    assert ids(country="SYR") == ["a1"]  # ISO alpha-3, as ACLED and GDELT write it
    assert ids(admin1="borno") == ["m1"]
    assert ids(event_type="Protests") == ids(event_type="peaceful protest") == ["k1"]
    assert ids(since=dt.date(2021, 1, 1)) == ["m1", "k1"]
    assert ids(until=dt.date(2021, 6, 10)) == ["a1", "m1"]
    assert ids(actor="warplanes") == ids(actor="forces of syria") == ["a1"]
    assert ids(near=(36.0, 36.8, 5)) == ["a1"]
    assert ids(near=(36.0, 37.2, 5)) == []  # Taftanaz is ~37 km away
    assert ids(min_fatalities=6) == ["a1"]
    assert ids(country="NG", min_fatalities=1) == ["m1"]
    assert [e.article_id for e in store.events(limit=1, offset=1)] == ["m1"]


def test_stats(store):
    store.add_documents(outlets() + [doc("k1", make_event("k1", place="Kharkiv", kind="protest", day="2020-03-12"))])
    stats = store.stats()
    assert stats["total"] == 2
    assert stats["by_week"] == [
        {"week": "2020-03-02", "events": 1, "fatalities": 10},
        {"week": "2020-03-09", "events": 1, "fatalities": 0},
    ]
    assert stats["by_type"] == {"Explosions/Remote violence": 1, "Protests": 1}
    assert stats["by_country"] == {"SY": 1, "UA": 1}
    assert store.stats(EventFilter(country="UA"))["total"] == 1


def test_errors_table(store):
    store.record_error("bad/empty.txt", "no article text after cleaning")
    store.record_error("bad/empty.txt", "no article text after cleaning")  # again: recorded once
    store.record_error("x.jsonl:2", "not valid JSON")
    errors = store.errors()
    assert [(e["source"], e["reason"]) for e in errors] == [
        ("bad/empty.txt", "no article text after cleaning"),
        ("x.jsonl:2", "not valid JSON"),
    ]
    assert all(e["created_at"] for e in errors)


def test_articles_and_quotes(store):
    text = 'The minister said: "We will respond." Nothing else.'
    prov = Provenance("q1", text, 0, 37, 20, 36, 0.9)
    quote = Quote("q1:q0", "q1", "We will respond.", prov, 0.9, speaker="Mevlut Cavusoglu", role="foreign minister")
    store.add_documents([doc("q1", quotes=[quote], text=text)])
    article = store.article("q1")
    assert article.text == text and article.date == dt.date(2020, 3, 2)
    assert store.article("missing") is None
    assert store.quotes(speaker="cavusoglu") == [quote]
    assert store.quotes(speaker="erdogan") == []
    assert store.quotes(article_id="q1")[0].text == text[prov.start : prov.end]


def test_migrations_match_the_schema(store):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
        version = conn.scalar(sa.text("SELECT version_num FROM alembic_version"))
    assert diff == []
    assert version == "0003"


def test_sqlite_file_is_wal_with_a_flat_events_view(tmp_path):
    path = tmp_path / "flat.db"
    with open_store(str(path)) as store:
        store.add_documents(outlets())
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        conn.row_factory = sqlite3.Row
        rows = [dict(r) for r in conn.execute("SELECT * FROM events_flat")]
    assert len(rows) == 1
    row = rows[0]
    assert (row["event_date"], row["country"], row["location"], row["fatalities"], row["geo_precision"]) == (
        "2020-03-02",
        "Syria",
        "Taftanaz",
        10,
        1,
    )
    assert row["source"] == "daily.example; gazette.example; wire.example"
    # ACLED's 31 columns in ACLED's order, with the values the CSV export writes
    from flashpoint.store.export import ACLED_COLUMNS, acled_row

    assert list(row)[:31] == ACLED_COLUMNS
    with open_store(str(path)) as store:
        [event] = store.events()
    expected = acled_row(event)
    for column in ACLED_COLUMNS:
        value = expected[column]
        assert row[column] == (float(value) if column in ("latitude", "longitude") and value is not None else value), column
    assert row["evidence"] == event.evidence.sentence and row["event_id"] == event.id


def test_outlet_names_from_jsonl_and_html_metadata_are_the_source_column(tmp_path):
    from flashpoint.text.readers import read_records

    lines = tmp_path / "wire.jsonl"
    lines.write_text('{"text": "Shelling hit a market.", "outlet": "Wire Example", "url": "https://w.example/1"}\n'
                     '{"text": "Troops clashed near a bridge.", "source": "Daily Example"}\n'
                     '{"text": "A convoy was ambushed.", "url": "https://www.gazette.example/x"}\n', encoding="utf-8")
    page = tmp_path / "page.html"
    page.write_text('<html><head><meta property="og:site_name" content="  The Ledger  ">'
                    "<title>Clash</title></head><body><article><p>Two groups clashed in the old quarter of the "
                    "city on Sunday, residents said, and several shops were burned during the fighting."
                    "</p></article></body></html>", encoding="utf-8")
    read = [a.outlet for a in read_records(str(lines))] + [a.outlet for a in read_records(str(page))]
    assert read == ["Wire Example", "Daily Example", None, "The Ledger"]
    docs = outlets()
    docs[0].article.outlet = "Wire Example"  # the others are known by their web site only
    with open_store(str(tmp_path / "o.db")) as store:
        store.add_documents(docs)
        [event] = store.events()
        assert store.article("a1").outlet == "Wire Example"
    assert sorted(s.outlet or "" for s in event.sources) == ["", "", "Wire Example"]
    with sqlite3.connect(tmp_path / "o.db") as conn:
        assert conn.execute("SELECT source FROM events_flat").fetchone()[0] == "Wire Example; daily.example; gazette.example"


def test_a_database_from_the_first_schema_gets_the_acled_columns(tmp_path):
    from alembic import command
    from alembic.config import Config

    from flashpoint.store import MIGRATIONS
    from flashpoint.store.export import acled_row
    from flashpoint.store.rows import event_row

    path = tmp_path / "old.db"
    engine = sa.create_engine(f"sqlite:///{path}")
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
        [merged] = merge_events([d.events[0] for d in outlets()])
        row = {k: v for k, v in event_row(merged).items() if k not in ("event_id_cnty", "year", "time_precision",
               "disorder_type", "inter1", "inter2", "interaction", "civilian_targeting", "iso", "summary")}
        conn.execute(sa.text(f"INSERT INTO events ({', '.join(row)}) VALUES ({', '.join(':' + k for k in row)})"), row)
    engine.dispose()
    with open_store(str(path)):
        pass
    with sqlite3.connect(path) as conn:
        conn.row_factory = sqlite3.Row
        [flat] = [dict(r) for r in conn.execute("SELECT * FROM events_flat")]
    assert flat["event_id_cnty"] == acled_row(merged)["event_id_cnty"] and flat["event_id_cnty"].startswith("SYR")
    assert flat["notes"] == acled_row(merged)["notes"] and flat["year"] == 2020


def test_unreachable_database_is_one_line_error():
    from flashpoint.errors import InputError

    with pytest.raises(InputError) as info:
        open_store("/no/such/folder/x.db")
    assert "\n" not in str(info.value)
    assert "/no/such/folder" in str(info.value)


def test_map_view_cells_and_stats_add_up_on_every_database(store):
    import sys
    from pathlib import Path

    from flashpoint.store.mapview import map_view

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from synthetic_events import synthetic_documents

    store.add_documents(synthetic_documents(300, seed=5, days=3650))
    events = store.events()
    dead = sum(e.fatalities.value for e in events if e.fatalities)
    with store.engine.connect() as conn:
        cells = map_view(conn, EventFilter(), zoom=3, max_features=50)["clusters"]
        points = map_view(conn, EventFilter(bbox=(36.0, 33.0, 41.0, 36.8)), zoom=6, max_features=1000)
    assert sum(c["count"] for c in cells) == len(events) and sum(c["fatalities"] for c in cells) == dead
    syria = {e.id for e in events if e.place.country == "SY"}
    assert {f["id"] for f in points["features"]["features"]} == syria and points["total"] == len(syria)
    stats = store.stats()
    assert stats["total"] == stats["located"] == len(events)
    assert sum(w["events"] for w in stats["by_week"]) == len(events)
    assert sum(w["fatalities"] for w in stats["by_week"]) == dead
