"""Reports -> events: compatible pairs, their connected components, one assignment each.

The compatibility graph's connected components are independent of each other:
``assign`` on a component gives the same groups as on the whole collection.
That is what lets the store re-merge only the component new reports touch,
and the Spark job merge each component on its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import combinations

from flashpoint.merge.assign import assign
from flashpoint.merge.blocking import blocking_keys, key_str
from flashpoint.merge.combine import combine, event_order
from flashpoint.merge.rules import compatible, country_only, region_named
from flashpoint.model import Event


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # Keep the smaller id as root so the result never depends on call order.
            self.parent[max(ra, rb)] = min(ra, rb)


def unique(events: Iterable[Event]) -> list[Event]:
    """Events with distinct ids (the first of each id), in ``event_order``."""
    by_id: dict[str, Event] = {}
    for event in events:
        by_id.setdefault(event.id, event)
    return sorted(by_id.values(), key=event_order)


def compatible_pairs(events: list[Event]) -> dict[str, set[str]]:
    """Report id -> ids of the reports it is compatible with.

    Only reports sharing a blocking key are compared (every compatible pair
    shares one), so this is near-linear on real collections.
    """
    adjacency: dict[str, set[str]] = {e.id: set() for e in events}
    blocks: dict[str, list[Event]] = {}
    for event in events:
        for key in blocking_keys(event):
            blocks.setdefault(key_str(key), []).append(event)
    for key, block in blocks.items():
        for a, b in _block_pairs(key, block):
            if b.id not in adjacency[a.id] and compatible(a, b):
                adjacency[a.id].add(b.id)
                adjacency[b.id].add(a.id)
    return adjacency


def _coarse_in_admin1(event: Event) -> bool:
    # two towns are compatible only within MAX_DISTANCE_KM (they share a cell or a
    # gazetteer entry) unless one is named like its province
    return event.place.precision != "town" or region_named(event.place)


def _block_pairs(key: str, block: list[Event]) -> Iterator[tuple[Event, Event]]:
    """The pairs of a block to compare. A country's block is there for its
    country-wide reports and an admin1's for its admin1-wide ones (towns meet each
    other in their cells), so there only pairs with such a member are compared:
    linear in the block, not quadratic."""
    kind = key.split("|")[2:3]
    if kind == ["country"]:
        wide = [e for e in block if country_only(e)]
    elif kind == ["admin1"]:
        wide = [e for e in block if _coarse_in_admin1(e)]
    else:
        yield from combinations(block, 2)
        return
    wide_ids = {e.id for e in wide}
    for a in wide:
        for b in block:
            if b.id != a.id and (b.id not in wide_ids or a.id < b.id):
                yield a, b


def components(events: Iterable[Event]) -> list[list[Event]]:
    """Connected components of the compatibility graph, each sorted, in a stable order."""
    members = unique(events)
    adjacency = compatible_pairs(members)
    uf = _UnionFind()
    for a, neighbours in adjacency.items():
        uf.find(a)
        for b in neighbours:
            uf.union(a, b)
    groups: dict[str, list[Event]] = {}
    for event in members:
        groups.setdefault(uf.find(event.id), []).append(event)
    return sorted(groups.values(), key=lambda group: event_order(group[0]))


def cluster(events: Iterable[Event]) -> list[list[Event]]:
    """Groups of reports that are one event each, each sorted, in a stable order.

    Deterministic and independent of input order; events with the same id are
    taken once. No group holds two incompatible reports (see ``assign``).
    """
    members = unique(events)
    adjacency = compatible_pairs(members)
    groups = [sorted(g, key=event_order) for g in assign(members, adjacency)]
    return sorted(groups, key=lambda group: event_order(group[0]))


def union_clusters(groups: Iterable[Iterable[Event]]) -> list[list[Event]]:
    """Join groups that share a member event id (e.g. components found in different blocks)."""
    uf = _UnionFind()
    by_id: dict[str, Event] = {}
    for group in groups:
        group = list(group)
        for event in group:
            by_id.setdefault(event.id, event)
            uf.union(group[0].id, event.id)
    joined: dict[str, list[Event]] = {}
    for event_id, event in by_id.items():
        joined.setdefault(uf.find(event_id), []).append(event)
    ordered = [sorted(c, key=event_order) for c in joined.values()]
    return sorted(ordered, key=lambda group: event_order(group[0]))


def merge_events(events: Iterable[Event]) -> list[Event]:
    """Merge extracted reports into one event per real-world event.

    Deterministic and independent of input order: the same set of reports
    always gives the same merged events (ids, figures, sources, notes), in
    the order of their earliest member (date, then id).
    """
    return [combine(group) for group in cluster(events)]
