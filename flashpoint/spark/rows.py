"""Flat Parquet rows for events, quotes and errors (plain Python, no Spark).

Scalar columns follow ACLED's export names where one exists, so the Parquet
reads like an ACLED download; the full event is kept as JSON in ``event_json``
(``flashpoint.model.from_dict`` rebuilds it), with sources and provenance as
JSON strings too.
"""

from __future__ import annotations

import json
from typing import Any

from flashpoint.model import Article, Event, Quote, to_dict

UNKNOWN_MONTH = "unknown"

# (name, spark type) in output order; flashpoint.spark.schema turns these into StructTypes.
EVENT_COLUMNS: list[tuple[str, str]] = [
    ("event_id", "string"),
    ("event_date", "string"),  # first day (ISO); event_date_end is the last
    ("event_date_end", "string"),
    ("event_type", "string"),
    ("sub_event_type", "string"),
    ("actor1", "string"),
    ("inter1", "string"),  # ACLED actor kind, named
    ("actor2", "string"),
    ("inter2", "string"),
    ("iso", "string"),  # ISO 3166-1 alpha-2 of the place
    ("admin1", "string"),
    ("location", "string"),
    ("latitude", "double"),
    ("longitude", "double"),
    ("geo_precision", "string"),
    ("geonameid", "long"),
    ("fatalities", "long"),
    ("injuries", "long"),
    ("confidence", "double"),
    ("article_id", "string"),
    ("source_article_ids", "string"),  # JSON list, sorted
    ("sources_json", "string"),
    ("evidence_json", "string"),
    ("event_json", "string"),
    ("month", "string"),  # partition column: YYYY-MM of event_date, or "unknown"
]

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
    return event.date.start.strftime("%Y-%m") if event.date else UNKNOWN_MONTH


def source_article_ids(event: Event) -> list[str]:
    """Sorted ids of the articles that reported the event (its own article when no sources)."""
    ids = {s.article_id for s in event.sources} or {event.article_id}
    return sorted(ids)


def event_row(event: Event) -> dict[str, Any]:
    """One event as a flat row (keys of EVENT_COLUMNS)."""
    place, date = event.place, event.date
    return {
        "event_id": event.id,
        "event_date": date.start.isoformat() if date else None,
        "event_date_end": date.end.isoformat() if date else None,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": event.actor1.name if event.actor1 else None,
        "inter1": event.actor1.kind if event.actor1 else None,
        "actor2": event.actor2.name if event.actor2 else None,
        "inter2": event.actor2.kind if event.actor2 else None,
        "iso": place.country if place else None,
        "admin1": place.admin1 if place else None,
        "location": place.name if place else None,
        "latitude": place.lat if place else None,
        "longitude": place.lon if place else None,
        "geo_precision": place.precision if place else None,
        "geonameid": place.geonameid if place else None,
        "fatalities": event.fatalities.value if event.fatalities else None,
        "injuries": event.injuries.value if event.injuries else None,
        "confidence": float(event.confidence),
        "article_id": event.article_id,
        "source_article_ids": json.dumps(source_article_ids(event)),
        "sources_json": _json(event.sources),
        "evidence_json": _json(event.evidence),
        "event_json": _json(event),
        "month": event_month(event),
    }


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
