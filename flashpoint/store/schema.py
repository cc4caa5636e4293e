"""The database schema (SQLAlchemy Core). Migrations in ``migrations/`` build it.

Plain tables so the SQLite file reads well in Datasette or pandas:

- ``articles``: one row per ingested article, with its cleaned text.
- ``event_sources``: one row per article's report of an event (the extracted
  event, with its evidence span and figures); ``event_id`` is the merged event.
- ``events``: merged events with flattened columns (ACLED names where they exist).
- ``actors``, ``places``: the merged events' actors and places, one row each.
- ``quotes``: attributed quotes. ``errors``: inputs that could not be ingested.
- ``merge_blocks``: blocking keys of each report (how new reports find old ones).
- view ``events_flat``: ACLED's 31 export columns in ACLED's order, then
  flashpoint's own (as the CSV export, minus the per-source lists).
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

articles = Table(
    "articles",
    metadata,
    Column("id", String(128), primary_key=True),
    Column("url", Text, index=True),
    Column("title", Text),
    Column("source", Text),
    Column("outlet", Text),
    Column("date", Date),
    Column("text", Text, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)

events = Table(
    "events",
    metadata,
    Column("id", String(160), primary_key=True),
    Column("event_date", Date, index=True),
    Column("date_end", Date),
    Column("event_type", String(64), index=True),
    Column("sub_event_type", String(64)),
    Column("actor1", Text),
    Column("actor1_kind", String(32)),
    Column("actor1_country", String(2)),
    Column("actor2", Text),
    Column("actor2_kind", String(32)),
    Column("actor2_country", String(2)),
    Column("country_code", String(2), index=True),
    Column("country", Text),
    Column("admin1", Text),
    Column("location", Text),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("geo_precision", String(16)),
    Column("geonameid", Integer),
    Column("fatalities", Integer),
    Column("fatalities_qualifier", String(16)),
    Column("injuries", Integer),
    Column("confidence", Float),
    Column("notes", Text),
    Column("source", Text),
    Column("source_count", Integer, nullable=False),
    Column("article_id", String(128), nullable=False),
    Column("data", Text, nullable=False),  # the merged Event as JSON (model.to_dict)
    # ACLED's export columns that are not plain fields (migration 0002); notes = the evidence sentence
    Column("event_id_cnty", String(40)),
    Column("year", Integer),
    Column("time_precision", Integer),
    Column("disorder_type", String(32)),
    Column("inter1", String(32)),
    Column("inter2", String(32)),
    Column("interaction", String(80)),
    Column("civilian_targeting", String(32)),
    Column("iso", Integer),
    Column("summary", Text),  # ACLED's notes: one sentence from the coded fields
)

event_sources = Table(
    "event_sources",
    metadata,
    Column("id", String(160), primary_key=True),  # the extracted event's id
    Column("event_id", String(160), nullable=False, index=True),  # merged event
    Column("article_id", String(128), ForeignKey("articles.id"), nullable=False, index=True),
    Column("url", Text),
    Column("event_type", String(64)),
    Column("sub_event_type", String(64)),
    Column("event_date", Date),
    Column("date_end", Date),
    Column("fatalities", Integer),
    Column("injuries", Integer),
    Column("sentence", Text),
    Column("sentence_start", Integer),
    Column("sentence_end", Integer),
    Column("evidence_start", Integer),
    Column("evidence_end", Integer),
    Column("confidence", Float),
    Column("data", Text, nullable=False),  # the extracted Event as JSON
)

merge_blocks = Table(
    "merge_blocks",
    metadata,
    Column("key", String(255), primary_key=True),
    Column("report_id", String(160), primary_key=True),
)

actors = Table(
    "actors",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(160), nullable=False, index=True),
    Column("role", String(8), nullable=False),  # actor1 | actor2
    Column("name", Text, nullable=False),
    Column("text", Text),
    Column("kind", String(32)),
    Column("country", String(2)),
)

places = Table(
    "places",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(160), nullable=False, index=True),
    Column("name", Text, nullable=False),
    Column("text", Text),
    Column("precision", String(16)),
    Column("country", String(2)),
    Column("admin1", Text),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("geonameid", Integer),
)

quotes = Table(
    "quotes",
    metadata,
    Column("id", String(160), primary_key=True),
    Column("article_id", String(128), ForeignKey("articles.id"), nullable=False, index=True),
    Column("text", Text, nullable=False),
    Column("speaker", Text),
    Column("role", Text),
    Column("start", Integer),
    Column("end", Integer),
    Column("confidence", Float),
    Column("data", Text, nullable=False),  # the Quote as JSON
)

errors = Table(
    "errors",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

Index("ix_quotes_speaker", quotes.c.speaker)
Index("ix_events_latitude_longitude", events.c.latitude, events.c.longitude)
