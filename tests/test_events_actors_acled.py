"""ACLED-style actor names and fallbacks, on articles written here ("Kwelltabu" is a
made-up place no gazetteer knows, so the country comes from the article's wording)."""

import flashpoint

DAY = "2024-05-14"


def _only_event(text: str):
    doc = flashpoint.extract(text, date=DAY)
    assert len(doc.events) == 1, [e.sub_event_type for e in doc.events]
    return doc.events[0]


def test_unnamed_gunmen_are_an_unidentified_armed_group_of_the_event_country():
    event = _only_event("Armed gangs stormed a market in Kwelltabu on Monday and killed six traders, "
                        "Haitian police said.")
    assert event.sub_event_type == "Attack"
    assert (event.actor1.name, event.actor1.kind) == ("Unidentified Armed Group (Haiti)", "political militia")
    assert (event.actor2.name, event.actor2.country) == ("Civilians (Haiti)", "HT")


def test_a_bombing_nobody_is_named_for_gets_an_implied_armed_group_with_low_confidence():
    event = _only_event("A roadside bomb tore through a minibus near the village of Kwelltabu in northern "
                        "Burkina Faso on Monday, killing seven passengers, security sources said.")
    assert event.sub_event_type == "Remote explosive/landmine/IED"
    actor = event.actor1
    assert actor.name == "Unidentified Armed Group (Burkina Faso)" and actor.country == "BF"
    assert actor.text == ""  # not read from the text: implied by the type
    assert actor.provenance.confidence < 0.5
    assert actor.provenance.sentence == event.evidence.sentence


def test_a_group_claiming_responsibility_is_actor1():
    event = _only_event("Al Shabaab claimed responsibility for a car bomb that killed nine people at a "
                        "checkpoint in the Somali town of Kwelltabu on Monday.")
    assert (event.actor1.name, event.actor1.kind) == ("Al Shabaab", "rebel group")
    assert event.actor2.name == "Civilians (Somalia)"


def test_protesters_are_actor1_and_the_police_actor2_named_by_the_event_country():
    event = _only_event("Police in Kwelltabu arrested fourteen demonstrators on Monday who had blocked a "
                        "highway to protest against fuel prices, Ghanaian media reported.")
    assert event.event_type == "Protests"
    assert (event.actor1.name, event.actor1.kind) == ("Protesters (Ghana)", "protesters")
    assert (event.actor2.name, event.actor2.kind) == ("Police Forces of Ghana", "state forces")


def test_people_who_riot_are_rioters_whatever_the_text_calls_them():
    event = _only_event("Angry residents rioted in the Peruvian town of Kwelltabu on Monday, throwing "
                        "stones at police and burning tyres after a motorcyclist died at a checkpoint.")
    assert event.event_type == "Riots"
    assert (event.actor1.name, event.actor1.kind, event.actor1.text) == ("Rioters (Peru)", "rioters", "Angry residents")


def test_soldiers_abroad_are_external_forces():
    event = _only_event("Two French soldiers were killed on Monday when their armoured vehicle struck a "
                        "roadside bomb near the village of Kwelltabu in Mali, the French army said.")
    assert event.place.country == "ML"
    assert (event.actor2.name, event.actor2.kind, event.actor2.country) == (
        "Military Forces of France", "external/other", "FR")
    assert event.actor1.name == "Unidentified Armed Group (Mali)"


def test_both_sides_of_fighting_that_broke_out_between_them():
    event = _only_event("Fighting broke out on Monday between Somali soldiers and Al Shabaab militants in "
                        "the town of Kwelltabu, killing five soldiers, a military officer said.")
    assert event.event_type == "Battles"
    assert {event.actor1.name, event.actor2.name} == {"Military Forces of Somalia", "Al Shabaab"}


def test_a_junta_helicopter_is_the_military():
    event = _only_event("On Tuesday a junta MI-35 helicopter launched airstrikes on the village of Kwelltabu in "
                        "Myanmar's Sagaing region, burning dozens of houses, residents said.")
    assert event.sub_event_type == "Air/drone strike"
    assert (event.actor1.name, event.actor1.kind) == ("Military Forces of Myanmar", "state forces")


def test_an_unnamed_attacker_is_the_one_armed_group_the_article_names():
    doc = flashpoint.extract(
        "Three policemen were killed on Monday when a landmine planted on a forest road near Kwelltabu "
        "exploded under their jeep, officials in India said. Security forces have intensified operations "
        "against Maoists in the district this year.", date=DAY)
    event = doc.events[0]
    assert (event.actor1.name, event.actor1.kind, event.actor1.country) == ("CPI (Maoist)", "rebel group", "IN")
    prov = event.actor1.provenance
    assert doc.article.text[prov.start:prov.end] == "Maoists" and prov.confidence < 0.5
    assert event.actor2.name == "Police Forces of India"


