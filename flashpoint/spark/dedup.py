"""Cross-article merging with Spark: the local merge rule, split into components.

Locally, ``merge_events`` finds the connected components of the compatibility
graph (pairs of reports that ``rules.compatible`` says can be one event; only
reports sharing a blocking key are compared) and assigns each component's
reports to events without chaining (``merge.assign``). The assignment depends
only on the component, so here:

1. key every report by each of its blocking keys and group by key (a block);
2. find each block's components with ``flashpoint.merge.components`` and emit
   star edges (first member -> each other member);
3. join the per-block components into global components (a report sits in
   several blocks): a union-find on the driver when the edges are few enough
   to collect (one Spark job), else min-label propagation in Spark;
4. merge each global component with ``merge_events``.

Every compatible pair shares a block, so the components are exactly the local
ones and ``merge_events`` of a component gives the same merged events as the
local run over all reports (it is deterministic and order-independent).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from flashpoint.model import Event, from_dict

MAX_ITERATIONS = 100  # components are small; this only guards against a bug looping forever
# Up to this many merge edges are joined on the driver (~100 bytes each there).
DRIVER_EDGE_LIMIT = 2_000_000


def parse_event(event_json: str) -> Event:
    """Rebuild an Event from its ``event_json`` column."""
    return from_dict(Event, json.loads(event_json))


def _block_entries(item: tuple[str, str]) -> Iterator[tuple[str, tuple[str, str]]]:
    from flashpoint.merge import blocking_keys
    from flashpoint.merge.blocking import key_str

    event_id, event_json = item
    for key in blocking_keys(parse_event(event_json)):
        yield key_str(key), (event_id, event_json)


def _block_edges(block: tuple[str, Iterable[tuple[str, str]]]) -> Iterator[tuple[str, str]]:
    from flashpoint.merge.cluster import components

    members = list(block[1])
    if len(members) < 2:
        return
    for group in components(parse_event(js) for _, js in members):
        for other in group[1:]:
            yield group[0].id, other.id


def connected_components(edges):
    """(node, label) for every node of an RDD of (a, b) edges; label = smallest node id in its component.

    Min-label propagation: one round of Spark jobs per step of the longest path.
    """
    links = edges.flatMap(lambda e: [(e[0], e[1]), (e[1], e[0])]).distinct().persist()
    labels = links.map(lambda e: (e[0], min(e))).reduceByKey(min).persist()
    for _ in range(MAX_ITERATIONS):
        # Each node takes the smallest label among itself and its neighbours.
        proposed = links.join(labels).map(lambda kv: (kv[1][0], kv[1][1]))
        updated = labels.union(proposed).reduceByKey(min).persist()
        changed = updated.join(labels).filter(lambda kv: kv[1][0] != kv[1][1]).count()
        labels.unpersist()
        labels = updated
        if changed == 0:
            break
    else:
        raise RuntimeError("connected components did not converge")
    links.unpersist()
    return labels


def components_on_driver(edges: Iterable[tuple[str, str]]) -> dict[str, str]:
    """node -> smallest node id in its component, by union-find over collected edges."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)  # the root is always the smallest id
    return {node: find(node) for node in parent}


def _merge_component(item: tuple[str, Iterable[str]]) -> list[Event]:
    from flashpoint.merge import merge_events

    return merge_events(parse_event(js) for js in item[1])


def dedup_events(event_jsons, driver_edge_limit: int = DRIVER_EDGE_LIMIT):
    """Merge an RDD of per-article ``event_json`` strings into an RDD of merged Events
    (the same events as local ``merge_events`` over all of them).

    Events with the same id are taken once (as locally), keeping the smallest JSON.
    """
    by_id = event_jsons.map(lambda js: (json.loads(js)["id"], js)).reduceByKey(min).persist()
    edges = by_id.flatMap(_block_entries).groupByKey().flatMap(_block_edges).persist()
    if edges.count() <= driver_edge_limit:
        labels = edges.context.broadcast(components_on_driver(edges.collect()))
        components = by_id.map(lambda kv: (labels.value.get(kv[0], kv[0]), kv[1]))
    else:
        labelled = by_id.leftOuterJoin(connected_components(edges))
        components = labelled.map(lambda kv: (kv[1][1] or kv[0], kv[1][0]))
    # Cached RDDs left here are unpersisted by Spark's cleaner once unreferenced.
    return components.groupByKey().flatMap(_merge_component)
