"""The incidents stage on articles written here: one event per real incident."""

import datetime as dt
from pathlib import Path

import pytest

import flashpoint

DATA = Path(__file__).parent / "data" / "incidents"


def _extract(name: str, date: str):
    return flashpoint.extract((DATA / f"{name}.txt").read_text(encoding="utf-8"), date=date)


@pytest.fixture(scope="module")
def market():
    return _extract("market_bombing", "2024-03-12")


def test_one_bombing_told_in_lead_detail_and_caption_is_one_event(market):
    assert len(market.events) == 1
    event = market.events[0]
    assert event.event_type == "Explosions/Remote violence"
    assert len(event.mentions) >= 2  # the lead, the hospital's toll, the caption
    starts = [m.sentence_start for m in event.mentions]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)
    assert all(market.article.text[m.sentence_start:m.sentence_end] == m.sentence for m in event.mentions)


def test_combined_bombing_keeps_the_updated_toll_the_town_and_the_day(market):
    event = market.events[0]
    assert event.fatalities.value == 14  # "at least 12" in the lead, 14 by evening
    assert event.injuries.value == 30
    assert event.place.name == "Konduga" and event.place.precision == "town"
    assert (event.date.start.isoformat(), event.date.end.isoformat()) == ("2024-03-12", "2024-03-12")
    assert event.date.inferred_from is None
    assert event.sources[0].fatalities == 14


def test_two_attacks_on_different_days_and_towns_stay_two():
    doc = _extract("two_attacks", "2024-06-03")
    assert len(doc.events) == 2
    assert sorted(e.fatalities.value for e in doc.events) == [4, 9]
    assert len({e.date.start for e in doc.events}) == 2


def test_arrests_during_a_riot_are_part_of_the_riot():
    doc = _extract("riot_arrests", "2024-08-22")
    assert [e.event_type for e in doc.events] == ["Riots"]
    event = doc.events[0]
    assert len(event.mentions) == 2  # the riot and the arrests
    assert event.actor1.kind == "rioters"
    assert event.actor2 is None or event.actor2.kind != "rioters"  # the arrested are not the riot's target


def test_an_attack_and_the_reply_to_it_are_two_incidents():
    doc = _extract("retaliation", "2024-05-06")
    assert len(doc.events) == 2
    first, reply = doc.events
    assert first.actor1.country == "AM" and first.fatalities.value == 2
    assert reply.fatalities is None


def test_an_undated_report_is_dated_by_publication_and_says_so():
    doc = _extract("undated_protest", "2024-09-10")
    assert len(doc.events) == 1
    date = doc.events[0].date
    # the news of that day or the day before, coded (ACLED's event_date) to the day of publication
    assert (date.start.isoformat(), date.end.isoformat()) == ("2024-09-09", "2024-09-10")
    assert date.day.isoformat() == "2024-09-10" and not date.exact
    assert date.inferred_from == "publication date"
    assert date.provenance.confidence < 0.5


def test_a_date_inferred_from_publication_merges_with_no_slack_beyond_its_two_days():
    from flashpoint.merge.rules import dates_compatible
    from flashpoint.model import EventDate

    inferred = EventDate(dt.date(2024, 9, 9), dt.date(2024, 9, 10), inferred_from="publication date")
    day_before = EventDate(dt.date(2024, 9, 9), dt.date(2024, 9, 9))
    assert dates_compatible(inferred, day_before) and dates_compatible(day_before, inferred)
    # news of "a second straight night" published on the 10th is not the first night's, on the 8th
    two_days_before = EventDate(dt.date(2024, 9, 8), dt.date(2024, 9, 8))
    assert not dates_compatible(inferred, two_days_before)
    assert not dates_compatible(inferred, EventDate(dt.date(2024, 9, 11), dt.date(2024, 9, 11)))
    said_on_tuesday = EventDate(dt.date(2024, 9, 9), dt.date(2024, 9, 10), text="Tuesday", told_on=dt.date(2024, 9, 10))
    assert not dates_compatible(said_on_tuesday, two_days_before)
    last_week = EventDate(dt.date(2024, 9, 2), dt.date(2024, 9, 8), text="last week")
    assert dates_compatible(inferred, last_week)  # a told range keeps its day of slack


