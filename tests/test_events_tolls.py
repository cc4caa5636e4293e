"""Casualty tolls read off sentences written here."""

import datetime as dt

import flashpoint


def _tolls(text: str):
    return [(e.fatalities and e.fatalities.value, e.injuries and e.injuries.value)
            for e in flashpoint.extract(text, date="2024-05-20").events]


def test_capitalised_number_word_parsed_as_compound_still_counts():
    text = "Eleven guards were killed, some of their bodies still inside the burning trucks when gunmen attacked the depot."
    assert _tolls(text)[0][0] == 11


def test_a_single_victim_named_by_an_unlisted_noun_counts_one():
    text = "A herder was killed and two others wounded when gunmen attacked a village in Plateau on Monday."
    assert _tolls(text) == [(1, 2)]


def test_beaten_to_death_counts_the_object_and_injured_another_counts_one():
    doc = flashpoint.extract("Villagers in Dumka district beat a man to death on Monday and critically "
                             "injured another over suspicion of cattle theft.", date="2020-05-12")
    (event,) = doc.events
    assert (event.fatalities.value, event.injuries.value) == (1, 1)
    assert event.sub_event_type == "Mob violence"  # unorganised civilians' violence


def test_stabbed_to_death_counts_the_passive_subject():
    (event,) = flashpoint.extract("Two men were stabbed to death in Kisumu on Friday.", date="2020-05-12").events
    assert event.fatalities.value == 2


def test_victims_killed_alongside_others_are_added_up():
    text = ("Four police officers were killed alongside two members of a paramilitary force and two "
            "civilians in a bomb attack in Peshawar on Friday.")
    [event] = flashpoint.extract(text, date="2024-10-26").events
    assert event.fatalities.value == 8
    [event] = flashpoint.extract("Three soldiers were killed along with two civilians in an ambush in Gao on Friday.",
                                 date="2024-10-26").events
    assert event.fatalities.value == 5


def test_a_toll_in_a_clause_about_another_event_is_not_this_events():
    text = ("A US drone strike killed nine members of a family in Kabul on Sunday, days after Thursday's "
            "deadly attacks at the Kabul airport that killed 13 American troops and 169 Afghans.")
    [event] = flashpoint.extract(text, date="2021-08-30").events
    assert (event.sub_event_type, event.fatalities.value, str(event.date.start)) == ("Air/drone strike", 9, "2021-08-29")


def test_a_suicide_bomber_targeted_by_a_drone_is_not_the_weapon():
    text = "The US military said the drone strike targeted a suspected Islamic State suicide bomber in Kabul on Sunday."
    [event] = flashpoint.extract(text, date="2021-08-30").events
    assert event.sub_event_type == "Air/drone strike"


def test_single_victims_told_with_a_and_another_are_counted():

    def toll(text):
        [e] = flashpoint.extract(text, date="2021-05-04").events
        return e.fatalities.value if e.fatalities else None

    assert toll("Gunmen shot dead a police officer in Peshawar on Monday.") == 1
    assert toll("The Taliban stormed a police checkpoint in Sari Pul province on Monday, killing a "
                "district police chief and another officer.") == 2


def test_executing_a_warrant_kills_no_one():

    [e] = flashpoint.extract("Police were executing a warrant on the city outskirts when gunmen in armored "
                             "trucks opened fire on Monday.", date="2019-10-15").events
    assert e.fatalities is None and e.sub_event_type != "Violent demonstration"


def test_a_named_person_killed_is_one_death_but_a_named_player_injured_is_no_casualty():

    text = ("At least two policemen were killed in an encounter with Maoists in Sukma on Sunday.\n\n"
            "In another incident, Maoists killed Anil Kumar, the supervisor of a road contractor, police said.")
    events = flashpoint.extract(text, date="2018-02-18").events
    assert sorted((e.sub_event_type, e.fatalities.value) for e in events) == [("Armed clash", 2), ("Attack", 1)]
    match = "Dynamo lost 0:1 to Shakhtar on Sunday; Bilovar replaced the injured Denis Popov during the first half."
    assert flashpoint.extract(match, date="2023-10-29").events == []


def test_a_number_beats_a_vague_word_for_the_toll_in_one_sentence():

    text = ("Dozens killed in coalition airstrike on Saada A coalition airstrike killed 11 civilians in Saada on "
            "Wednesday, a tribal chief said.\n\nAt least 11 civilians were killed in the airstrike in Saada on "
            "Wednesday.")
    [event] = flashpoint.extract(text, date="2017-12-20").events
    assert event.fatalities.value == 11


def test_an_unknown_number_of_dead_is_no_toll_of_one():
    text = "Attacks at two mosques in Christchurch left an unknown number of people dead on Friday."
    [event] = flashpoint.extract(text, date="2019-03-15").events
    assert event.fatalities is None


def test_people_hurt_with_no_figure_type_the_event_but_give_no_toll():
    text = "A number of people were injured after police violently dispersed a protest in Al Hoceima on Monday."
    [event] = flashpoint.extract(text, date="2017-06-27").events
    assert event.sub_event_type == "Excessive force against protesters" and event.injuries is None


def test_the_toll_of_an_earlier_incident_told_beside_a_new_one_is_not_the_new_ones():
    linked = ("An explosion on Tuesday at a ferry pier in Bangkok was said by police to be connected to "
              "Monday's bombing at a shrine, which killed 20 people and injured more than 120.")
    [event] = [e for e in flashpoint.extract(linked, date="2015-08-19").events if e.date.day == dt.date(2015, 8, 18)]
    assert event.fatalities is None and event.injuries is None
    after = ("A small device exploded in a canal near a train station in central Bangkok on Tuesday afternoon, "
             "police said, a day after a bomb killed 20 at a religious shrine.")
    [event] = [e for e in flashpoint.extract(after, date="2015-08-18").events if e.date.day == dt.date(2015, 8, 18)]
    assert event.fatalities is None


def test_a_bomber_killing_himself_and_a_married_couple_are_counted():
    (e,) = flashpoint.extract("A suicide bomber set off an explosive device prematurely on a deserted road in northwest "
                              "Pakistan on Thursday, killing himself but harming no one else, police said.",
                              date="2024-11-15").events
    assert e.fatalities.value == 1
    (e,) = flashpoint.extract("A married couple were killed by Russian shelling of the Kherson region overnight, the "
                              "governor said on Friday.", date="2023-06-16").events
    assert e.fatalities.value == 2
