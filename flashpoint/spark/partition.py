"""Extraction over one partition of input records (plain Python, runs on executors).

spaCy and the gazetteer are process-wide cached singletons inside the
pipeline, so each Python worker loads them once and reuses them for every
partition it is given.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from flashpoint.errors import InputError
from flashpoint.model import Article, Document
from flashpoint.spark.rows import article_row, error_row, event_row, quote_row
from flashpoint.text.limits import too_large

BATCH_SIZE = 16

# What extract_partition yields: ("article" | "event" | "quote" | "error", row dict).
Tagged = tuple[str, dict[str, Any]]


def _field(record: Any, name: str) -> Any:
    if isinstance(record, dict):
        return record.get(name)
    try:
        return record[name]  # pyspark Row
    except (KeyError, ValueError, IndexError):
        return None


def record_to_article(record: Any, name: str = "record") -> Article:
    """Build a cleaned Article from an input record with text, date, url, id (title optional).

    As in the local readers, ``Article.id`` is the content hash of the cleaned
    text (the record's own id goes to the ``articles`` table); raises
    InputError for a record without usable text, too large, or with a bad date.
    """
    from flashpoint import text

    corrupt = _field(record, "_corrupt_record")
    if corrupt is not None:
        raise InputError(name, f"not valid JSON: {corrupt[:60]!r}")
    raw = _field(record, "text")
    if not isinstance(raw, str):
        raise InputError(name, "no 'text' field" if raw is None else "'text' must be a string")
    size = len(raw.encode("utf-8"))
    if size > text.MAX_ARTICLE_BYTES:
        raise InputError(name, too_large(size))
    return text.make_article(
        raw,
        date=_field(record, "date"),
        url=_field(record, "url"),
        title=_field(record, "title"),
        source=name,
    )


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
            article = record_to_article(record, name=f"record {record_id if record_id is not None else number}")
            batch.append(article)
            yield "article", article_row(article, None if record_id is None else str(record_id))
        except Exception as exc:  # noqa: BLE001 - reported as an error row
            yield "error", error_row(
                None if record_id is None else str(record_id), _field(record, "url"), "read", exc
            )
        if len(batch) >= batch_size:
            yield from _extract_batch(batch)
            batch = []
    if batch:
        yield from _extract_batch(batch)