def test_without_a_publication_date_an_undated_report_stays_undated():
    doc = flashpoint.extract((DATA / "undated_protest.txt").read_text(encoding="utf-8"))
    assert all(e.date is None for e in doc.events)


def test_mentions_survive_a_round_trip_through_json(market):
    from flashpoint.model import Document, from_dict

    back = from_dict(Document, market.to_dict())
    assert back.events[0].mentions == market.events[0].mentions
    assert back.events[0].date == market.events[0].date


def test_weapons_recovered_at_the_site_of_the_battle_are_part_of_the_battle():
    doc = _extract("gun_battle_cache", "2024-03-03")
    types = sorted(e.sub_event_type for e in doc.events)
    # the cache found "at the site of the gun battle" is no seizure of its own;
    # the shopkeeper killed "in a separate attack" stays an event of its own
    assert "Disrupted weapons use" not in types
    assert types == ["Armed clash", "Attack"]
    battle = next(e for e in doc.events if e.sub_event_type == "Armed clash")
    assert any("site of the gun battle" in m.sentence for m in battle.mentions)


def test_a_detail_pointing_back_at_the_attack_near_a_lowercase_place_joins_it():
    text = ("Suicide bombing kills eight people in Pakistan\n\n"
            "A suicide bomber blew up a rickshaw near a police post in Mir Ali on Friday, officials said.\n\n"
            "Four police officers were killed alongside two paramilitary troops and two civilians in the "
            "attack near the border with Afghanistan, he said.")
    events = flashpoint.extract(text, date="2024-10-26").events
    assert [(e.sub_event_type, e.fatalities.value) for e in events] == [("Suicide bomb", 8)]


def test_people_shot_dead_on_a_day_of_protests_are_the_protests_excessive_force():
    text = ("Thousands of protesters marched in Khartoum on Wednesday against military rule.\n\n"
            "Doctors said five people were killed by gunfire in Khartoum on Wednesday.")
    [event] = flashpoint.extract(text, date="2021-11-17").events
    assert (event.sub_event_type, event.fatalities.value) == ("Excessive force against protesters", 5)


def test_a_bombing_told_again_as_a_suicide_bombers_blast_is_a_suicide_bomb():
    text = ("A bombing killed eight people at a checkpoint in Mir Ali on Friday, officials said.\n\n"
            "The suicide bomber set off the blast from the back of a motorbike rickshaw.")
    [event] = flashpoint.extract(text, date="2024-10-26").events
    assert event.sub_event_type == "Suicide bomb"


def test_victims_told_as_people_and_as_police_are_one_incidents_police():
    text = ("A bomb killed eight people in Peshawar on Friday, officials said.\n\n"
            "The bomber set off the blast at a checkpoint in Peshawar, killing eight police officers.")
    [event] = flashpoint.extract(text, date="2024-10-26").events
    assert (event.actor2.kind, event.fatalities.value) == ("state forces", 8)


def test_a_report_told_from_the_other_side_does_not_swap_the_incidents_actors():
    text = ("At least one person was killed when police clashed with opposition supporters in Dhaka on Wednesday.\n\n"
            "Witnesses at the scene of the violence said police used rubber bullets, and the supporters "
            "retaliated with crude bombs and rocks.")
    [event] = flashpoint.extract(text, date="2022-12-07").events
    assert event.event_type == "Riots"
    assert event.actor1.kind == "rioters" and event.actor2.kind == "state forces"


