"""Tests for the geoparser: flashpoint.geoparse, `flashpoint geoparse` and the gold-set evaluator.

Every sentence here was written for these tests.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import flashpoint
from flashpoint.geo.evaluate import GoldToponym, error_km, read_gold, summarise
from flashpoint.geo.spans import resolve_spans, sentence_bounds


def places_for(text: str, *names: str):
    """geoparse with spans at the first occurrence of each name."""
    spans = []
    for name in names:
        start = text.index(name)
        spans.append((start, start + len(name)))
    return flashpoint.geoparse(text, spans=spans)


def test_town_comma_state_abbreviation_picks_the_us_town():
    (athens, georgia) = places_for("The band played a late show in Athens, Ga., last weekend.", "Athens", "Ga.")
    assert (athens.country, athens.admin1, athens.kind) == ("US", "Georgia", "town")
    assert (georgia.name, georgia.kind, georgia.country) == ("Georgia", "admin1", "US")


def test_region_after_town_is_the_region_not_the_country():
    athens, georgia = places_for("Students in Athens, Georgia, walked out of class.", "Athens", "Georgia")
    assert athens.country == "US"
    assert (georgia.kind, georgia.country) == ("admin1", "US")


def test_town_region_country_chain():
    toronto, ontario, canada = places_for("She moved to Toronto, Ontario, Canada in 2010.",
                                          "Toronto", "Ontario", "Canada")
    assert (toronto.country, toronto.admin1) == ("CA", "Ontario")
    assert (ontario.kind, ontario.country) == ("admin1", "CA")
    assert (canada.kind, canada.country) == ("country", "CA")


def test_a_state_beats_a_same_named_village_and_sits_at_its_own_centre():
    (texas,) = places_for("Drought has emptied reservoirs across Texas this summer.", "Texas")
    assert (texas.kind, texas.country, texas.geonameid) == ("admin1", "US", 4736286)
    # its own centre, not Austin or Houston: within 250 km of the state's middle
    assert abs(texas.lat - 31.3) < 2.3 and abs(texas.lon - (-99.3)) < 2.5


def test_demonym_is_read_as_its_country():
    (canadian,) = places_for("Long Canadian winters test every driver.", "Canadian")
    assert (canadian.kind, canadian.country, canadian.name) == ("country", "CA", "Canada")
    # a country is placed at its own centre, not at its capital
    assert abs(canadian.lat - 45.42) > 3


def test_first_name_that_is_a_large_city_still_resolves():
    paris, alexandria = places_for("Paris hosted the talks while Alexandria prepared for the vote.",
                                   "Paris", "Alexandria")
    assert paris.country == "FR"
    assert alexandria.country == "EG"


def test_a_person_named_like_a_city_is_not_a_place():
    (paris,) = places_for("Paris Hilton said the party would go ahead.", "Paris")
    assert paris is None


def test_newspaper_abbreviation_after_a_town():
    town, state = places_for("A tornado damaged homes near Bowling Green, Ky., on Sunday.",
                             "Bowling Green", "Ky.")
    assert (town.country, town.admin1) == ("US", "Kentucky")
    assert (state.name, state.kind) == ("Kentucky", "admin1")


def test_county_and_continent():
    county, europe = places_for("Fires spread in Orange County while Europe sent aid.", "Orange County", "Europe")
    assert county.kind == "admin2" and county.country == "US" and county.name == "Orange County"
    assert (europe.kind, europe.country, europe.geonameid) == ("continent", None, 6255148)


def test_spans_keep_order_and_give_none_for_non_places():
    text = "Officials in Mosul met the Police chief."
    places = places_for(text, "Police", "Mosul")
    assert places[0] is None
    assert places[1].country == "IQ"
    assert places[1].provenance.start == text.index("Mosul")


def test_bad_span_is_refused():
    with pytest.raises(ValueError):
        flashpoint.geoparse("Short text.", spans=[(5, 50)])


def test_geoparse_finds_toponyms_itself():
    text = "Floods hit Dhaka and the Sylhet region of Bangladesh on Monday."
    places = flashpoint.geoparse(text)
    found = {p.text: p for p in places}
    assert found["Dhaka"].country == "BD" and found["Dhaka"].kind == "town"
    assert found["Bangladesh"].kind == "country"
    assert all(text[p.provenance.start:p.provenance.end] == p.text for p in places)


def test_event_resolver_never_uses_continents_or_counties():
    from flashpoint.geo import resolve_candidate
    from flashpoint.geo.spans import span_candidate

    text = "Clashes broke out in Europe."
    start = text.index("Europe")
    # the event stage's filter: its places are towns, regions or countries
    place = resolve_candidate(span_candidate(text, start, start + 6))
    assert place is None or place.precision in ("town", "admin1", "country")


def test_sentence_bounds():
    text = "First one here. Then Homs was shelled. Last."
    start = text.index("Homs")
    s, e = sentence_bounds(text, start, start + 4)
    assert text[s:e] == "Then Homs was shelled."


def test_error_km_is_entity_aware():
    text = "Aid reached Syria."
    (syria,) = resolve_spans(text, [(12, 17)])
    gold = GoldToponym(12, 17, "Syria", syria.geonameid, 0.0, 0.0)  # a far-away point, same entity
    assert error_km(syria, gold) == 0.0
    assert error_km(syria, gold, entity_aware=False) > 3000
    assert error_km(None, gold) is None


GOLD_XML = """<?xml version="1.0"?>
<articles>
  <article file="1">
    <text>Rain fell on Lyon and on Texas.</text>
    <toponyms>
      <toponym><extractedName>Lyon</extractedName><start>13</start><end>17</end>
        <geonamesID>2996944</geonamesID><latitude>45.75</latitude><longitude>4.85</longitude></toponym>
      <toponym><extractedName>Texas</extractedName><start>25</start><end>30</end>
        <geonamesID>4736286</geonamesID><latitude>31.25</latitude><longitude>-99.25</longitude></toponym>
      <toponym><extractedName>Rain</extractedName><start>0</start><end>4</end>
        <geonamesID></geonamesID></toponym>
    </toponyms>
  </article>
