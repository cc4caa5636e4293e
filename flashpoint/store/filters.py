"""EventFilter and its translation into SQL conditions on the ``events`` table."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from sqlalchemy import Connection, false, func, or_, select

from flashpoint.errors import FlashpointError
from flashpoint.merge import haversine_km
from flashpoint.store.countries import country_code
from flashpoint.store.schema import actors, events


@dataclass(frozen=True)
class EventFilter:
    """Which merged events to return; every field that is set must hold.

    ``country``: ISO alpha-2 or alpha-3 code, English name or demonym.
    ``event_type``: an ACLED event type or sub-event type (case-insensitive). ``since``/``until``: the
    event's date window overlaps them. ``actor``: a case-insensitive substring
    of an actor's name or wording. ``near``: (lat, lon, km). ``bbox``: (west,
    south, east, north) in degrees; west > east crosses the antimeridian;
    events without coordinates are outside every box.
    """

    country: str | None = None
    admin1: str | None = None
    event_type: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    actor: str | None = None
    near: tuple[float, float, float] | None = None
    min_fatalities: int | None = None
    bbox: tuple[float, float, float, float] | None = None

    def __post_init__(self) -> None:
        check(self)


class FilterError(FlashpointError):
    """A filter that can match nothing because it is malformed: the message says which and why."""

    exit_code = 2  # the CLI's exit status for a bad option value

    def __init__(self, name: str, reason: str):
        self.name = name
        self.reason = reason
        super().__init__(f"{name}: {reason}")


def _types() -> set[str]:
    # Imported here: the events package loads the parser, which a store-only user does not need.
    from flashpoint.events.taxonomy import EVENT_TYPES, SUB_EVENT_TYPES

    return {t.lower() for t in EVENT_TYPES} | {t.lower() for t in SUB_EVENT_TYPES}


def check(flt: EventFilter) -> None:
    """Raise FilterError for a filter value that names nothing (unknown country or type, dates reversed)."""
    if flt.country is not None and flt.country.strip() and country_code(flt.country) is None:
        raise FilterError("country", f"unknown country {flt.country!r}; give an ISO code (KE, KEN) or a name (Kenya)")
    if flt.event_type is not None and flt.event_type.strip() and flt.event_type.strip().lower() not in _types():
        from flashpoint.events.taxonomy import EVENT_TYPES

        raise FilterError("type", f"unknown event type {flt.event_type!r}; one of: {', '.join(EVENT_TYPES)}, "
                                  "or a sub-event type such as 'Peaceful protest'")
    if flt.since and flt.until and flt.since > flt.until:
        raise FilterError("since", f"{flt.since} is after until ({flt.until})")
    if flt.bbox is not None:
        west, south, east, north = flt.bbox
        if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
            raise FilterError("bbox", f"expected west,south,east,north with longitudes in [-180, 180] and "
                                      f"-90 <= south <= north <= 90; got {','.join(map(str, flt.bbox))}")
    if flt.min_fatalities is not None and flt.min_fatalities < 0:
        raise FilterError("min_fatalities", f"must be 0 or more, got {flt.min_fatalities}")


def _like(text: str) -> str:
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def conditions(conn: Connection, flt: EventFilter) -> list:
    """SQL conditions on ``events`` for a filter (``near`` is resolved exactly here)."""
    e = events.c
    where: list = []
    if flt.country:
        code = country_code(flt.country)
        where.append(e.country_code == code if code else false())
    if flt.admin1:
        where.append(func.lower(e.admin1) == flt.admin1.strip().lower())
    if flt.event_type:
        wanted = flt.event_type.strip().lower()
        where.append(or_(func.lower(e.event_type) == wanted, func.lower(e.sub_event_type) == wanted))
    if flt.since:
        where.append(e.date_end >= flt.since)
    if flt.until:
        where.append(e.event_date <= flt.until)
    if flt.min_fatalities is not None:
        where.append(e.fatalities >= flt.min_fatalities)
    if flt.actor:
        pattern = _like(flt.actor)
        by_wording = select(actors.c.event_id).where(
            or_(func.lower(actors.c.name).like(pattern, escape="\\"), func.lower(actors.c.text).like(pattern, escape="\\"))
        )
        # SQLite's LIKE stops at a NUL (so "%00" matched everything); no name holds one
        where.append(e.id.in_(by_wording) if "\x00" not in flt.actor else false())
    if flt.bbox:
        where.extend(in_box(*flt.bbox))
    if flt.near:
        where.append(e.id.in_(_ids_near(conn, where, *flt.near)))
    return where


def in_box(west: float, south: float, east: float, north: float) -> list:
    """Conditions for events whose point is inside the box (west > east wraps the antimeridian)."""
    e = events.c
    lon = e.longitude.between(west, east) if west <= east else or_(e.longitude >= west, e.longitude <= east)
    return [e.latitude.between(south, north), lon]


def _ids_near(conn: Connection, where: list, lat: float, lon: float, km: float) -> list[str]:
    """Ids of events within ``km`` of a point: a bounding box in SQL, then exact distance."""
    dlat = km / 110.0
    dlon = km / (110.0 * max(math.cos(math.radians(lat)), 0.01))
    e = events.c
    box = [e.latitude.between(lat - dlat, lat + dlat)]
    if dlon < 180:
        low, high = lon - dlon, lon + dlon
        # Wrap around the antimeridian.
        if low < -180:
            box.append(or_(e.longitude >= low + 360, e.longitude <= high))
        elif high > 180:
            box.append(or_(e.longitude >= low, e.longitude <= high - 360))
        else:
            box.append(e.longitude.between(low, high))
    rows = conn.execute(select(e.id, e.latitude, e.longitude).where(*where, *box))
    return [r.id for r in rows if haversine_km(lat, lon, r.latitude, r.longitude) <= km]
