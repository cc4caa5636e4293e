"""An incident's town from the sentences that tell it (flashpoint.incidents.passage), on text written here."""

import flashpoint


def _places(text: str) -> list:
    doc = flashpoint.extract(text, date="2024-03-08")
    return [(e.sub_event_type, e.place.name if e.place else None, e.place.precision if e.place else None)
            for e in doc.events]


def test_the_next_sentence_places_an_incident_told_only_in_its_country():
    text = ("Two suicide bombers attacked a police compound in northwest Pakistan on Thursday, killing "
            "three officers, police said.\n\nThe attack occurred in Charsadda district, officials added.")
    assert _places(text) == [("Suicide bomb", "Charsadda", "town")]


def test_a_town_in_another_country_is_not_borrowed():
    text = ("Gunmen killed four soldiers in an ambush in western Niger on Tuesday, the army said. "
            "The wounded were flown to Bamako in neighbouring Mali for treatment.")
    assert [(name, precision) for _, name, precision in _places(text)] == [("Niger", "country")]


def test_the_capital_of_the_incidents_country_when_its_sentence_says_so():
    text = "A car bomb exploded near a checkpoint in the Somali capital on Monday, killing four people."
    assert _places(text) == [("Remote explosive/landmine/IED", "Mogadishu", "town")]


def test_a_capital_used_as_a_reference_point_is_not_the_place():
    text = ("Taliban fighters killed six police officers in an attack on a checkpoint 40 km southwest of "
            "the Afghan capital on Tuesday, officials said.")
    [(sub_event, name, precision)] = _places(text)
    assert (name, precision) == ("Afghanistan", "country")


def test_a_town_another_incident_of_the_article_holds_is_not_borrowed():
    text = ("Gunmen shot dead five villagers in Zamfara State on Monday, police said.\n\n"
            "In a separate attack on Tuesday, bandits killed two farmers in Gusau, the state capital.")
    found = _places(text)
    assert ("Attack", "Gusau", "town") in found
    assert [p for p in found if p[1] == "Gusau"] == [("Attack", "Gusau", "town")]


def test_the_same_region_or_area_is_where_the_incident_told_before_happened():
    text = ("Jihadists attacked an army post in Dori on Friday, killing 12 soldiers, the army said.\n\n"
            "On Saturday, two gendarmes died in the same region when their truck hit a landmine.")
    found = _places(text)
    assert ("Remote explosive/landmine/IED", "Sahel", "admin1") in found, found
    text = ("Gunmen killed three farmers in Gusau on Monday, police said.\n\n"
            "On Wednesday, bandits abducted nine travellers in the same area.")
    found = _places(text)
    assert ("Abduction/forced disappearance", "Gusau", "town") in found, found


def test_where_the_news_was_told_is_not_where_it_happened_and_a_named_province_places_it():
    text = ("Militiamen rape 127 women in east Congo town\n\n"
            "Medecins Sans Frontieres confirmed on Friday in Kinshasa that armed men raped 127 women earlier this "
            "month, during a raid on a town in eastern Democratic Republic of Congo's South Kivu province.\n"
            "It said more than 60 militiamen assaulted the women during a May 1 attack on the town of Kikamba "
            "in the province of South Kivu's Shabunda region.")
    events = flashpoint.extract(text, date="2015-05-15").events
    # placed in South Kivu (at its Shabunda territory, a GeoNames admin2 unit), not in Kinshasa
    assert [(e.place.admin1, e.place.precision, e.place.country) for e in events] == [("South Kivu", "admin1", "CD")]


def test_a_province_the_passage_names_beats_a_town_named_in_passing_outside_it():
    text = ("Fighters rampaged through a central village, killing at least 85 people, residents said Saturday. "
            "The paramilitary group began attacking Galgani in the central province of Sennar late in July.\n\n"
            "The group has been accused of massacres since the war started last year, when tensions exploded "
            "into open fighting in the capital Khartoum. Residents said hundreds of fighters stormed the village "
            "on Thursday, looting and burning houses.")
    events = flashpoint.extract(text, date="2024-08-17").events
    assert [(e.place.name, e.place.precision, str(e.date.start)) for e in events] == [("Sennar", "admin1", "2024-08-15")]


def test_a_headline_or_a_curly_apostrophe_still_names_the_capital():
    text = "Gunmen claim bomb in Somali capital, killing four at a checkpoint on Monday"
    assert _places(text)[0][1:] == ("Mogadishu", "town")
    text = "Dozens of people were injured in Lebanon‘s capital on Monday as police fired tear gas at protesters."
    assert _places(text)[0][1:] == ("Beirut", "town")


def test_a_place_told_only_as_a_reference_point_gives_way_to_the_named_one():
    text = ("KABUL, Afghanistan (AP) — Officials say the Taliban have captured a district headquarters in a "
            "province just west of the capital, Kabul. A council member says the Taliban overran the Jalrez "
            "district headquarters in Maidan Wardak province on Tuesday.")
    places = _places(text)
    assert len(places) == 1 and places[0][1] != "Kabul"
