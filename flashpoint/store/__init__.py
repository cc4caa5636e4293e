"""The event database: SQLite by default, PostgreSQL with a postgresql:// URL.

    from flashpoint.store import open_store, EventFilter
    with open_store("sqlite:///events.db") as store:
        store.add_documents(documents)
        store.events(EventFilter(country="SY"))
"""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import SQLAlchemyError

from flashpoint.errors import InputError
from flashpoint.store.filters import EventFilter
from flashpoint.store.locking import lock_for_writing
from flashpoint.store.store import IngestStats, Store

DEFAULT_URL = "sqlite:///flashpoint.db"
MIGRATIONS = Path(__file__).parent / "migrations"

__all__ = ["DEFAULT_URL", "EventFilter", "IngestStats", "Store", "database_url", "open_store"]


def database_url(url: str | None = None) -> str:
    """The SQLAlchemy URL for a --db value: None -> $FLASHPOINT_DB or ./flashpoint.db.

    A bare path means a SQLite file; ``postgresql://`` uses the psycopg 3 driver.
    """
    url = url or os.environ.get("FLASHPOINT_DB") or DEFAULT_URL
    if "://" not in url:
        return f"sqlite:///{url}"
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


# How long a connection waits for another process's lock (also while a new file is set to WAL).
BUSY_SECONDS = 30


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    # the wait first: two processes opening one new file both switch it to WAL
    cursor.execute(f"PRAGMA busy_timeout={BUSY_SECONDS * 1000}")
    # WAL: readers (web server, Datasette) never block the ingest writer, and a
    # killed process loses nothing committed. NORMAL is durable against crashes.
    # Switching the journal mode can report "locked" at once, without waiting, while the
    # other process switches it: try again until the wait is used up.
    deadline = time.monotonic() + BUSY_SECONDS
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            break
        except sqlite3.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database
        if database and database != ":memory:" and not Path(database).parent.exists():
            raise InputError(str(database), "folder does not exist")
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest Alembic revision."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        lock_for_writing(conn)  # two first runs on a new database: one creates, the other waits
        config.attributes["connection"] = conn
        command.upgrade(config, "head")


def open_store(url: str | None = None, create: bool = True) -> Store:
    """Open (creating and migrating as needed) the store at a URL or SQLite path.

    With ``create=False`` a SQLite file that does not exist is an error instead
    of a new empty database (for commands that only read)."""
    url = database_url(url)
    parsed = make_url(url)
    if not create and parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:") \
            and not Path(parsed.database).exists():
        raise InputError(parsed.database, "no such database; build one with: flashpoint ingest PATH --db ...")
    try:
        engine = _engine(url)
        migrate(engine)
    except InputError:
        raise
    except (SQLAlchemyError, ModuleNotFoundError) as exc:  # connection refused, bad URL, no driver
        raise InputError(make_url(url).render_as_string(hide_password=True), f"cannot open database: {exc}") from exc
    return Store(engine)
