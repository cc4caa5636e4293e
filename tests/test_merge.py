"""Cross-article dedup on hand-built events (no extractor needed)."""

from __future__ import annotations

import datetime as dt
import itertools
import random

from flashpoint.merge import (
    blocking_keys,
    cluster,
    combine,
    haversine_km,
    merge_events,
    same_event,
    union_clusters,
)
from flashpoint.model import Actor, Count, Event, EventDate, Place, Provenance

# Real coordinates (GeoNames): Taftanaz and Saraqib are ~12 km apart; Idlib city ~17 km
# from Taftanaz; Aleppo ~50 km away.
TOWNS = {
    "Taftanaz": ("SY", "Idlib", 35.998, 36.785, 163345),
    "Saraqib": ("SY", "Idlib", 35.8638, 36.8006, 172515),
    "Aleppo": ("SY", "Aleppo", 36.2021, 37.1343, 170063),
    "Maiduguri": ("NG", "Borno", 11.8464, 13.1603, 2331447),
    "Kharkiv": ("UA", "Kharkiv", 49.9808, 36.2527, 706483),
}
TYPES = {
    "airstrike": ("Explosions/Remote violence", "Air/drone strike"),
    "armed clash": ("Battles", "Armed clash"),
    "attack": ("Violence against civilians", "Attack"),
    "protest": ("Protests", "Peaceful protest"),
    "riot": ("Riots", "Violent demonstration"),
}


def town(name: str) -> Place:
    country, admin1, lat, lon, gid = TOWNS[name]
    return Place(name=name, text=name, precision="town", country=country, admin1=admin1, lat=lat, lon=lon, geonameid=gid)


def make_event(
    article: str,
    n: int = 0,
    *,
    kind: str = "airstrike",
    place: Place | str | None = "Taftanaz",
    day: str | None = "2020-03-02",
    until: str | None = None,
    killed: int | None = None,
    qualifier: str = "exact",
    injured: int | None = None,
    actor1: Actor | None = None,
    actor2: Actor | None = None,
    confidence: float = 0.8,
) -> Event:
    """A small extracted event as the extractor would return it."""
    sentence = f"Sentence {n} of {article}."

    def prov(start: int = 0, end: int = 8) -> Provenance:
        return Provenance(article, sentence, 100 * n, 100 * n + len(sentence), 100 * n + start, 100 * n + end, confidence)

    event_type, sub = TYPES[kind]
    if isinstance(place, str):
        place = town(place)
    date = None
    if day:
        start = dt.date.fromisoformat(day)
        date = EventDate(start, dt.date.fromisoformat(until) if until else start, text="on Monday")
    return Event(
        id=f"{article}:e{n}",
        article_id=article,
        event_type=event_type,
        sub_event_type=sub,
        evidence=prov(0, len(sentence)),
        confidence=confidence,
        trigger=kind,
        actor1=actor1,
        actor2=actor2,
        place=place,
        date=date,
        fatalities=Count(killed, qualifier, text=f"{qualifier} {killed}", provenance=prov(1, 3)) if killed is not None else None,
        injuries=Count(injured, "exact", provenance=prov(4, 6)) if injured is not None else None,
    )


def three_outlets() -> list[Event]:
    return [
        make_event("a1", killed=12),
        make_event("a2", killed=14, day="2020-03-03"),  # reported next day as "yesterday"
        make_event("a3", killed=10, qualifier="at least", kind="armed clash"),
    ]


def test_three_outlets_become_one_event_with_lowest_figure():
    merged = merge_events(three_outlets())
    assert len(merged) == 1
    event = merged[0]
    assert event.fatalities.value == 10 and event.fatalities.qualifier == "at least"
    assert sorted((s.article_id, s.fatalities) for s in event.sources) == [("a1", 12), ("a2", 14), ("a3", 10)]
    assert event.id == "a1:e0"  # earliest member
    assert event.event_type == "Explosions/Remote violence"  # 2 of 3 reports
    assert event.date.start == dt.date(2020, 3, 2)


def test_merge_is_independent_of_input_order():
    events = three_outlets() + [
        make_event("b1", place="Kharkiv", kind="protest", day="2022-05-01"),
        make_event("b2", place="Kharkiv", kind="protest", day="2022-05-01"),
        make_event("c1", place="Maiduguri", kind="attack", killed=5),
    ]
    reference = merge_events(events)
    for seed in range(5):
        shuffled = events[:]
        random.Random(seed).shuffle(shuffled)
        assert merge_events(shuffled) == reference
    assert [len(e.sources) for e in reference] == [3, 1, 2]


def test_far_apart_or_different_days_or_families_stay_apart():
    base = make_event("a1", killed=3)
    assert not same_event(base, make_event("x", place="Aleppo"))
    assert not same_event(base, make_event("x", day="2020-03-05"))
    assert not same_event(base, make_event("x", kind="protest"))
    assert not same_event(base, make_event("a1", 1))  # same article
    assert not same_event(base, make_event("x", place=None))
    assert not same_event(base, make_event("x", day=None))
    assert same_event(base, make_event("x", place="Saraqib"))  # ~15 km away
    assert haversine_km(*TOWNS["Taftanaz"][2:4], *TOWNS["Saraqib"][2:4]) < 25


