"""ACLED's export columns on ``events`` and in ``events_flat``; ``articles.outlet``; a place index.

Revision ID: 0002
Revises: 0001

Stored events get their new columns computed from their JSON (``data``), so a
database built before this revision reads the same as a new one.
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_NEW_EVENT_COLUMNS = [
    sa.Column("event_id_cnty", sa.String(40)),
    sa.Column("year", sa.Integer),
    sa.Column("time_precision", sa.Integer),
    sa.Column("disorder_type", sa.String(32)),
    sa.Column("inter1", sa.String(32)),
    sa.Column("inter2", sa.String(32)),
    sa.Column("interaction", sa.String(80)),
    sa.Column("civilian_targeting", sa.String(32)),
    sa.Column("iso", sa.Integer),
    sa.Column("summary", sa.Text),
]

# ACLED's 31 export columns in ACLED's order and spelling (flashpoint.store.export.ACLED_COLUMNS),
# then flashpoint's own. geo_precision: 1 = the town itself, 3 = a larger region only.
EVENTS_FLAT_SQL = """
CREATE VIEW events_flat AS
SELECT
    e.event_id_cnty AS event_id_cnty,
    e.event_date AS event_date,
    e.year AS year,
    e.time_precision AS time_precision,
    e.disorder_type AS disorder_type,
    e.event_type AS event_type,
    e.sub_event_type AS sub_event_type,
    e.actor1 AS actor1,
    CAST(NULL AS TEXT) AS assoc_actor_1,
    e.inter1 AS inter1,
    e.actor2 AS actor2,
    CAST(NULL AS TEXT) AS assoc_actor_2,
    e.inter2 AS inter2,
    e.interaction AS interaction,
    e.civilian_targeting AS civilian_targeting,
    e.iso AS iso,
    CAST(NULL AS TEXT) AS region,
    e.country AS country,
    e.admin1 AS admin1,
    CAST(NULL AS TEXT) AS admin2,
    CAST(NULL AS TEXT) AS admin3,
    e.location AS location,
    e.latitude AS latitude,
    e.longitude AS longitude,
    CASE e.geo_precision WHEN 'town' THEN 1 WHEN 'admin1' THEN 3 WHEN 'country' THEN 3 END AS geo_precision,
    e.source AS source,
    CAST(NULL AS TEXT) AS source_scale,
    e.summary AS notes,
    COALESCE(e.fatalities, 0) AS fatalities,
    CAST(NULL AS TEXT) AS tags,
    CAST(NULL AS INTEGER) AS timestamp,
    e.id AS event_id,
    e.notes AS evidence,
    e.date_end AS date_end,
    e.country_code AS country_code,
    e.geonameid AS geonameid,
    e.fatalities_qualifier AS fatalities_qualifier,
    e.injuries AS injuries,
    e.source_count AS source_count,
    e.confidence AS confidence
FROM events e
"""


def upgrade() -> None:
    from flashpoint.store.rows import ACLED_STORED, load_event

    op.execute("DROP VIEW IF EXISTS events_flat")
    op.add_column("articles", sa.Column("outlet", sa.Text))
    for column in _NEW_EVENT_COLUMNS:
        op.add_column("events", column)
    op.create_index("ix_events_latitude_longitude", "events", ["latitude", "longitude"])
    events = sa.table("events", sa.column("id"), sa.column("data"), *(sa.column(c.name) for c in _NEW_EVENT_COLUMNS))
    bind = op.get_bind()
    from flashpoint.store.export import acled_row

    for row in bind.execute(sa.select(events.c.id, events.c.data)).all():
        acled = acled_row(load_event(row.data))
        values = {c: acled[c] for c in ACLED_STORED}
        values["summary"] = acled["notes"]
        bind.execute(sa.update(events).where(events.c.id == row.id).values(**values))
    op.execute(EVENTS_FLAT_SQL)


def downgrade() -> None:
    from importlib import import_module

    op.execute("DROP VIEW IF EXISTS events_flat")
    op.drop_index("ix_events_latitude_longitude", "events")
    for column in _NEW_EVENT_COLUMNS:
        op.drop_column("events", column.name)
    op.drop_column("articles", "outlet")
    op.execute(import_module("flashpoint.store.migrations.versions.0001_initial").EVENTS_FLAT_SQL)
