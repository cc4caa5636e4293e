"""Model objects <-> table rows. Each object is also kept whole as JSON (``data``)."""

from __future__ import annotations

import json

from flashpoint.model import Article, Event, Quote, from_dict, to_dict
from flashpoint.store.countries import country_name
from flashpoint.store.outlets import outlets


# ACLED export columns kept as columns of ``events`` (the view events_flat shows
# them in ACLED's order); ACLED's notes are kept as ``summary``.
ACLED_STORED = ("event_id_cnty", "year", "time_precision", "disorder_type", "inter1", "inter2", "interaction",
                "civilian_targeting", "iso")


def dump(obj) -> str:
    """A model object as compact JSON."""
    return json.dumps(to_dict(obj), ensure_ascii=False, separators=(",", ":"))


def load_event(data: str) -> Event:
    """An Event from its JSON."""
    return from_dict(Event, json.loads(data))


def load_quote(data: str) -> Quote:
    """A Quote from its JSON."""
    return from_dict(Quote, json.loads(data))


def article_row(article: Article, now) -> dict:
    """The ``articles`` row of an article."""
    return {
        "id": article.id,
        "url": article.url,
        "title": article.title,
        "source": article.source,
        "outlet": article.outlet,
        "date": article.date,
        "text": article.text,
        "ingested_at": now,
    }


def article_from_row(row) -> Article:
    """An Article from its row."""
    return Article(id=row.id, text=row.text, date=row.date, url=row.url, title=row.title, source=row.source,
                   outlet=row.outlet)


def event_row(event: Event) -> dict:
    """The flattened ``events`` row of a merged event (with its ACLED export columns)."""
    from flashpoint.store.export import acled_row  # export builds on this module

    a1, a2, place, date = event.actor1, event.actor2, event.place, event.date
    acled = acled_row(event)
    return {
        **{column: acled[column] for column in ACLED_STORED},
        "summary": acled["notes"],
        "id": event.id,
        "event_date": date.start if date else None,
        "date_end": date.end if date else None,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": a1.name if a1 else None,
        "actor1_kind": a1.kind if a1 else None,
        "actor1_country": a1.country if a1 else None,
        "actor2": a2.name if a2 else None,
        "actor2_kind": a2.kind if a2 else None,
        "actor2_country": a2.country if a2 else None,
        "country_code": place.country if place else None,
        "country": country_name(place.country) if place else None,
        "admin1": place.admin1 if place else None,
        "location": place.name if place else None,
        "latitude": place.lat if place else None,
        "longitude": place.lon if place else None,
        "geo_precision": place.precision if place else None,
        "geonameid": place.geonameid if place else None,
        "fatalities": event.fatalities.value if event.fatalities else None,
        "fatalities_qualifier": event.fatalities.qualifier if event.fatalities else None,
        "injuries": event.injuries.value if event.injuries else None,
        "confidence": event.confidence,
        "notes": event.evidence.sentence if event.evidence else None,
        "source": outlets(event),
        "source_count": len({s.article_id for s in event.sources}),
        "article_id": event.article_id,
        "data": dump(event),
    }


def actor_rows(event: Event) -> list[dict]:
    """The ``actors`` rows of a merged event."""
    return [
        {"event_id": event.id, "role": role, "name": a.name, "text": a.text, "kind": a.kind, "country": a.country}
        for role, a in (("actor1", event.actor1), ("actor2", event.actor2))
        if a is not None
    ]


def place_rows(event: Event) -> list[dict]:
    """The ``places`` rows of a merged event (zero or one)."""
    p = event.place
    if p is None:
        return []
    return [
        {
            "event_id": event.id,
            "name": p.name,
            "text": p.text,
            "precision": p.precision,
            "country": p.country,
            "admin1": p.admin1,
            "latitude": p.lat,
            "longitude": p.lon,
            "geonameid": p.geonameid,
        }
    ]


def report_row(event: Event, merged_id: str, url: str | None) -> dict:
    """The ``event_sources`` row of one extracted event."""
    ev, date = event.evidence, event.date
    return {
        "id": event.id,
        "event_id": merged_id,
        "article_id": event.article_id,
        "url": url,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "event_date": date.start if date else None,
        "date_end": date.end if date else None,
        "fatalities": event.fatalities.value if event.fatalities else None,
        "injuries": event.injuries.value if event.injuries else None,
        "sentence": ev.sentence if ev else None,
        "sentence_start": ev.sentence_start if ev else None,
        "sentence_end": ev.sentence_end if ev else None,
        "evidence_start": ev.start if ev else None,
        "evidence_end": ev.end if ev else None,
        "confidence": event.confidence,
        "data": dump(event),
    }


def quote_row(quote: Quote) -> dict:
    """The ``quotes`` row of a quote."""
    return {
        "id": quote.id,
        "article_id": quote.article_id,
        "text": quote.text,
        "speaker": quote.speaker,
        "role": quote.role,
        "start": quote.provenance.start if quote.provenance else None,
        "end": quote.provenance.end if quote.provenance else None,
        "confidence": quote.confidence,
        "data": dump(quote),
    }
