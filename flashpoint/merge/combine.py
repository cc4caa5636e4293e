"""Combine several reports of one event into a single merged Event.

Date, place and sub-event type come from the most specific, best-supported
report (ACLED's precedence when outlets disagree on the type); tolls are the
lowest credible figure and every source keeps its own; ``Event.merge_notes``
says why the reports were merged and where each field came from.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections import Counter
from collections.abc import Iterable

from flashpoint.events.taxonomy import precedence
from flashpoint.merge.fit import fit, why
from flashpoint.merge.rules import acting_actor1, mergeable, region_named
from flashpoint.model import Count, Event, EventDate, Place, Provenance, Source

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


def _place_rank(event: Event) -> float:
    place = event.place
    if place is None:
        return 9.0
    return _PRECISION_RANK.get(place.precision, 9) + (0.5 if region_named(place) else 0)


def credible_figures(members: list[Event], field: str) -> list[Count]:
    """The figures (``fatalities`` or ``injuries``) of the reports that place the
    event best: a report naming only the province ("a similar attack last week in
    Idlib") is a passing reference, and its figure counts only when no report
    naming the town gives one."""
    giving = [m for m in members if getattr(m, field) is not None]
    if not giving:
        return []
    finest = min(_place_rank(m) for m in giving)
    return [getattr(m, field) for m in giving if _place_rank(m) == finest]


def _support(members: list[Event], same) -> dict[str, int]:
    """How many members agree with each member on a field (itself included)."""
    return {m.id: sum(1 for o in members if same(m, o)) for m in members}


def _inferred(date: EventDate | None) -> bool:
    return bool(getattr(date, "inferred_from", None))


def _date_source(members: list[Event]) -> Event | None:
    """The report whose date is most specific: read from the text over inferred, an
    exact day over a range, the narrowest range; then the best supported, earliest."""
    dated = [m for m in members if m.date is not None]
    if not dated:
        return None
    support = _support(dated, lambda a, b: b.date is not None and (a.date.start, a.date.end) == (b.date.start, b.date.end))
    return min(dated, key=lambda m: (_inferred(m.date), (m.date.end - m.date.start).days, -support[m.id], event_order(m)))


def _place_same(a: Event, b: Event) -> bool:
    p, q = a.place, b.place
    if q is None or p.precision != q.precision:
        return False
    return (p.geonameid, p.name) == (q.geonameid, q.name)


def _place_source(members: list[Event]) -> Event | None:
    """The report with the finest place (a town named like its province counts as
    coarser than other towns), then the place most reports give, then the surest."""
    placed = [m for m in members if m.place is not None]
    if not placed:
        return None
    support = _support(placed, _place_same)

    def key(m: Event) -> tuple:
        confidence = m.place.provenance.confidence if m.place.provenance else 0.0
        return (_place_rank(m), -support[m.id], -confidence, event_order(m))

    return min(placed, key=key)


def _type_source(members: list[Event]) -> tuple[Event, str]:
    """The report whose sub-event type the event takes, and why (ACLED precedence,
    then how many reports give it, then their confidence)."""
    ranks = precedence()
    votes = Counter(m.sub_event_type for m in members)
    weight: Counter = Counter()
    for m in members:
        weight[m.sub_event_type] += m.confidence

    def key(sub: str) -> tuple:
        tier, line = ranks.get(sub, (99, 99))
        return (tier, -votes[sub], -weight[sub], line, sub)

    chosen = min(votes, key=key)
    source = min((m for m in members if m.sub_event_type == chosen), key=lambda m: (-m.confidence, event_order(m)))
    others = sorted(set(votes) - {chosen})
    reason = f"{votes[chosen]} of {len(members)} reports"
    if others and ranks.get(chosen, (99,))[0] < min(ranks.get(o, (99,))[0] for o in others):
        reason += f"; ACLED precedence over {', '.join(others)}"
    return source, reason


def _known_actors(event: Event) -> int:
    # civilians read as the side that acted tell nothing (rules.acting_actor1)
    actors = (acting_actor1(event), event.actor2)
    return sum(1 for a in actors if a is not None) + sum(1 for a in actors if a is not None and a.kind)


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


def _mention_order(p: Provenance) -> tuple:
    return (p.article_id, p.sentence_start, p.start, p.end)


def _notes(members: list[Event], place_from: Event | None, date_from: Event | None, type_from: Event, type_reason: str) -> list[str]:
    """Why the reports are one event, and which report gave each field."""
    if len(members) < 2:
        return []
    notes = []
    for m in members:
        if m is not type_from and all(mergeable(o) for o in (m, type_from)):
            anchor = max((o for o in members if o is not m and mergeable(o)), key=lambda o: (fit(m, o), o is type_from))
            notes.append("merged: " + why(m, anchor))
    if date_from is not None:
        d = date_from.date
        span = str(d.start) if d.exact else f"{d.start}..{d.end}"
        notes.append(f"date {span} from {date_from.id} (the most specific date)")
    if place_from is not None:
        notes.append(f"place {place_from.place.name} ({place_from.place.precision}) from {place_from.id} (the finest place)")
    notes.append(f"sub-event type {type_from.sub_event_type} from {type_from.id} ({type_reason})")
    tolls = [m.fatalities.value for m in members if m.fatalities is not None]
    if tolls:
        credible = [c.value for c in credible_figures(members, "fatalities")]
        note = f"fatalities: the lowest credible of {', '.join(map(str, tolls))}"
        if len(credible) < len(tolls):
            note += f" (the reports placing it best give {', '.join(map(str, credible))})"
        notes.append(note)
    return notes


def combine(events: Iterable[Event]) -> Event:
    """Merge reports of one real-world event (all pairwise compatible) into one Event.

    The id and article_id come from the earliest member (by date, then id);
    the sub-event type by ACLED's precedence, then votes; evidence from the
    most confident report of that type; actors from the member that knows
    most about them; the finest, best-supported place; the most specific date;
    the lowest credible fatalities and injuries; every member's sources, each
    with its own figures; every member's mentions; and the reasons in
    ``merge_notes``.
    """
    by_id = {e.id: e for e in events}
    if not by_id:
        raise ValueError("combine() needs at least one event")
    members = sorted(by_id.values(), key=event_order)
    first = members[0]
    type_from, type_reason = _type_source(members)
    place_from, date_from = _place_source(members), _date_source(members)
    with_actors = min(members, key=lambda m: (-_known_actors(m), -m.confidence, event_order(m)))
    sources: dict[tuple, Source] = {}
    for m in members:
        for s in sources_of(m):
            sources.setdefault(_source_order(s), s)
    mentions = {_mention_order(p): p for m in members for p in m.mentions}
    return Event(
        id=first.id,
        article_id=first.article_id,
        event_type=type_from.event_type,
        sub_event_type=type_from.sub_event_type,
        evidence=copy.deepcopy(type_from.evidence),
        confidence=max(m.confidence for m in members),
        trigger=type_from.trigger,
        actor1=copy.deepcopy(with_actors.actor1),
        actor2=copy.deepcopy(with_actors.actor2),
        place=copy.deepcopy(place_from.place) if place_from else None,
        locations=[],
        date=copy.deepcopy(date_from.date) if date_from else None,
        fatalities=conservative_count(credible_figures(members, "fatalities")),
        injuries=conservative_count(credible_figures(members, "injuries")),
        sources=[sources[k] for k in sorted(sources)],
        classified_by=type_from.classified_by,
        mentions=[copy.deepcopy(mentions[k]) for k in sorted(mentions)],
        merge_notes=_notes(members, place_from, date_from, type_from, type_reason),
    )
