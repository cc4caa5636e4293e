"""One event per listed place for crowd events and changes of territory (ACLED: one event, one place)."""

import pytest

import flashpoint
from flashpoint.events.place_lists import listed_places, splits_by_place
from flashpoint.model import Place, Provenance


def _events(text: str, date: str = "2023-11-18"):
    return flashpoint.extract(text, date=date).events


def test_a_protest_in_three_cities_is_three_protests():
    events = _events("Thousands of people protested in Paris, Lyon and Marseille on Saturday against the reform.")
    assert sorted(e.place.name for e in events) == ["Lyon", "Marseille", "Paris"]
    assert {e.sub_event_type for e in events} == {"Peaceful protest"}
    assert all(e.date and e.date.start.isoformat() == "2023-11-18" for e in events)


def test_cities_named_as_examples_each_get_their_protest():
    text = "Marches were held on Saturday in cities including Berlin, Leipzig and Hamburg."
    assert sorted(e.place.name for e in _events(text)) == ["Berlin", "Hamburg", "Leipzig"]


def test_a_toll_given_for_the_whole_list_keeps_one_event():
    events = _events("Gunmen killed 12 people in Bama and Konduga on Saturday.")
    assert len(events) == 1 and events[0].fatalities.value == 12


def _place(name: str, start: int) -> Place:
    return Place(name=name, text=name, precision="town",
                 provenance=Provenance("a", "", 0, 0, start, start + len(name), 0.7))


def test_only_places_joined_by_commas_and_and_make_a_list():
    text = "rallies in Lyon, Nice and Paris, while police in Lille watched"
    places = [_place(n, text.index(n)) for n in ("Lyon", "Nice", "Paris", "Lille")]
    assert [p.name for p in listed_places(places, text)] == ["Lyon", "Nice", "Paris"]
    assert listed_places(places[:1] + places[3:], text) == []


def test_only_crowd_and_territory_events_without_a_toll_split():
    assert splits_by_place("Peaceful protest", has_toll=False)
    assert splits_by_place("Non-state actor overtakes territory", has_toll=False)
    assert not splits_by_place("Peaceful protest", has_toll=True)
    assert not splits_by_place("Armed clash", has_toll=False)


def test_a_place_in_the_crowds_demand_is_not_where_it_marched():
    text = "Large crowds gathered in protests across Belgium on Saturday, demanding a ceasefire in Gaza."
    (event,) = _events(text)
    assert event.place.name == "Belgium"


def test_a_place_on_a_quoted_banner_is_not_where_it_marched():
    text = 'Several thousand people marched on Saturday, holding banners that read "Stop the massacre in Gaza now".'
    (event,) = _events(text)
    assert event.place is None or event.place.name != "Gaza"


@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_a_place_named_with_its_region_as_possessor_is_the_place(apostrophe):
    text = ("Ten people were injured after a grenade exploded near the Tourist Reception Centre in "
            f"Jammu and Kashmir{apostrophe}s Srinagar on Sunday, police said.")
    (event,) = _events(text, date="2024-11-03")
    assert event.place.name == "Srinagar"


def test_a_toll_over_three_or_more_listed_places_is_a_total_not_an_event():
    doc = flashpoint.extract("Officials said on Monday that more than 70 fighters were killed in fighting in "
                             "Paktia, Baghlan, Nangarhar, Logar and Badghis provinces.", date="2021-06-08")
    assert doc.events == []
    assert [n.reason for n in doc.non_events] == ["background:total over places"]


def test_districts_taken_in_two_provinces_since_a_day_are_two_events_over_that_span():
    text = ("Afghan officials have said the Taliban had taken control of at least two other districts "
            "in Uruzgan and Badghis provinces since June 6.")
    events = _events(text, date="2021-06-08")
    assert len(events) == 2
    assert {e.place.precision for e in events} == {"admin1"}
    assert all((e.date.start.isoformat(), e.date.end.isoformat()) == ("2021-06-06", "2021-06-08") for e in events)


def test_a_crowd_is_where_the_sentence_opens_not_in_what_it_carries():
    text = ("In Geneva, organizers reported about 4,000 people marching, lighting candles arranged as a map "
            "of Gaza in front of the United Nations.")
    (event,) = _events(text, date="2023-11-19")
    assert event.place.name == "Geneva"


