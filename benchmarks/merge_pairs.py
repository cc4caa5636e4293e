"""Pairwise merge precision and recall on a real multi-outlet set (docs/merge.md, "Merge accuracy").

Usage: .venv/bin/python benchmarks/merge_pairs.py FOLDER [-v]
(FOLDER holds articles.jsonl, incidents.jsonl and gold.jsonl; defaults to $FLASHPOINT_MERGE_SET).
With -v, prints each wrongly merged pair and each missed gold pair with the events involved.
"""

from __future__ import annotations

import os
import sys

from flashpoint.eval.merge_pairs import run_merge_set


def _describe(event) -> str:
    d = event.date
    day = "-" if d is None else (str(d.start) if d.start == d.end else f"{d.start}..{d.end}")
    place = f"{event.place.name}/{event.place.precision}/{event.place.country}" if event.place else "-"
    killed = event.fatalities.value if event.fatalities else "-"
    return f"{event.id} {event.sub_event_type} {day} {place} killed={killed}"


def main(argv: list[str]) -> int:
    args = [a for a in argv if a != "-v"]
    folder = args[0] if args else os.environ.get("FLASHPOINT_MERGE_SET")
    if not folder:
        print("usage: merge_pairs.py FOLDER [-v] (or set FLASHPOINT_MERGE_SET)", file=sys.stderr)
        return 2
    result, events, set_id = run_merge_set(folder)
    print(result.summary())
    print(f"{len(set_id)} articles, {len(events)} stored events")
    if "-v" in argv:
        by_id = {e.id: e for e in events}
        for event_id, a, b, shared in result.wrong:
            print(f"WRONG {a} + {b} (shared gold {shared}): {_describe(by_id[event_id])}")
        for incident, a, b in result.unscored:
            print(f"NOT SCORABLE {incident}: {a} / {b} (one of them gave no matching event)")
        for incident, a, b in result.misses:
            print(f"MISS {incident}: {a} / {b}")
            for e in events:
                arts = {set_id.get(s.article_id) for s in e.sources}
                if a in arts or b in arts:
                    print(f"    {sorted(x for x in arts if x)}: {_describe(e)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
