"""Exports of merged events: ACLED-style rows, CSV, JSON, GeoJSON and Parquet.

Column names follow ACLED's export where the concept matches, so existing
ACLED workflows read the CSV/Parquet unchanged; flashpoint-only columns
(injuries, source_count, ...) come after them.
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import zlib
from collections.abc import Iterable, Iterator
from typing import IO, Any, Union

from flashpoint.model import ACTOR_KINDS, Actor, Event, to_dict
from flashpoint.store.countries import country_iso3, country_iso_numeric, country_name
from flashpoint.store.notes import notes
from flashpoint.store.outlets import outlets

Target = Union[str, os.PathLike, IO]

# ACLED's 31 export columns, in ACLED's order and spelling, then flashpoint's own.
ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]
EXTRA_COLUMNS = [
    "event_id",
    "evidence",
    "date_end",
    "country_code",
    "geonameid",
    "fatalities_qualifier",
    "fatalities_reported",
    "injuries",
    "source_count",
    "source_urls",
    "article_ids",
    "confidence",
]
COLUMNS = ACLED_COLUMNS + EXTRA_COLUMNS
# ACLED geo_precision: 1 = the named town, 2 = near it / part of a region, 3 = a larger region.
_GEO_PRECISION = {"town": 1, "admin1": 3, "country": 3}
# ACLED's inter labels, in the order of its inter codes 1-8 (model.ACTOR_KINDS).
INTER_LABELS = ("State forces", "Rebel group", "Political militia", "Identity militia", "Rioters", "Protesters",
                "Civilians", "External/Other forces")
# ACLED's disorder type of each event type (Riots split by sub-event type).
_DISORDER = {"Battles": "Political violence", "Explosions/Remote violence": "Political violence",
             "Violence against civilians": "Political violence", "Protests": "Demonstrations",
             "Strategic developments": "Strategic developments"}
_RIOTS = {"Violent demonstration": "Demonstrations", "Mob violence": "Political violence"}


def _inter(actor: Actor | None) -> int | None:
    """ACLED's inter code (1-8) of an actor kind."""
    if actor is None or actor.kind not in ACTOR_KINDS:
        return None
    return ACTOR_KINDS.index(actor.kind) + 1


def _interaction(a: int | None, b: int | None) -> str | None:
    """ACLED's text interaction: "State forces-Civilians", or "Protesters only" for one side."""
    if a is None and b is None:
        return None
    if a is None or b is None:
        return f"{INTER_LABELS[(a or b) - 1]} only"
    low, high = sorted((a, b))
    return f"{INTER_LABELS[low - 1]}-{INTER_LABELS[high - 1]}"


def _label(code: int | None) -> str | None:
    return INTER_LABELS[code - 1] if code else None


def _time_precision(event: Event) -> int | None:
    """ACLED time_precision: 1 = the day, 2 = within a week, 3 = within a month or more."""
    if event.date is None:
        return None
    if event.date.inferred_from:
        return 2  # coded to the day the news was published
    days = (event.date.end - event.date.start).days
    return 1 if days == 0 else 2 if days <= 7 else 3


def disorder_type(event: Event) -> str | None:
    """ACLED's disorder_type of the event's type (None for a type ACLED does not have)."""
    if event.event_type == "Riots":
        return _RIOTS.get(event.sub_event_type, "Political violence")
    return _DISORDER.get(event.event_type)


def event_id_cnty(event: Event) -> str:
    """ACLED-style id: the country's ISO3 code and a number (stable: a checksum of the event's id)."""
    number = zlib.crc32(event.id.encode("utf-8"))
    return f"{country_iso3(event.place.country if event.place else None) or ''}{number}"


