"""Extracted events against the user's ACLED events, after merging in one database.

An event whose sources include an ACLED row and an article is found by both;
one with only ACLED rows was missed by extraction; one with only articles was
found only by extraction.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from flashpoint.model import Event

ACLED_PREFIX = "acled:"


def side(event: Event) -> str:
    """'both', 'acled' or 'extracted': where a merged event's reports came from."""
    ids = [s.article_id for s in event.sources] or [event.article_id]
    acled = sum(i.startswith(ACLED_PREFIX) for i in ids)
    if acled and acled < len(ids):
        return "both"
    return "acled" if acled else "extracted"


def compare(events: Iterable[Event]) -> dict:
    """Counts of merged events by side, overall and per event type, with the events of each side."""
    totals: Counter = Counter()
    by_type: dict[str, Counter] = {}
    listed: dict[str, list[Event]] = {"both": [], "acled": [], "extracted": []}
    for event in events:
        where = side(event)
        totals[where] += 1
        by_type.setdefault(event.event_type, Counter())[where] += 1
        listed[where].append(event)
    found = totals["both"] + totals["extracted"]
    in_acled = totals["both"] + totals["acled"]
    return {
        "both": totals["both"], "only_acled": totals["acled"], "only_extracted": totals["extracted"],
        "acled_events_found": round(totals["both"] / in_acled, 3) if in_acled else None,
        "extracted_events_in_acled": round(totals["both"] / found, 3) if found else None,
        "by_event_type": {k: {"both": v["both"], "only_acled": v["acled"], "only_extracted": v["extracted"]}
                          for k, v in sorted(by_type.items())},
        "events": listed,
    }
