"""Whether two reports' actors can be the same parties of one incident."""

from __future__ import annotations

import re

from flashpoint.events.actors import unspecified_victims
from flashpoint.incidents.cues import generic_actor_names
from flashpoint.model import Actor

# Kinds that one report may call by another ("militants" in one sentence are
# "gunmen" in the next); any other difference of kind is a different party.
_SIDES = {
    "state forces": "state",
    "rebel group": "armed", "political militia": "armed", "identity militia": "armed",
    # a crowd and the people in it: "villagers beat three men to death" is a mob
    "rioters": "crowd", "protesters": "crowd", "civilians": "crowd",
    "external/other": "external",
}
# Countries that must agree: a state's forces and civilians belong to one country;
# armed groups' countries are often inferred loosely and are not compared.
_COUNTRY_KINDS = {"state forces", "civilians", "external/other"}
_SUFFIX = re.compile(r"\s*(?:\(.*\)|\bof\b.*)$")


def is_named(actor: Actor | None) -> bool:
    """True for a named group ("Al Shabaab"), False for a fallback ("Rebels (Uganda)")."""
    if actor is None or not actor.name:
        return False
    return _SUFFIX.sub("", actor.name).strip().lower() not in generic_actor_names()


def same_party(a: Actor | None, b: Actor | None) -> bool:
    """Both known and surely the same party: one named group, or one kind of one country."""
    if a is None or b is None:
        return False
    if is_named(a) and is_named(b):
        return a.name == b.name
    if a.kind != b.kind or a.kind not in _COUNTRY_KINDS:
        return False
    return bool(a.country) and a.country == b.country


def parties_compatible(a: Actor | None, b: Actor | None) -> bool:
    """No conflict: unknown, or the same side (kind family), country and name."""
    if a is None or b is None or unspecified_victims(a) or unspecified_victims(b):
        return True
    side_a, side_b = _SIDES.get(a.kind or ""), _SIDES.get(b.kind or "")
    if side_a and side_b and side_a != side_b:
        return False
    if is_named(a) and is_named(b) and a.name != b.name:
        return False
    if a.kind in _COUNTRY_KINDS and b.kind in _COUNTRY_KINDS and a.country and b.country:
        return a.country == b.country
    return True


def richness(actor: Actor | None) -> int:
    """How much an actor says: named 3, with a country 2, kind only 1, unknown 0."""
    if actor is None:
        return 0
    if unspecified_victims(actor):
        return 1  # "eight people": another report may say who they were
    if is_named(actor):
        return 3
    return 2 if actor.country else 1


CROWD_KINDS = {"rioters", "protesters"}


def crowd_acts(actor1: Actor | None, actor2: Actor | None) -> bool:
    """A crowd is a party: rioters or protesters on either side, or people acting as a mob."""
    kinds = {a.kind for a in (actor1, actor2) if a is not None}
    return bool(kinds & CROWD_KINDS) or (actor1 is not None and actor1.kind == "civilians")
