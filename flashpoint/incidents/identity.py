"""Whether two event reports in one article can be the same real incident.

Two reports are one incident when nothing known about them conflicts: a
compatible type (one family of violence, one of crowds, violence that a crowd
takes part in with a crowd event; a strategic development only with its own kind
or with the violent or crowd incident it can be part of), dates, places, actors
and tolls. Unknown never conflicts. A report whose
own sentence announces another incident ("In a separate attack ...") is never
one with what came before it.
"""

from __future__ import annotations

import re

from flashpoint.incidents.actors import crowd_acts, parties_compatible, same_party
from flashpoint.events.separate import announces_other
from flashpoint.incidents.cues import absorbed_developments, hedged, refers_back, revises_toll, sums_up, tells_sequel
from flashpoint.incidents.places import named_within, places_compatible, same_place
from flashpoint.events.taxonomy import DISTINCT_WEAPONS
from flashpoint.model import Count, Event, EventDate

BATTLES, EXPLOSIONS, CIVILIANS_TYPE = "Battles", "Explosions/Remote violence", "Violence against civilians"
PROTESTS, RIOTS, STRATEGIC = "Protests", "Riots", "Strategic developments"
FAMILIES = {BATTLES: "violence", EXPLOSIONS: "violence", CIVILIANS_TYPE: "violence",
            PROTESTS: "crowd", RIOTS: "crowd"}
# Violence told in words that do not say who fought or how ("clashes", "attacked").
GENERIC_VIOLENCE = ("Armed clash", "Attack")
# A reported date read off a reporting verb ("said on Monday") is this unsure or less.
REPORTING_CONFIDENCE = 0.6
# Times of day at which one night's incident is told as either of two days.
_EDGE_OF_DAY = re.compile(r"\b(?:night|overnight|late|evening|early|midnight|dawn|pre-dawn)\b", re.I)
# Two reports of one incident give tolls at most this far apart (absolute or relative).
TOLL_SLACK, TOLL_SPREAD = 2, 0.3


def family(event: Event) -> str:
    """The type family: "violence", "crowd", or the strategic sub-event type itself."""
    return FAMILIES.get(event.event_type) or f"{event.event_type}:{event.sub_event_type}"


def types_compatible(a: Event, b: Event) -> bool:
    """One family, a strategic development that the other's incident can include, or
    violence in which a crowd takes part and a protest or riot ("six rioters were killed")."""
    if {a.sub_event_type, b.sub_event_type} == DISTINCT_WEAPONS:
        return False  # shelling from the ground and a strike from the air are two events (ACLED)
    if family(a) == family(b):
        return True
    if {family(a), family(b)} == {"violence", "crowd"}:
        violent = a if family(a) == "violence" else b
        if violent.actor1 is None and violent.actor2 is None:
            # "clashes on a major highway" told of a protest: nothing says who else fought
            return violent.sub_event_type in GENERIC_VIOLENCE
        if violent.sub_event_type in GENERIC_VIOLENCE and _unnamed_or_state(violent.actor1) \
                and violent.actor2 is not None and violent.actor2.kind in ("civilians", "protesters"):
            return True  # "five people were killed by gunfire" on a day of protests: shot at the protest
        return crowd_acts(violent.actor1, violent.actor2)
    absorbed = absorbed_developments()
    return b.event_type in absorbed.get(a.sub_event_type, ()) or a.event_type in absorbed.get(b.sub_event_type, ())


# How many days before the telling day an event another sentence dates may still be the one told.
TOLD_AFTER_DAYS = 6


def _unnamed_or_state(actor) -> bool:
    return actor is None or actor.kind == "state forces"


def _known_date(event: Event) -> EventDate | None:
    date = event.date
    return None if date is None or getattr(date, "inferred_from", None) else date


def _loose(date: EventDate) -> bool:
    """A day that may be off by one: a reporting date, or "late Sunday"/"overnight"."""
    return _reported(date) or bool(_EDGE_OF_DAY.search(date.text or ""))


def dates_compatible(a: EventDate | None, b: EventDate | None) -> bool:
    """Unknown, overlapping ranges, or the same day (a day apart when either is loose)."""
    if a is None or b is None:
        return True
    if a.exact and b.exact and abs((a.start - b.start).days) == 1:
        return _loose(a) or _loose(b)
    for told, other in ((a, b), (b, a)):
        # "residents said Saturday" dates the telling: the attack "on Thursday" came before it
        if _told_day(told) and other.end <= told.end and (told.start - other.start).days <= TOLD_AFTER_DAYS:
            return True
    return a.start <= b.end and b.start <= a.end


def _reported(date: EventDate) -> bool:
    """A date read off a reporting verb ("..., officials said on Monday"): as unsure as that."""
    return date.provenance is not None and date.provenance.confidence < REPORTING_CONFIDENCE


def _told_day(date: EventDate) -> bool:
    """A date read only from the day the news was told: that day or the one before."""
    return _reported(date) and (date.end - date.start).days <= 1


