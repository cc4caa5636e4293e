"""Background and non-event sentences: each new rule on sentences written here."""

import flashpoint


def _events(text: str, date: str = "2024-05-20"):
    return flashpoint.extract(text, date=date).events


def test_match_report_with_a_score_is_not_a_clash():
    text = "Rovers fought hard in the second half, but the match ended 2-1 in favour of United."
    assert _events(text) == []


def test_a_clash_with_casualties_is_still_an_event():
    text = "Police and protesters clashed in Lagos on Sunday, and two people were killed."
    assert len(_events(text)) == 1


def test_habitual_attacks_are_background():
    text = "Insurgents often target army convoys in the province with roadside bombs."
    assert _events(text) == []


def test_bus_plunging_into_a_gorge_is_an_accident():
    text = "A bus plunged into a gorge in the hills on Thursday, killing 14 people, an official said."
    assert _events(text) == []


def test_recent_weeks_raids_are_a_running_total():
    text = "Militants have mounted several raids on villages in recent weeks, looting food and homes."
    assert _events(text) == []


def test_a_planned_rally_is_not_an_event():
    assert _events("Tension rose in the capital over the opposition's planned rally on Saturday.") == []


def test_a_rally_the_party_would_hold_is_not_an_event():
    text = "The party would announce its demands to the government from a rally in Dhaka on Wednesday."
    assert _events(text) == []


def test_a_protest_supposed_in_an_if_clause_is_not_an_event():
    text = "Union leaders said workers would be angry if the parties did not launch a protest movement."
    assert _events(text) == []


def test_what_happened_before_a_modal_reply_is_still_an_event():
    text = "Gunmen killed five villagers in Bankass on Saturday, and the army said it would hunt them down."
    (event,) = _events(text)
    assert event.fatalities.value == 5
