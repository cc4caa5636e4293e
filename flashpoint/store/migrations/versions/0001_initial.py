"""Initial schema: articles, events, event_sources, actors, places, quotes, errors.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op


revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_TZ = sa.DateTime(timezone=True)

# ACLED geo_precision: 1 = the town itself, 3 = a larger region only.
EVENTS_FLAT_SQL = """
CREATE VIEW events_flat AS
SELECT
    e.id AS event_id_cnty,
    e.event_date AS event_date,
    e.event_type AS event_type,
    e.sub_event_type AS sub_event_type,
    e.actor1 AS actor1,
    e.actor2 AS actor2,
    e.country AS country,
    e.country_code AS country_code,
    e.admin1 AS admin1,
    e.location AS location,
    e.latitude AS latitude,
    e.longitude AS longitude,
    CASE e.geo_precision WHEN 'town' THEN 1 WHEN 'admin1' THEN 3 WHEN 'country' THEN 3 END AS geo_precision,
    e.fatalities AS fatalities,
    e.injuries AS injuries,
    e.notes AS notes,
    e.source AS source,
    e.source_count AS source_count,
    e.confidence AS confidence
FROM events e
"""


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String(128), primary_key=True),
        sa.Column("url", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("source", sa.Text),
        sa.Column("date", sa.Date),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("ingested_at", _TZ, nullable=False),
    )
    op.create_index("ix_articles_url", "articles", ["url"])
    op.create_table(
        "events",
        sa.Column("id", sa.String(160), primary_key=True),
        sa.Column("event_date", sa.Date),
        sa.Column("date_end", sa.Date),
        sa.Column("event_type", sa.String(64)),
        sa.Column("sub_event_type", sa.String(64)),
        sa.Column("actor1", sa.Text),
        sa.Column("actor1_kind", sa.String(32)),
        sa.Column("actor1_country", sa.String(2)),
        sa.Column("actor2", sa.Text),
        sa.Column("actor2_kind", sa.String(32)),
        sa.Column("actor2_country", sa.String(2)),
        sa.Column("country_code", sa.String(2)),
        sa.Column("country", sa.Text),
        sa.Column("admin1", sa.Text),
        sa.Column("location", sa.Text),
        sa.Column("latitude", sa.Float),
        sa.Column("longitude", sa.Float),
        sa.Column("geo_precision", sa.String(16)),
        sa.Column("geonameid", sa.Integer),
        sa.Column("fatalities", sa.Integer),
        sa.Column("fatalities_qualifier", sa.String(16)),
        sa.Column("injuries", sa.Integer),
        sa.Column("confidence", sa.Float),
        sa.Column("notes", sa.Text),
        sa.Column("source", sa.Text),
        sa.Column("source_count", sa.Integer, nullable=False),
        sa.Column("article_id", sa.String(128), nullable=False),
        sa.Column("data", sa.Text, nullable=False),
    )
    op.create_index("ix_events_event_date", "events", ["event_date"])
    op.create_index("ix_events_event_type", "events", ["event_type"])
    op.create_index("ix_events_country_code", "events", ["country_code"])
    op.create_table(
        "event_sources",
        sa.Column("id", sa.String(160), primary_key=True),
        sa.Column("event_id", sa.String(160), nullable=False),
        sa.Column("article_id", sa.String(128), sa.ForeignKey("articles.id"), nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("event_type", sa.String(64)),
        sa.Column("sub_event_type", sa.String(64)),
        sa.Column("event_date", sa.Date),
        sa.Column("date_end", sa.Date),
        sa.Column("fatalities", sa.Integer),
        sa.Column("injuries", sa.Integer),
        sa.Column("sentence", sa.Text),
        sa.Column("sentence_start", sa.Integer),
        sa.Column("sentence_end", sa.Integer),
        sa.Column("evidence_start", sa.Integer),
        sa.Column("evidence_end", sa.Integer),
        sa.Column("confidence", sa.Float),
        sa.Column("data", sa.Text, nullable=False),
    )
    op.create_index("ix_event_sources_event_id", "event_sources", ["event_id"])
    op.create_index("ix_event_sources_article_id", "event_sources", ["article_id"])
    op.create_table(
        "merge_blocks",
        sa.Column("key", sa.String(255), primary_key=True),
        sa.Column("report_id", sa.String(160), primary_key=True),
    )
    op.create_table(
        "actors",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("event_id", sa.String(160), nullable=False),
        sa.Column("role", sa.String(8), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("text", sa.Text),
        sa.Column("kind", sa.String(32)),
        sa.Column("country", sa.String(2)),
    )
    op.create_index("ix_actors_event_id", "actors", ["event_id"])
    op.create_table(
        "places",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("event_id", sa.String(160), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("text", sa.Text),
        sa.Column("precision", sa.String(16)),
        sa.Column("country", sa.String(2)),
        sa.Column("admin1", sa.Text),
        sa.Column("latitude", sa.Float),
        sa.Column("longitude", sa.Float),
        sa.Column("geonameid", sa.Integer),
    )
    op.create_index("ix_places_event_id", "places", ["event_id"])
    op.create_table(
        "quotes",
        sa.Column("id", sa.String(160), primary_key=True),
        sa.Column("article_id", sa.String(128), sa.ForeignKey("articles.id"), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("speaker", sa.Text),
        sa.Column("role", sa.Text),
        sa.Column("start", sa.Integer),
        sa.Column("end", sa.Integer),
        sa.Column("confidence", sa.Float),
        sa.Column("data", sa.Text, nullable=False),
    )
    op.create_index("ix_quotes_article_id", "quotes", ["article_id"])
    op.create_index("ix_quotes_speaker", "quotes", ["speaker"])
    op.create_table(
        "errors",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("created_at", _TZ, nullable=False),
    )
    op.execute(EVENTS_FLAT_SQL)


def downgrade() -> None:
    op.execute("DROP VIEW IF EXISTS events_flat")
    for table in ("errors", "quotes", "places", "actors", "merge_blocks", "event_sources", "events", "articles"):
        op.drop_table(table)
