"""same_incident, grouping and combining on hand-built events."""

import datetime as dt

from flashpoint.incidents import same_incident
from flashpoint.incidents.combine import combine
from flashpoint.incidents.fallbacks import date_from_publication
from flashpoint.incidents.group import assign
from flashpoint.model import Actor, Article, Count, Event, EventDate, Place, Provenance

TYPES = {
    "Armed clash": "Battles", "Air/drone strike": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence", "Suicide bomb": "Explosions/Remote violence",
    "Attack": "Violence against civilians", "Peaceful protest": "Protests", "Violent demonstration": "Riots",
    "Arrests": "Strategic developments", "Agreement": "Strategic developments",
    "Government regains territory": "Battles",
}
_position = [0]


def _prov(sentence: str, confidence: float = 0.85) -> Provenance:
    _position[0] += 1000
    start = _position[0]
    return Provenance("a1", sentence, start, start + len(sentence), start, start + 5, confidence)


def event(sub="Air/drone strike", sentence="Jets struck the town.", day=None, days=None, place=None,
          actor1=None, actor2=None, killed=None, qualifier="exact", date_confidence=0.85) -> Event:
    evidence = _prov(sentence)
    date = None
    if day or days:
        start, end = days or (day, day)
        date = EventDate(dt.date.fromisoformat(start), dt.date.fromisoformat(end), text="Monday",
                         provenance=Provenance("a1", sentence, evidence.start, evidence.end,
                                               evidence.start, evidence.start + 6, date_confidence))
    fatalities = None
    if killed is not None:
        at = evidence.sentence_start + max(sentence.find(str(killed)), 0)
        fatalities = Count(killed, qualifier, text=str(killed),
                           provenance=Provenance("a1", sentence, evidence.sentence_start, evidence.sentence_end,
                                                 at, at + len(str(killed)), 0.85))
    return Event(id="x", article_id="a1", event_type=TYPES[sub], sub_event_type=sub, evidence=evidence,
                 confidence=0.7, actor1=actor1, actor2=actor2, place=place, date=date, fatalities=fatalities)


def town(name, lat, lon, admin1="Idlib", country="SY", geonameid=None):
    return Place(name=name, text=name, precision="town", country=country, admin1=admin1, lat=lat, lon=lon,
                 geonameid=geonameid or hash(name) % 100000)


def region(name, country="SY"):
    return Place(name=name, text=name, precision="admin1", country=country, admin1=name)


def forces(country, kind="state forces", name=None):
    return Actor(name=name or f"Military Forces of {country}", text="forces", kind=kind, country=country)


SYRIA, TURKEY = forces("SY"), forces("TR")
TAFTANAZ = town("Taftanaz", 35.99, 36.78)
SARAQIB = town("Saraqib", 35.86, 36.80)
ALEPPO = town("Aleppo", 36.20, 37.16, admin1="Aleppo")


def test_unknown_fields_never_conflict():
    assert same_incident(event(), event(sentence="Local media also reported the strikes."))


def test_a_town_lies_inside_its_region_and_its_country():
    assert same_incident(event(place=TAFTANAZ), event(place=region("Idlib")))
    country = Place(name="Syria", text="Syria", precision="country", country="SY")
    assert same_incident(event(place=TAFTANAZ), event(place=country))


def test_different_regions_or_distant_towns_are_different_incidents():
    assert not same_incident(event(place=TAFTANAZ), event(place=region("Aleppo")))
    assert not same_incident(event(place=TAFTANAZ), event(place=ALEPPO))  # about 50 km apart
    near = town("Binnish", 35.95, 36.71)  # a few km away, but another town
    assert not same_incident(event(place=TAFTANAZ), event(place=near))
    spelled = town("Taftanāz", 35.991, 36.781, geonameid=1)  # the same spot, another gazetteer entry
    assert same_incident(event(place=TAFTANAZ), event(place=spelled))


def test_dates_conflict_a_day_apart_unless_one_is_loose():
    assert not same_incident(event(day="2024-05-06"), event(day="2024-05-07"))
    reported = event(day="2024-05-07", date_confidence=0.5)  # "the army said on Tuesday"
    assert same_incident(event(day="2024-05-06"), reported)
    assert same_incident(event(day="2024-05-06"), event(days=("2024-05-01", "2024-05-07")))
    assert not same_incident(event(day="2024-05-10"), event(days=("2024-05-01", "2024-05-09")))


def test_types_of_different_families_conflict_but_violence_is_one_family():
    assert same_incident(event("Suicide bomb"), event("Attack"))
    assert same_incident(event("Armed clash"), event("Air/drone strike"))
    assert not same_incident(event("Peaceful protest"), event("Air/drone strike"))
    assert not same_incident(event("Agreement"), event("Armed clash"))


