"""Cross-article merging on hand-built events (no extractor needed): identity, no chaining,
best fit, order independence, combined fields and the reasons kept."""

from __future__ import annotations

import datetime as dt
import itertools
import random

import pytest

from flashpoint.merge import (
    blocking_keys,
    cluster,
    combine,
    compatible,
    compatible_pairs,
    components,
    event_order,
    haversine_km,
    merge_events,
    mergeable,
    probe_keys,
    union_clusters,
)
from flashpoint.model import Actor, Count, Event, EventDate, Place, Provenance

# Real coordinates (GeoNames): Taftanaz and Saraqib are ~15 km apart; Aleppo ~50 km away;
# the airbase is a made-up point ~3 km from Taftanaz.
TOWNS = {
    "Taftanaz": ("SY", "Idlib", 35.998, 36.785, 163345),
    "Saraqib": ("SY", "Idlib", 35.8638, 36.8006, 172515),
    "Taftanaz airbase": ("SY", "Idlib", 35.972, 36.783, 9000001),
    "Sirwah": ("YE", "Ma'rib", 15.449, 45.019, 34703),
    "Aleppo": ("SY", "Aleppo", 36.2021, 37.1343, 170063),
    "Maiduguri": ("NG", "Borno", 11.8464, 13.1603, 2331447),
    "Kharkiv": ("UA", "Kharkiv", 49.9808, 36.2527, 706483),
}
TYPES = {
    "airstrike": ("Explosions/Remote violence", "Air/drone strike"),
    "armed clash": ("Battles", "Armed clash"),
    "attack": ("Violence against civilians", "Attack"),
    "shelling": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
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
    date_text: str = "on Monday",
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
        date = EventDate(start, dt.date.fromisoformat(until) if until else start, text=date_text)
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



def region(name: str, country: str = "SY") -> Place:
    """An admin1-precision place ("in Idlib province")."""
    return Place(name=name, text=f"{name} province", precision="admin1", country=country, admin1=name)


SYRIA = Actor("Military Forces of Syria", "Syrian forces", "state forces", "SY")
TURKEY = Actor("Military Forces of Turkey", "Turkish troops", "state forces", "TR")
HOUTHIS = Actor("Houthi Movement", "Houthi rebels", "rebel group", "YE")
YEMEN = Actor("Military Forces of Yemen", "government forces", "state forces", "YE")
GUNMEN = Actor("Unidentified Armed Group (Syria)", "gunmen", "political militia", "SY")


def sources(event: Event) -> list[str]:
    return sorted(s.article_id for s in event.sources)


def three_outlets() -> list[Event]:
    return [
        make_event("a1", killed=12),
        make_event("a2", killed=14, date_text="yesterday"),  # published the next day
        make_event("a3", killed=10, qualifier="at least", kind="armed clash", place="Taftanaz airbase"),
    ]


def test_three_outlets_become_one_event_with_lowest_figure_and_reasons():
    [event] = merge_events(three_outlets())
    assert event.fatalities.value == 10 and event.fatalities.qualifier == "at least"
    assert sorted((s.article_id, s.fatalities) for s in event.sources) == [("a1", 12), ("a2", 14), ("a3", 10)]
    assert event.id == "a1:e0"  # earliest member
    assert event.sub_event_type == "Air/drone strike"  # same tier as "Armed clash", given by 2 of 3
    assert event.place.name == "Taftanaz"  # the place two reports give over the one nearby
    assert event.date.start == dt.date(2020, 3, 2)
    notes = "\n".join(event.merge_notes)
    assert notes.count("merged: ") == 2 and "same day 2020-03-02" in notes and "Taftanaz airbase / Taftanaz 2.9 km apart" in notes
    assert "fatalities: the lowest credible of 12, 14, 10" in notes
    assert merge_events([make_event("a1")])[0].merge_notes == []  # a single report needs no reason


def test_a_daily_series_in_one_town_is_one_event_a_day():
    series = [
        make_event(f"day{d}", kind="armed clash", place="Sirwah", day=f"2023-03-{d:02d}", date_text=f"March {d}",
                   killed=d + 2, actor1=HOUTHIS, actor2=YEMEN)
        for d in range(1, 9)
    ]
    merged = merge_events(series)
    assert len(merged) == 8 and sum(e.fatalities.value for e in merged) == 52
    # a second outlet's report of March 4, sides named the other way round, joins March 4 only
    second = make_event("other", kind="armed clash", place="Sirwah", day="2023-03-04", date_text="Saturday",
                        killed=6, actor1=YEMEN, actor2=HOUTHIS)
    merged = merge_events(series + [second])
    assert len(merged) == 8 and sum(e.fatalities.value for e in merged) == 52
    [march4] = [e for e in merged if e.date.start == dt.date(2023, 3, 4)]
    assert sources(march4) == ["day4", "other"]


def test_exact_days_differ_only_for_a_nights_event():
    monday = make_event("a1")
    assert not compatible(monday, make_event("x", day="2020-03-03"))
    assert not compatible(monday, make_event("x", day="2020-03-03", date_text="yesterday"))
    assert compatible(monday, make_event("x", day="2020-03-03", date_text="early Tuesday"))
    assert compatible(make_event("a1", date_text="late Monday"), make_event("x", day="2020-03-03"))


def test_a_daytime_report_is_not_a_day_off_the_other_reports_night():
    # Monday evening's bombing and Tuesday afternoon's blast in one town are two incidents
    evening = make_event("a1", date_text="Monday evening")
    assert not compatible(evening, make_event("x", day="2020-03-03", date_text="Tuesday afternoon"))
    assert compatible(evening, make_event("x", day="2020-03-03", date_text="Tuesday"))
    # a morning is daytime for the earlier report only: the next morning may be the night's end
    assert compatible(make_event("a1", date_text="late Monday"), make_event("x", day="2020-03-03", date_text="early Tuesday morning"))
    assert not compatible(make_event("a1", date_text="Monday morning"), make_event("x", day="2020-03-03", date_text="overnight"))


def test_a_night_told_in_another_sentence_of_the_report():
    # dated by the claim ("yesterday claimed a bombing"), the blast itself told "on Monday night" further on
    claim = make_event("a2", day="2020-03-03", date_text="yesterday")
    claim.mentions = [Provenance("a2", "The bomber blew himself up in Taftanaz on Monday night.", 200, 255, 200, 255, 0.8)]
    monday = make_event("a1")
    assert compatible(monday, claim) and compatible(claim, monday)
    [event] = merge_events([claim, monday])
    assert event.date.start == dt.date(2020, 3, 2)  # ties prefer the earliest day
    # "early" and "late" count only where the report is dated: elsewhere they say other things
    vague = make_event("a2", day="2020-03-03", date_text="yesterday")
    vague.mentions = [Provenance("a2", "It is too early to say who was behind the late-season attack.", 200, 262, 200, 262, 0.8)]
    assert not compatible(monday, vague)


def test_two_country_wide_reports_need_one_thing_in_common():
    syria = Place("Syria", "Syria", "country", "SY")
    strike = make_event("a1", place=syria)
    assert compatible(strike, make_event("x", place=syria))  # the same sub-event type
    assert not compatible(strike, make_event("x", kind="shelling", place=syria))  # only family, country and day
    assert compatible(make_event("a1", place=syria, killed=4), make_event("x", kind="shelling", place=syria, killed=5))
    # crowd events differ only in how violent each outlet saw them: a protest and a riot that day may be one
    assert compatible(make_event("a1", kind="protest", place=syria), make_event("x", kind="riot", place=syria))


def test_civilians_read_as_the_side_that_acted_say_nothing_of_who_did_it():
    residents = Actor("Civilians (Syria)", "residents", "civilians", "SY")
    victims = Actor("Civilians (Syria)", "a family", "civilians", "SY")
    misread = make_event("a1", killed=4, actor1=residents, actor2=victims)  # civilians on both sides: a misreading
    told = make_event("a2", killed=4, actor1=TURKEY, actor2=victims)
    assert compatible(misread, told)
    [event] = merge_events([misread, told])
    assert event.actor1 == TURKEY  # the report that names who acted gives the actors
    # outside political violence civilians keep their kind: a protest is not a strike's victims acting
    assert not compatible(make_event("a1", kind="protest", actor1=residents), make_event("a2", kind="protest", actor1=SYRIA))
    # the side acted upon still has to agree
    assert not compatible(misread, make_event("a2", killed=4, actor1=TURKEY, actor2=SYRIA))
    # civilians on one side only may be what the report means: they still conflict with an army
    assert not compatible(make_event("a1", killed=4, actor1=residents), told)


def test_a_vague_report_joins_one_event_and_never_bridges_two():
    # two strikes in Idlib on one day: Taftanaz (Syria on Turkey) and the Turkish reply
    taftanaz = make_event("a1", kind="shelling", killed=5, actor1=SYRIA, actor2=TURKEY)
    reply = make_event("a1", 1, kind="shelling", place=region("Idlib"), actor1=TURKEY, actor2=SYRIA)
    saraqib = make_event("a2", kind="shelling", place="Saraqib", killed=8, actor1=SYRIA, actor2=TURKEY)
    # another outlet: "five soldiers killed by regime artillery in Idlib on Monday"
    vague = make_event("b1", kind="shelling", place=region("Idlib"), killed=5, actor1=SYRIA, actor2=TURKEY)
    assert compatible(vague, taftanaz) and compatible(vague, saraqib) and not compatible(taftanaz, saraqib)
    assert not compatible(vague, reply)  # who shelled whom
    merged = merge_events([taftanaz, reply, saraqib, vague])
    assert sorted(sources(e) for e in merged) == [["a1"], ["a1", "b1"], ["a2"]]
    [joined] = [e for e in merged if len(e.sources) == 2]
    assert joined.place.name == "Taftanaz" and joined.fatalities.value == 5  # the best fit: toll and place
    # a week's range joins the exact-day event inside it, and only one
    week = make_event("c1", kind="shelling", place=region("Idlib"), day="2020-02-24", until="2020-03-01",
                      date_text="last week", killed=5, actor1=SYRIA, actor2=TURKEY)
    merged = merge_events([taftanaz, reply, saraqib, week])
    assert sum(1 for e in merged if "c1" in sources(e)) == 1 and len(merged) == 3


def test_no_chaining_through_a_middle_report():
    # Taftanaz - airbase are 3 km apart; airbase - a point 8 km further south are close,
    # Taftanaz and that point are not: at most two of the three can be one event.
    south = Place("South", "South", "town", "SY", "Idlib", 35.90, 36.78, 1)
    chain = [make_event("a1"), make_event("a2", place="Taftanaz airbase"), make_event("a3", place=south)]
    assert compatible(chain[0], chain[1]) and compatible(chain[1], chain[2]) and not compatible(chain[0], chain[2])
    assert sorted(len(g) for g in cluster(chain)) == [1, 2]
    assert [len(g) for g in components(chain)] == [3]


def test_places():
    base = make_event("a1", killed=3)
    assert not compatible(base, make_event("x", place="Aleppo"))
    assert not compatible(base, make_event("x", place="Saraqib"))  # ~15 km: another town
    assert compatible(base, make_event("x", place="Taftanaz airbase"))
    assert compatible(base, make_event("x", place=region("Idlib")))
    assert not compatible(base, make_event("x", place=region("Aleppo")))
    syria = Place("Syria", "Syria", "country", "SY")
    # a country-wide report names the act (the sub-event type) or a toll: without either it
    # would fit every event in Syria; with it, it joins the one event it fits best
    assert compatible(base, make_event("x", place=syria))  # an air strike somewhere in Syria that day
    assert not compatible(base, make_event("x", kind="shelling", place=syria))
    assert compatible(make_event("a1", place=syria), make_event("x", place=syria))
    # a country-wide report of the same event type with a toll joins the one event it fits best
    assert compatible(base, make_event("x", place=syria, killed=4))
    assert compatible(base, make_event("x", kind="shelling", place=syria, killed=4))  # both Explosions
    assert not compatible(base, make_event("x", kind="armed clash", place=syria, killed=4))
    # one crowd is a protest to one outlet and a riot to another, and rarely counted
    assert compatible(make_event("a1", kind="protest"), make_event("x", kind="riot", place=syria))
    # a city-state named as a whole is as precise as a province: no toll needed
    singapore = Place("Singapore", "Singapore", "country", "SG")
    bedok = Place("Bedok", "Bedok", "town", "SG", "South East", 1.32, 103.93)
    assert compatible(make_event("a1", kind="protest", place=bedok), make_event("x", kind="protest", place=singapore))
    aleppo = make_event("a2", place="Aleppo", killed=6)
    merged = merge_events([base, aleppo, make_event("x", place=syria, killed=4)])
    assert sorted(map(sources, merged)) == [["a1", "x"], ["a2"]]
    assert not compatible(base, make_event("x", place=None))
    # "in Idlib" resolved to the city may mean the province: compared as both
    idlib_city = Place("Idlib", "Idlib", "town", "SY", "Idlib", 35.93, 36.63, 169389)
    assert compatible(base, make_event("x", place=idlib_city))
    assert not compatible(make_event("x", place=idlib_city), make_event("y", place=region("Aleppo")))
    assert merge_events([make_event("x", place=idlib_city), base])[0].place.name == "Taftanaz"
    assert haversine_km(*TOWNS["Taftanaz"][2:4], *TOWNS["Saraqib"][2:4]) > 10
    # the merged event keeps the finer place
    assert merge_events([make_event("x", place=region("Idlib")), base])[0].place.precision == "town"


def test_types_days_articles_and_coded_rows():
    base = make_event("a1", killed=3)
    assert not compatible(base, make_event("x", kind="protest"))
    assert compatible(base, make_event("x", kind="attack"))  # one family of violence
    assert not compatible(base, make_event("a1", 1))  # same article
    assert not compatible(base, make_event("x", day=None))
    assert not compatible(make_event("acled:1"), make_event("acled:2"))  # two coded rows are two events
    assert compatible(make_event("acled:1"), make_event("news"))


def test_actor_direction():
    shelling = make_event("a1", kind="shelling", actor1=SYRIA, actor2=TURKEY)
    assert not compatible(shelling, make_event("x", kind="shelling", actor1=TURKEY, actor2=SYRIA))  # the reply
    assert not compatible(shelling, make_event("x", kind="shelling", actor1=TURKEY))
    assert compatible(shelling, make_event("x", kind="shelling", actor1=SYRIA))  # one side unknown
    assert compatible(shelling, make_event("x", kind="shelling", actor2=TURKEY))
    rebels = Actor("HTS", "rebels", "rebel group", "SY")
    assert not compatible(shelling, make_event("x", actor1=rebels, actor2=rebels))
    clash = make_event("a1", kind="armed clash", actor1=SYRIA, actor2=rebels)
    assert compatible(clash, make_event("x", kind="armed clash", actor1=rebels, actor2=SYRIA))  # told from either side


def test_tolls_that_contradict():
    assert compatible(make_event("a1", killed=12), make_event("x", killed=14))
    assert compatible(make_event("a1", killed=8), make_event("x", killed=9))
    assert not compatible(make_event("a1", killed=3), make_event("x", killed=10))
    assert compatible(make_event("a1", killed=14), make_event("x", killed=33))  # a first report, the final toll
    assert not compatible(make_event("a1", killed=10), make_event("x", killed=31))  # under 40%
    assert not compatible(make_event("a1", killed=0), make_event("x", killed=4))  # "no one was killed"
    assert compatible(make_event("a1", killed=5, qualifier="at least"), make_event("x", killed=40))
    assert compatible(make_event("a1", killed=5), make_event("x", killed=None))


def test_date_windows():
    week = make_event("x", day="2020-02-24", until="2020-03-01", date_text="last week")
    assert compatible(make_event("a1"), week)  # a day of slack at a range's ends
    assert not compatible(make_event("a1", day="2020-03-04"), week)
    assert compatible(make_event("a1", day="2020-02-25"), week)
    vague = make_event("x", day="2020-01-01", until="2020-12-31")
    assert not compatible(make_event("a1"), vague) and not mergeable(vague)


def random_reports(seed: int, n: int = 60) -> list[Event]:
    """Reports of a fortnight around Idlib and Kharkiv: exact days, weeks, admin1 and
    country-wide places, tolls, named and unidentified actors."""
    rnd = random.Random(seed)
    events = []
    for i in range(n):
        base = rnd.choice(["Taftanaz", "Kharkiv"])
        country, admin1, lat, lon, _ = TOWNS[base]
        draw = rnd.random()
        if draw < 0.1:
            place = Place(country, country, "country", country)  # a country-wide report
        elif draw < 0.3:
            place = region(admin1, country)
        else:
            place = Place("p", "p", "town", country, admin1, lat + rnd.uniform(-0.1, 0.1), lon + rnd.uniform(-0.1, 0.1))
        day = dt.date(2020, 3, 1) + dt.timedelta(days=rnd.randint(0, 10))
        until = (day + dt.timedelta(days=6)).isoformat() if rnd.random() < 0.2 else None
        events.append(
            make_event(f"a{rnd.randrange(n // 2):02d}", i, place=place, day=day.isoformat(), until=until,
                       kind=rnd.choice(["airstrike", "attack", "shelling"]), killed=rnd.choice([None, 2, 3, 5, 8]),
                       actor1=rnd.choice([None, SYRIA, TURKEY, GUNMEN]), date_text=rnd.choice(["on Monday", "overnight"]))
        )
    return events


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_merge_is_independent_of_input_order(seed):
    events = random_reports(seed)
    reference = merge_events(events)
    assert len(reference) < len(events)  # the data has merges
    for shuffle_seed in range(8):
        shuffled = events[:]
        random.Random(shuffle_seed).shuffle(shuffled)
        assert merge_events(shuffled) == reference
    # merging component by component gives the same events (what the store and Spark do)
    by_component = [e for c in components(events) for e in merge_events(c)]
    assert sorted(by_component, key=lambda e: e.id) == sorted(reference, key=lambda e: e.id)


@pytest.mark.parametrize("seed", [4, 5])
def test_every_event_is_compatible_throughout(seed):
    for group in cluster(random_reports(seed, 80)):
        for a, b in itertools.combinations(group, 2):
            assert compatible(a, b), (a.id, b.id)
        assert len({e.article_id for e in group}) == len(group)


def test_every_compatible_pair_shares_a_blocking_key():
    events = random_reports(7, 80)
    matches = 0
    for a, b in itertools.combinations(events, 2):
        if compatible(a, b):
            matches += 1
            assert set(blocking_keys(a)) & set(blocking_keys(b)), (a.id, b.id)
    assert matches > 10
    # Components found per block, then joined, are the global components (what Spark does).
    blocks: dict = {}
    for e in events:
        for key in blocking_keys(e):
            blocks.setdefault(key, []).append(e)
    per_block = [c for block in blocks.values() for c in components(block)]
    assert union_clusters(per_block) == components(events)


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


def test_unmergeable_event_gets_its_own_block():
    event = make_event("a1", day=None)
    assert blocking_keys(event) == [("solo", "a1:e0")]
    assert len(merge_events([event, make_event("a2", day=None)])) == 2


def test_outlets_disagreeing_on_the_type_follow_acled_precedence():
    crowd = Actor("Protesters (Nepal)", "protesters", "protesters", "NP")
    rioters = Actor("Rioters (Nepal)", "rioters", "rioters", "NP")
    police = Actor("Police Forces of Nepal", "police", "state forces", "NP")
    kathmandu = Place("Kathmandu", "Kathmandu", "town", "NP", "Bagmati", 27.7, 85.3, 1283240)
    reports = [make_event(a, kind="protest", place=kathmandu, actor1=crowd, actor2=police) for a in ("a", "b")]
    reports.append(make_event("c", kind="riot", place=kathmandu, actor1=rioters, actor2=police))
    [event] = merge_events(reports)
    assert (event.event_type, event.sub_event_type) == ("Riots", "Violent demonstration")  # 1 report of 3
    assert any("ACLED precedence over Peaceful protest" in n for n in event.merge_notes)
    rebels = Actor("HTS", "rebels", "rebel group", "NP")
    assert not compatible(reports[2], make_event("d", kind="protest", place=kathmandu, actor1=rebels))


def test_a_report_dated_from_its_publication_joins_the_dated_event():
    from dataclasses import replace

    dated = make_event("a1", killed=12)
    undated = make_event("a2", day="2020-03-01", until="2020-03-02", killed=12)
    undated.date = replace(undated.date, inferred_from="publication date")
    [event] = merge_events([undated, dated])
    assert event.date.exact and event.date.inferred_from is None
    assert "date 2020-03-02 from a1:e0" in "\n".join(event.merge_notes)


def test_a_figure_from_a_report_naming_only_the_province_counts_only_without_a_town_figure():
    town_report = make_event("a1", killed=8, day="2020-02-03", until="2020-02-07", date_text="last week", place="Saraqib")
    province = make_event("a2", killed=7, day="2020-02-03", until="2020-02-09", date_text="last week", place=region("Idlib"))
    [merged] = merge_events([town_report, province])
    assert merged.fatalities.value == 8 and sorted(s.fatalities for s in merged.sources) == [7, 8]
    assert any("placing it best give 8" in n for n in merged.merge_notes)
    no_town_figure = make_event("a1", day="2020-02-03", until="2020-02-07", date_text="last week", place="Saraqib")
    [merged] = merge_events([no_town_figure, province])
    assert merged.fatalities.value == 7


def test_an_unidentified_group_may_be_the_group_another_outlet_names():
    gunmen = Actor("Unidentified Armed Group (Iraq)", "a suicide bomber", "political militia", "IQ")
    claimed = Actor("Islamic State", "Islamic State", "rebel group", None)
    civilians = Actor("Civilians (Iraq)", "shoppers", "civilians", "IQ")
    a = make_event("a1", kind="attack", place="Aleppo", actor1=gunmen, actor2=civilians, killed=31)
    b = make_event("a2", kind="attack", place="Aleppo", actor1=claimed, actor2=civilians, killed=35)
    assert compatible(a, b)
    # a named group is not a named army, and an unidentified group is not the civilians it attacked
    assert not compatible(make_event("a1", actor1=claimed), make_event("a2", actor1=SYRIA))
    assert not compatible(make_event("a1", actor1=gunmen), make_event("a2", actor1=civilians))
    # one name is one actor, whatever kind each report gave it (Turkish forces abroad)
    abroad = Actor("Military Forces of Turkey", "Turkish troops", "external/other", "TR")
    assert compatible(make_event("a1", kind="shelling", actor1=SYRIA, actor2=TURKEY), make_event("a2", kind="shelling", actor2=abroad))


def test_a_stored_report_is_found_by_the_probe_keys_of_any_compatible_report():
    """The store looks for stored candidates with probe_keys (a located report looks only
    at its country's country-wide reports, not at the whole country)."""
    events = random_reports(9, 80)
    for a, b in itertools.permutations(events, 2):
        if compatible(a, b):
            assert set(probe_keys(a)) & set(blocking_keys(b)), (a.id, b.id)
    located = next(e for e in events if e.place.precision == "town")
    wide = next(e for e in events if e.place.precision == "country")
    assert not {k for k in probe_keys(located) if "country" in k} & {k for k in blocking_keys(located) if "country" in k}
    assert any("country-only" in k for k in blocking_keys(wide))


@pytest.mark.parametrize("seed", [7, 8])
def test_the_blocks_find_every_compatible_pair(seed):
    """compatible_pairs compares fewer pairs in country and admin1 blocks; it still finds
    every pair a comparison of all pairs finds."""
    events = random_reports(seed, 80)
    found = compatible_pairs(events)
    every = {e.id: set() for e in events}
    for a, b in itertools.combinations(events, 2):
        if compatible(a, b):
            every[a.id].add(b.id)
            every[b.id].add(a.id)
    assert found == every and sum(map(len, every.values())) > 20


def test_outlets_may_name_a_crowds_opponent_or_a_blasts_dead_differently():
    civilians = Actor("Civilians (Syria)", "civilians", "civilians", "SY")
    police = Actor("Police Forces of Syria", "police", "state forces", "SY")
    # one blast's dead told as civilians by one outlet and as soldiers by another, tolls agreeing
    assert compatible(make_event("a1", kind="airstrike", actor2=civilians, killed=90),
                      make_event("x", kind="airstrike", actor2=SYRIA, killed=80))
    # without both tolls the victims keep two attacks apart
    assert not compatible(make_event("a1", kind="airstrike", actor2=civilians, killed=90),
                          make_event("x", kind="airstrike", actor2=SYRIA))
    assert not compatible(make_event("a1", kind="airstrike", actor2=civilians, killed=90),
                          make_event("x", kind="shelling", actor2=SYRIA, killed=88))
    # a riot in one town on one day is one event whoever it faced and however its dead were counted
    rioters = Actor("Rioters (Syria)", "rioters", "rioters", "SY")
    assert compatible(make_event("a1", kind="riot", actor1=rioters, actor2=police, killed=2),
                      make_event("x", kind="riot", actor1=rioters, actor2=civilians, killed=16))
    assert not compatible(make_event("a1", kind="attack", killed=2), make_event("x", kind="attack", killed=16))


def test_a_country_wide_report_that_fits_two_events_as_well_joins_neither():
    syria = Place("Syria", "Syria", "country", "SY")
    riots = [make_event("a1", kind="riot"), make_event("a2", kind="riot", place="Aleppo")]
    wide = make_event("x", kind="riot", place=syria)  # "riots across Syria": either city's, or both
    assert sorted(map(sources, merge_events([*riots, wide]))) == [["a1"], ["a2"], ["x"]]
    # with one riot that day it joins that one
    assert sorted(map(sources, merge_events([riots[0], wide]))) == [["a1", "x"]]
