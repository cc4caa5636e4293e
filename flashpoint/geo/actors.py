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

from flashpoint.geo.countries import actor_name
from flashpoint.model import Event

# Kinds that are, unless the text says otherwise, of the country they act in.
LOCAL_KINDS = {"state forces", "protesters", "rioters", "civilians",
               "political militia", "rebel group", "identity militia"}
# Inferred rather than read: the provenance confidence is lowered by this factor.
INFERRED = 0.8


def localise_actors(event: Event) -> None:
    """Set the country of the event's unnamed local actors from its place."""
    if event.place is None or not event.place.country:
        return
    for role in ("actor1", "actor2"):
        actor = getattr(event, role)
        if actor is None or actor.country or actor.kind not in LOCAL_KINDS:
            continue
        if actor.name not in (actor_name(actor.kind, None, False), actor_name(actor.kind, None, True)):
            continue  # a named party ("Hezbollah") is not renamed
        police = actor.name.startswith("Police")
        provenance = actor.provenance
        if provenance is not None:
            provenance = dataclasses.replace(provenance, confidence=round(provenance.confidence * INFERRED, 3))
        setattr(event, role, dataclasses.replace(
            actor, country=event.place.country,
            name=actor_name(actor.kind, event.place.country, police), provenance=provenance))