def test_arrests_join_a_riot_with_the_roles_the_other_way_round():
    riot = event("Violent demonstration", actor1=forces("KE", "rioters", "Rioters (Kenya)"))
    arrests = event("Arrests", actor1=forces("KE", name="Police Forces of Kenya"),
                    actor2=forces("KE", "rioters", "Rioters (Kenya)"))
    assert same_incident(riot, arrests)
    # suspects arrested after an attack are part of it too; a deal is not
    assert same_incident(event("Attack"), event("Arrests"))
    assert not same_incident(event("Agreement"), event("Arrests"))


def test_different_state_forces_or_named_groups_are_different_parties():
    assert not same_incident(event(actor1=SYRIA), event(actor1=TURKEY))
    shabaab = Actor(name="Al Shabaab", text="al-Shabab", kind="rebel group", country="SO")
    state = Actor(name="Islamic State", text="IS", kind="rebel group")
    rebels = Actor(name="Rebels", text="militants", kind="rebel group")
    gunmen = Actor(name="Unidentified Armed Group", text="gunmen", kind="political militia")
    assert not same_incident(event(actor1=shabaab), event(actor1=state))
    assert same_incident(event(actor1=shabaab), event(actor1=rebels))
    assert same_incident(event(actor1=rebels), event(actor1=gunmen))


def test_an_attack_and_its_reply_are_two_incidents():
    attack = event("Shelling/artillery/missile attack", actor1=SYRIA, actor2=TURKEY, day="2020-02-10")
    reply = event("Shelling/artillery/missile attack", actor1=TURKEY, day="2020-02-10")
    assert not same_incident(attack, reply)
    target_only = event("Shelling/artillery/missile attack", actor2=SYRIA, day="2020-02-10")
    assert not same_incident(event("Shelling/artillery/missile attack", actor1=SYRIA), target_only)


def test_a_clash_is_one_incident_told_from_either_side():
    one = event("Armed clash", actor1=SYRIA, actor2=forces("SY", "rebel group", "Rebels (Syria)"))
    other = event("Armed clash", actor2=SYRIA)
    assert same_incident(one, other)


def test_tolls_far_apart_are_two_incidents_unless_one_updates_or_is_a_claim():
    assert same_incident(event(killed=12, qualifier="at least"), event(killed=13))
    assert not same_incident(event(killed=22), event(killed=12))
    assert not same_incident(event(killed=5, qualifier="at least"), event(killed=40, qualifier="at least"))
    first = event(killed=9)
    update = event(killed=20, sentence="The death toll rose to 20 on Tuesday.")
    assert same_incident(first, update)
    assert not same_incident(first, event(killed=20, sentence="Twenty people were killed."))
    claim = event(killed=30, sentence="The militants claimed to have killed 30 soldiers.")
    assert same_incident(first, claim)


def test_a_sentence_announcing_another_incident_is_never_merged():
    first = event()
    for sentence in ("In a separate attack, jets struck the market.", "Meanwhile in Saraqib jets struck a school.",
                     "Another air strike hit a bakery.", "Earlier this week, jets struck a school."):
        assert not same_incident(first, event(sentence=sentence)), sentence
    assert same_incident(first, event(sentence="Local media also reported the air strike."))


def test_grouping_is_complete_linkage_not_chaining():
    day1 = event(day="2024-05-06", sentence="Jets struck Taftanaz on Monday.")
    vague = event(sentence="Jets also struck nearby.")
    day3 = event(day="2024-05-08", sentence="Jets struck Taftanaz on Wednesday.")
    groups = assign([day1, vague, day3])
    assert len(groups) == 2 and groups[0] == [day1, vague] and groups[1] == [day3]


def test_combine_takes_the_most_specific_fields_and_acled_precedence():
    headline = event("Attack", sentence="Bomber kills 8 in Syria", killed=8,
                     place=Place(name="Syria", text="Syria", precision="country", country="SY"))
    lead = event("Suicide bomb", sentence="A suicide bomber killed at least 8 people in Taftanaz on Monday.",
                 killed=8, qualifier="at least", day="2024-05-06", place=TAFTANAZ)
    detail = event("Attack", sentence="Hospital staff said 11 people had died.", killed=11, actor2=SYRIA)
    combined = combine([headline, lead, detail], "a1-e1")
    assert combined.sub_event_type == "Suicide bomb" and combined.event_type == "Explosions/Remote violence"
    assert combined.place.name == "Taftanaz"
    assert combined.date.start == dt.date(2024, 5, 6)
    assert combined.fatalities.value == 11
    assert combined.actor2 == SYRIA
    assert [m.sentence for m in combined.mentions] == [headline.evidence.sentence, lead.evidence.sentence,
                                                        detail.evidence.sentence]
    assert combined.confidence > max(m.confidence for m in (headline, lead, detail))


def test_a_hedged_toll_does_not_win_over_a_reported_one():
    official = event("Armed clash", killed=17)
    claim = event("Armed clash", killed=30, sentence="The militants claimed they had killed 30 soldiers.")
    assert combine([official, claim], "a1-e1").fatalities.value == 17


def test_arrests_at_a_protest_make_it_a_protest_with_intervention():
    protest = event("Peaceful protest")
    arrests = event("Arrests")
    assert combine([protest, arrests], "a1-e1").sub_event_type == "Protest with intervention"


