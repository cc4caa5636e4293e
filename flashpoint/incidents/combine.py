"""One Event from the reports of one incident.

Each field comes from the report that says most about it: the most specific
place, an exact day over a range, the best-supported toll (the highest figure
given in a sentence that does not hedge it; a later report usually updates),
the most specific actors. ACLED's precedence (``events/data/precedence.tsv``) decides
the type of a composite incident. Every report's sentence is kept in
``Event.mentions``.
"""

from __future__ import annotations

import copy
from collections import Counter

from flashpoint.events.taxonomy import event_type_of, precedence
from flashpoint.events.actors import unspecified_victims
from flashpoint.events.classify import has_cue
from flashpoint.incidents.actors import CROWD_KINDS, parties_compatible, richness
from flashpoint.incidents.identity import toll_hedged
from flashpoint.incidents.places import loose, specificity
from flashpoint.model import Actor, Count, Event, EventDate, Provenance, Source

CROWD_TYPES = ("Protests", "Riots")
UNARMED = {"civilians", "protesters", "rioters"}
STATE = "state forces"
STRATEGIC = "Strategic developments"
# Each further report of an incident makes it a little surer, up to this.
TERRITORY_TAKEN = ("Government regains territory", "Non-state actor overtakes territory")
MAX_CONFIDENCE = 0.95
PER_REPORT = 0.05


def sub_event_of(members: list[Event]) -> str:
    """The ACLED sub-event type of a composite incident (the most decisive report's)."""
    ranks = precedence()
    votes = Counter(m.sub_event_type for m in members)
    types = set(votes)

    def key(sub_event: str) -> tuple:
        tier, order = ranks.get(sub_event, (len(ranks), len(ranks)))
        detail = max(_detail(m) for m in members if m.sub_event_type == sub_event)
        return (tier, -votes[sub_event], -detail, order)

    crowd = [m for m in members if m.event_type in CROWD_TYPES]
    if crowd and len(crowd) < len(members):
        # violence at a demonstration is coded as the demonstration's (ACLED)
        types = {m.sub_event_type for m in crowd}
    chosen = min(types, key=key)
    if chosen == "Abduction/forced disappearance" and "Attack" in types and any(m.fatalities for m in members):
        chosen = "Attack"  # people killed and others taken in one attack: the killings decide (ACLED)
    if chosen in TERRITORY_TAKEN and "Non-violent transfer of territory" in types \
            and not any(m.fatalities or m.injuries for m in members):
        # "troops retook the town ... without encountering resistance": told once, it says how
        return "Non-violent transfer of territory"
    if chosen in ("Peaceful protest", "Protest with intervention"):
        others = [m for m in members if m.event_type not in CROWD_TYPES]
        if any(m.event_type != STRATEGIC and m.actor1 is not None and m.actor1.kind in CROWD_KINDS for m in others):
            return "Violent demonstration"  # the protesters attacked
        if any(m.event_type != STRATEGIC and (m.fatalities or m.injuries) for m in others):
            return "Excessive force against protesters"  # protesters were shot or hurt
    if chosen == "Peaceful protest" and "Arrests" in types | {m.sub_event_type for m in members}:
        return "Protest with intervention"  # arrests at a protest are the protest's intervention
    return chosen


def unarmed_clash(sub_event: str, actor1: Actor | None, actor2: Actor | None) -> str:
    """An "Armed clash" whose known sides are unarmed people ("supporters of both parties
    clashed") is mob violence, and one of police with such people a violent demonstration:
    ACLED's armed clash needs an organised armed side. People the text names only as
    victims ("100 people were injured") say nothing of who fought."""
    if sub_event != "Armed clash":
        return sub_event
    sides = [a for a in (actor1, actor2) if a is not None and not unspecified_victims(a)]
    kinds = {a.kind for a in sides}
    if not kinds & UNARMED:
        return sub_event
    if kinds <= UNARMED:
        return "Mob violence"
    if kinds <= UNARMED | {STATE}:
        return "Violent demonstration"
    return sub_event


def _detail(event: Event) -> int:
    """How precisely a report tells its incident: a day, a town, a toll. On a tie of
    types the precise report ("fighting broke out on Tuesday in X") beats a summary."""
    exact = event.date is not None and event.date.exact and not getattr(event.date, "inferred_from", None)
    return 2 * exact + specificity(event.place) + (event.fatalities is not None)


def _names_others(event: Event, members: list[Event]) -> int:
    """How many of the other reports' places this report's sentence also names: "in
    Moscow's district of Krasnogorsk" is more precise than "a Moscow music venue"."""
    if event.place is None:
        return 0
    sentence = event.place.provenance.sentence if event.place.provenance else event.evidence.sentence
    others = {m.place.name for m in members if m.place is not None and m.place.name != event.place.name}
    return sum(name in sentence for name in others)


