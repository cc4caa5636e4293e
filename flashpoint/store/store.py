"""The event store: ingest Documents (merging events across articles) and query them."""

from __future__ import annotations

import copy
import datetime as dt
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields

from sqlalchemy import Engine, delete, false, func, insert, select, update

from flashpoint.merge import blocking_keys, combine, compatible, key_str, probe_keys, sources_of
from flashpoint.merge.incremental import Remerge, remerge
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
# Parsed stored reports kept for the merge (~7 KB each: ~200 MB at most). A batch reads the
# reports around its own, again and again as the database fills the same places and weeks.
REPORT_CACHE_SIZE = 30_000


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


class _ReportCache:
    """Parsed stored reports by id, the most recently used kept (a report's stored JSON
    never changes, so an entry stays right; a report from a rolled-back batch is only
    ever looked up by an id the database returned, i.e. once it is stored again)."""

    def __init__(self, size: int = REPORT_CACHE_SIZE):
        self.size = size
        self.entries: OrderedDict[str, Event] = OrderedDict()

    def get(self, report_id: str) -> Event | None:
        found = self.entries.get(report_id)
        if found is not None:
            self.entries.move_to_end(report_id)
        return found

    def put(self, report_id: str, event: Event) -> None:
        self.entries[report_id] = event
        self.entries.move_to_end(report_id)
        while len(self.entries) > self.size:
            self.entries.popitem(last=False)


class _StoredReports:
    """``flashpoint.merge.incremental.StoredView`` over the database, in one transaction:
    stored reports are found by their blocking keys (``merge_blocks``), their groups by
    ``event_sources.event_id``; the batch's new reports are already in both tables."""

    def __init__(self, conn, new_events: list[Event], cache: _ReportCache):
        self.conn = conn
        self.new = {e.id: e for e in new_events}
        self.cache = cache

    def events(self, ids: Iterable[str]) -> dict[str, Event]:
        found: dict[str, Event] = {}
        missing: list[str] = []
        for i in ids:
            event = self.new.get(i) or self.cache.get(i)
            if event is None:
                missing.append(i)
            else:
                found[i] = event
        for chunk in _chunks(sorted(missing)):
            for row in self.conn.execute(select(event_sources.c.id, event_sources.c.data).where(event_sources.c.id.in_(chunk))):
                event = rows.load_event(row.data)
                self.cache.put(row.id, event)
                found[row.id] = event
        return found

    def neighbours(self, ids: Iterable[str]) -> dict[str, set[str]]:
        reports = self.events(ids)
        keys = {i: {key_str(k) for k in probe_keys(e)} for i, e in reports.items()}
        holders: dict[str, set[str]] = {}
        for chunk in _chunks(sorted(set().union(*keys.values()))):
            for row in self.conn.execute(select(merge_blocks.c.key, merge_blocks.c.report_id).where(merge_blocks.c.key.in_(chunk))):
                holders.setdefault(row.key, set()).add(row.report_id)
        candidates = {i: set().union(*(holders.get(k, set()) for k in ks)) - {i} for i, ks in keys.items()}
        loaded = self.events(set().union(*candidates.values()))
        return {i: {c for c in candidates[i] if compatible(reports[i], loaded[c])} for i in reports}

    def labels(self, ids: Iterable[str]) -> dict[str, str | None]:
        stored = sorted(i for i in ids if i not in self.new)
        found: dict[str, str | None] = {i: None for i in ids}
        for chunk in _chunks(stored):
            for row in self.conn.execute(select(event_sources.c.id, event_sources.c.event_id).where(event_sources.c.id.in_(chunk))):
                found[row.id] = row.event_id
        return found

    def members(self, labels: Iterable[str]) -> dict[str, set[str]]:
        found: dict[str, set[str]] = {}
        for chunk in _chunks(sorted(set(labels))):
            for row in self.conn.execute(select(event_sources.c.event_id, event_sources.c.id).where(event_sources.c.event_id.in_(chunk))):
                if row.id not in self.new:
                    found.setdefault(row.event_id, set()).add(row.id)
        return found


class Store:
    """A flashpoint database. Use ``open_store`` to get one; close it when done."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self._reports = _ReportCache()  # parsed stored reports (a report's JSON never changes)
        self.last_remerge: Remerge | None = None  # what the last batch re-merged (for tests and benchmarks)

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

    def _remerge(self, conn, new_events: list[Event]) -> None:
        """Merge the new reports with the stored ones; rewrite the events that change.

        ``flashpoint.merge.incremental.remerge`` replays only the merge decisions the
        new reports can change (their specific components, then the coarse reports
        whose candidate groups changed), so the database after any sequence of
        batches holds exactly the events of merging every report at once.
        """
        view = _StoredReports(conn, new_events, self._reports)
        result = remerge(new_events, view)
        self.last_remerge = result
        replaced = sorted(result.replaced)
        for chunk in _chunks(replaced):
            for table in (events, actors, places):
                column = table.c.id if table is events else table.c.event_id
                conn.execute(delete(table).where(column.in_(chunk)))
        groups = result.groups
        merged = [combine(group) for group in groups]
        if merged:
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