def acled_row(event: Event) -> dict[str, Any]:
    """One merged event as a flat dict with the columns in ``COLUMNS`` (unknown = None, never guessed)."""
    place, date = event.place, event.date
    inter1, inter2 = _inter(event.actor1), _inter(event.actor2)
    code = place.country if place else None
    fatalities = event.fatalities.value if event.fatalities else None
    return {
        "event_id_cnty": event_id_cnty(event),
        "event_date": (date.day or date.start).isoformat() if date else None,
        "year": date.start.year if date else None,
        "time_precision": _time_precision(event),
        "disorder_type": disorder_type(event),
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": event.actor1.name if event.actor1 else None,
        "assoc_actor_1": None,
        "inter1": _label(inter1),
        "actor2": event.actor2.name if event.actor2 else None,
        "assoc_actor_2": None,
        "inter2": _label(inter2),
        "interaction": _interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if inter2 == 7 or event.event_type == "Violence against civilians"
        else None,
        "iso": country_iso_numeric(code),
        "region": None,
        "country": country_name(code),
        "admin1": place.admin1 if place else None,
        "admin2": None,
        "admin3": None,
        "location": place.name if place else None,
        "latitude": place.lat if place else None,
        "longitude": place.lon if place else None,
        "geo_precision": _GEO_PRECISION.get(place.precision) if place else None,
        "source": outlets(event),
        "source_scale": None,
        "notes": notes(event),
        # ACLED codes 0 when no death is reported.
        "fatalities": fatalities if fatalities is not None else 0,
        "tags": None,
        "timestamp": None,
        "event_id": event.id,
        "evidence": event.evidence.sentence if event.evidence else None,
        "date_end": date.end.isoformat() if date else None,
        "country_code": code,
        "geonameid": place.geonameid if place else None,
        "fatalities_qualifier": event.fatalities.qualifier if event.fatalities else None,
        "fatalities_reported": "; ".join(str(s.fatalities) for s in event.sources if s.fatalities is not None) or None,
        "injuries": event.injuries.value if event.injuries else None,
        "source_count": len({s.article_id for s in event.sources}),
        "source_urls": " ".join(sorted({s.url for s in event.sources if s.url})) or None,
        "article_ids": " ".join(sorted({s.article_id for s in event.sources})),
        "confidence": round(event.confidence, 4),
    }


def acled_rows(events: Iterable[Event]) -> Iterator[dict[str, Any]]:
    """ACLED-style flat rows (see ``COLUMNS``), one per merged event."""
    for event in events:
        yield acled_row(event)


@contextlib.contextmanager
def _opened(target: Target, mode: str):
    if hasattr(target, "write"):
        yield target
    else:
        with open(target, mode, **({} if "b" in mode else {"encoding": "utf-8", "newline": ""})) as fh:
            yield fh


def write_csv(events: Iterable[Event], target: Target) -> int:
    """Write ACLED-style CSV to a path or text file; returns the number of rows."""
    n = 0
    with _opened(target, "w") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        for row in acled_rows(events):
            writer.writerow(row)
            n += 1
    return n


def write_json(events: Iterable[Event], target: Target) -> int:
    """Write the full events (model.to_dict, with sources and evidence) as a JSON array."""
    n = 0
    with _opened(target, "w") as fh:
        fh.write("[")
        for event in events:
            fh.write(",\n" if n else "\n")
            fh.write(json.dumps(to_dict(event), ensure_ascii=False))
            n += 1
        fh.write("\n]\n" if n else "]\n")
    return n


def geojson_feature(event: Event) -> dict[str, Any]:
    """An RFC 7946 Feature: a Point at [longitude, latitude] (null geometry when unlocated)."""
    place = event.place
    geometry = None
    if place is not None and place.lat is not None and place.lon is not None:
        geometry = {"type": "Point", "coordinates": [place.lon, place.lat]}
    return {"type": "Feature", "id": event.id, "geometry": geometry, "properties": acled_row(event)}


def to_geojson(events: Iterable[Event]) -> dict[str, Any]:
    """An RFC 7946 FeatureCollection of the events (properties are the ACLED-style row)."""
    return {"type": "FeatureCollection", "features": [geojson_feature(e) for e in events]}


def write_geojson(events: Iterable[Event], target: Target) -> int:
    """Write a GeoJSON FeatureCollection; returns the number of features."""
    collection = to_geojson(events)
    with _opened(target, "w") as fh:
        json.dump(collection, fh, ensure_ascii=False)
        fh.write("\n")
    return len(collection["features"])


def parquet_schema():
    """The Arrow schema of the Parquet export (ACLED-style columns and their types)."""
    import pyarrow as pa

    ints = {"year", "time_precision", "iso", "geo_precision", "fatalities", "geonameid", "injuries",
            "source_count", "timestamp"}
    floats = {"latitude", "longitude", "confidence"}
    dates = {"event_date", "date_end"}
    return pa.schema(
        [
            (c, pa.int64() if c in ints else pa.float64() if c in floats else pa.date32() if c in dates else pa.string())
            for c in COLUMNS
        ]
    )


def write_parquet(events: Iterable[Event], target: Target) -> int:
    """Write ACLED-style rows as Parquet (typed columns; dates as date32)."""
    import datetime as dt

    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    rows = list(acled_rows(events))
    columns = {}
    for column in COLUMNS:
        values = [r[column] for r in rows]
        if column in ("event_date", "date_end"):
            values = [dt.date.fromisoformat(v) if v else None for v in values]
        columns[column] = values
    table = pa.Table.from_pydict(columns, schema=schema)
    pq.write_table(table, target)
    return len(rows)
