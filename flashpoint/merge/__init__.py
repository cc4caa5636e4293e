"""Cross-article merging: reports of one real-world event become one event.

Pure functions on model Events (no I/O); the rule is in docs/merge.md.
Reports join an event only when compatible with every report already in it
(no chaining), each coarse report joins at most the one event it fits best,
and the result depends only on the set of reports, never on their order.
"""

from flashpoint.merge.assign import assign, is_specific
from flashpoint.merge.blocking import blocking_keys, key_str, probe_keys
from flashpoint.merge.cluster import cluster, compatible_pairs, components, merge_events, union_clusters
from flashpoint.merge.combine import combine, conservative_count, event_order, sources_of
from flashpoint.merge.rules import compatible, haversine_km, mergeable, same_event, type_family

__all__ = [
    "assign",
    "blocking_keys",
    "cluster",
    "combine",
    "compatible",
    "compatible_pairs",
    "components",
    "conservative_count",
    "event_order",
    "haversine_km",
    "is_specific",
    "key_str",
    "merge_events",
    "mergeable",
    "probe_keys",
    "same_event",
    "sources_of",
    "type_family",
    "union_clusters",
]
