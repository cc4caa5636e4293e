"""Blocking keys: coarse buckets so that any two matching events share one.

Used by the store (to find stored candidates for a new event) and by the Spark
job (to split the merge into independent blocks). The guarantee, relied on by
both: if ``same_event(a, b)`` then ``set(blocking_keys(a)) & set(blocking_keys(b))``
is not empty. A key is a tuple of str/int; ``key_str`` gives a stable string.
"""

from __future__ import annotations

import math

from flashpoint.merge.rules import MAX_DISTANCE_KM, padded_window, region_named, type_family
from flashpoint.model import Event

BUCKET_DAYS = 7
CELL_DEGREES = 1.0
_KM_PER_DEGREE = 111.0  # slightly under the true 111.2, so boxes err on the wide side


def _time_buckets(event: Event) -> list[int]:
    window = padded_window(event)
    if window is None:
        return []
    first, last = window[0].toordinal() // BUCKET_DAYS, window[1].toordinal() // BUCKET_DAYS
    return list(range(first, last + 1))


def _cells(lat: float, lon: float) -> list[tuple]:
    """Grid cells touched by the box of MAX_DISTANCE_KM around a point."""
    dlat = MAX_DISTANCE_KM / _KM_PER_DEGREE
    dlon = MAX_DISTANCE_KM / (_KM_PER_DEGREE * max(math.cos(math.radians(lat)), 0.01))
    dlon = min(dlon, 180.0)
    rows = range(math.floor((lat - dlat) / CELL_DEGREES), math.floor((lat + dlat) / CELL_DEGREES) + 1)
    first_col = math.floor((lon - dlon) / CELL_DEGREES)
    last_col = math.floor((lon + dlon) / CELL_DEGREES)
    n_cols = round(360 / CELL_DEGREES)
    cols = sorted({c % n_cols for c in range(first_col, last_col + 1)})  # wrap at the antimeridian
    return [("cell", r, c) for r in rows for c in cols]


def _geo_keys(event: Event, probe: bool = False) -> list[tuple]:
    place = event.place
    if place is None or not place.country:
        return []
    if place.precision == "country":
        # stored under "country-only" too, where located reports look for it
        return [("country", place.country)] if probe else [("country", place.country), ("country-only", place.country)]
    # a country-wide report may join a located one (rules.country_wide_evidence): it
    # finds located reports under "country" (there only pairs with a country-wide
    # member are compared, cluster.py); a located report looks only under "country-only"
    keys: list[tuple] = [("country-only", place.country) if probe else ("country", place.country)]
    if place.admin1:
        # likewise a town looks only at its admin1's admin1-wide reports (and towns
        # named like it): other towns it meets in its cells
        wide = place.precision != "town" or region_named(place)
        admin1 = ("admin1", place.country, place.admin1)
        admin1_wide = ("admin1-wide", place.country, place.admin1)
        if probe:
            keys.append(admin1 if wide else admin1_wide)
        else:
            keys.extend([admin1, admin1_wide] if wide else [admin1])
    if place.precision == "town":
        if place.lat is not None and place.lon is not None:
            keys.extend(_cells(place.lat, place.lon))
        if place.geonameid is not None:
            keys.append(("geonameid", place.geonameid))
    return keys


def _keys(event: Event, probe: bool) -> list[tuple]:
    family = type_family(event.event_type)
    buckets = _time_buckets(event)
    geo = _geo_keys(event, probe)
    if family is None or not buckets or not geo:
        return [("solo", event.id)]
    return [(family, bucket, *g) for bucket in buckets for g in geo]


def blocking_keys(event: Event) -> list[tuple]:
    """The blocks an event belongs to: (family, week bucket, geographic key).

    An event that can never match another (no date, place or type) gets one
    key of its own, ``("solo", event.id)``, so it still passes through a block.
    """
    return _keys(event, probe=False)


def probe_keys(event: Event) -> list[tuple]:
    """The blocks to look in for stored reports compatible with ``event`` (the store):
    if ``compatible(new, old)`` then ``probe_keys(new)`` meets ``blocking_keys(old)``.
    Unlike ``blocking_keys`` a located report does not look in its country's whole
    block, only at the country-wide reports in it ("country-only"), and a town not
    named like its province only at its admin1's admin1-wide reports ("admin1-wide")."""
    return _keys(event, probe=True)


def key_str(key: tuple) -> str:
    """A stable string form of a blocking key (for SQL columns and Spark keys)."""
    return "|".join(str(part) for part in key)
