"""Aggregates for the map and charts, computed in SQL so they stay light at 100,000+ events.

``stats``: counts by week, type and country, how many events have a point and
the box around them. ``map_view``: what one map view (a filter with a
``bbox``, and a zoom level) shows: the events themselves as light GeoJSON
features when there are few, otherwise grid cells with counts and fatality sums.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from sqlalchemy import Connection, Integer, cast, func, select

from flashpoint.store.filters import EventFilter, conditions
from flashpoint.store.schema import events

# At most this many events are sent as points; a view holding more is sent as grid cells.
MAX_FEATURES = 2000
# A grid cell is about this many screen pixels wide (256-pixel map tiles).
CELL_PIXELS = 64


def stats(conn: Connection, flt: EventFilter) -> dict:
    """Counts for charts: by ISO week (Monday) with fatalities, by type, by country, the total,
    how many have coordinates (``located``) and their box (``bounds``: [south, west, north, east])."""
    e = events.c
    where = conditions(conn, flt)
    dead = func.coalesce(func.sum(e.fatalities), 0)
    weeks: dict[dt.date, list[int]] = {}
    total = 0
    for day, n, fatalities in conn.execute(select(e.event_date, func.count(), dead).where(*where).group_by(e.event_date)):
        total += n
        if day is None:
            continue
        week = weeks.setdefault(day - dt.timedelta(days=day.weekday()), [0, 0])
        week[0] += n
        week[1] += int(fatalities)

    def counted(column) -> dict[str, int]:
        found = conn.execute(select(column, func.count()).where(*where).group_by(column)).all()
        return {name or "unknown": n for name, n in sorted(found, key=lambda r: (-r[1], r[0] or ""))}

    located = where + [e.latitude.is_not(None), e.longitude.is_not(None)]
    box = conn.execute(select(func.count(), func.min(e.latitude), func.min(e.longitude), func.max(e.latitude),
                              func.max(e.longitude)).where(*located)).one()
    return {
        "by_week": [{"week": w.isoformat(), "events": n, "fatalities": f} for w, (n, f) in sorted(weeks.items())],
        "by_type": counted(e.event_type),
        "by_country": counted(e.country_code),
        "total": total,
        "located": box[0],
        "bounds": list(box[1:]) if box[0] else None,
    }


def cell_degrees(zoom: int) -> float:
    """The grid cell size at a zoom level: about CELL_PIXELS wide on screen."""
    return 360.0 / (2 ** zoom) * CELL_PIXELS / 256


def _cell(conn: Connection, column, low: float, size: float):
    """The cell index of a coordinate (floor of (value - low) / size, the value never below low)."""
    scaled = (column - low) / size
    if conn.dialect.name == "sqlite":
        return cast(scaled, Integer)  # truncation is floor for values >= 0
    return cast(func.floor(scaled), Integer)


def map_view(conn: Connection, flt: EventFilter, zoom: int, max_features: int = MAX_FEATURES) -> dict:
    """What the map shows for a filter (its ``bbox`` is the view; None = the world) at a zoom level.

    ``total``: events with a point in the view. ``features``: a GeoJSON
    FeatureCollection of them with light properties when ``total`` is at most
    ``max_features``, else None. ``clusters``: otherwise one entry per grid
    cell: its event count, fatality sum, most frequent event type, the mean
    point and the box of its events ([south, west, north, east]); the counts
    add up to ``total``.
    """
    flt = flt if flt.bbox else replace(flt, bbox=(-180.0, -90.0, 180.0, 90.0))
    e = events.c
    where = conditions(conn, flt)
    total = conn.scalar(select(func.count()).select_from(events).where(*where))
    result = {"total": total, "zoom": zoom, "features": None, "clusters": None}
    if total <= max_features:
        rows = conn.execute(select(e.id, e.latitude, e.longitude, e.event_type, e.sub_event_type, e.fatalities,
                                   e.event_date, e.location).where(*where).order_by(e.id)).all()
        result["features"] = {"type": "FeatureCollection", "features": [_feature(r) for r in rows]}
        return result
    size = cell_degrees(zoom)
    ix, iy = _cell(conn, e.longitude, -180.0, size).label("ix"), _cell(conn, e.latitude, -90.0, size).label("iy")
    query = select(
        ix, iy, e.event_type, func.count().label("n"), func.coalesce(func.sum(e.fatalities), 0).label("dead"),
        func.sum(e.latitude).label("lat"), func.sum(e.longitude).label("lon"),
        func.min(e.latitude).label("south"), func.min(e.longitude).label("west"),
        func.max(e.latitude).label("north"), func.max(e.longitude).label("east"),
    ).where(*where).group_by(ix, iy, e.event_type)
    cells: dict[tuple[int, int], dict] = {}
    for r in conn.execute(query):
        cell = cells.setdefault((r.ix, r.iy), {"count": 0, "fatalities": 0, "lat": 0.0, "lon": 0.0, "types": {},
                                               "bounds": [r.south, r.west, r.north, r.east]})
        cell["count"] += r.n
        cell["fatalities"] += int(r.dead)
        cell["lat"] += r.lat
        cell["lon"] += r.lon
        cell["types"][r.event_type or "unknown"] = r.n
        b = cell["bounds"]
        cell["bounds"] = [min(b[0], r.south), min(b[1], r.west), max(b[2], r.north), max(b[3], r.east)]
    result["clusters"] = [
        {
            "count": c["count"],
            "fatalities": c["fatalities"],
            "event_type": max(sorted(c["types"]), key=c["types"].get),
            "lat": round(c["lat"] / c["count"], 5),
            "lon": round(c["lon"] / c["count"], 5),
            "bounds": c["bounds"],
        }
        for _, c in sorted(cells.items())
    ]
    result["cell_degrees"] = size
    return result


def _feature(row) -> dict:
    """A light GeoJSON Feature for the map: the point and what its marker and tooltip need."""
    return {
        "type": "Feature",
        "id": row.id,
        "geometry": {"type": "Point", "coordinates": [row.longitude, row.latitude]},
        "properties": {
            "event_type": row.event_type,
            "sub_event_type": row.sub_event_type,
            "fatalities": row.fatalities,
            "event_date": row.event_date.isoformat() if row.event_date else None,
            "location": row.location,
        },
    }
