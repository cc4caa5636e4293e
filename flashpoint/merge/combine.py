"""Combine several reports of one event into a single merged Event."""

from __future__ import annotations

import copy
import datetime as dt
from collections import Counter
from collections.abc import Iterable

from flashpoint.model import Count, Event, EventDate, Place, Source

_PRECISION_RANK = {"town": 0, "admin1": 1, "country": 2}
# An "at most" figure is a ceiling, not a report of the toll; it is used only
# when no source gives anything else (see docs/merge.md).
_QUALIFIER_RANK = {"exact": 0, "about": 1, "at least": 2, "at most": 3}


def event_order(event: Event) -> tuple:
    """Stable order of events: earliest date first, then id."""
    return (event.date.start if event.date else dt.date.max, event.id)


def conservative_count(counts: Iterable[Count | None]) -> Count | None:
    """The lowest credible reported figure (ACLED-style), or None if none was reported.

    Credible means an exact, approximate or "at least" figure; "at most"
    ceilings are used only when they are all there is.
    """
    reported = [c for c in counts if c is not None]
    if not reported:
        return None
    credible = [c for c in reported if c.qualifier != "at most"] or reported

    def key(c: Count) -> tuple:
        where = (c.provenance.article_id, c.provenance.start) if c.provenance else ("", -1)
        return (c.value, _QUALIFIER_RANK.get(c.qualifier, 9), where)

    return copy.deepcopy(min(credible, key=key))


def _vote_type(members: list[Event]) -> tuple[str, str]:
    votes = Counter((m.event_type, m.sub_event_type) for m in members)
    weight = Counter()
    for m in members:
        weight[(m.event_type, m.sub_event_type)] += m.confidence
    return min(votes, key=lambda t: (-votes[t], -weight[t], t))


def _place_key(place: Place) -> tuple:
    return (place.geonameid, place.name, place.precision)


def _best_place(members: list[Event]) -> Place | None:
    placed = [(i, m.place) for i, m in enumerate(members) if m.place is not None]
    if not placed:
        return None
    freq = Counter(_place_key(p) for _, p in placed)
    _, place = min(
        placed, key=lambda ip: (_PRECISION_RANK.get(ip[1].precision, 9), -freq[_place_key(ip[1])], ip[0])
    )
    return copy.deepcopy(place)


def _best_date(members: list[Event]) -> EventDate | None:
    dated = [(i, m.date) for i, m in enumerate(members) if m.date is not None]
    if not dated:
        return None
    freq = Counter((d.start, d.end) for _, d in dated)
    _, date = min(dated, key=lambda idate: ((idate[1].end - idate[1].start).days, -freq[(idate[1].start, idate[1].end)], idate[1].start, idate[0]))
    return copy.deepcopy(date)


def _known_actors(event: Event) -> int:
    return sum(1 for a in (event.actor1, event.actor2) if a is not None) + sum(
        1 for a in (event.actor1, event.actor2) if a is not None and a.kind
    )


def sources_of(event: Event) -> list[Source]:
    """The event's sources; an unmerged event is its own single source."""
    if event.sources:
        return [copy.deepcopy(s) for s in event.sources]
    return [
        Source(
            article_id=event.article_id,
            evidence=copy.deepcopy(event.evidence),
            fatalities=event.fatalities.value if event.fatalities else None,
            injuries=event.injuries.value if event.injuries else None,
        )
    ]


def _source_order(source: Source) -> tuple:
    ev = source.evidence
    return (source.article_id, ev.start if ev else -1, ev.end if ev else -1)


def combine(events: Iterable[Event]) -> Event:
    """Merge reports of one real-world event (all assumed to match) into one Event.

    The id and article_id come from the earliest member (by date, then id);
    type by majority; evidence from the most confident member of that type;
    actors from the member that knows most about them; the finest place;
    the narrowest date; the lowest credible fatalities and injuries; and every
    member's sources, each with its own figures.
    """
    by_id = {e.id: e for e in events}
    if not by_id:
        raise ValueError("combine() needs at least one event")
    members = sorted(by_id.values(), key=event_order)
    first = members[0]
    event_type, sub_event_type = _vote_type(members)
    typed = [m for m in members if (m.event_type, m.sub_event_type) == (event_type, sub_event_type)]
    best = min(typed, key=lambda m: (-m.confidence, event_order(m)))
    with_actors = min(members, key=lambda m: (-_known_actors(m), -m.confidence, event_order(m)))
    sources: dict[tuple, Source] = {}
    for m in members:
        for s in sources_of(m):
            sources.setdefault(_source_order(s), s)
    return Event(
        id=first.id,
        article_id=first.article_id,
        event_type=event_type,
        sub_event_type=sub_event_type,
        evidence=copy.deepcopy(best.evidence),
        confidence=max(m.confidence for m in members),
        trigger=best.trigger,
        actor1=copy.deepcopy(with_actors.actor1),
        actor2=copy.deepcopy(with_actors.actor2),
        place=_best_place(members),
        locations=[],
        date=_best_date(members),
        fatalities=conservative_count(m.fatalities for m in members),
        injuries=conservative_count(m.injuries for m in members),
        sources=[sources[k] for k in sorted(sources)],
    )