def test_unidentified_gunmen_stay_unidentified_whatever_group_the_article_names():
    doc = flashpoint.extract(
        "Unidentified gunmen shot dead four farmers near Kwelltabu in Burkina Faso on Monday. The army said "
        "it had arrested an Islamic State commander in the area last month.", date=DAY)
    attack = next(e for e in doc.events if e.sub_event_type == "Attack")
    assert attack.actor1.name == "Unidentified Armed Group (Burkina Faso)"


def test_a_coalition_led_by_a_state_is_that_state_abroad():
    event = _only_event("Twelve civilians were killed on Monday in airstrikes by the Saudi-led coalition on a "
                        "market in Kwelltabu, Yemeni health officials said.")
    assert (event.actor1.name, event.actor1.kind, event.actor1.country) == (
        "Military Forces of Saudi Arabia", "external/other", "SA")
    assert event.actor2.name == "Civilians (Yemen)"


def test_rangers_hit_by_a_bomb_are_state_forces():
    event = _only_event("Two rangers were wounded on Monday when a bomb exploded beside their patrol truck near "
                        "Kwelltabu in southern Thailand, police said.")
    assert (event.actor2.name, event.actor2.kind) == ("Military Forces of Thailand", "state forces")


def test_a_pronoun_that_did_it_is_the_speaker_who_said_so():
    event = _only_event("The Kenyan army says it has carried out an airstrike on a militant camp near Kwelltabu, "
                        "killing six fighters.")
    assert event.sub_event_type == "Air/drone strike"
    assert (event.actor1.name, event.actor1.kind) == ("Military Forces of Kenya", "state forces")


def test_an_intercepted_missile_names_who_fired_it_not_the_day():
    event = _only_event("Saudi forces on Monday intercepted a ballistic missile fired by the Houthis toward the "
                        "city of Kwelltabu, Saudi state media said.")
    assert event.sub_event_type == "Disrupted weapons use"
    assert event.actor1.name == "Military Forces of Saudi Arabia"
    assert (event.actor2.name, event.actor2.text) == ("Houthi Movement", "Houthis")


def test_an_attack_by_a_group_named_after_the_toll_is_read_from_the_sentence():
    event = _only_event("At least nine people were killed and several shops burned in an attack by Boko Haram "
                        "fighters on a market in Kwelltabu, Nigerian officials said on Monday.")
    assert event.actor1.name == "Boko Haram"
    assert event.actor1.text.startswith("Boko Haram") and event.actor1.provenance.confidence >= 0.5


def test_territory_taken_by_a_group_is_taken_from_the_state_unless_told_otherwise():
    event = _only_event("The Taliban seized control of Kwelltabu district in Afghanistan on Monday, a local "
                        "official said.")
    assert event.sub_event_type == "Non-state actor overtakes territory"
    assert event.actor1.name == "Taliban"
    assert (event.actor2.name, event.actor2.text) == ("Military Forces of Afghanistan", "")
    assert event.actor2.provenance.confidence < 0.5



def test_the_dead_fighters_of_a_toll_are_not_the_other_side_of_a_named_group():
    event = _only_event("Six fighters were killed on Monday when Houthi fighters and pro-government troops "
                        "clashed near Kwelltabu in Yemen's Marib province, a military source said.")
    assert event.actor1.name == "Houthi Movement"
    assert event.actor2 is None or event.actor2.kind == "state forces"  # never "Rebels (Yemen)"


def test_a_later_air_strike_nobody_is_named_for_is_the_articles_one_air_force():
    doc = flashpoint.extract(
        "Airstrikes by the Saudi-led coalition killed nine civilians at a market in Kwelltabu in Yemen's "
        "Saada province on Monday, medics said. On Tuesday, an airstrike hit a wedding party in the nearby "
        "village of Marrasinko, killing four guests.", date=DAY)
    first, second = doc.events
    assert first.actor1.name == second.actor1.name == "Military Forces of Saudi Arabia"
    assert second.actor1.provenance.confidence < first.actor1.provenance.confidence
    assert second.place.country == "YE" and second.place.text == "Yemen"  # no "'s" in the span


def test_a_protest_met_with_arrests_was_met_by_police_even_unnamed():
    event = _only_event("Hundreds of students gathered outside the parliament in Kwelltabu on Monday to protest "
                        "against fee increases, and twenty of them were arrested, Ghanaian media reported.")
    assert event.sub_event_type == "Protest with intervention"
    assert event.actor1.name == "Protesters (Ghana)"
    assert (event.actor2.name, event.actor2.kind, event.actor2.text) == ("Police Forces of Ghana", "state forces", "")


def test_a_country_where_people_march_is_not_a_state_facing_them():
    event = _only_event("Marches in Germany were held on Sunday in Kwelltabu and Marrasinko under the banner of "
                        "a united Europe, organisers said.")
    assert event.sub_event_type == "Peaceful protest"
    assert event.actor1.name == "Protesters (Germany)"
    assert event.actor2 is None


