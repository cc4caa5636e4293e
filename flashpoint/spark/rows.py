"""Flat Parquet rows for events, quotes and errors (plain Python, no Spark).

Event columns are those of the local export (``flashpoint.store.export.acled_row``:
ACLED's names first, then flashpoint's), followed by the full event as JSON in
``event_json`` (``flashpoint.model.from_dict`` rebuilds it) and sources and
provenance as JSON strings.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from flashpoint.model import Article, Event, Quote, to_dict

UNKNOWN_MONTH = "unknown"

# Extra event columns after the export's: ids, sources and provenance as JSON, the partition.
EXTRA_EVENT_COLUMNS: list[tuple[str, str]] = [
    ("article_id", "string"),  # the article the event was first read from
    ("source_article_ids", "string"),  # JSON list, sorted
    ("sources_json", "string"),
    ("evidence_json", "string"),
    ("event_json", "string"),  # the whole Event (model.to_dict)
    ("month", "string"),  # partition column: YYYY-MM of event_date, or "unknown"
]
_ARROW_TO_SPARK = {"int64": "long", "double": "double", "date32[day]": "date", "string": "string"}


def _export_columns() -> list[tuple[str, str]]:
    # The local Parquet export's columns and types, so both Parquet outputs read alike.
    from flashpoint.store.export import parquet_schema

    return [(f.name, _ARROW_TO_SPARK[str(f.type)]) for f in parquet_schema()]


# (name, spark type) in output order; flashpoint.spark.schema turns these into StructTypes.
EVENT_COLUMNS: list[tuple[str, str]] = _export_columns() + EXTRA_EVENT_COLUMNS

QUOTE_COLUMNS: list[tuple[str, str]] = [
    ("quote_id", "string"),
    ("article_id", "string"),
    ("text", "string"),
    ("speaker", "string"),
    ("role", "string"),
    ("confidence", "double"),
    ("provenance_json", "string"),
    ("speaker_provenance_json", "string"),
]

ARTICLE_COLUMNS: list[tuple[str, str]] = [
    ("article_id", "string"),  # content hash of the cleaned text, as in the local pipeline
    ("record_id", "string"),  # the input record's own id
    ("url", "string"),
    ("title", "string"),
    ("date", "string"),
]

ERROR_COLUMNS: list[tuple[str, str]] = [
    ("article_id", "string"),
    ("url", "string"),
    ("stage", "string"),  # "read" (bad record) or "extract"
    ("error", "string"),
]


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(to_dict(value), ensure_ascii=False, sort_keys=True)


def event_month(event: Event) -> str:
    """The partition an event is written to: ``YYYY-MM`` of its first day, or ``unknown``."""
    return (event.date.day or event.date.start).strftime("%Y-%m") if event.date else UNKNOWN_MONTH


def source_article_ids(event: Event) -> list[str]:
    """Sorted ids of the articles that reported the event (its own article when no sources)."""
    ids = {s.article_id for s in event.sources} or {event.article_id}
    return sorted(ids)


def event_row(event: Event) -> dict[str, Any]:
    """One event as a flat row (keys of EVENT_COLUMNS): the ACLED-style export row plus JSON columns."""
    from flashpoint.store.export import acled_row

    row = acled_row(event)
    for name, kind in EVENT_COLUMNS:
        if kind == "date" and row.get(name):
            row[name] = dt.date.fromisoformat(row[name])
    row.update(
        article_id=event.article_id,
        source_article_ids=json.dumps(source_article_ids(event)),
        sources_json=_json(event.sources),
        evidence_json=_json(event.evidence),
        event_json=_json(event),
        month=event_month(event),
    )
    return row


def quote_row(quote: Quote) -> dict[str, Any]:
    """One quote as a flat row (keys of QUOTE_COLUMNS)."""
    return {
        "quote_id": quote.id,
        "article_id": quote.article_id,
        "text": quote.text,
        "speaker": quote.speaker,
        "role": quote.role,
        "confidence": float(quote.confidence),
        "provenance_json": _json(quote.provenance),
        "speaker_provenance_json": _json(quote.speaker_provenance),
    }


def article_row(article: Article, record_id: str | None) -> dict[str, Any]:
    """One input article that was read: its id, the record's id and metadata (keys of ARTICLE_COLUMNS)."""
    return {
        "article_id": article.id,
        "record_id": record_id,
        "url": article.url,
        "title": article.title,
        "date": article.date.isoformat() if article.date else None,
    }


def error_row(article_id: str | None, url: str | None, stage: str, error: BaseException) -> dict[str, Any]:
    """One article that could not be read or extracted (keys of ERROR_COLUMNS)."""
    message = str(error) or type(error).__name__
    return {"article_id": article_id, "url": url, "stage": stage, "error": f"{type(error).__name__}: {message}"}


def as_tuple(row: dict[str, Any], columns: list[tuple[str, str]]) -> tuple:
    """A row dict as a tuple in column order (what Spark's createDataFrame takes)."""
    return tuple(row[name] for name, _ in columns)