def _sentence(count: Count, event: Event) -> str:
    return count.provenance.sentence if count.provenance is not None else event.evidence.sentence


def toll_hedged(count: Count, event: Event) -> bool:
    """True when a figure is not one incident's reported toll: a claim or a guess
    (judged by the words around it), or a total over several incidents."""
    prov = count.provenance
    if prov is None:
        return hedged(event.evidence.sentence) or sums_up(event.evidence.sentence)
    return hedged(prov.sentence, prov.start - prov.sentence_start, prov.end - prov.sentence_start) \
        or sums_up(prov.sentence)


def tolls_compatible(earlier: Event, later: Event) -> bool:
    """Tolls that can describe one incident: close figures, a claim, a guess or a total
    (never decisive), one side's losses in a battle, or a later sentence that raises
    the figure ("rose to 13")."""
    a, b = earlier.fatalities, later.fatalities
    if a is None or b is None:
        return True
    if toll_hedged(a, earlier) or toll_hedged(b, later):
        return True
    # sources differ a little ("at least 12", "13"); "at least 5" and "more than 40"
    # are both true of 40 dead, but no two reports of one incident are that far apart
    if _close(a.value, b.value):
        return True
    if earlier.event_type == later.event_type == BATTLES and min(a.value, b.value) < max(a.value, b.value):
        return True  # one side's losses in the battle whose toll counts both sides
    return b.value > a.value and revises_toll(_sentence(b, later))


def _close(a: int, b: int) -> bool:
    return abs(a - b) <= max(TOLL_SLACK, TOLL_SPREAD * max(a, b))


def _crossed(a: Event, b: Event) -> bool:
    """One report's attacker is the other's target: an attack and the reply to it."""
    if BATTLES in (a.event_type, b.event_type):
        return False  # a clash is told from either side
    same_roles = same_party(a.actor1, b.actor1) or same_party(a.actor2, b.actor2)
    return not same_roles and (same_party(a.actor1, b.actor2) or same_party(a.actor2, b.actor1))


def _order(a: Event, b: Event) -> tuple[Event, Event]:
    return (a, b) if a.evidence.sentence_start <= b.evidence.sentence_start else (b, a)


def list_siblings(a: Event, b: Event) -> bool:
    """Two events the events stage read from one sentence's list of places ("marched in
    Khartoum and its twin cities, Bahri and Omdurman"): one per place, by design."""
    return (a.evidence.sentence_start == b.evidence.sentence_start and a.trigger == b.trigger
            and a.sub_event_type == b.sub_event_type and a.place is not None and b.place is not None
            and not same_place(a.place, b.place))


def same_incident(a: Event, b: Event) -> bool:
    """True when two reports in one article can be the same incident (see module doc)."""
    earlier, later = _order(a, b)
    if later.evidence.sentence_start != earlier.evidence.sentence_start and announces_other(later.evidence.sentence):
        return False
    if list_siblings(a, b):
        return False
    # a later sentence that points back ("four police were killed in the attack",
    # "arms were recovered from the site of the gun battle") details that incident,
    # whatever type its own words suggest, and may name other victims
    detail = later.evidence.sentence_start != earlier.evidence.sentence_start and (
        refers_back(later.evidence.sentence)
        # a development told first ("reinforcements were dispatched after the attack") is the
        # attack's sequel even when the attack's own report comes later in the article
        or earlier.event_type == STRATEGIC and later.event_type != STRATEGIC and refers_back(earlier.evidence.sentence))
    if not detail and not types_compatible(a, b):
        return False
    if not dates_compatible(_known_date(a), _known_date(b)):
        return False
    if not places_compatible(a.place, b.place) and not (
            named_within(a.place, b.place, b.evidence.sentence) or named_within(b.place, a.place, a.evidence.sentence)):
        return False
    if detail:
        if tells_sequel(later.evidence.sentence):  # "after the attack, troops shelled ...": maybe the reply
            return not _crossed(a, b) and parties_compatible(a.actor1, b.actor1) and tolls_compatible(earlier, later)
        # "at the scene of the violence ... supporters retaliated": the incident from the other side
        sides = parties_compatible(a.actor1, b.actor1) or parties_compatible(a.actor1, b.actor2) \
            or parties_compatible(a.actor2, b.actor1)
        return sides and tolls_compatible(earlier, later)
    straight = parties_compatible(a.actor1, b.actor1) and parties_compatible(a.actor2, b.actor2)
    swapped = parties_compatible(a.actor1, b.actor2) and parties_compatible(a.actor2, b.actor1)
    if family(a) != family(b) and STRATEGIC in (a.event_type, b.event_type) or a.event_type == b.event_type == BATTLES \
            or "crowd" in (family(a), family(b)):
        # the police who arrest rioters are the riot's second party, not its first; a clash,
        # and a crowd's day with the police, are told from either side ("police fired rubber
        # bullets at activists", "clashes ensued as activists ...")
        return (straight or swapped) and tolls_compatible(earlier, later)
    if not straight or _crossed(a, b):
        return False
    return tolls_compatible(earlier, later)