def test_a_famous_city_in_a_country_the_story_never_names_is_still_the_place():
    text = ("Thousands marched across France on Saturday for a ceasefire in Gaza.\n\n"
            "In Geneva, organizers reported about 4,000 people marching in front of the United Nations.")
    places = {e.place.name for e in _events(text, date="2023-11-19") if e.place}
    assert "Geneva" in places and "Gaza" not in places


def test_a_city_and_its_twin_cities_are_one_protest_each():
    text = ("Thousands of demonstrators marched in the streets of Khartoum and its twin city, Bahri, "
            "on Wednesday against the military takeover last month.")
    events = flashpoint.extract(text, date="2021-11-17").events
    assert len(events) == 2  # one per city, never regrouped by the incidents stage
    assert all(e.date is not None and e.date.end.isoformat() == "2021-11-17" for e in events)


def test_arabic_names_with_a_lower_case_article_are_places():
    text = ("The Syrian army seized the villages of al-Talisiya, al-Qahira and Tel al-Usud in Hama province "
            "on Saturday.")
    article = flashpoint.text.make_article(text, date="2016-10-08")
    from flashpoint import nlp
    from flashpoint.events import find_events

    events = find_events(article, next(nlp.parse([article.text])))
    assert sorted(e.locations[0].text for e in events) == ["Tel al-Usud", "al-Qahira", "al-Talisiya"]


def test_a_country_or_the_towns_own_region_after_a_comma_is_no_list():
    import flashpoint

    text = "Violence erupted in Southport, England, on Tuesday as far-right protesters clashed with police."
    assert [e.place.name for e in flashpoint.extract(text, date="2024-07-31").events] == ["Southport"]
    text = "Protesters rallied in Athens, Greece on Sunday."
    assert [e.place.name for e in flashpoint.extract(text, date="2024-07-31").events] == ["Athens"]
    text = "Thousands marched in Paris, Lyon and Marseille on Saturday."
    assert [e.place.name for e in flashpoint.extract(text, date="2024-07-31").events] == ["Paris", "Lyon", "Marseille"]


def test_a_barangay_then_its_town_then_its_province_is_one_place_not_a_list():
    import flashpoint

    text = ("A rebel was killed in an encounter with government forces in Calatrava on Wednesday, May 22.\n\n"
            "The gun battle came a day after soldiers engaged the remnants of the NPA in Barangay Quintin Remo, "
            "Moises Padilla, Negros Occidental in which one communist rebel was killed.")
    events = flashpoint.extract(text, date="2024-05-24").events
    days = sorted((str(e.date.start), e.place.name) for e in events)
    assert days == [("2024-05-21", "Moises Padilla"), ("2024-05-22", "Calatrava")]


def test_sites_inside_a_town_are_no_list_of_towns_and_tear_gas_shells_are_no_shelling():
    import flashpoint

    text = ("Protests broke out in Islamabad and Peshawar on Tuesday.\n\n"
            "In Karachi, party workers protested at Banaras Chowk, Al-Asif Square and Shaheen Chowk on Tuesday, "
            "and police fired tear gas shells at them.")
    events = flashpoint.extract(text, date="2023-03-15").events
    assert all(e.event_type == "Protests" for e in events)
    assert sorted(e.place.name for e in events) == ["Islamabad", "Karachi", "Peshawar"]


def test_other_districts_told_after_a_capture_are_their_own_and_a_toll_over_places_takes_none_away():
    text = ("The Taliban has captured another district center in Afghanistan, adding to its recent gains.\n\n"
            "Government forces abandoned the center of the Qaisar district in the northern province of Faryab "
            "and retreated, a security source said on June 8.\n\n"
            "Several districts have fallen to the Taliban since the withdrawal began on May 1.\n\n"
            "Afghan officials have said the Taliban had taken control of at least two other districts — in "
            "Uruzgan and Badghis provinces — since June 6.\n\nThey also claimed on June 7 that more than 70 "
            "Taliban fighters were killed in fighting in Paktia, Baghlan, Nangarhar, and Logar provinces.")
    events = flashpoint.extract(text, date="2021-06-08").events
    places = sorted(e.place.name for e in events if e.sub_event_type == "Non-state actor overtakes territory")
    assert "Uruzgan" in places and "Badghis" in places and len(places) == 3
    assert all(e.fatalities is None or e.fatalities.value < 70 for e in events)
