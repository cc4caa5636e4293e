"""Group compatible reports into events without chaining (complete linkage).

Every report in an event is compatible with every other report in it, so two
reports that conflict (two days, two towns, two directions) are never joined
through a third. Two steps, both deterministic functions of the set of reports
(the order they arrive in never matters):

1. *Specific* reports (an exact day and a town) are joined by agglomerative
   complete-linkage clustering: the two groups that fit each other best (mean
   pair score) and are compatible throughout are joined first, until no two are.
2. *Coarse* reports (an admin1 or country place, a date range, a date inferred
   from publication) are taken most specific first; each joins the one group it
   is compatible with throughout and fits best, or starts its own. A coarse
   report so joins at most one event and never bridges two; a country-wide one that
   fits two events as well joins neither (``choose``).
"""

from __future__ import annotations

import heapq
from collections.abc import Callable

from flashpoint.merge.fit import fit
from flashpoint.merge.rules import country_wide, region_named
from flashpoint.model import Event

_PRECISION_RANK = {"town": 0, "admin1": 1, "country": 2}
# A country-wide report that fits two events as well (within this) could be
# either ("riots across Pakistan" on a day of riots in five cities): it joins neither.
AMBIGUOUS_MARGIN = 0.05


def is_specific(event: Event) -> bool:
    """An exact day read from the text and a town (not one named like its province)."""
    date, place = event.date, event.place
    return (
        date is not None
        and date.exact
        and not getattr(date, "inferred_from", None)
        and place is not None
        and place.precision == "town"
        and not region_named(place)
    )


def coarse_order(event: Event) -> tuple:
    """Most specific first: finer place, narrower date, a date from the text, then day and id."""
    date, place = event.date, event.place
    return (
        _PRECISION_RANK.get(place.precision, 9) if place else 9,
        (date.end - date.start).days if date else 10**6,
        bool(getattr(date, "inferred_from", None)) if date else True,
        date.start.toordinal() if date else 0,
        event.id,
    )


class _Scores:
    """Pair scores of compatible reports, computed once."""

    def __init__(self, by_id: dict[str, Event], adjacency: dict[str, set[str]]):
        self.by_id, self.adjacency, self.cache = by_id, adjacency, {}

    def compatible(self, a: str, b: str) -> bool:
        return b in self.adjacency.get(a, ())

    def score(self, a: str, b: str) -> float:
        key = (a, b) if a < b else (b, a)
        if key not in self.cache:
            self.cache[key] = fit(self.by_id[key[0]], self.by_id[key[1]])
        return self.cache[key]


def _link(scores: _Scores, ga: list[str], gb: list[str]) -> float | None:
    """Mean pair score of two groups, or None unless every cross pair is compatible."""
    total = 0.0
    for a in ga:
        for b in gb:
            if not scores.compatible(a, b):
                return None
            total += scores.score(a, b)
    return total / (len(ga) * len(gb))


def _agglomerate(ids: list[str], scores: _Scores) -> list[list[str]]:
    groups: dict[str, list[str]] = {i: [i] for i in ids}  # keyed by the smallest member id
    owner = {i: i for i in ids}
    heap: list[tuple[float, str, str]] = []
    for a in ids:
        for b in sorted(scores.adjacency.get(a, ())):
            if a < b and b in owner:
                heapq.heappush(heap, (-scores.score(a, b), a, b))
    while heap:
        neg, a, b = heapq.heappop(heap)
        if a not in groups or b not in groups:
            continue  # one side was joined into another group since
        link = _link(scores, groups[a], groups[b])
        if link is None:
            continue
        if abs(-neg - link) > 1e-9:
            heapq.heappush(heap, (-link, a, b))  # a group grew since: requeue at the new score
            continue
        keep, gone = min(a, b), max(a, b)
        groups[keep] = sorted(groups[keep] + groups.pop(gone))
        for m in groups[keep]:
            owner[m] = keep
        neighbours = {owner[n] for m in groups[keep] for n in scores.adjacency.get(m, ()) if n in owner}
        for other in sorted(neighbours - {keep}):
            link = _link(scores, groups[keep], groups[other])
            if link is not None:
                heapq.heappush(heap, (-link, min(keep, other), max(keep, other)))
    return list(groups.values())


def choose(event: Event, options: list[tuple[float, str, object]]):
    """The key of the group a coarse report joins, from ``(link, first member, key)``
    options: the best link (then the smallest first member); None when there is no
    option, or when a country-wide report fits the best two as well."""
    if not options:
        return None
    ranked = sorted(options, key=lambda o: (-o[0], o[1]))
    if len(ranked) > 1 and country_wide(event) and ranked[0][0] - ranked[1][0] < AMBIGUOUS_MARGIN:
        return None
    return ranked[0][2]


def assign(events: list[Event], adjacency: dict[str, set[str]], order: Callable[[Event], tuple] = coarse_order) -> list[list[Event]]:
    """Groups of reports that are one event each (see the module doc).

    ``adjacency`` maps a report id to the ids of the reports it is compatible
    with (``rules.compatible``); a pair missing from it is incompatible.
    """
    by_id = {e.id: e for e in events}
    scores = _Scores(by_id, adjacency)
    specific = sorted(e.id for e in events if is_specific(e))
    groups = _agglomerate(specific, scores)
    group_of = {m: i for i, g in enumerate(groups) for m in g}
    for event in sorted((e for e in events if not is_specific(e)), key=order):
        options = []
        for index in sorted({group_of[n] for n in adjacency.get(event.id, ()) if n in group_of}):
            link = _link(scores, [event.id], groups[index])
            if link is not None:
                options.append((link, groups[index][0], index))
        best_index = choose(event, options)
        if best_index is None:
            groups.append([event.id])
            best_index = len(groups) - 1
        else:
            groups[best_index] = sorted(groups[best_index] + [event.id])
        group_of[event.id] = best_index
    return [[by_id[m] for m in g] for g in groups]
