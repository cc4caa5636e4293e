"""Event extraction on short articles written for these tests, and on the seed."""

import datetime as dt
import json
import math
from pathlib import Path

import pytest

import flashpoint

ARTICLES = Path(__file__).parent / "data" / "articles"
SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seed_article.txt"
SEED_GOLD = SEED.parent / "gold" / "seed_article.gold.json"


def km(lat1, lon1, lat2, lon2):
    p = math.pi / 180
    a = (math.sin((lat2 - lat1) * p / 2) ** 2
         + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2)
    return 12742 * math.asin(math.sqrt(a))


@pytest.fixture(scope="module")
def docs():
    return {path.stem: flashpoint.extract(path.read_text(), source=path.name)
            for path in sorted(ARTICLES.glob("*.txt"))}


def only(doc):
    assert len(doc.events) == 1, [e.sub_event_type for e in doc.events]
    return doc.events[0]


def test_airstrike_actor_count_place_date(docs):
    e = only(docs["airstrike"])
    assert (e.event_type, e.sub_event_type) == ("Explosions/Remote violence", "Air/drone strike")
    assert (e.actor1.kind, e.actor1.country) == ("state forces", "NG")
    assert e.actor2.name == "Boko Haram"
    assert (e.fatalities.value, e.fatalities.qualifier) == (23, "at least")
    assert e.date.start == e.date.end == dt.date(2023, 5, 13)  # "on Saturday", article of Sunday 14th
    assert e.place.country == "NG" and e.place.name == "Bama"


def test_context_totals_are_not_events(docs):
    # "an insurgency that has killed more than 35,000 people ... since 2009"
    assert all(e.fatalities is None or e.fatalities.value < 1000 for e in docs["airstrike"].events)


def test_no_event_article(docs):
    assert docs["no_event"].events == []


def test_peaceful_protest(docs):
    e = only(docs["protest"])
    assert e.sub_event_type == "Peaceful protest"
    assert e.actor1.kind == "protesters"
    assert e.fatalities is None
    assert e.place.name == "Nairobi" and e.place.country == "KE"
    assert e.date.start == dt.date(2022, 11, 2)


def test_protest_with_intervention_not_excessive_force(docs):
    e = only(docs["protest_force"])
    assert e.sub_event_type == "Protest with intervention"
    assert e.actor2.kind == "state forces" and e.actor2.name.startswith("Police Forces")


def test_riot_merges_follow_up_sentence(docs):
    e = only(docs["riot"])
    assert (e.event_type, e.sub_event_type) == ("Riots", "Violent demonstration")
    assert e.actor1.kind == "rioters"
    assert e.fatalities.value == 3 and e.injuries.value == 60
    assert e.place.country == "IN"


def test_clash_between_two_sides_sums_victims(docs):
    e = only(docs["clash"])
    assert e.sub_event_type == "Armed clash"
    assert e.actor1.kind == "state forces"
    assert e.actor2.name == "Al Shabaab"
    assert e.fatalities.value == 17  # 14 militants and three soldiers
    assert e.place.country == "SO"


def test_roadside_bomb(docs):
    e = only(docs["ied"])
    assert e.sub_event_type == "Remote explosive/landmine/IED"
    assert (e.fatalities.value, e.injuries.value) == (2, 5)
    assert e.place.name == "Gao" and e.place.country == "ML"


def test_abduction(docs):
    e = only(docs["abduction"])
    assert e.sub_event_type == "Abduction/forced disappearance"
    assert e.actor1.kind == "political militia"
    assert e.fatalities is None


def test_every_field_has_provenance_into_the_text(docs):
    for doc in docs.values():
        text = doc.article.text
        for e in doc.events:
            assert text[e.evidence.sentence_start:e.evidence.sentence_end] == e.evidence.sentence
            assert text[e.evidence.start:e.evidence.end] == e.trigger
            for field in (e.fatalities, e.injuries):
                if field is not None:
                    assert text[field.provenance.start:field.provenance.end] == field.text
            for actor in (e.actor1, e.actor2):
                if actor is not None:
                    assert text[actor.provenance.start:actor.provenance.end] == actor.text
            if e.place is not None:
                assert text[e.place.provenance.start:e.place.provenance.end] == e.place.text
            assert 0 < e.confidence <= 1
            assert e.sources and e.sources[0].article_id == doc.article.id


