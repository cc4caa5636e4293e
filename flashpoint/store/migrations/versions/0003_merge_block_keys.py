"""Merge blocking keys rebuilt for the merge rules of issue 15.

Revision ID: 0003
Revises: 0002

Country-wide reports may now join located ones, and the store looks for stored
candidates with ``merge.probe_keys``: every stored report gets its current
``merge.blocking_keys`` (new "country", "country-only" and "admin1-wide" keys), so
a database built before this revision finds the same candidates as a new one.
Stored events are not re-merged here; the store re-merges a component when new
reports touch it.
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def rekey(bind) -> int:
    """Replace every stored report's blocking keys with the current ones; returns the row count."""
    from flashpoint.merge import blocking_keys, key_str
    from flashpoint.store.rows import load_event

    sources = sa.table("event_sources", sa.column("id"), sa.column("data"))
    blocks = sa.table("merge_blocks", sa.column("key"), sa.column("report_id"))
    bind.execute(sa.delete(blocks))
    rows = []
    for row in bind.execute(sa.select(sources.c.id, sources.c.data)).all():
        rows.extend({"key": key_str(k), "report_id": row.id} for k in set(blocking_keys(load_event(row.data))))
    for start in range(0, len(rows), 500):
        bind.execute(sa.insert(blocks), rows[start : start + 500])
    return len(rows)


def upgrade() -> None:
    rekey(op.get_bind())


def downgrade() -> None:
    pass  # the keys are a superset of the older ones: older code still finds its candidates
