"""When two extracted events are the same real-world event (see docs/merge.md)."""

from __future__ import annotations

import datetime as dt
import math

from flashpoint.model import Actor, Event, Place

# ACLED's disorder families: a report may call one strike an "attack" (Battles)
# and another an "air strike" (Explosions/Remote violence); both are one event.
TYPE_FAMILIES = {
    "Battles": "political violence",
    "Explosions/Remote violence": "political violence",
    "Violence against civilians": "political violence",
    "Protests": "demonstrations",
    "Riots": "demonstrations",
    "Strategic developments": "strategic developments",
}

MAX_DISTANCE_KM = 25.0
# Reports of one event are often dated a day apart ("on Monday" vs "yesterday").
DATE_SLACK_DAYS = 1
# A window longer than this ("last year") is too vague to identify an event.
MAX_WINDOW_DAYS = 31

EARTH_RADIUS_KM = 6371.0088


def type_family(event_type: str | None) -> str | None:
    """The ACLED disorder family of an event type (None when unknown)."""
    if not event_type:
        return None
    return TYPE_FAMILIES.get(event_type, event_type)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def padded_window(event: Event) -> tuple[dt.date, dt.date] | None:
    """The event's date window widened by the slack, or None when not mergeable."""
    if event.date is None:
        return None
    if (event.date.end - event.date.start).days > MAX_WINDOW_DAYS:
        return None
    slack = dt.timedelta(days=DATE_SLACK_DAYS)
    return event.date.start - slack, event.date.end + slack


def dates_overlap(a: Event, b: Event) -> bool:
    """True when both are dated and their windows overlap (allowing the slack)."""
    wa, wb = padded_window(a), padded_window(b)
    if wa is None or wb is None:
        return False
    # Pad only one side: windows [s, e] overlap within slack iff a's padded window meets b's raw one.
    return wa[0] <= b.date.end and b.date.start <= wa[1]


def _has_coords(place: Place) -> bool:
    return place.lat is not None and place.lon is not None


def places_match(a: Place | None, b: Place | None) -> bool:
    """Same place: towns within MAX_DISTANCE_KM, else the same admin1 / country."""
    if a is None or b is None or not a.country or a.country != b.country:
        return False
    if a.precision == "town" and b.precision == "town":
        if _has_coords(a) and _has_coords(b):
            return haversine_km(a.lat, a.lon, b.lat, b.lon) <= MAX_DISTANCE_KM
        return a.geonameid is not None and a.geonameid == b.geonameid
    if "country" in (a.precision, b.precision):
        # A country-wide report only matches another country-wide report.
        return a.precision == b.precision == "country"
    # One is admin1-precision: the other must sit in the same admin1.
    return bool(a.admin1) and a.admin1 == b.admin1


def _crowd(kind: str) -> str:
    # One outlet's protesters are another's rioters when the crowd turned violent.
    return "crowd" if kind in ("protesters", "rioters") else kind


def _actor_compatible(a: Actor | None, b: Actor | None) -> bool:
    if a is None or b is None:
        return True
    if a.kind and b.kind and _crowd(a.kind) != _crowd(b.kind):
        return False
    if a.country and b.country and a.country != b.country:
        return False
    return True


def actors_compatible(a: Event, b: Event) -> bool:
    """Actors agree (same kind and country where both known), in either order."""
    straight = _actor_compatible(a.actor1, b.actor1) and _actor_compatible(a.actor2, b.actor2)
    swapped = _actor_compatible(a.actor1, b.actor2) and _actor_compatible(a.actor2, b.actor1)
    return straight or swapped


def same_event(a: Event, b: Event) -> bool:
    """True when two extracted events describe the same real-world event.

    Symmetric. Events from the same article never match each other directly
    (the extractor already chose to keep them apart).
    """
    if a.article_id == b.article_id:
        return False
    fa = type_family(a.event_type)
    if fa is None or fa != type_family(b.event_type):
        return False
    return dates_overlap(a, b) and places_match(a.place, b.place) and actors_compatible(a, b)