@pytest.mark.skipif(not SEED.exists(), reason="shared seed article not present")
def test_seed_events_match_gold():
    gold = json.loads(SEED_GOLD.read_text())
    doc = flashpoint.extract(SEED.read_text())
    assert doc.article.date == dt.date(2020, 2, 10)
    assert len(doc.events) == len(gold["events"])
    for want, got in zip(gold["events"], doc.events):
        assert got.event_type == want["event_type"]
        assert got.sub_event_type == want["sub_event_type"]
        for role in ("actor1", "actor2"):
            actor = getattr(got, role)
            assert (actor.kind, actor.country) == (want[role]["kind"], want[role]["country"])
        assert (got.fatalities.value if got.fatalities else None) == want["fatalities"]
        if "injuries" in want:
            assert got.injuries.value == want["injuries"]
        if "date" in want:
            assert got.date.start == got.date.end == dt.date.fromisoformat(want["date"])
        else:
            lo, hi = (dt.date.fromisoformat(d) for d in want["date_range"])
            assert got.date.start <= hi and lo <= got.date.end  # overlapping windows
            assert got.date.end < doc.article.date
        loc = want["location"]
        assert (got.place.admin1, got.place.country) == (loc["admin1"], loc["country"])
        if "lat" in loc:
            assert km(got.place.lat, got.place.lon, loc["lat"], loc["lon"]) < 15
        else:
            assert got.place.precision == loc["precision"]


@pytest.mark.skipif(not SEED.exists(), reason="shared seed article not present")
def test_seed_context_figures_are_not_fatalities():
    doc = flashpoint.extract(SEED.read_text())
    figures = {e.fatalities.value for e in doc.events if e.fatalities}
    assert not figures & {700_000, 3_600_000, 100}


def test_several_events_in_one_article_and_a_running_total(docs):
    clash, raid, strike = docs["sudan_multi"].events  # the war's 9,000 dead is no event
    assert (clash.sub_event_type, clash.actor1.country, clash.actor2.name) == (
        "Armed clash", "SD", "RSF: Rapid Support Forces")  # "fighting between X and Y"
    assert (clash.fatalities.value, clash.place.name) == (30, "Omdurman")
    assert (raid.sub_event_type, raid.actor1.name, raid.fatalities.value) == (
        "Attack", "RSF: Rapid Support Forces", 12)
    assert raid.date.start == dt.date(2023, 10, 13)
    assert strike.sub_event_type == "Air/drone strike" and strike.fatalities is None


def test_state_airstrike_named_by_adjective_and_follow_up_merged(docs):
    e = only(docs["myanmar_airstrike"])
    assert e.sub_event_type == "Air/drone strike"
    assert e.actor1.kind == "state forces"  # "a military airstrike"
    assert (e.fatalities.value, e.fatalities.qualifier) == (100, "at least")
    assert e.place.country == "MM"


def test_also_adds_to_the_same_raid(docs):
    e = only(docs["drc_raid"])
    assert e.actor1.name == "ADF: Allied Democratic Forces"
    assert e.fatalities.value == 18 and e.place.country == "CD"


def test_untagged_town_and_separate_air_defence_reports(docs):
    strike, shoot_down, intercept = docs["odesa_drones"].events
    assert (strike.sub_event_type, strike.actor1.country) == ("Air/drone strike", "RU")
    assert (strike.fatalities.value, strike.injuries.value) == (4, 12)
    assert strike.place.name.startswith("Odes") and strike.place.country == "UA"  # no NER label
    assert shoot_down.sub_event_type == intercept.sub_event_type == "Disrupted weapons use"
    assert intercept.date.start == dt.date(2024, 3, 17)


def test_peaceful_marches_then_a_riot_with_deaths(docs):
    # "marched peacefully in Bogota, Medellin and Cali": one protest per city (ACLED: one
    # place per event); in Cali the march and that night's riot are one Riots event
    bogota, medellin, riot = docs["colombia_strike"].events
    for marches in (bogota, medellin):
        assert marches.sub_event_type == "Peaceful protest"
        assert (marches.actor1.kind, marches.actor1.country) == ("protesters", "CO")  # "Colombians marched"
    assert (bogota.place.name, medellin.place.name) == ("Bogotá", "Medellín")
    assert riot.event_type == "Riots" and riot.fatalities.value == 2  # "were shot dead"
    assert riot.place.name == "Cali"


def test_past_similar_attacks_are_background(docs):
    e = only(docs["kabul_suicide"])
    assert e.sub_event_type == "Suicide bomb"
    assert (e.fatalities.value, e.fatalities.qualifier, e.injuries.value) == (19, "at least", 27)
    assert e.place.name == "Kabul"
