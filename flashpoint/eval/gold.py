"""Gold annotations as the scorer sees them, parsed from the gold JSON fields.

The field names are those of ``../shared/gold/seed_article.gold.json``; the
JSON-lines format (docs/gold-format.md) reuses them one article per line.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Optional

from flashpoint.errors import InputError

NO_EVENT = "no event"


@dataclass
class GoldActor:
    """A gold actor: normalised name, ACLED kind and ISO country (any may be None)."""

    name: Optional[str] = None
    kind: Optional[str] = None
    country: Optional[str] = None


@dataclass
class GoldPlace:
    """A gold location; ``precision`` is "town", "admin1" or "country"."""

    name: Optional[str] = None
    precision: str = "town"
    alt_names: list[str] = field(default_factory=list)
    admin1: Optional[str] = None
    country: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None


@dataclass
class GoldEvent:
    """One hand-coded event. ``start == end`` for an exactly dated event."""

    event_type: str
    sub_event_type: Optional[str] = None
    id: Optional[str] = None
    start: Optional[dt.date] = None
    end: Optional[dt.date] = None
    actor1: Optional[GoldActor] = None
    actor2: Optional[GoldActor] = None
    location: Optional[GoldPlace] = None
    fatalities: Optional[int] = None
    fatalities_qualifier: Optional[str] = None
    injuries: Optional[int] = None


@dataclass
class GoldQuote:
    """A gold quote: who said it and the words it starts with."""

    speaker: str
    starts: str
    role: Optional[str] = None


@dataclass
class GoldClass:
    """A snippet-level label: the ACLED (type, sub-type), or None for "no event"."""

    event_type: Optional[str]
    sub_event_type: Optional[str]
    original: Optional[str] = None  # the label as the source set wrote it

    @property
    def is_event(self) -> bool:
        """True when the label is an ACLED event class."""
        return self.event_type is not None


@dataclass
class GoldArticle:
    """One gold article: its raw text plus what is known about it.

    ``events``/``quotes`` are None when the set does not annotate them (then they
    are not scored); an empty list means "annotated: there are none".
    """

    id: str
    text: str
    date: Optional[dt.date] = None
    url: Optional[str] = None
    title: Optional[str] = None
    events: Optional[list[GoldEvent]] = None
    quotes: Optional[list[GoldQuote]] = None
    event_class: Optional[GoldClass] = None  # set for classification records
    cleaning: Optional[dict[str, Any]] = None


def parse_date(value: Any, where: str) -> Optional[dt.date]:
    """An ISO date string (or None) as a date; InputError naming ``where`` otherwise."""
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise InputError(where, f"not an ISO date: {value!r}") from None


def _actor(data: Any) -> Optional[GoldActor]:
    if not data:
        return None
    return GoldActor(name=data.get("name"), kind=data.get("kind"), country=data.get("country"))


def _place(data: Any, where: str) -> Optional[GoldPlace]:
    if not data:
        return None
    lat, lon = data.get("lat"), data.get("lon")
    precision = data.get("precision")
    if precision is None:
        # Coordinates mean a point; without them the finest thing named wins.
        precision = "town" if lat is not None else ("admin1" if data.get("admin1") else "country")
    if precision not in ("town", "admin1", "country"):
        raise InputError(where, f"unknown location precision {precision!r}")
    return GoldPlace(
        name=data.get("name"),
        precision=precision,
        alt_names=list(data.get("alt_names") or []),
        admin1=data.get("admin1"),
        country=data.get("country"),
        lat=float(lat) if lat is not None else None,
        lon=float(lon) if lon is not None else None,
    )


def _count(value: Any, where: str) -> Optional[int]:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        raise InputError(where, f"not a count: {value!r}")
    return int(value)


def parse_event(data: dict[str, Any], where: str = "gold event") -> GoldEvent:
    """Build a GoldEvent from a seed-gold style event dict."""
    if not isinstance(data, dict) or not data.get("event_type"):
        raise InputError(where, "an event needs at least an event_type")
    start = end = parse_date(data.get("date"), where)
    if data.get("date_range"):
        pair = data["date_range"]
        if not isinstance(pair, list) or len(pair) != 2:
            raise InputError(where, "date_range must be [start, end]")
        start, end = parse_date(pair[0], where), parse_date(pair[1], where)
        if start and end and end < start:
            raise InputError(where, "date_range ends before it starts")
    return GoldEvent(
        id=data.get("id"),
        event_type=data["event_type"],
        sub_event_type=data.get("sub_event_type"),
        start=start,
        end=end,
        actor1=_actor(data.get("actor1")),
        actor2=_actor(data.get("actor2")),
        location=_place(data.get("location"), where),
        fatalities=_count(data.get("fatalities"), where),
        fatalities_qualifier=data.get("fatalities_qualifier"),
        injuries=_count(data.get("injuries"), where),
    )


def parse_quote(data: dict[str, Any], where: str = "gold quote") -> GoldQuote:
    """Build a GoldQuote from ``{"speaker", "starts", "role"?}``."""
    if not isinstance(data, dict) or not data.get("speaker") or not data.get("starts"):
        raise InputError(where, "a quote needs speaker and starts")
    return GoldQuote(speaker=data["speaker"], starts=data["starts"], role=data.get("role"))


def parse_class(value: Any, where: str) -> GoldClass:
    """``null`` (no ACLED event) or ``{"event_type", "sub_event_type"}`` as a GoldClass."""
    if value is None:
        return GoldClass(None, None)
    if not isinstance(value, dict) or not value.get("event_type"):
        raise InputError(where, "event_class must be null or an object with event_type")
    return GoldClass(value["event_type"], value.get("sub_event_type"), value.get("label"))


def parse_article(data: dict[str, Any], text: str, default_id: str, where: str) -> GoldArticle:
    """Build a GoldArticle from one JSON object (seed file or JSON line) and its text."""
    events = data.get("events")
    quotes = data.get("quotes")
    if events is not None and not isinstance(events, list):
        raise InputError(where, "events must be a list")
    if quotes is not None and not isinstance(quotes, list):
        raise InputError(where, "quotes must be a list")
    return GoldArticle(
        id=str(data.get("id") or default_id),
        text=text,
        date=parse_date(data.get("date", data.get("article_date")), where),
        url=data.get("url"),
        title=data.get("title"),
        events=None if events is None else [
            parse_event(e, f"{where} event {i + 1}") for i, e in enumerate(events)
        ],
        quotes=None if quotes is None else [
            parse_quote(q, f"{where} quote {i + 1}") for i, q in enumerate(quotes)
        ],
        event_class=parse_class(data["event_class"], where) if "event_class" in data else None,
        cleaning=data.get("cleaning"),
    )