def test_a_report_told_once_without_day_place_or_toll_is_dropped_beside_an_anchored_incident():
    import flashpoint

    text = ("Gunmen killed six villagers in Bama on Tuesday, police said.\n\n"
            "Residents said they were angered by yet another attack on their community in Nigeria.")
    doc = flashpoint.extract(text, date="2024-11-20")
    assert [(e.place.name, e.fatalities.value) for e in doc.events] == [("Bama", 6)]
    assert any(n.reason == "unanchored second report" for n in doc.non_events)
    # an article's only report is kept, however vague
    doc = flashpoint.extract("Residents said they were angered by another attack on their community in Nigeria.",
                             date="2024-11-20")
    assert len(doc.events) == 1


def test_a_clash_of_party_supporters_is_mob_violence_with_rioters_on_both_sides():
    for text in ("Supporters of the ruling party and opposition activists clashed outside the party office "
                 "in Kishoreganj on Monday, leaving 40 injured.",
                 "At least 20 people were injured in a clash between supporters of two factions of the ruling "
                 "party in Kishoreganj on Monday."):
        [event] = flashpoint.extract(text, date="2023-09-12").events
        assert event.sub_event_type == "Mob violence", text
        assert (event.actor1.name, event.actor2.name) == ("Rioters (Bangladesh)", "Rioters (Bangladesh)"), text


def test_an_armed_clash_whose_sides_are_unarmed_people_is_a_riot():
    from flashpoint.incidents.combine import unarmed_clash
    from flashpoint.model import Actor

    def actor(kind, text):
        return Actor(name=kind, text=text, kind=kind, country="BD")

    supporters, people = actor("civilians", "supporters of both parties"), actor("civilians", "people")
    police, rebels = actor("state forces", "police"), actor("rebel group", "rebels")
    assert unarmed_clash("Armed clash", supporters, people) == "Mob violence"
    assert unarmed_clash("Armed clash", police, supporters) == "Violent demonstration"
    assert unarmed_clash("Armed clash", rebels, supporters) == "Armed clash"
    assert unarmed_clash("Armed clash", None, people) == "Armed clash"  # victims say nothing of who fought
    assert unarmed_clash("Attack", supporters, people) == "Attack"


def test_villagers_who_clash_with_an_armed_militia_fight_a_battle_not_a_mob():
    [event] = flashpoint.extract("Villagers clashed with herders in Benue on Sunday, leaving four dead.",
                                 date="2023-08-21").events
    assert event.sub_event_type == "Armed clash"


def test_people_hurt_after_the_clash_are_the_clashs_toll_not_an_attack():
    text = "More than 60 people were injured after a clash between supporters of the ruling party and the opposition in Kishoreganj on Monday."
    [event] = flashpoint.extract(text, date="2023-09-12").events
    assert event.event_type == "Riots" and event.injuries.value == 60


def test_a_bombings_crowd_or_civilians_are_its_victims_not_its_attackers():
    from flashpoint.incidents.parties import name_parties
    from flashpoint.model import Actor, Article

    text = "A suicide bomber struck a peace rally in Ankara on Saturday, killing 86 people."
    [event] = flashpoint.extract(text, date="2015-10-10").events
    crowd = Actor(name="Protesters (Turkey)", text="the rally", kind="protesters", country="TR")
    event.actor1, event.actor2 = crowd, None
    named = name_parties(event, Article(id="a", text=text))
    assert named.actor2.kind == "protesters" and named.actor1.kind not in ("protesters", "civilians")


def test_one_states_forces_on_both_sides_of_a_battle_leave_the_attacker_to_the_articles_group():
    from flashpoint.incidents.parties import name_parties
    from flashpoint.model import Actor, Article

    text = "At least two security personnel were killed in an encounter with Maoists in Sukma on Sunday."
    [event] = flashpoint.extract(text, date="2018-02-18").events
    forces = Actor(name="Military Forces of India", text="security forces", kind="state forces", country="IN")
    event.actor1, event.actor2 = forces, forces
    named = name_parties(event, Article(id="a", text=text))
    assert named.actor2.kind == "state forces" and named.actor1.name == "CPI (Maoist)"


