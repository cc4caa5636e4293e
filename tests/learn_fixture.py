"""Small ACLED-layout exports written for flashpoint's tests (no ACLED data).

Notes are built from short templates with varied places, actors and
numbers, in both export layouts ACLED uses (older: data_id/iso; newer:
disorder_type).
"""

from __future__ import annotations

import csv
import itertools
from pathlib import Path

OLD = ["data_id", "iso", "event_id_cnty", "event_id_no_cnty", "event_date", "year", "time_precision", "event_type",
       "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
       "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
       "source", "source_scale", "notes", "fatalities", "timestamp", "iso3"]
NEW = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
       "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
       "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude",
       "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp"]

TOWNS = [("Korvani", "Lusa", 11.52, 3.21), ("Mbeto", "Lusa", 11.91, 3.05), ("Tirga", "Daro", 12.40, 2.77),
         ("Selunda", "Daro", 12.13, 2.95), ("Wakali", "Hanu", 10.84, 3.66)]
PROTEST = ["Traders protested in {town} against new market taxes.",
           "Hundreds of students marched peacefully in {town} demanding the reopening of their university.",
           "Teachers held a sit-in outside the education office in {town} over unpaid salaries.",
           "Residents demonstrated in {town} calling for repairs to the water supply."]
CLASH = ["{group} fighters clashed with the army near {town}; {n} soldiers were killed.",
         "Soldiers and {group} militants exchanged fire for hours outside {town}, leaving {n} dead.",
         "Heavy fighting between the military and {group} took place in {town}; {n} fighters were killed.",
         "An army patrol was engaged by {group} gunmen at {town}, and {n} people died in the gunfight."]
IED = ["A roadside bomb planted by {group} hit a military vehicle near {town}, killing {n} soldiers.",
       "An improvised explosive device exploded under a truck on the road to {town}; {n} passengers died.",
       "A landmine blast struck a convoy outside {town}, killing {n}.",
       "Suspected {group} militants detonated an IED at a checkpoint in {town}, killing {n} police officers."]
GROUP = "Kivu Liberation Front (KLF)"


def rows(start: int = 0):
    """(event type, sub-event type, actor1, inter1, note, town) for 60 fixture events."""
    n = itertools.count(2)
    for i, (town, admin1, lat, lon) in zip(range(15), itertools.cycle(TOWNS)):
        t = dict(town=town, group="KLF", n=next(n) % 9 + 1)
        yield ("Protests", "Peaceful protest", "Protesters (Testland)", 6, PROTEST[i % 4].format(**t), town, admin1, lat, lon)
        yield ("Battles", "Armed clash", GROUP, 2, CLASH[i % 4].format(**t), town, admin1, lat, lon)
        yield ("Explosions/Remote violence", "Remote explosive/landmine/IED", GROUP, 2,
               IED[i % 4].format(**t), town, admin1, lat, lon)
        t["group"] = "the KLF"
        yield ("Battles", "Armed clash", "Military Forces of Testland (2019-)", 1,
               CLASH[(i + 1) % 4].format(**t), town, admin1, lat, lon)


def write_export(path: Path, layout: str = "old", count: int = 60) -> Path:
    """Write an ACLED-layout CSV with ``count`` fixture events; returns its path."""
    columns = OLD if layout == "old" else NEW
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
        out.writeheader()
        for k, (etype, sub, actor, inter, note, town, admin1, lat, lon) in zip(range(count), rows()):
            day = 1 + k % 28
            out.writerow({
                "data_id": 1000 + k, "iso": 999, "event_id_cnty": f"TST{k}", "event_id_no_cnty": k,
                "event_date": f"{day}-Mar-21" if layout == "old" else f"2021-03-{day:02d}", "year": 2021,
                "time_precision": 1, "disorder_type": "Political violence", "event_type": etype,
                "sub_event_type": sub, "actor1": actor, "inter1": inter,
                "actor2": "Military Forces of Testland (2019-)" if inter == 2 else "",
                "inter2": 1 if inter == 2 else "", "country": "Nigeria", "admin1": admin1, "admin2": admin1 + " North",
                "admin3": "", "location": town, "latitude": lat, "longitude": lon, "geo_precision": 1,
                "source": "Test Wire", "notes": f"On {day} March 2021, {note} [size=no report]",
                "fatalities": 0 if etype == "Protests" else 3,
            })
    return path