def test_suspected_militants_are_an_unidentified_armed_group():
    event = _only_event("Suspected militants shot dead three teachers outside a school near Kwelltabu in "
                        "Pakistan's Khyber Pakhtunkhwa province on Thursday, police said.")
    assert (event.actor1.name, event.actor1.kind) == ("Unidentified Armed Group (Pakistan)", "political militia")
    assert event.actor1.text == "Suspected militants"


def test_an_attack_blamed_on_a_party_is_that_partys():
    e = _only_event("Two ISWAP commanders were killed on Tuesday in an attack blamed on Boko Haram "
                    "near Bama, sources said.")
    assert (e.actor1.name, e.actor2.name) == ("Boko Haram", "Islamic State West Africa Province")


def test_the_owner_of_a_weapon_named_after_by_is_the_attacker():
    e = _only_event("Three people were killed and five wounded by a Russian missile strike on a "
                    "block of flats in Odesa on Monday.")
    assert (e.actor1.name, e.actor1.country) == ("Military Forces of Russia", "RU")


def test_a_sponsor_named_before_a_group_is_not_its_country():
    e = _only_event("Iranian-backed militiamen fired rockets at a base in Erbil on Monday.")
    assert e.actor1.country == "IQ", e.actor1


def test_the_other_side_of_a_clash_the_victims_died_in():
    e = _only_event("Two Taliban commanders were killed in a clash on Thursday with ISKP fighters in "
                    "Nangarhar province.")
    names = {e.actor1 and e.actor1.name, e.actor2 and e.actor2.name}
    assert names == {"Islamic State Khorasan Province", "Taliban"}, names


def test_an_occupying_states_forces_are_state_forces_where_it_rules():
    e = _only_event("Israeli troops shot and wounded four Palestinians during a raid in Nablus on Monday.")
    assert (e.actor1.country, e.actor1.kind) == ("IL", "state forces")


def test_named_groups_of_many_conflicts_are_known_by_their_names():
    for text, name in (("Arakan Army fighters attacked a police post in Maungdaw on Monday.", "Arakan Army"),
                       ("Fighters of the Oromo Liberation Army killed 28 civilians in Gimbi on Tuesday.",
                        "OLA: Oromo Liberation Army")):
        assert _only_event(text).actor1.name == name, text


def test_the_missing_side_of_a_battle_state_forces_fought_is_the_articles_one_armed_group():
    text = ("Soldiers killed two New People's Army rebels in Bayombong on Thursday, the army said.\n\n"
            "He added that the gun battle ensued when government troops responded to reports from residents "
            "in Dupax del Sur on Wednesday.")
    found = flashpoint.extract(text, date=DAY).events
    battle = [e for e in found if e.event_type == "Battles" and "gun battle" in e.evidence.sentence]
    assert battle and battle[0].actor2 is not None and battle[0].actor2.name == "NPA: New People's Army", \
        [(e.sub_event_type, e.actor1, e.actor2) for e in found]


def test_a_peaceful_protest_has_no_second_party():
    e = _only_event("In Toulouse, police reported more than 1,200 people marching for Gaza on Saturday.")
    assert e.sub_event_type == "Peaceful protest" and e.actor2 is None, e.actor2


def test_levies_personnel_are_state_forces():
    import flashpoint

    text = ("Four Levies personnel were killed when armed assailants attacked their check post in the Nasl area "
            "of Khuzdar district on Friday night.")
    [event] = flashpoint.extract(text, date="2025-05-17").events
    assert event.sub_event_type == "Armed clash" and event.actor2.kind == "state forces"


def test_a_warplane_or_air_defences_are_a_states_forces():
    [strike] = flashpoint.extract("A fighter jet dropped three bombs on Nyaung Kone village in Sagaing region on "
                                  "Tuesday, killing four villagers.", date="2023-06-28").events
    assert strike.sub_event_type == "Air/drone strike" and strike.actor1.kind == "state forces"
    [barrel] = flashpoint.extract("Barrel bombs killed two people in the village of Abdita in Idlib on Saturday.",
                                  date="2019-12-07").events
    assert barrel.sub_event_type == "Air/drone strike"
    [intercept] = flashpoint.extract("Saudi Arabia's air defences on Sunday destroyed two drones launched by the "
                                     "Houthis towards Abha.", date="2021-12-19").events
    assert intercept.actor1.kind == "state forces" and intercept.actor1.country == "SA"


def test_who_launched_the_shelling_that_hurt_people_is_its_actor():
    text = ("El Fasher — 12 civilians were killed and several others injured by shelling launched by the "
            "Rapid Support Forces (RSF) on El Fasher on Sunday.")
    [event] = flashpoint.extract(text, date="2024-10-30").events
    assert event.actor1 is not None and event.actor1.name.startswith("RSF")