def test_publication_date_fills_only_an_undated_event():
    article = Article(id="a1", text="", date=dt.date(2024, 5, 6))
    undated = date_from_publication(event(), article)
    assert (undated.date.start, undated.date.end) == (dt.date(2024, 5, 5), dt.date(2024, 5, 6))
    assert undated.date.day == dt.date(2024, 5, 6)
    assert undated.date.inferred_from == "publication date"
    dated = date_from_publication(event(day="2024-05-01"), article)
    assert dated.date.start == dt.date(2024, 5, 1) and dated.date.inferred_from is None


def test_publication_on_the_calendars_first_day_is_not_a_crash():
    article = Article(id="a1", text="", date=dt.date.min)
    undated = date_from_publication(event(), article)
    assert undated.date.start == undated.date.end == dt.date.min


def test_a_total_over_several_incidents_neither_splits_nor_becomes_the_toll():
    total = event("Attack", killed=34, qualifier="at least",
                  sentence="Jihadists killed at least 34 people in attacks on villages at the weekend.")
    one = event("Attack", killed=22, sentence="In the northwest, 22 people were killed late Sunday at Bourasso.")
    assert same_incident(total, one)
    assert combine([total, one], "a1-e1").fatalities.value == 22


def test_one_sides_losses_belong_to_the_battle():
    battle = event("Armed clash", killed=6, sentence="Six were killed in an encounter with rebels.")
    soldier = event("Armed clash", killed=1, sentence="He said one government soldier had died.")
    assert same_incident(battle, soldier)
    assert combine([battle, soldier], "a1-e1").fatalities.value == 6


def test_a_district_named_as_part_of_a_nearby_city_is_the_same_place():
    moscow = town("Moscow", 55.75, 37.62, admin1="Moscow", country="RU")
    krasnogorsk = town("Krasnogorsk", 55.82, 37.33, admin1="Moskovskaya", country="RU")
    venue = event("Attack", place=moscow, sentence="The massacre in a Moscow music venue killed 130 people.")
    detail = event("Attack", place=krasnogorsk,
                   sentence="Gunmen set fire to the hall in Moscow's northern district of Krasnogorsk.")
    assert same_incident(venue, detail)
    assert combine([venue, detail], "a1-e1").place.name == "Krasnogorsk"
    elsewhere = event("Attack", place=krasnogorsk, sentence="Gunmen set fire to a hall in Krasnogorsk.")
    assert not same_incident(venue, elsewhere)


def test_on_a_tie_of_types_the_precise_report_decides():
    summary = event("Air/drone strike", sentence="The military conducted airstrikes this week during days of fighting.",
                    days=("2023-02-19", "2023-02-24"))
    fight = event("Armed clash", sentence="Fighting broke out on Tuesday when soldiers were ambushed.",
                  day="2023-02-21")
    assert combine([summary, fight], "a1-e1").sub_event_type == "Armed clash"


def test_bare_clashes_told_of_a_protest_are_part_of_it_but_a_bombing_is_not():
    protest = event("Peaceful protest", day="2017-06-19")
    clashes = event("Armed clash", sentence="Clashes broke out on a major highway.")
    bombing = event("Suicide bomb", sentence="A bomber blew himself up.")
    assert same_incident(protest, clashes)
    assert not same_incident(protest, bombing)
    soldiers = event("Armed clash", actor1=SYRIA, sentence="Soldiers clashed with rebels.")
    assert not same_incident(protest, soldiers)


def test_a_sentence_pointing_back_at_the_attack_details_it_whatever_its_own_type():
    bombing = event("Suicide bomb", "A suicide bomber struck a police post on Friday.", day="2024-10-25",
                    actor2=Actor("Police Forces of Pakistan", "police", "police", "PK"))
    detail = event("Armed clash", "Four officers and two civilians were killed in the attack, police said.",
                   actor2=Actor("Civilians (Pakistan)", "civilians", "civilians", "PK"))
    unrelated = event("Agreement", "The two sides signed a truce on Friday.", day="2024-10-25")
    assert same_incident(bombing, detail)
    assert not same_incident(bombing, unrelated)


def test_a_separate_attack_never_points_back():
    bombing = event("Suicide bomb", "A suicide bomber struck a police post on Friday.", day="2024-10-25")
    other = event("Attack", "In a separate attack, gunmen killed a shopkeeper in the attack's aftermath.")
    assert not same_incident(bombing, other)


def test_shelling_and_an_air_strike_in_one_article_are_two_events():
    import flashpoint

    text = ("The paramilitary force continued to shell the capital of North Darfur yesterday, residents said.\n\n"
            "The Sudanese Air Forces reportedly bombed RSF targets in the east of the city yesterday, according to "
            "a military source.")
    events = flashpoint.extract(text, date="2024-10-30").events
    assert sorted(e.sub_event_type for e in events) == ["Air/drone strike", "Shelling/artillery/missile attack"]