def test_an_incident_between_two_places_has_no_sides_and_engaged_in_work_is_no_fight():
    text = ("In another incident between Bhejji and Elarmadgu, where a road is being built, Maoists killed "
            "Anil Kumar, a contractor's supervisor, and set vehicles engaged in the work ablaze on Sunday.")
    [event] = flashpoint.extract(text, date="2018-02-18").events
    assert event.sub_event_type == "Attack" and event.actor1.name.startswith("CPI")


def test_an_exchange_of_fire_between_communities_is_armed_not_a_mob():
    text = ("On Saturday, four people were killed in an exchange of fire between people of two warring "
            "communities in Jiribam district, police said.")
    [event] = flashpoint.extract(text, date="2024-09-08").events
    assert event.event_type != "Riots"


def test_a_group_acting_where_it_has_a_named_branch_is_that_branch():
    pakistan = "Taliban militants attacked a police post in Peshawar on Monday, killing three policemen."
    [event] = flashpoint.extract(pakistan, date="2023-05-02").events
    assert event.actor1.name == "TTP: Tehreek-e-Taliban Pakistan"
    afghanistan = "Taliban fighters attacked a police post in Kandahar on Monday, killing three policemen."
    [event] = flashpoint.extract(afghanistan, date="2023-05-02").events
    assert event.actor1.name == "Taliban"


def test_a_crowds_day_with_the_police_told_from_either_side_is_one_incident():
    text = ("Dozens were injured on Sunday as police fired rubber bullets and tear gas at opposition "
            "activists in Dhaka to prevent new protests, police said.\n\nClashes ensued as student activists "
            "from the main opposition party hurled rocks and attacked officers with plastic pipes, prompting "
            "police to retaliate, the deputy commissioner of Dhaka police told AFP.\n\n"
            "A party spokesman said about 30 student activists were injured in the clashes.")
    events = flashpoint.extract(text, date="2021-02-28").events
    assert len(events) == 1
    # its second party is the police any report names, not the activists told as hurt
    assert events[0].actor2 is not None and events[0].actor2.kind == "state forces"



def test_another_toll_in_a_strike_elsewhere_is_another_incident_and_a_strike_in_a_story_of_air_strikes_is_one():
    text = ("An Israeli drone strike hit a car near the coastal town of Tyre on Saturday morning, killing three "
            "Hezbollah members, officials said. Another four Hezbollah members were killed in a strike on a house "
            "in the town of Bint Jbeil overnight, a security official said.")
    events = flashpoint.extract(text, date="2024-03-02").events
    assert sorted((e.sub_event_type, e.fatalities.value) for e in events) == [
        ("Air/drone strike", 3), ("Air/drone strike", 4)]


def test_who_retook_a_base_after_a_suicide_bombing_did_not_set_off_the_bomb():
    text = ("Islamist militants killed 12 soldiers and briefly captured a military base south-west of Mogadishu "
            "on Wednesday, officials said.\n\nA suicide bomber detonated at the base before gunmen stormed in and "
            "briefly occupied it, police said. The military recaptured the base when reinforcements arrived.")
    events = flashpoint.extract(text, date="2020-02-20").events
    bombing = [e for e in events if e.sub_event_type == "Suicide bomb"]
    assert len(bombing) == 1 and (bombing[0].actor1 is None or bombing[0].actor1.kind != "state forces")


def test_an_arrest_nobody_is_named_for_is_the_polices():
    text = "The opposition leader was arrested on Thursday at Entebbe airport on his return to Uganda, his party said."
    [event] = flashpoint.extract(text, date="2023-10-06").events
    assert (event.sub_event_type, event.actor1.name, event.actor1.kind) == ("Arrests", "Police Forces of Uganda", "state forces")
    assert event.actor1.provenance.confidence < 0.5


