"""Reading ACLED export files (CSV from ACLED's export tool or API).

Both layouts in use are accepted: the older one (data_id, iso,
event_id_no_cnty) and the newer one (disorder_type, iso3 ...). Only the
columns flashpoint uses are required; anything else is ignored.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from flashpoint.errors import InputError

REQUIRED = ("event_date", "event_type", "sub_event_type", "actor1", "country", "notes")
OPTIONAL = ("event_id_cnty", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
            "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
            "source", "fatalities", "iso", "iso3", "time_precision")

# ACLED writes dates in several ways depending on the tool and the year.
_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d-%b-%y", "%d-%b-%Y", "%d-%m-%y", "%d/%m/%Y", "%B %d %Y", "%d %b %Y")

csv.field_size_limit(10_000_000)


@dataclass
class AcledRow:
    """One ACLED event as read from an export (strings as written, a few parsed)."""

    line: int
    date: Optional[dt.date]
    event_type: str
    sub_event_type: str
    actor1: str
    inter1: Optional[int]
    actor2: str
    inter2: Optional[int]
    assoc_actors: tuple[str, ...]
    country: str
    admin1: str
    admin2: str
    admin3: str
    location: str
    lat: Optional[float]
    lon: Optional[float]
    geo_precision: Optional[int]
    source: str
    notes: str
    fatalities: Optional[int]
    event_id: str


def parse_acled_date(value: str) -> Optional[dt.date]:
    """An ACLED ``event_date`` in any of the layouts seen in exports, or None."""
    value = value.strip()
    if re.match(r"\d{4}-\d\d-\d\dT", value):
        value = value[:10]
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return None


def _int(value: str) -> Optional[int]:
    try:
        return int(float(value))
    except (TypeError, ValueError):
        return None


def _float(value: str) -> Optional[float]:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def read_acled(path: str | Path) -> Iterator[AcledRow]:
    """The rows of one ACLED export; a file in any other layout is an InputError."""
    path = Path(path)
    try:
        handle = path.open(encoding="utf-8-sig", errors="replace", newline="")
    except OSError as exc:
        raise InputError(str(path), exc.strerror or "cannot be read") from None
    with handle:
        reader = csv.DictReader(handle)
        try:
            header = reader.fieldnames or []
        except csv.Error as exc:
            raise InputError(str(path), f"not a CSV file ({exc})") from None
        missing = [c for c in REQUIRED if c not in header]
        if missing:
            raise InputError(str(path), "not an ACLED export: missing column(s) " + ", ".join(missing))
        try:
            for row in reader:
                yield _row(reader.line_num, row)
        except csv.Error as exc:
            raise InputError(str(path), f"line {reader.line_num}: {exc}") from None


def _row(line: int, row: dict) -> AcledRow:
    get = lambda key: (row.get(key) or "").strip()  # noqa: E731
    assoc = tuple(a.strip() for key in ("assoc_actor_1", "assoc_actor_2")
                  for a in get(key).split(";") if a.strip())
    return AcledRow(
        line=line, date=parse_acled_date(get("event_date")), event_type=get("event_type"),
        sub_event_type=get("sub_event_type"), actor1=get("actor1"), inter1=_int(get("inter1")),
        actor2=get("actor2"), inter2=_int(get("inter2")), assoc_actors=assoc, country=get("country"),
        admin1=get("admin1"), admin2=get("admin2"), admin3=get("admin3"), location=get("location"),
        lat=_float(get("latitude")), lon=_float(get("longitude")), geo_precision=_int(get("geo_precision")),
        source=get("source"), notes=get("notes"), fatalities=_int(get("fatalities")),
        event_id=get("event_id_cnty") or get("data_id") or f"line{line}",
    )
