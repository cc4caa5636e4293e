"""Territories GeoNames lists as countries are coded as ACLED codes them (geo/acled_territories.tsv)."""

from __future__ import annotations

import flashpoint


def test_hong_kong_is_a_region_of_china_for_places_and_local_actors():
    doc = flashpoint.extract(
        "Police fired tear gas at protesters in Mong Kok, Hong Kong, on Saturday. "
        "Thousands marched in Hong Kong on Monday.", date="2019-07-30")
    mong_kok, march = doc.events
    assert (mong_kok.place.name, mong_kok.place.country, mong_kok.place.admin1) == ("Mong Kok", "CN", "Hong Kong")
    assert (mong_kok.actor1.name, mong_kok.actor2.name) == ("Protesters (China)", "Police Forces of China")
    assert (march.place.name, march.place.precision, march.place.country) == ("Hong Kong", "admin1", "CN")


def test_hong_kong_police_named_by_the_text_are_chinas():
    (event,) = flashpoint.extract("Hong Kong police arrested 20 people in Yuen Long on Sunday.", date="2019-07-30").events
    assert event.actor1.country == "CN" and event.actor1.name == "Police Forces of China"


def test_a_town_in_a_region_the_article_names_beats_a_country_of_that_name():
    text = ("Hoodlums burnt down the Ugbekun police station in Benin on Tuesday and released some prisoners.\n\n"
            "This led the Edo State Government to impose a 24-hour curfew across the state.")
    (event,) = flashpoint.extract(text, date="2020-10-20").events
    assert (event.place.name, event.place.country) == ("Benin City", "NG")
    (event,) = flashpoint.extract("Gunmen attacked a village in Benin on Monday, killing 5 people.", date="2020-10-20").events
    assert event.place.country == "BJ"
