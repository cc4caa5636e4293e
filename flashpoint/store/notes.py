"""ACLED-style ``notes``: one sentence that says what the coded fields say.

ACLED writes "On 1 December 2023, police fired shots in Djibo (Djibo, Soum)."
Built from the event's own fields only, so the note can never claim more than
the row does; the sentence the event was read from goes in ``evidence``.
"""

from __future__ import annotations

from flashpoint.model import Event
from flashpoint.store.countries import country_name

# What happened, by sub-event type (falls back to the event type in lower case).
_WHAT = {
    "Armed clash": "clashed with",
    "Air/drone strike": "carried out an air/drone strike on",
    "Shelling/artillery/missile attack": "shelled",
    "Remote explosive/landmine/IED": "detonated an explosive against",
    "Suicide bomb": "carried out a suicide bombing against",
    "Grenade": "threw a grenade at",
    "Attack": "attacked",
    "Abduction/forced disappearance": "abducted",
    "Sexual violence": "sexually assaulted",
    "Peaceful protest": "held a peaceful protest",
    "Protest with intervention": "held a protest that was dispersed",
    "Excessive force against protesters": "used excessive force against",
    "Violent demonstration": "took part in a violent demonstration",
    "Mob violence": "took part in mob violence against",
    "Arrests": "arrested",
    "Looting/property destruction": "looted or destroyed property of",
}


_TRANSITIVE = {"shelled", "attacked", "abducted", "arrested", "sexually assaulted"}


def _when(event: Event) -> str:
    if event.date is None:
        return ""
    start, end = event.date.start, event.date.end
    day = f"{start.day} {start:%B %Y}"
    return f"On {day}, " if start == end else f"Between {day} and {end.day} {end:%B %Y}, "


def _where(event: Event) -> str:
    place = event.place
    if place is None:
        return ""
    parts = [p for p in (place.admin1, country_name(place.country)) if p and p != place.name]
    return f" in {place.name}" + (f" ({', '.join(parts)})" if parts else "")


def notes(event: Event) -> str:
    """A one-sentence ACLED-style summary of the event's coded fields."""
    who = event.actor1.name if event.actor1 else "unidentified actors"
    verb = _WHAT.get(event.sub_event_type, f"were involved in an event of type {event.sub_event_type or event.event_type}")
    target = event.actor2.name if event.actor2 else None
    if verb in _TRANSITIVE or verb.endswith((" with", " on", " against", " at", " of")):
        what = f"{verb} {target or 'unidentified targets'}"
    else:
        what = verb + (f" ({target} also involved)" if target else "")
    sentence = f"{_when(event)}{who} {what}{_where(event)}."
    sentence = sentence[0].upper() + sentence[1:]
    if event.fatalities is not None:
        n = event.fatalities.value
        qualifier = "" if event.fatalities.qualifier in (None, "exact") else f"{event.fatalities.qualifier} "
        sentence += f" Fatalities: {qualifier}{n}."
    return sentence
