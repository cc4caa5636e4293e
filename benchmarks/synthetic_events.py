"""Synthetic events for scale tests of the map and API (issue 16, item 12).

    .venv/bin/python benchmarks/synthetic_events.py 100000 --db /tmp/synthetic.db

Inserts N made-up events through the store API (``Store.add_documents``, so
merging and every table are exercised), one short article per event, spread
over a few countries' boxes and two years. Each has its own actors, yet two
reports of one type on one day a few km apart can still merge (as real ones
would), so the database may hold a few fewer than N events: it prints how
many. Nothing here is real: names, places and figures are random, seeded.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from flashpoint.model import Actor, Article, Count, Document, Event, EventDate, Place, Provenance, Source  # noqa: E402

# Country code -> (south, west, north, east): rough boxes inside each country.
BOXES = {
    "SY": (33.0, 36.0, 36.8, 41.0),
    "UA": (46.5, 24.0, 51.5, 39.5),
    "NG": (5.0, 3.5, 12.5, 13.0),
    "SD": (10.0, 23.0, 19.0, 36.0),
    "MM": (17.0, 94.5, 25.0, 97.5),
    "CD": (-10.0, 19.0, 3.0, 29.0),
    "MX": (17.0, -105.0, 28.0, -97.0),
    "CO": (2.0, -76.5, 9.0, -72.0),
}
# ACLED types and sub-event types used, with the actor kinds of each side.
TYPES = [
    ("Battles", "Armed clash", "state forces", "rebel group"),
    ("Explosions/Remote violence", "Air/drone strike", "state forces", "civilians"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", "state forces", "rebel group"),
    ("Violence against civilians", "Attack", "political militia", "civilians"),
    ("Protests", "Peaceful protest", "protesters", None),
    ("Riots", "Mob violence", "rioters", "civilians"),
]
START = dt.date(2023, 1, 1)
DAYS = 730


def synthetic_documents(n: int, seed: int = 16, days: int = DAYS) -> Iterator[Document]:
    """``n`` documents of one synthetic event each (reproducible for a seed), dated over ``days`` days
    from 2023-01-01 (a longer span puts fewer reports in each merge block, so storing is faster)."""
    rng = random.Random(seed)
    codes = sorted(BOXES)
    for i in range(n):
        code = codes[i % len(codes)]
        south, west, north, east = BOXES[code]
        lat, lon = round(rng.uniform(south, north), 4), round(rng.uniform(west, east), 4)
        event_type, sub, kind1, kind2 = TYPES[rng.randrange(len(TYPES))]
        day = START + dt.timedelta(days=rng.randrange(days))
        article_id = f"syn{i:07d}"
        sentence = f"Synthetic event {i} of type {sub} at place {i}."
        prov = Provenance(article_id, sentence, 0, len(sentence), 0, len(sentence), 0.9)
        killed = rng.choice([None, None, 0, 1, 2, 3, 5, 8, 13, 40])
        article = Article(id=article_id, text=sentence, date=day, url=f"https://synthetic.example/{i}",
                          outlet="Synthetic Wire", source="synthetic")
        event = Event(
            id=f"{article_id}:e0", article_id=article_id, event_type=event_type, sub_event_type=sub,
            evidence=prov, confidence=0.9,
            actor1=Actor(f"Group A{i}", f"group A{i}", kind1, code),
            actor2=Actor(f"Group B{i}", f"group B{i}", kind2, code) if kind2 else None,
            place=Place(f"Place {i}", f"Place {i}", "town", code, f"Region {i % 17}", lat, lon),
            date=EventDate(day, day, text="on the day"),
            fatalities=Count(killed, "exact", str(killed), prov) if killed is not None else None,
            sources=[Source(article_id, prov, article.url, killed, None, article.outlet)],
        )
        yield Document(article=article, events=[event], quotes=[])


def main(argv: list[str] | None = None) -> int:
    """Fill a database with N synthetic events; print how long it took."""
    import time

    from flashpoint.store import open_store

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="how many events")
    parser.add_argument("--db", required=True, help="SQLite file (or database URL) to add them to")
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--days", type=int, default=DAYS, help=f"dated over this many days (default {DAYS})")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    with open_store(args.db) as store:
        stats = store.add_documents(synthetic_documents(args.n, args.seed, args.days), batch_size=500)
        total = store.count_events()
    print(f"added {stats.events} events ({total} in the database) in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