def test_admin1_precision_matches_a_town_in_that_admin1():
    idlib = Place(name="Idlib", text="Idlib province", precision="admin1", country="SY", admin1="Idlib")
    aleppo = Place(name="Aleppo", text="Aleppo province", precision="admin1", country="SY", admin1="Aleppo")
    base = make_event("a1")
    assert same_event(base, make_event("x", place=idlib))
    assert not same_event(base, make_event("x", place=aleppo))
    # and the merged event keeps the finer place
    assert merge_events([make_event("x", place=idlib), base])[0].place.precision == "town"


def test_actor_compatibility():
    syria = Actor("Military Forces of Syria", "Syrian forces", "state forces", "SY")
    turkey = Actor("Military Forces of Turkey", "Turkish troops", "state forces", "TR")
    rebels = Actor("HTS", "rebels", "rebel group", "SY")
    base = make_event("a1", actor1=syria, actor2=turkey)
    assert same_event(base, make_event("x", actor1=turkey, actor2=syria))  # either order
    assert same_event(base, make_event("x", actor1=syria))  # one unknown
    assert not same_event(base, make_event("x", actor1=rebels, actor2=rebels))


def test_date_windows_overlap():
    week = make_event("x", day="2020-02-24", until="2020-03-01")  # "last week"
    assert same_event(make_event("a1"), week)  # one day of slack
    assert not same_event(make_event("a1", day="2020-03-04"), week)
    vague = make_event("x", day="2020-01-01", until="2020-12-31")
    assert not same_event(make_event("a1"), vague)


def test_transitive_chain_is_one_cluster():
    # Taftanaz - Saraqib are close; Saraqib and a point 20 km further south are close.
    south = Place("Maarat", "Maarat", "town", "SY", "Idlib", 35.70, 36.80, 1)
    chain = [make_event("a1"), make_event("a2", place="Saraqib"), make_event("a3", place=south)]
    assert not same_event(chain[0], chain[2])
    assert [len(c) for c in cluster(chain)] == [3]


def test_conservative_figures_ignore_ceilings_and_missing():
    events = [
        make_event("a1", killed=20, qualifier="at most"),
        make_event("a2", killed=7, injured=30),
        make_event("a3", killed=None, injured=25),
    ]
    merged = combine(events)
    assert merged.fatalities.value == 7
    assert merged.injuries.value == 25
    assert [s.fatalities for s in merged.sources] == [20, 7, None]
    assert combine([make_event("a1")]).fatalities is None


def test_every_matching_pair_shares_a_blocking_key():
    # Many events around Idlib and Kharkiv; compare the rule with the blocks.
    rnd = random.Random(7)
    events = []
    for i in range(60):
        base = rnd.choice(["Taftanaz", "Kharkiv"])
        country, admin1, lat, lon, _ = TOWNS[base]
        place = Place("p", "p", "town", country, admin1, lat + rnd.uniform(-0.4, 0.4), lon + rnd.uniform(-0.4, 0.4))
        day = dt.date(2020, 3, 1) + dt.timedelta(days=rnd.randint(0, 20))
        events.append(make_event(f"a{i}", place=place, day=day.isoformat(), kind=rnd.choice(["airstrike", "attack"])))
    matches = 0
    for a, b in itertools.combinations(events, 2):
        if same_event(a, b):
            matches += 1
            assert set(blocking_keys(a)) & set(blocking_keys(b)), (a.id, b.id)
    assert matches > 10
    # Per-block clustering then union equals the global clustering (what Spark does).
    blocks: dict = {}
    for e in events:
        for key in blocking_keys(e):
            blocks.setdefault(key, []).append(e)
    per_block = [c for block in blocks.values() for c in cluster(block)]
    assert union_clusters(per_block) == cluster(events)


def test_unmergeable_event_gets_its_own_block():
    event = make_event("a1", day=None)
    assert blocking_keys(event) == [("solo", "a1:e0")]
    assert len(merge_events([event, make_event("a2", day=None)])) == 2


def test_protesters_and_rioters_of_one_crowd_merge():
    import dataclasses

    from flashpoint.merge import same_event
    from flashpoint.model import Actor, Event, EventDate, Place, Provenance
    import datetime as dt

    def report(article, kind, event_type, sub):
        ev = Provenance(article, "s", 0, 1, 0, 1, 0.9)
        return Event(id=f"{article}-e1", article_id=article, event_type=event_type, sub_event_type=sub,
                     evidence=ev, confidence=0.9,
                     actor1=Actor(name=kind.title(), text=kind, kind=kind, country="NP"),
                     actor2=Actor(name="Police Forces of Nepal", text="police", kind="state forces", country="NP"),
                     place=Place(name="Kathmandu", text="Kathmandu", precision="town", country="NP",
                                 admin1="Central", lat=27.7, lon=85.3),
                     date=EventDate(dt.date(2025, 4, 11), dt.date(2025, 4, 11)))

    riot = report("a", "rioters", "Riots", "Violent demonstration")
    protest = report("b", "protesters", "Protests", "Excessive force against protesters")
    assert same_event(riot, protest)
    rebels = dataclasses.replace(protest, actor1=dataclasses.replace(protest.actor1, kind="rebel group"))
    assert not same_event(riot, rebels)  # a crowd is not an armed group