def _date_key(date: EventDate) -> tuple:
    confidence = date.provenance.confidence if date.provenance else 0.0
    return ((date.end - date.start).days, -confidence)


def best_date(members: list[Event]) -> EventDate | None:
    """The narrowest reported date (an exact day first), then the surest."""
    dates = [m.date for m in members if m.date is not None and not getattr(m.date, "inferred_from", None)]
    return copy.deepcopy(min(dates, key=_date_key)) if dates else None


def best_toll(counts: list[tuple[Count, Event]]) -> Count | None:
    """The highest figure stated without hedging; if every one is hedged, the lowest."""
    if not counts:
        return None
    plain = [c for c, event in counts if not toll_hedged(c, event) and c.qualifier != "at most"]
    if plain:
        return copy.deepcopy(max(plain, key=lambda c: c.value))
    return copy.deepcopy(min((c for c, _ in counts), key=lambda c: c.value))


def _counts(members: list[Event], name: str) -> list[tuple[Count, Event]]:
    return [(getattr(m, name), m) for m in members if getattr(m, name) is not None]


def _mentions(members: list[Event]) -> list[Provenance]:
    seen, kept = set(), []
    for m in members:
        for prov in (getattr(m, "mentions", None) or [m.evidence]):
            key = (prov.sentence_start, prov.start)
            if key not in seen:
                seen.add(key)
                kept.append(copy.deepcopy(prov))
    return kept


def _same_roles(parties: list[Event], primary: Event, role: str) -> list[Event]:
    """The reports whose ``role`` actor does not conflict with the decisive report's."""
    mine = getattr(primary, role)
    fitting = [m for m in parties if mine is None or parties_compatible(getattr(m, role), mine)]
    return fitting or [primary]


def _crowds_opponent(sub_event: str, actor2: Actor | None, parties: list[Event]) -> Actor | None:
    """A crowd event's second party: the state forces any report names facing the crowd,
    over none or over a crowd told as hurt ("30 activists were injured in the clashes")."""
    if event_type_of(sub_event) not in ("Protests", "Riots") or sub_event == "Mob violence":
        return actor2
    if actor2 is not None and actor2.kind not in CROWD_KINDS:
        return actor2
    state = next((a for m in parties for a in (m.actor2, m.actor1) if a is not None and a.kind == "state forces"), None)
    return state or actor2


def combine(members: list[Event], event_id: str) -> Event:
    """The incident the reports ``members`` (in document order) describe, as one Event."""
    sub_event = sub_event_of(members)
    typed = [m for m in members if m.sub_event_type == sub_event] or members
    primary = max(typed, key=lambda m: m.confidence)  # first of the surest on ties
    confidence = round(min(MAX_CONFIDENCE, max(m.confidence for m in members) + PER_REPORT * (len(members) - 1)), 3)
    place_from = max(members, key=lambda m: (specificity(m.place), not loose(m.place), _names_others(m, members)))
    # a development absorbed into a violent or crowd incident (arrests during a riot)
    # has its own parties ("police arrested rioters"), not the incident's
    parties = [m for m in members if m.event_type != STRATEGIC] or members
    # each side from a report that casts it as the decisive report does: one told from
    # the other side ("police used rubber bullets ... supporters retaliated") swaps them
    actor1_from = max(_same_roles(parties, primary, "actor1"), key=lambda m: richness(m.actor1))
    actor2_from = max(_same_roles(parties, primary, "actor2"), key=lambda m: richness(m.actor2))
    armed = any(has_cue(m.evidence.sentence, "shooting") for m in members)  # "an exchange of fire"
    unarmed = sub_event if armed else unarmed_clash(sub_event, actor1_from.actor1, actor2_from.actor2)
    fatalities = best_toll(_counts(members, "fatalities"))
    injuries = best_toll(_counts(members, "injuries"))
    evidence = copy.deepcopy(primary.evidence)
    if len(members) > 1:
        evidence.confidence = confidence
    event = Event(
        id=event_id,
        article_id=primary.article_id,
        event_type=event_type_of(unarmed),
        sub_event_type=unarmed,
        evidence=evidence,
        confidence=confidence if len(members) > 1 else primary.confidence,
        trigger=primary.trigger,
        actor1=copy.deepcopy(actor1_from.actor1),
        actor2=copy.deepcopy(_crowds_opponent(unarmed, actor2_from.actor2, parties)),
        place=copy.deepcopy(place_from.place),
        locations=copy.deepcopy(place_from.locations),
        date=best_date(members),
        fatalities=fatalities,
        injuries=injuries,
        classified_by=next((m.classified_by for m in members if m.classified_by), None),
    )
    url = next((s.url for m in members for s in m.sources if s.url), None)
    event.sources = [Source(article_id=event.article_id, evidence=evidence, url=url,
                            fatalities=fatalities.value if fatalities else None,
                            injuries=injuries.value if injuries else None)]
    event.mentions = _mentions(members)
    return event
