"""The event matcher's rules and its optimal (not first-come) assignment."""

from __future__ import annotations

import datetime as dt

from flashpoint.eval.gold import GoldPlace, parse_event
from flashpoint.eval.match import dates_agree, distance_km, match_events, places_agree
from flashpoint.eval.names import normalise, same_admin1, same_person
from flashpoint.model import Event, EventDate, Place, Provenance

D = dt.date


def ev(eid, event_type="Battles", sub="Armed clash", day=None, place=None):
    evidence = Provenance("a", "s", 0, 1, 0, 1, 0.5)
    date = EventDate(day, day) if day else None
    return Event(eid, "a", event_type, sub, evidence, 0.5, place=place, date=date)


def test_distance_is_haversine_kilometres():
    # One degree of latitude is about 111.2 km anywhere.
    assert abs(distance_km(10.0, 20.0, 11.0, 20.0) - 111.2) < 0.2
    assert distance_km(35.0, 36.0, 35.0, 36.0) == 0.0


def test_dates_overlap_with_one_day_tolerance():
    gold = (D(2020, 2, 2), D(2020, 2, 8))
    assert dates_agree((D(2020, 2, 5), D(2020, 2, 5)), gold) is True
    assert dates_agree((D(2020, 2, 9), D(2020, 2, 9)), gold) is True  # one day after
    assert dates_agree((D(2020, 2, 10), D(2020, 2, 10)), gold) is False  # two days after
    assert dates_agree((D(2020, 1, 25), D(2020, 2, 1)), gold) is True  # ends the day before
    assert dates_agree(None, gold) is None


def test_places_15_km_rule_and_admin1_rule():
    gold_town = GoldPlace("Taftanaz", "town", admin1="Idlib", country="SY", lat=35.998, lon=36.785)
    # 0.126 degrees of latitude is about 14 km; 0.15 is about 16.7 km.
    near = Place("X", "X", "town", "SY", None, 35.998 + 0.126, 36.785)
    far = Place("Y", "Y", "town", "SY", None, 35.998 + 0.15, 36.785)
    assert places_agree(near, gold_town) is True
    assert places_agree(far, gold_town) is False
    # An admin1-level gold place accepts any town in that admin1, and no other.
    gold_admin1 = GoldPlace("Idlib", "admin1", admin1="Idlib", country="SY")
    assert places_agree(Place("Saraqib", "Saraqeb", "town", "SY", "Idlib Governorate", 35.86, 36.8), gold_admin1)
    assert places_agree(Place("Aleppo", "Aleppo", "town", "SY", "Aleppo", 36.2, 37.15), gold_admin1) is False
    # Another country never matches; nothing comparable gives None (not checked).
    assert places_agree(Place("Kilis", "Kilis", "town", "TR", "Kilis", 36.7, 37.1), gold_town) is False
    assert places_agree(Place("Somewhere", "Somewhere", "town"), gold_town) is None
    # An unresolved toponym matches by name or alternate name.
    gold_saraqib = GoldPlace("Saraqib", "town", alt_names=["Saraqeb"], admin1="Idlib", country="SY")
    assert places_agree(Place("Saraqeb", "Saraqeb", "town"), gold_saraqib) is True


def test_assignment_is_optimal_not_first_come():
    golds = [
        parse_event({"id": "b", "event_type": "Battles", "date": "2021-03-05",
                     "location": {"name": "Bama", "country": "NG", "lat": 11.52, "lon": 13.69}}),
        parse_event({"id": "a", "event_type": "Battles", "date": "2021-03-05",
                     "location": {"name": "Maiduguri", "country": "NG", "lat": 11.846, "lon": 13.160}}),
    ]
    bama = Place("Bama", "Bama", "town", "NG", None, 11.52, 13.69)
    # p0 has no place, so it could be either gold event; p1 can only be Bama.
    # Taking golds first-come would give p0 Bama and leave p1 unmatched.
    preds = [ev("p0", day=D(2021, 3, 5)), ev("p1", day=D(2021, 3, 5), place=bama)]
    assert match_events(preds, golds) == [(0, 1), (1, 0)]


def test_type_must_agree_unless_any_type_matching():
    golds = [parse_event({"event_type": "Battles", "date": "2021-03-05"})]
    preds = [ev("p", event_type="Riots", sub="Mob violence", day=D(2021, 3, 5))]
    assert match_events(preds, golds) == []
    assert match_events(preds, golds, require_type=False) == [(0, 0)]


def test_agreement_points_break_ties():
    # Two gold events identical but for sub-type: the prediction goes to the one it agrees with.
    golds = [parse_event({"event_type": "Battles", "sub_event_type": s, "date": "2021-03-05"})
             for s in ("Government regains territory", "Armed clash")]
    assert match_events([ev("p", day=D(2021, 3, 5))], golds) == [(0, 1)]


def test_each_gold_event_is_matched_at_most_once():
    golds = [parse_event({"event_type": "Battles", "date": "2021-03-05"})]
    preds = [ev("p0", day=D(2021, 3, 5)), ev("p1", day=D(2021, 3, 5))]
    assert len(match_events(preds, golds)) == 1


def test_name_normalisation():
    assert normalise("  Mevlüt  Çavuşoğlu ") == "mevlut cavusoglu"
    assert same_person("Mevlut Cavusoglu", "Mevlüt Çavuşoğlu")
    assert same_person("Celik", "Omer Celik")
    assert not same_person("Omer Celik", "Fahrettin Altun")
    assert not same_person(None, "Fahrettin Altun")
    assert same_admin1("Idlib Governorate", "idlib")
    assert not same_admin1("Aleppo", "Idlib")


def test_a_town_named_as_the_gold_names_it_agrees_whatever_admin1_each_side_gives():
    gold = GoldPlace("Sindangan", "admin1", admin1="Zamboanga del Norte", country="PH")
    town = Place(name="Sindangan", text="Sindangan", precision="town", country="PH", admin1="Zamboanga Peninsula")
    other = Place(name="Leon Postigo", text="Leon Postigo", precision="town", country="PH",
                  admin1="Zamboanga Peninsula")
    assert places_agree(town, gold) is True
    assert places_agree(other, gold) is False
