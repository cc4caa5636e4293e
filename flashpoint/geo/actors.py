"""Giving unnamed local actors the country of the event's place.

ACLED names "the police", "protesters" or "residents" by the country where the
event happened ("Police Forces of Kenya", "Protesters (Chile)"): a report
says "Kenyan police" only when it is not obvious. Foreign parties are named as
such in the text ("Turkish soldiers in Syria"), so an actor that already has a
country keeps it. A named armed group keeps its own country (its reach crosses
borders), but an unnamed one is, as ACLED names it, of the country it acts in:
"Unidentified Armed Group (Haiti)".
"""

from __future__ import annotations

import dataclasses

from flashpoint.geo.countries import acled_territory, actor_name
from flashpoint.model import Actor, Event

# Kinds that are, unless the text says otherwise, of the country they act in.
LOCAL_KINDS = {"state forces", "protesters", "rioters", "civilians",
               "political militia", "rebel group", "identity militia"}
# Inferred rather than read: the provenance confidence is lowered by this factor.
INFERRED = 0.8


def _generic(actor: Actor, country: str | None) -> bool:
    """The actor bears the name ACLED gives an unnamed one of its kind and ``country``
    ("Police Forces of Hong Kong", "Protesters"), not a party's own name."""
    return actor.name in (actor_name(actor.kind, country, False), actor_name(actor.kind, country, True))


def acled_countries(event: Event) -> None:
    """Code a territory GeoNames lists as a country the way ACLED does: a place in Hong
    Kong is in China, admin1 "Hong Kong" (a place naming just the territory becomes that
    admin1), and "Police Forces of Hong Kong" are China's."""
    place = event.place
    territory = acled_territory(place.country) if place is not None else None
    if territory is not None:
        country, admin1 = territory
        precision = "admin1" if place.precision == "country" else place.precision
        event.place = dataclasses.replace(place, country=country, admin1=admin1, precision=precision,
                                          name=admin1 if precision == "admin1" else place.name)
    for role in ("actor1", "actor2"):
        actor = getattr(event, role)
        territory = acled_territory(actor.country) if actor is not None else None
        if territory is None:
            continue
        generic = actor.kind in LOCAL_KINDS and _generic(actor, actor.country)
        name = actor_name(actor.kind, territory[0], actor.name.startswith("Police")) if generic else actor.name
        setattr(event, role, dataclasses.replace(actor, country=territory[0], name=name))


def localise_actors(event: Event) -> None:
    """Set the country of the event's unnamed local actors from its place (after coding
    its place and actors ACLED's way, ``acled_countries``)."""
    acled_countries(event)
    if event.place is None or not event.place.country:
        return
    for role in ("actor1", "actor2"):
        actor = getattr(event, role)
        if actor is None or actor.country or actor.kind not in LOCAL_KINDS:
            continue
        if not _generic(actor, None):
            continue  # a named party ("Hezbollah") is not renamed
        police = actor.name.startswith("Police")
        provenance = actor.provenance
        if provenance is not None:
            provenance = dataclasses.replace(provenance, confidence=round(provenance.confidence * INFERRED, 3))
        setattr(event, role, dataclasses.replace(
            actor, country=event.place.country,
            name=actor_name(actor.kind, event.place.country, police), provenance=provenance))
