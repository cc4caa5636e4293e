"""Query parameters shared by /events, /stats and /map, turned into an EventFilter."""

from __future__ import annotations

from typing import Annotated, Optional

from pydantic import BeforeValidator

from fastapi import HTTPException, Query

from flashpoint.api.schemas import IsoDate
from flashpoint.store import EventFilter
from flashpoint.store.filters import FilterError

_NUMBER = r"\s*[-+]?\d+(?:\.\d+)?\s*"
NEAR_PATTERN = f"^{_NUMBER},{_NUMBER},{_NUMBER}$"
NEAR_HELP = "lat,lon,km: events within km kilometres of the point, e.g. 35.79,36.70,25"
BBOX_PATTERN = f"^{_NUMBER},{_NUMBER},{_NUMBER},{_NUMBER}$"
BBOX_HELP = "west,south,east,north in degrees: events with a point inside, e.g. 35.5,32.5,42.5,37.5 (west > east crosses the antimeridian)"



def _whole_number(value):
    """A count in a query string is digits only: "+0.0", "1e3" or "0x10" is no count."""
    if isinstance(value, str) and not value.isdigit():
        raise ValueError("expected a whole number written with digits")
    return value


# Put after Query(...) in an integer parameter's Annotated: digits only (pydantic alone also
# reads "+0.0" as 0), the Query's bounds still in the OpenAPI schema.
DIGITS = BeforeValidator(_whole_number)

def parse_bbox(value: str) -> tuple[float, float, float, float]:
    """Parse ``"west,south,east,north"``; raise a 422 naming the parameter when it is malformed."""
    try:
        west, south, east, north = (float(p) for p in value.split(","))
    except ValueError:
        raise HTTPException(422, detail=f"bbox: expected west,south,east,north, got {value!r}") from None
    return west, south, east, north


def parse_near(value: str) -> tuple[float, float, float]:
    """Parse ``"lat,lon,km"``; raise a 422 naming the parameter when it is malformed."""
    parts = value.split(",")
    try:
        lat, lon, km = (float(p) for p in parts)
    except ValueError:
        raise HTTPException(422, detail=f"near: expected lat,lon,km, got {value!r}") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and 0 < km <= 20_000):
        raise HTTPException(422, detail=f"near: lat in [-90, 90], lon in [-180, 180], km in (0, 20000]; got {value!r}")
    return lat, lon, km


def event_filter(
    country: Annotated[
        Optional[str], Query(max_length=100, description="ISO 3166-1 alpha-2 or alpha-3 code or English name, e.g. SY, SYR or Syria")
    ] = None,
    admin1: Annotated[Optional[str], Query(max_length=200, description="first-level region name")] = None,
    type: Annotated[
        Optional[str], Query(max_length=200, description="ACLED event type or sub-event type, e.g. Battles or Peaceful protest")
    ] = None,
    since: Annotated[Optional[IsoDate], Query(description="events on or after this day (YYYY-MM-DD)")] = None,
    until: Annotated[Optional[IsoDate], Query(description="events on or before this day (YYYY-MM-DD)")] = None,
    actor: Annotated[
        Optional[str], Query(max_length=200, description="text that an actor's name contains")
    ] = None,
    near: Annotated[Optional[str], Query(max_length=100, pattern=NEAR_PATTERN, description=NEAR_HELP)] = None,
    min_fatalities: Annotated[Optional[int], Query(ge=0, le=10_000_000), DIGITS] = None,
    bbox: Annotated[Optional[str], Query(max_length=200, pattern=BBOX_PATTERN, description=BBOX_HELP)] = None,
) -> EventFilter:
    """The EventFilter the query asks for (the same filters as `flashpoint events`)."""
    if since and until and since > until:
        raise HTTPException(422, detail=f"since ({since}) is after until ({until})")
    try:
        return _filter(country, admin1, type, since, until, actor, near, min_fatalities, bbox)
    except FilterError as exc:  # unknown country or type: say so rather than answer "no events"
        raise HTTPException(422, detail=str(exc)) from None


def _filter(country, admin1, type, since, until, actor, near, min_fatalities, bbox) -> EventFilter:
    return EventFilter(
        country=country.strip() or None if country else None,
        admin1=admin1 or None,
        event_type=type or None,
        since=since,
        until=until,
        actor=actor or None,
        near=parse_near(near) if near else None,
        min_fatalities=min_fatalities,
        bbox=parse_bbox(bbox) if bbox else None,
    )
