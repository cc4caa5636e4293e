"""The event store: ingest Documents (merging events across articles) and query them."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields

from sqlalchemy import Engine, delete, false, func, insert, select, update

from flashpoint.merge import blocking_keys, cluster, combine, compatible, key_str, probe_keys, sources_of
from flashpoint.model import MAX_COUNT, Article, Document, Event, Quote
from flashpoint.store import rows
from flashpoint.store.filters import EventFilter, conditions
from flashpoint.store.locking import lock_for_writing
from flashpoint.store.schema import (
    actors,
    articles,
    errors,
    event_sources,
    events,
    merge_blocks,
    places,
    quotes,
)

_CHUNK = 500  # bound on values in one IN (...) clause


@dataclass
class IngestStats:
    """What an ingest did: articles new/skipped/errors, extracted events and quotes stored."""

    articles: int = 0
    skipped: int = 0
    errors: int = 0
    events: int = 0
    quotes: int = 0

    def __iadd__(self, other: IngestStats) -> IngestStats:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))
        return self


def _chunks(values: list, size: int = _CHUNK) -> Iterator[list]:
    for i in range(0, len(values), size):
        yield values[i : i + size]


def batched(items: Iterable, size: int) -> Iterator[list]:
    """Lists of up to ``size`` items, in order (itertools.batched before Python 3.12)."""
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _with_sources(event: Event, url: str | None, outlet: str | None = None) -> Event:
    """The extracted event with its own Source filled in (url and outlet from its article)."""
    event = copy.copy(event)
    # A figure no event has (hostile or broken input) would overflow the integer columns.
    for name in ("fatalities", "injuries"):
        count = getattr(event, name)
        if count is not None and not 0 <= count.value <= MAX_COUNT:
            setattr(event, name, None)
    event.sources = sources_of(event)
    for source in event.sources:
        if source.url is None:
            source.url = url
        if source.outlet is None:
            source.outlet = outlet
        for name in ("fatalities", "injuries"):
            if getattr(source, name) is not None and not 0 <= getattr(source, name) <= MAX_COUNT:
                setattr(source, name, None)
    return event


class Store:
    """A flashpoint database. Use ``open_store`` to get one; close it when done."""

    def __init__(self, engine: Engine):
        self.engine = engine

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()

    # -- writing ---------------------------------------------------------

    def add_documents(self, documents: Iterable[Document], batch_size: int = 64) -> IngestStats:
        """Store documents, one transaction per batch, merging their events with stored ones.

        An article already stored (same id, or same URL) is skipped, so adding
        the same documents twice changes nothing.
        """
        total = IngestStats()
        for batch in batched(documents, batch_size):
            with self.engine.begin() as conn:
                lock_for_writing(conn)
                total += self._add_batch(conn, batch)
        return total

    def _add_batch(self, conn, batch: list[Document]) -> IngestStats:
        stats = IngestStats()
        ids = [d.article.id for d in batch]
        urls = [d.article.url for d in batch if d.article.url]
        seen_ids = set(conn.scalars(select(articles.c.id).where(articles.c.id.in_(ids))))
        seen_urls = set(conn.scalars(select(articles.c.url).where(articles.c.url.in_(urls)))) if urls else set()
        fresh: list[Document] = []
        for doc in batch:
            a = doc.article
            if a.id in seen_ids or (a.url and a.url in seen_urls):
                stats.skipped += 1
                continue
            seen_ids.add(a.id)
            if a.url:
                seen_urls.add(a.url)
            fresh.append(doc)
        if not fresh:
            return stats
        now = _now()
        conn.execute(insert(articles), [rows.article_row(d.article, now) for d in fresh])
        quote_rows = [rows.quote_row(q) for d in fresh for q in d.quotes]
        if quote_rows:
            conn.execute(insert(quotes), quote_rows)
        new_events = [_with_sources(e, d.article.url, d.article.outlet) for d in fresh for e in d.events]
        if new_events:
            conn.execute(insert(event_sources), [rows.report_row(e, e.id, e.sources[0].url) for e in new_events])
            blocks = [{"key": key_str(k), "report_id": e.id} for e in new_events for k in set(blocking_keys(e))]
            conn.execute(insert(merge_blocks), blocks)
            self._remerge(conn, new_events)
        stats.articles, stats.events, stats.quotes = len(fresh), len(new_events), len(quote_rows)
        return stats

    def _component_reports(self, conn, new_events: list[Event]) -> list[Event]:
        """The new reports plus every stored report linked to them by a chain of
        compatible reports (their connected component in the compatibility graph)."""
        found = {e.id: e for e in new_events}
        frontier = list(new_events)
        while frontier:
            keys = sorted({key_str(k) for e in frontier for k in probe_keys(e)})
            candidate_ids: set[str] = set()
            for chunk in _chunks(keys):
                candidate_ids.update(conn.scalars(select(merge_blocks.c.report_id).where(merge_blocks.c.key.in_(chunk))))
            reached: list[Event] = []
            for chunk in _chunks(sorted(candidate_ids - found.keys())):
                for data in conn.scalars(select(event_sources.c.data).where(event_sources.c.id.in_(chunk))):
                    old = rows.load_event(data)
                    if any(compatible(old, e) for e in frontier):
                        reached.append(old)
            for old in reached:
                found[old.id] = old
            frontier = reached
        return list(found.values())

    def _remerge(self, conn, new_events: list[Event]) -> None:
        """Re-merge the connected component the new reports belong to; rewrite its events.

        Merging (``flashpoint.merge.cluster``) is decided per connected component
        of the compatibility graph, so re-merging the whole component the new
        reports touch gives the same events as merging everything at once.
        """
        new_ids = {e.id for e in new_events}
        members = self._component_reports(conn, new_events)
        stored = sorted(m.id for m in members if m.id not in new_ids)
        affected: set[str] = set()
        for chunk in _chunks(stored):
            affected.update(conn.scalars(select(event_sources.c.event_id).where(event_sources.c.id.in_(chunk))))
        known = {m.id for m in members}
        for chunk in _chunks(sorted(affected)):
            # every member of a rewritten event is re-merged (an event stored by an
            # older merge rule may hold reports outside this component)
            for row in conn.execute(select(event_sources.c.id, event_sources.c.data).where(event_sources.c.event_id.in_(chunk))):
                if row.id not in known:
                    members.append(rows.load_event(row.data))
                    known.add(row.id)
            for table in (events, actors, places):
                column = table.c.id if table is events else table.c.event_id
                conn.execute(delete(table).where(column.in_(chunk)))
        groups = cluster(members)
        merged = [combine(group) for group in groups]
        conn.execute(insert(events), [rows.event_row(m) for m in merged])
        actor_rows = [r for m in merged for r in rows.actor_rows(m)]
        place_rows = [r for m in merged for r in rows.place_rows(m)]
        if actor_rows:
            conn.execute(insert(actors), actor_rows)
        if place_rows:
            conn.execute(insert(places), place_rows)
        for group, event in zip(groups, merged):
            for chunk in _chunks(sorted(m.id for m in group)):
                conn.execute(update(event_sources).where(event_sources.c.id.in_(chunk)).values(event_id=event.id))

    def record_error(self, source: str, reason: str) -> None:
        """Record an input that could not be ingested (once per source and reason)."""
        reason = reason[:2000]
        with self.engine.begin() as conn:
            lock_for_writing(conn)
            exists = conn.scalar(select(func.count()).select_from(errors).where(errors.c.source == source, errors.c.reason == reason))
            if not exists:
                conn.execute(insert(errors).values(source=source, reason=reason, created_at=_now()))

    # -- reading ---------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        """True when the article is stored."""
        with self.engine.connect() as conn:
            return conn.scalar(select(func.count()).select_from(articles).where(articles.c.id == article_id)) > 0

    def has_url(self, url: str) -> bool:
        """True when an article with this URL is stored."""
        with self.engine.connect() as conn:
            return conn.scalar(select(func.count()).select_from(articles).where(articles.c.url == url)) > 0

    def article(self, article_id: str) -> Article | None:
        """A stored article with its cleaned text (evidence offsets point into it)."""
        with self.engine.connect() as conn:
            row = conn.execute(select(articles).where(articles.c.id == article_id)).first()
        return rows.article_from_row(row) if row else None

    def events(self, flt: EventFilter = EventFilter(), limit: int | None = None, offset: int = 0) -> list[Event]:
        """Merged events matching the filter, by date then id, each with all its sources."""
        with self.engine.connect() as conn:
            query = (
                select(events.c.data)
                .where(*conditions(conn, flt))
                .order_by(events.c.event_date.is_(None), events.c.event_date, events.c.id)
                .offset(offset)
            )
            if limit is not None:
                query = query.limit(limit)
            return [rows.load_event(d) for d in conn.scalars(query)]

    def count_events(self, flt: EventFilter = EventFilter()) -> int:
        """How many merged events match the filter."""
        with self.engine.connect() as conn:
            return conn.scalar(select(func.count()).select_from(events).where(*conditions(conn, flt)))

    def event(self, event_id: str) -> Event | None:
        """A merged event by id; an extracted event's id gives the event it was merged into."""
        with self.engine.connect() as conn:
            data = conn.scalar(select(events.c.data).where(events.c.id == event_id))
            if data is None:
                merged_id = conn.scalar(select(event_sources.c.event_id).where(event_sources.c.id == event_id))
                if merged_id is not None:
                    data = conn.scalar(select(events.c.data).where(events.c.id == merged_id))
        return rows.load_event(data) if data else None

    def quotes(
        self, speaker: str | None = None, article_id: str | None = None, limit: int | None = None, offset: int = 0
    ) -> list[Quote]:
        """Quotes, optionally by speaker (case-insensitive substring) or article."""
        query = select(quotes.c.data).order_by(quotes.c.article_id, quotes.c.start, quotes.c.id).offset(offset)
        if speaker:
            # % and _ are literal here; NUL cannot be in a name (SQLite's LIKE stops at it)
            pattern = speaker.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            query = query.where(func.lower(quotes.c.speaker).like(f"%{pattern}%", escape="\\")
                                if "\x00" not in speaker else false())
        if article_id:
            query = query.where(quotes.c.article_id == article_id)
        if limit is not None:
            query = query.limit(limit)
        with self.engine.connect() as conn:
            return [rows.load_quote(d) for d in conn.scalars(query)]

    def stats(self, flt: EventFilter = EventFilter()) -> dict:
        """Counts for charts: by ISO week (Monday), by event type, by country, the total,
        and the located events' count and box (see ``flashpoint.store.mapview.stats``)."""
        from flashpoint.store.mapview import stats

        with self.engine.connect() as conn:
            return stats(conn, flt)

    def map_view(self, flt: EventFilter, zoom: int) -> dict:
        """What the map shows for a view (``flt.bbox``) at a zoom level: points or grid counts
        (see ``flashpoint.store.mapview.map_view``)."""
        from flashpoint.store.mapview import map_view

        with self.engine.connect() as conn:
            return map_view(conn, flt, zoom)

    def errors(self) -> list[dict]:
        """Recorded ingest errors, oldest first: {"id", "source", "reason", "created_at"}."""
        with self.engine.connect() as conn:
            found = conn.execute(select(errors).order_by(errors.c.id)).all()
        return [
            {"id": r.id, "source": r.source, "reason": r.reason, "created_at": r.created_at.isoformat()}
            for r in found
        ]

    def counts(self) -> dict[str, int]:
        """Row counts of the main tables (articles, events, event_sources, quotes, errors)."""
        with self.engine.connect() as conn:
            return {
                t.name: conn.scalar(select(func.count()).select_from(t))
                for t in (articles, events, event_sources, quotes, errors)
            }