def test_a_title_line_below_the_page_date_is_the_incident_its_body_tells():
    text = ("Tuesday August 16, 2022\n\nSecurity\n\nJanuary 25, 2022\nThree Iraqi soldiers killed\n\n"
            "KIRKUK, Iraq: Three Iraqi soldiers were killed on Monday morning in a bomb blast targeting their "
            "patrol on a road in Kirkuk city, a military source said.")
    [event] = flashpoint.extract(text, date="2022-01-25").events
    assert (event.sub_event_type, str(event.date.day), event.fatalities.value) == (
        "Remote explosive/landmine/IED", "2022-01-24", 3)
    assert event.actor1 is None or event.actor1.kind != "state forces"


def test_an_attack_whose_victims_are_soldiers_is_an_armed_clash():
    (e,) = flashpoint.extract("At least 10 Malian soldiers were killed on Saturday in an attack on their camp in the "
                              "north blamed on jihadists, military sources said.", date="2018-01-27").events
    assert (e.event_type, e.sub_event_type, e.actor2.name) == ("Battles", "Armed clash", "Military Forces of Mali")
    (e,) = flashpoint.extract("Gunmen attacked a village in Zamfara on Monday, killing 12 people.", date="2018-01-27").events
    assert e.sub_event_type == "Attack"


def test_one_town_of_a_list_is_not_the_place_of_a_country_wide_incident():
    text = ("At least 15 people were killed in protests against the coup in Sudan on Wednesday, doctors say.\n\n"
            "Images of protests in cities including Port Sudan, Kassala and Dongola were posted on social media.")
    events = flashpoint.extract(text, date="2021-11-17").events
    toll = next(e for e in events if e.fatalities is not None)
    assert toll.fatalities.value == 15 and toll.place.name == "Sudan"
    assert {"Port Sudan", "Kassala", "Dongola"} <= {e.place.name for e in events}


def test_people_killed_and_others_kidnapped_in_one_attack_are_an_attack():
    text = ("At least 25 people were killed in an attack on New Year's Eve by rebels in Tingwe village, officials said.\n\n"
            "Other people were kidnapped, a local leader said.")
    (e,) = flashpoint.extract(text, date="2021-01-01").events
    assert (e.sub_event_type, e.fatalities.value) == ("Attack", 25)


def test_an_assault_whose_attackers_rammed_an_explosives_laden_vehicle_is_a_suicide_bomb():
    text = ("At least seven soldiers were killed during a terrorist assault on a security checkpoint in North "
            "Waziristan on Saturday. The assailants targeted the check post by ramming an explosives-laden vehicle.")
    (e,) = flashpoint.extract(text, date="2024-03-16").events
    assert (e.sub_event_type, e.fatalities.value) == ("Suicide bomb", 7)


def test_earlier_comma_on_a_date_announces_another_incident():
    text = ("Police used water cannons to disperse protesters in Tel Aviv; 45 people were detained.\n\n"
            "Earlier, on July 8, police used water cannons to disperse demonstrators who blocked a highway in Tel Aviv.")
    events = flashpoint.extract(text, date="2023-07-19").events
    assert len(events) == 2 and "2023-07-08" in {str(e.date.start) for e in events}


def test_an_attack_told_with_its_drones_and_shells_is_coded_by_its_weapon():
    text = ("At least 32 civilians were killed in an attack by the Rapid Support Forces in El Fasher on Friday.\n\n"
            "The RSF launched a barrage of suicide drones, followed by simultaneous artillery shelling on the city.")
    (e,) = flashpoint.extract(text, date="2025-04-12").events
    assert (e.event_type, e.fatalities.value) == ("Explosions/Remote violence", 32)


def test_the_second_encounter_and_a_tally_of_many_are_not_the_days_encounter():
    text = ("Three militants on Monday were killed in an encounter with security forces in Kulgam district. This is "
            "the second encounter in less than 24 hours in Kulgam, where four militants were killed last night in a "
            "gunfight.\n\nWith this, 17 militants were killed in six different encounters in about 10 days in south Kashmir.")
    events = flashpoint.extract(text, date="2020-04-27").events
    assert sorted(e.fatalities.value for e in events) == [3, 4]
