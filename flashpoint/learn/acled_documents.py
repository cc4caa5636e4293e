"""ACLED events as flashpoint Documents, so they share a database with extracted ones.

Each row becomes one Article (its notes as text, source "ACLED") holding one
Event with ACLED's own coding: types, actors with the kind their inter code
gives, place with coordinates, date and fatalities.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Optional

from flashpoint.learn.acled_csv import AcledRow, read_acled
from flashpoint.learn.dictionaries import INTER_KINDS
from flashpoint.model import Actor, Article, Count, Document, Event, EventDate, Place, Provenance, Source

SOURCE = "ACLED"
# ACLED geo_precision: 1 the named town, 2 near it / part of a region, 3 a larger region.
PRECISION = {1: "town", 2: "town", 3: "admin1"}


def acled_documents(path: str | Path) -> Iterator[Document]:
    """One Document per dated row of an ACLED export (rows without a date are skipped)."""
    from flashpoint.geo.countries import country_code

    for row in read_acled(path):
        if row.date is not None and row.sub_event_type:
            yield _document(row, country_code(row.country))


def _document(row: AcledRow, country: Optional[str]) -> Document:
    article_id = f"acled:{row.event_id}"
    text = row.notes or f"{row.sub_event_type} in {row.location}, {row.country}"
    whole = Provenance(article_id, text, 0, len(text), 0, len(text), 1.0)
    article = Article(id=article_id, text=text, date=row.date, source=SOURCE, title=row.source or None)
    deaths = Count(row.fatalities, "exact", provenance=whole) if row.fatalities is not None else None
    place = None
    if row.location and row.lat is not None and row.lon is not None:
        place = Place(name=row.location, text=row.location, precision=PRECISION.get(row.geo_precision, "town"),
                      country=country, admin1=row.admin1 or None, lat=row.lat, lon=row.lon, provenance=whole)
    event = Event(
        id=f"{article_id}-1", article_id=article_id, event_type=row.event_type,
        sub_event_type=row.sub_event_type, evidence=whole, confidence=1.0,
        actor1=_actor(row.actor1, row.inter1, country, whole),
        actor2=_actor(row.actor2, row.inter2, country, whole),
        place=place, date=EventDate(row.date, row.date, provenance=whole), fatalities=deaths,
        sources=[Source(article_id=article_id, evidence=whole, fatalities=row.fatalities)],
        classified_by=SOURCE,
    )
    return Document(article=article, events=[event])


def _actor(name: str, inter: Optional[int], country: Optional[str], whole: Provenance) -> Optional[Actor]:
    if not name:
        return None
    kind = INTER_KINDS.get(inter)
    # ACLED's own names carry their country ("Military Forces of Kenya (2013-)"); else the event's.
    return Actor(name=name, text=name, kind=kind, country=country, provenance=whole)
