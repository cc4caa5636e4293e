"""One writer at a time: concurrent ingests (processes, the API) never interleave.

Each write transaction starts by taking the database's write lock, so the
checks it makes ("is this article stored?", "which stored reports match?")
still hold when it writes. SQLite: ``BEGIN IMMEDIATE`` (other writers wait up
to the busy timeout; readers are never blocked under WAL). PostgreSQL: a
transaction-scoped advisory lock (released at commit or rollback).
"""

from __future__ import annotations

from sqlalchemy import Connection, text

# pg_advisory_xact_lock key: any constant that other applications are unlikely to use.
_PG_LOCK_KEY = 0x666C617368  # "flash"


def lock_for_writing(conn: Connection) -> None:
    """Take the write lock for the transaction ``conn`` is in (call before any statement)."""
    dialect = conn.dialect.name
    if dialect == "sqlite":
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    elif dialect == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK_KEY})
