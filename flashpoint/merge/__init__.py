"""Cross-article dedup: reports of one real-world event become one event.

Pure functions on model Events (no I/O); the rule is in docs/merge.md.
"""

from flashpoint.merge.blocking import blocking_keys, key_str
from flashpoint.merge.cluster import cluster, merge_events, union_clusters
from flashpoint.merge.combine import combine, conservative_count, event_order, sources_of
from flashpoint.merge.rules import haversine_km, same_event, type_family

__all__ = [
    "blocking_keys",
    "cluster",
    "combine",
    "conservative_count",
    "event_order",
    "haversine_km",
    "key_str",
    "merge_events",
    "same_event",
    "sources_of",
    "type_family",
    "union_clusters",
]
