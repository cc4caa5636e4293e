"""Extraction over one partition of input records (plain Python, runs on executors).

spaCy and the gazetteer are process-wide cached singletons inside the
pipeline, so each Python worker loads them once and reuses them for every
partition it is given.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any

from flashpoint.errors import InputError
from flashpoint.model import Article, Document
from flashpoint.spark.rows import error_row, event_row, quote_row

BATCH_SIZE = 16

# What extract_partition yields: ("event" | "quote" | "error", row dict).
Tagged = tuple[str, dict[str, Any]]


def _field(record: Any, name: str) -> Any:
    if isinstance(record, dict):
        return record.get(name)
    try:
        return record[name]  # pyspark Row
    except (KeyError, ValueError, IndexError):
        return None


def _plain_date(value: Any) -> dt.date | str | None:
    if isinstance(value, dt.datetime):
        return value.date()
    return value or None


def record_to_article(record: Any, name: str = "record") -> Article:
    """Build a cleaned Article from an input record with text, date, url, id (title optional).

    A given ``id`` is kept as the article id; raises InputError for a record without text.
    """
    from flashpoint import text

    raw = _field(record, "text")
    if not isinstance(raw, str) or not raw.strip():
        raise InputError(name, "record has no text")
    article = text.make_article(
        raw,
        date=_plain_date(_field(record, "date")),
        url=_field(record, "url"),
        title=_field(record, "title"),
    )
    given_id = _field(record, "id")
    if given_id is not None and str(given_id) != "":
        article = dataclasses.replace(article, id=str(given_id))
    return article


def _document_rows(doc: Document) -> Iterator[Tagged]:
    for event in doc.events:
        yield "event", event_row(event)
    for quote in doc.quotes:
        yield "quote", quote_row(quote)


def _extract_batch(articles: list[Article]) -> Iterator[Tagged]:
    from flashpoint.pipeline import extract_articles

    try:
        docs = list(extract_articles(articles, batch_size=len(articles)))
    except Exception:  # noqa: BLE001 - isolate the failing article below
        docs = None
    if docs is not None:
        for doc in docs:
            yield from _document_rows(doc)
        return
    for article in articles:  # one at a time, so one bad article costs only itself
        try:
            doc = next(extract_articles([article]))
        except Exception as exc:  # noqa: BLE001 - reported as an error row
            yield "error", error_row(article.id, article.url, "extract", exc)
            continue
        yield from _document_rows(doc)


def extract_partition(records: Iterable[Any], batch_size: int = BATCH_SIZE) -> Iterator[Tagged]:
    """Extract every record of a partition; yields tagged event, quote and error rows.

    A record that cannot be read or extracted becomes an error row; the rest go on.
    """
    batch: list[Article] = []
    for number, record in enumerate(records):
        record_id = _field(record, "id")
        try:
            batch.append(record_to_article(record, name=f"record {record_id or number}"))
        except Exception as exc:  # noqa: BLE001 - reported as an error row
            yield "error", error_row(
                None if record_id is None else str(record_id), _field(record, "url"), "read", exc
            )
        if len(batch) >= batch_size:
            yield from _extract_batch(batch)
            batch = []
    if batch:
        yield from _extract_batch(batch)
