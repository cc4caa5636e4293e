"""Group events into same-event clusters (transitively) and merge each one."""

from __future__ import annotations

from collections.abc import Iterable

from flashpoint.merge.blocking import blocking_keys, key_str
from flashpoint.merge.combine import combine, event_order
from flashpoint.merge.rules import same_event
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


def _unique(events: Iterable[Event]) -> list[Event]:
    by_id: dict[str, Event] = {}
    for event in events:
        by_id.setdefault(event.id, event)
    return sorted(by_id.values(), key=event_order)


def cluster(events: Iterable[Event]) -> list[list[Event]]:
    """Connected components of the ``same_event`` graph, each sorted, in a stable order.

    Only pairs that share a blocking key are compared (the rule guarantees that
    every matching pair does), so this is near-linear on real collections.
    Events with the same id are taken once.
    """
    members = _unique(events)
    uf = _UnionFind()
    blocks: dict[str, list[Event]] = {}
    for event in members:
        uf.find(event.id)
        for key in blocking_keys(event):
            blocks.setdefault(key_str(key), []).append(event)
    for block in blocks.values():
        for i, a in enumerate(block):
            for b in block[i + 1 :]:
                if uf.find(a.id) != uf.find(b.id) and same_event(a, b):
                    uf.union(a.id, b.id)
    groups: dict[str, list[Event]] = {}
    for event in members:
        groups.setdefault(uf.find(event.id), []).append(event)
    return sorted(groups.values(), key=lambda group: event_order(group[0]))


def union_clusters(groups: Iterable[Iterable[Event]]) -> list[list[Event]]:
    """Join clusters that share a member event id (e.g. clusters from different blocks).

    The Spark job clusters each block separately; an event sits in several
    blocks, so its clusters are joined here into the global components.
    """
    uf = _UnionFind()
    by_id: dict[str, Event] = {}
    for group in groups:
        group = list(group)
        for event in group:
            by_id.setdefault(event.id, event)
            uf.union(group[0].id, event.id)
    components: dict[str, list[Event]] = {}
    for event_id, event in by_id.items():
        components.setdefault(uf.find(event_id), []).append(event)
    ordered = [sorted(c, key=event_order) for c in components.values()]
    return sorted(ordered, key=lambda group: event_order(group[0]))


def merge_events(events: Iterable[Event]) -> list[Event]:
    """Merge extracted events into one event per real-world event.

    Deterministic and independent of input order: the same set of events
    always gives the same merged events (ids, figures, sources), in the
    order of their earliest member (date, then id).
    """
    return [combine(group) for group in cluster(events)]

