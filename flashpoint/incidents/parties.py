"""ACLED's naming of an incident's parties once its type and country are known.

- A demonstration's crowd is its actor1, named by the event type: "Protesters (X)"
  for a protest, "Rioters (X)" for a riot, whatever the text called the people
  ("residents", "students", "activists"); state forces facing the crowd are actor2.
- Where the text names no party, the sub-event type's default from
  ``data/type_actors.tsv`` stands in (an unclaimed bombing is an "Unidentified Armed
  Group (X)"'s; an attack's victims are "Civilians (X)"), with a low confidence and
  provenance at the sentence that reports the incident.
- Unnamed local parties take the incident's country (``geo.actors.localise_actors``).
- State forces acting outside their country are "external/other" (ACLED inter code 8),
  except in hostilities between two states' forces, where both stay state forces.
"""

from __future__ import annotations

import dataclasses
import functools

from flashpoint.geo.actors import localise_actors
from flashpoint.geo.countries import actor_name
from flashpoint.incidents.cues import DATA
from flashpoint.model import Actor, Event, Provenance

CROWDS = {"protesters", "rioters", "civilians"}
STATE, EXTERNAL = "state forces", "external/other"
# Event types in which two states' forces face each other as enemies.
HOSTILE_TYPES = {"Battles", "Explosions/Remote violence"}
# A party the text does not name but the type implies: this confidence.
DEFAULT_CONFIDENCE = 0.35


@functools.lru_cache(maxsize=1)
def type_actors() -> dict[tuple[str, str], str]:
    """(sub-event type, role) -> the kind of party that type implies."""
    table = {}
    for line in (DATA / "type_actors.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            sub_event, role, kind = line.split("\t")
            table[(sub_event, role)] = kind.strip()
    return table


def _renamed(actor: Actor, kind: str) -> Actor:
    """A crowd called by the kind its event gives it ("residents" -> rioters)."""
    return dataclasses.replace(actor, kind=kind, name=actor_name(kind, actor.country, False))


def _implied(kind: str, event: Event) -> Actor:
    where = event.evidence
    return Actor(name=actor_name(kind, None, False), text="", kind=kind, country=None,
                 provenance=Provenance(article_id=where.article_id, sentence=where.sentence,
                                       sentence_start=where.sentence_start, sentence_end=where.sentence_end,
                                       start=where.sentence_start, end=where.sentence_start,
                                       confidence=DEFAULT_CONFIDENCE))


def _crowd_first(event: Event, kind: str) -> None:
    """A demonstration's crowd as actor1 (named ``kind``), the forces facing it as actor2."""
    a1, a2 = event.actor1, event.actor2
    if a1 is not None and a1.kind == STATE and (a2 is None or a2.kind in CROWDS):
        event.actor1, event.actor2 = a2, a1  # "police dispersed the protesters"
    if event.actor1 is not None and event.actor1.kind in CROWDS and event.actor1.kind != kind:
        event.actor1 = _renamed(event.actor1, kind)


def name_parties(event: Event) -> Event:
    """Fill and name the incident's parties the ACLED way (see the module docstring)."""
    defaults = type_actors()
    crowd = defaults.get((event.sub_event_type, "actor1"))
    if crowd in CROWDS:
        _crowd_first(event, crowd)
    for role in ("actor1", "actor2"):
        kind = defaults.get((event.sub_event_type, role))
        if kind and getattr(event, role) is None:
            setattr(event, role, _implied(kind, event))
    localise_actors(event)
    _mark_external(event)
    return event


def _mark_external(event: Event) -> None:
    home = event.place.country if event.place is not None else None
    if not home:
        return
    forces = [a for a in (event.actor1, event.actor2) if a is not None and a.kind == STATE]
    interstate = event.event_type in HOSTILE_TYPES and len({a.country for a in forces}) == 2 and all(
        a.country for a in forces)
    for role in ("actor1", "actor2"):
        actor = getattr(event, role)
        if actor is not None and actor.kind == STATE and actor.country and actor.country != home and not interstate:
            setattr(event, role, dataclasses.replace(actor, kind=EXTERNAL))