</articles>
"""


def test_evaluator_reads_gold_and_scores(tmp_path):
    path = tmp_path / "gold.xml"
    path.write_text(GOLD_XML, encoding="utf-8")
    articles = read_gold(path)
    assert [t.text for t in articles[0].toponyms] == ["Lyon", "Texas"]  # no GeoNames id: not scored
    rows = [(articles[0], t, p) for t, p in zip(articles[0].toponyms,
                                               resolve_spans(articles[0].text, [(13, 17), (25, 30)]))]
    figures = summarise(rows)
    assert figures["toponyms"] == 2 and figures["answered"] == 1.0
    assert figures["acc161_all"] == 1.0


def run_cli(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "flashpoint.cli", *args], input=stdin,
                          capture_output=True, text=True, timeout=300)


def test_cli_geojson_and_one_line_errors(tmp_path):
    text = tmp_path / "a.txt"
    text.write_text("Protesters filled the streets of Nairobi, Kenya.", encoding="utf-8")
    out = run_cli("geoparse", str(text), "--format", "geojson")
    assert out.returncode == 0, out.stderr
    features = json.loads(out.stdout)["features"]
    nairobi = next(f for f in features if f["properties"]["text"] == "Nairobi")
    assert nairobi["properties"]["country"] == "KE" and nairobi["geometry"]["type"] == "Point"
    missing = run_cli("geoparse", str(tmp_path / "none.txt"))
    assert missing.returncode == 1 and missing.stderr.strip().count("\n") == 0
    assert "none.txt" in missing.stderr and "Traceback" not in missing.stderr
    bad_gold = run_cli("geoparse", "--evaluate", str(text))
    assert bad_gold.returncode == 1 and "a.txt" in bad_gold.stderr and "Traceback" not in bad_gold.stderr


def test_confidence_is_higher_when_the_text_settles_the_reading():
    (bare,) = places_for("The parade went through Springfield on Sunday.", "Springfield")
    (settled,) = places_for("The parade went through Springfield, Illinois on Sunday.", "Springfield")
    assert settled.admin1 == "Illinois"
    assert settled.provenance.confidence > bare.provenance.confidence


def test_a_nation_of_a_country_is_its_region():
    england, britain = places_for("Rain spread from England across Britain overnight.", "England", "Britain")
    assert (england.name, england.kind, england.country) == ("England", "admin1", "GB")
    assert (britain.kind, britain.country) == ("country", "GB")


def test_geoparse_finds_names_the_model_does_not_label_as_places():
    text = "LVIV, Ukraine - Drones hit the port of Odesa and shelling went on around Kharkiv."
    found = {p.text: p for p in flashpoint.geoparse(text)}
    assert found["LVIV"].country == "UA"
    assert found["Odesa"].country == "UA" and found["Odesa"].kind == "town"
    assert found["Kharkiv"].country == "UA"


def test_events_place_a_country_at_its_capital_geoparse_at_its_centre():
    from flashpoint.geo import resolve_candidate
    from flashpoint.geo.spans import span_candidate

    text = "Troops were deployed across Kenya on Monday."
    start = text.index("Kenya")
    event_place = resolve_candidate(span_candidate(text, start, start + 5))
    (parsed,) = flashpoint.geoparse(text, spans=[(start, start + 5)])
    assert event_place.geonameid == parsed.geonameid and parsed.kind == "country"
    assert abs(event_place.lat - (-1.28)) < 0.1 and abs(event_place.lon - 36.82) < 0.1  # Nairobi
    assert abs(parsed.lat - event_place.lat) > 1  # the country's own centre, not Nairobi


def test_names_listed_with_a_state_are_states():
    california, washington = places_for("Jobs are leaving states such as California or Washington.",
                                        "California", "Washington")
    assert (california.kind, california.country) == ("admin1", "US")
    assert (washington.kind, washington.name) == ("admin1", "Washington")


def test_bare_postal_code_where_the_articles_places_lie_in_that_region():
    text = "Crews from Castlegar worked through the night. The BC wildfire service said rain would help."
    places = places_for(text, "Castlegar", "BC")
    assert places[0].admin1 == "British Columbia"
    assert (places[1].name, places[1].kind) == ("British Columbia", "admin1")


def test_spelling_split_in_two_and_short_words_never_back_off():
    (beled,) = places_for("Floods cut the road to Beled Weyne last week.", "Beled Weyne")
    assert (beled.country, beled.name) == ("SO", "Beledweyne")
    (group,) = places_for("Fighters of Al Shabaab attacked the base.", "Al Shabaab")
    assert group is None
    (academy,) = places_for("He trained at the Liverpool Academy for years.", "Liverpool Academy")
    assert (academy.name, academy.kind, academy.country) == ("Liverpool", "town", "GB")
