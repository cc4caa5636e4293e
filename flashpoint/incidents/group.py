"""Grouping an article's event reports into incidents.

Reports are taken in document order; each joins the incident that fits it
best among those whose every report is compatible with it (complete linkage:
no chaining through a report that fits two different incidents), or starts a
new incident. Ties go to the incident told most recently: a detail sentence
("ten people were killed in the strike") is about what was just described.
"""

from __future__ import annotations

import dataclasses

from flashpoint.incidents.actors import same_party
from flashpoint.incidents.combine import combine
from flashpoint.incidents.fallbacks import agreement_at_dateline, country_from_article, date_from_publication
from flashpoint.incidents.identity import list_siblings, same_incident
from flashpoint.incidents.parties import name_parties
from flashpoint.incidents.anchoring import drop_unanchored
from flashpoint.incidents.passage import place_from_passage
from flashpoint.incidents.places import same_place
from flashpoint.model import Document, Event


def agreement(a: Event, b: Event) -> float:
    """How much two compatible reports positively share (place, day, actors, type, toll)."""
    points = 0.0
    if same_place(a.place, b.place):
        points += 2.0 if a.place.precision == "town" else 1.0
    if a.date is not None and b.date is not None:
        points += 2.0 if (a.date.start, a.date.end) == (b.date.start, b.date.end) else 0.5
    points += same_party(a.actor1, b.actor1) + same_party(a.actor2, b.actor2)
    points += a.sub_event_type == b.sub_event_type
    if a.fatalities is not None and b.fatalities is not None and a.fatalities.value == b.fatalities.value:
        points += 1.0
    return points


def assign(events: list[Event]) -> list[list[Event]]:
    """Events grouped into incidents (each group in document order, groups by first report)."""
    groups: list[list[Event]] = []
    last_told: list[int] = []
    listed = {id(e) for e in events if any(o is not e and list_siblings(e, o) for o in events)}
    for position, event in enumerate(sorted(events, key=lambda e: e.evidence.sentence_start)):
        best, best_key = None, None
        for g, members in enumerate(groups):
            if not all(same_incident(member, event) for member in members):
                continue
            if id(event) in listed and not any(m.place is not None and m.place.precision == "town" for m in members):
                # one town of a list ("protests in Port Sudan, Kassala and Dongola") is not where
                # an incident told for the whole country happened: the list spans them all
                continue
            key = (max(agreement(member, event) for member in members), last_told[g])
            if best_key is None or key > best_key:
                best, best_key = g, key
        if best is None:
            groups.append([event])
            last_told.append(position)
        else:
            groups[best].append(event)
            last_told[best] = position
    return groups


def group_incidents(document: Document) -> Document:
    """One event per incident: the article's reports grouped, combined and completed."""
    article = document.article
    events = [date_from_publication(combine(members, f"{article.id}-e{n}"), article)
              for n, members in enumerate(assign(document.events), 1)]
    for event in events:
        country_from_article(agreement_at_dateline(event, article), article, events, document.places)
    for event in events:
        name_parties(place_from_passage(event, article.text, document.places, events), article, events)
    non_events = list(document.non_events)
    events = drop_unanchored(events, non_events)
    return dataclasses.replace(document, events=events, non_events=non_events)
