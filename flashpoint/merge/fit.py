"""How well two compatible reports fit each other, and why they were merged.

The score only ranks choices between compatible reports (which event a report
joins, which two clusters join first); compatibility itself is decided in
``flashpoint.merge.rules``.
"""

from __future__ import annotations

from flashpoint.merge.rules import MAX_DISTANCE_KM, actor_compatible, town_distance_km
from flashpoint.model import Actor, Event, EventDate, Place


def _date_fit(a: EventDate, b: EventDate) -> float:
    if a.exact and b.exact:
        return 3.0 if a.start == b.start else 1.5
    width = (a.end - a.start).days + (b.end - b.start).days
    return 2.0 / (1.0 + 0.25 * width)


def _place_fit(a: Place, b: Place) -> float:
    if a.precision == b.precision == "town":
        far = town_distance_km(a, b)
        if far is None or far > MAX_DISTANCE_KM:
            return 0.75  # a town named like its province, and a town in that province
        return 3.0 * (1.0 - far / (2 * MAX_DISTANCE_KM))
    if a.precision == b.precision:
        return 1.0
    if "country" in (a.precision, b.precision):
        return 0.25  # a country-wide report
    return 0.75  # a town inside the other's admin1


def _actor_fit(a: Actor | None, b: Actor | None) -> float:
    if a is None or b is None:
        return 0.0
    if a.name and a.name == b.name:
        return 1.0
    return 0.5 if a.kind and a.kind == b.kind else 0.25


def _actors_fit(a: Event, b: Event) -> float:
    straight = _actor_fit(a.actor1, b.actor1) + _actor_fit(a.actor2, b.actor2)
    if not (actor_compatible(a.actor1, b.actor1) and actor_compatible(a.actor2, b.actor2)):
        straight = -1.0
    swapped = _actor_fit(a.actor1, b.actor2) + _actor_fit(a.actor2, b.actor1)
    return max(straight, swapped - 0.25)  # told in the same order fits a little better


def _toll_fit(a: Event, b: Event) -> float:
    if a.fatalities is None or b.fatalities is None:
        return 0.0
    x, y = a.fatalities.value, b.fatalities.value
    return 1.0 - abs(x - y) / max(x, y, 1)


def fit(a: Event, b: Event) -> float:
    """How well two compatible reports fit as one event (higher is better)."""
    score = _date_fit(a.date, b.date) + _place_fit(a.place, b.place) + _actors_fit(a, b) + _toll_fit(a, b)
    score += 1.0 if a.sub_event_type == b.sub_event_type else 0.0
    return score


def _date_words(a: EventDate, b: EventDate) -> str:
    if a.exact and b.exact:
        return f"same day {a.start}" if a.start == b.start else f"a night's event dated {a.start} / {b.start}"
    return f"dates overlap ({a.start}..{a.end} / {b.start}..{b.end})"


def _place_words(a: Place, b: Place) -> str:
    if a.precision == b.precision == "town":
        far = town_distance_km(a, b)
        if far is not None and far > MAX_DISTANCE_KM:
            return f"{a.name} / {b.name}: one is named like the province {a.admin1}, the other lies in it"
        return f"same place {a.name}" if not far else f"{a.name} / {b.name} {far:.1f} km apart"
    if a.precision == b.precision:
        return f"same {a.precision} {a.name}"
    town, region = (a, b) if a.precision == "town" else (b, a)
    return f"{town.name} lies in {region.name} ({region.precision})"


def _side(actor: Actor | None) -> str:
    return actor.name if actor is not None else "?"


def why(member: Event, other: Event) -> str:
    """One line saying why ``member`` was merged with ``other`` (both compatible)."""
    parts = [
        f"{member.id} with {other.id}",
        _date_words(member.date, other.date),
        _place_words(member.place, other.place),
        f"types {member.sub_event_type} / {other.sub_event_type}",
    ]
    if any(a is not None for a in (member.actor1, member.actor2, other.actor1, other.actor2)):
        parts.append(f"actors {_side(member.actor1)} -> {_side(member.actor2)} / {_side(other.actor1)} -> {_side(other.actor2)}")
    if member.fatalities is not None and other.fatalities is not None:
        parts.append(f"tolls {member.fatalities.value} / {other.fatalities.value}")
    return "; ".join(parts)
