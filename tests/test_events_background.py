"""Background and non-event sentences: each new rule on sentences written here."""

import datetime as dt

import pytest

import flashpoint


def _passed_over(text: str, date: str | None = None) -> list[str] | None:
    """The reasons the sentences were not coded, or None when an event was."""
    result = flashpoint.extract(text, date=date)
    return None if result.events else [n.reason for n in result.non_events]


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


def test_deaths_in_a_health_report_are_no_event():
    text = "Officials said about 2,000 cholera cases had been recorded since January, including 41 deaths."
    assert _events(text) == []


def test_people_dying_with_no_violence_told_are_no_event():
    assert _events("At least 54 people died in the state of Morelos on Tuesday, officials said.") == []
    assert _events("Eleven people died in Kasese on Monday, the district chairman said.") == []


def test_dying_when_gunmen_opened_fire_is_an_event():
    (event,) = _events("Two people died when gunmen opened fire on a bus in Kano on Monday.")
    assert event.fatalities.value == 2


def test_thousands_who_have_died_are_a_running_total():
    text = ("Gunmen killed four traders in Mopti on Sunday. In Mali alone, thousands of civilians "
            "and troops have died since the conflict began.")
    (event,) = _events(text)
    assert event.fatalities.value == 4


def test_an_uptick_in_attacks_is_a_trend_not_an_event():
    text = ("The north-east, hit by an uptick in militant and bandit attacks on soldiers in recent "
            "weeks, remains the most unstable region.")
    assert _events(text) == []


def test_a_wave_of_attacks_with_a_toll_is_still_an_event():
    (event,) = _events("A wave of bombings killed 12 people in Baghdad on Monday.")
    assert event.fatalities.value == 12


def test_sentences_passed_over_are_kept_with_the_reason():
    doc = flashpoint.extract("Gunmen killed five villagers in Bankass on Saturday. The insurgency has killed "
                             "35,000 people since 2009. The opposition plans a rally on Friday.", date="2024-05-20")
    assert len(doc.events) == 1
    reasons = {n.reason: n.evidence.sentence for n in doc.non_events}
    assert reasons == {"background:total": "The insurgency has killed 35,000 people since 2009.",
                       "irrealis": "The opposition plans a rally on Friday."}
    assert all(doc.article.text[n.evidence.sentence_start:n.evidence.sentence_end] == n.evidence.sentence
               for n in doc.non_events)


def test_a_district_headquarters_overrun_is_territory_taken():
    (event,) = _events("A council official said the Taliban overran the Nirkh district headquarters on Tuesday.")
    assert event.sub_event_type == "Non-state actor overtakes territory"


def test_an_area_retaken_after_a_gunfight_is_territory_regained():
    text = "Army commanders said on Monday that their troops had retaken the area after a heavy gunfight."
    assert "Government regains territory" in {e.sub_event_type for e in _events(text)}


def test_having_ambushed_several_convoys_is_a_pattern_not_an_event():
    assert _events("Reports say the militias have ambushed several army convoys on the roads.") == []


def test_ambushing_several_convoys_on_a_day_with_a_toll_is_an_event():
    (event,) = _events("Militias ambushed several army convoys near Bannu on Monday, killing 12 soldiers.")
    assert event.fatalities.value == 12


def test_a_total_in_a_clause_hanging_on_the_event_does_not_make_it_a_total():
    text = ("The Taliban has captured another district centre in Afghanistan, adding to the group's "
            "recent military gains since the start of the withdrawal.")
    (event,) = _events(text, date="2021-06-08")
    assert event.sub_event_type == "Non-state actor overtakes territory"


def test_a_total_in_the_events_own_clause_is_still_a_total():
    assert _events("The insurgency, which has killed 35,000 people since 2009, continues.") == []


def test_a_base_set_up_on_a_named_day_is_news_even_in_an_undated_snippet():
    doc = flashpoint.extract("The Turkish military has set up the sixth observation post in Idlib province on "
                             "Thursday, the army said.")  # no article date: "Thursday" cannot be placed
    assert [e.sub_event_type for e in doc.events] == ["Headquarters or base established"]


def test_a_standing_network_of_posts_is_a_state_of_affairs():
    doc = flashpoint.extract("Turkey has established a dozen observation posts in Idlib province.")
    assert doc.events == [] and [n.reason for n in doc.non_events] == ["background:state of affairs"]


def test_an_undated_toll_in_the_thousands_is_a_wars_count():
    text = ("In Toulouse, police reported more than 1,200 people in a march on Saturday.\n\n"
            "The health ministry in Gaza reports approximately 12,300 martyrs in the war.")
    doc = flashpoint.extract(text, date="2023-11-19")
    assert [(e.sub_event_type, e.fatalities) for e in doc.events] == [("Peaceful protest", None)]
    assert "background:total" in [n.reason for n in doc.non_events]


def test_an_incident_told_weeks_later_is_history_but_last_weeks_is_news():
    text = ("Gunmen killed four farmers in Gusau on Monday, police said. "
            "On March 2, bandits killed eleven villagers in Maru in a similar raid.")
    doc = flashpoint.extract(text, date="2024-03-20")
    assert [e.place.name for e in doc.events] == ["Gusau"]
    assert "background:history" in {n.reason for n in doc.non_events}
    doc = flashpoint.extract(text, date="2024-03-12")  # ten days on: still the week's news
    assert sorted(e.place.name for e in doc.events) == ["Gusau", "Maru"]


def test_a_robbery_is_ordinary_crime_and_so_are_its_details():
    text = ("A suspected armed robber was shot dead by a member of his gang on Thursday while fleeing a "
            "shop in Okitipupa.\n\nPolice said they recovered two guns and a bag of stolen money from the deceased.")
    doc = flashpoint.extract(text, date="2020-06-25")
    assert doc.events == []
    assert {n.reason for n in doc.non_events} == {"crime"}


def test_banned_protests_did_not_happen():
    doc = flashpoint.extract("Protests were also banned by authorities in Bordeaux, Lyon and Toulouse on Friday.",
                             date="2023-07-01")
    assert doc.events == []
    assert "irrealis:cancelled" in {n.reason for n in doc.non_events}


def test_an_earthquake_that_destroyed_homes_is_no_looting():
    text = "The devastating quake destroyed homes and killed 13 people in Qinghai on Monday night."
    assert _events(text, date="2023-12-19") == []


def test_a_toll_told_after_an_earthquake_is_the_quakes():
    text = ("A 5.9-magnitude earthquake rocked Jishishan county in Gansu late Monday night, killing more "
            "than 100 people.\n\nThe adjacent Qinghai province reports a death toll of 13, with 182 injured.")
    doc = flashpoint.extract(text, date="2023-12-19")
    assert doc.events == []
    assert "disaster" in {n.reason for n in doc.non_events}


def test_people_killed_in_fighting_between_armed_groups_died_in_a_clash():
    [event] = _events("At least 13 people were killed in overnight fighting between armed groups in Tripoli "
                      "on Thursday, emergency services said.", date="2022-07-22")
    assert event.sub_event_type == "Armed clash"


def test_a_running_total_since_a_clause_is_background():
    doc = flashpoint.extract("No fewer than 60 people have been killed since the protests began, with police "
                             "accused of using excessive force.", date="2024-08-08")
    assert doc.events == []


def test_a_person_after_of_is_no_place():
    [event] = _events("Sons of El Chapo are suspected of an ambush on a military convoy that killed four soldiers "
                      "in Culiacan on Thursday.", date="2019-10-18")
    assert event.place is not None and event.place.name != "El Chapo"


def test_an_attack_behind_a_past_perfect_is_history():
    assert _events("The country had declared a state of emergency in the north after jihadists attacked a "
                   "military outpost, killing soldiers.", date="2020-06-14") == []


def test_a_ceasefire_agreed_earlier_this_year_has_no_day():
    assert _events("The rebel leader agreed to a ceasefire earlier this year, but it was not respected.",
                   date="2020-10-14") == []


def test_a_police_raid_on_homes_without_violence_is_arrests():
    [event] = _events("Police raided the homes of journalists in Izmir early on Tuesday.", date="2024-02-13")
    assert event.sub_event_type == "Arrests"


def test_a_day_beats_a_vague_span_in_one_sentence():
    [event] = _events("Earlier last week, militants ambushed a passenger train near Gudalar on March 11.",
                      date="2025-03-16")
    assert str(event.date.start) == str(event.date.end) == "2025-03-11"


def test_several_attacks_claimed_with_no_day_are_a_pattern():
    assert _events("The group has also claimed responsibility for several rocket attacks that targeted the "
                   "resort city of Eilat.", date="2015-01-01") == []


def test_a_town_that_has_been_the_scene_of_airstrikes_for_months_is_background():
    assert _events("Toratorow has been the scene of a series of US airstrikes in the past few months.",
                   date="2018-02-16") == []


def test_an_airstrike_in_a_concession_is_background_but_a_march_despite_a_curfew_is_news():
    assert _events("Despite huge losses, including the killing of their leader in a U.S. airstrike, the "
                   "group remains a threat.", date="2015-01-04") == []
    assert len(_events("Despite the curfew, protesters marched in Nairobi on Monday.", date="2018-02-16")) == 1


def test_a_region_that_has_seen_fighting_is_background():
    import flashpoint

    text = ("The northern Sagaing region has seen fierce fighting and bloody reprisals, with the junta "
            "calling in airstrikes.")
    assert flashpoint.extract(text, date="2022-03-21").events == []


def test_an_event_known_only_by_its_month_and_a_rally_asked_for_are_no_events():
    import flashpoint

    text = "In May, two police officers were killed in another bomb blast in Gariaband district."
    assert flashpoint.extract(text, date="2018-05-20").events == []
    text = "The party has sought permission from the police to hold a rally in Lahore on Sunday."
    assert flashpoint.extract(text, date="2018-05-20").events == []


def test_a_present_perfect_development_is_news_unless_it_built_up_a_network():
    import flashpoint

    def subs(text):
        return [e.sub_event_type for e in flashpoint.extract(text).events]

    assert subs("At least 450 members of pro-government forces have defected to the Houthis in central "
                "Yemen.") == ["Change to group/activity"]
    assert subs("Turkish ground forces have set up two military bases east of Zakho in Duhok "
                "governorate.") == ["Headquarters or base established"]
    assert subs("Turkey has established a dozen observation posts in Idlib.") == []


def test_an_undated_article_names_a_month_but_no_day():
    # long enough to be an article, not a snippet: its months are background as in a dated one
    filler = "The former minister was sentenced to three years in prison by the appeals court. " * 12
    text = filler + "Last November, hundreds of demonstrators protested outside the parliament against the government."
    assert flashpoint.extract(text).events == []
    # a short undated snippet keeps the month's event (CASE-style snippets are dated by their text)
    snippet = "Last November, hundreds of demonstrators protested outside the parliament against the government."
    assert [e.sub_event_type for e in flashpoint.extract(snippet).events] == ["Peaceful protest"]


def test_the_month_of_a_year_is_a_period():
    text = "Troops recovered 14 bombs planted by rebels in three districts during the month of November 2017."
    assert _passed_over(text, "2018-05-20") == ["background:history"]


def test_what_came_a_month_before_is_history():
    text = ("The new video, which shows two masked fighters, came a month after raids on a newspaper office "
            "and a supermarket in the capital that killed 17 people.")
    assert _events(text, "2015-02-14") == []
    text = "The bombing came hours after gunmen killed two police officers in the town on Friday."
    assert _events(text, "2015-02-14") != []


def test_an_infinitive_on_a_noun_or_a_purpose_is_not_yet_done():
    text = "The militants say their cells are stationed across the region awaiting orders to launch attacks."
    assert _events(text) == []
    # the crowd in "tear gas to disperse rioters" is there
    text = "Police in the port city used tear gas on Monday night in an attempt to disperse a crowd of rioters."
    assert [e.event_type for e in _events(text)] == ["Riots"]


def test_what_a_video_depicts_or_purports_to_show_and_a_released_video_are_no_events():
    text = "It also depicts the nine militants carrying out atrocities, including beheading and shooting hostages."
    assert _events(text, "2016-01-25") == []
    text = ("The Islamic State group released a video on Sunday purporting to show nine militants behind the "
            "Paris attacks that killed 130 people.")
    assert _events(text, "2016-01-25") == []
    text = "The rebels released 20 hostages in Kidal on Sunday after talks with the army."
    assert _events(text, "2016-01-25") != []


def test_an_undated_clash_that_has_triggered_unrest_is_the_storys_cause():
    text = ("An intense clash between the Amhara militia and the national army has triggered a wave of unrest in "
            "the Amhara region.")
    assert _passed_over(text, "2023-11-08") == ["background:cause"]


def test_a_reports_undated_figures_and_an_example_from_a_list_of_attacks_are_background():
    text = ("Among the attacks claimed by the group since the ouster of president Morsi was the assassination of "
            "a top police general, who was gunned down as he left his home in Cairo.")
    result = flashpoint.extract(text)
    assert result.events == [] and "background:report" in [n.reason for n in result.non_events]
    # a report's dated figure is news
    assert _events("According to the report, 20 people were killed in an attack in Kano on Monday.", "2019-01-01") != []


def test_an_embedded_post_is_quoted_not_reported():
    text = ("Gunmen killed the former coordinator of the Indigenous guard in the Buenos Aires municipality of "
            "Cauca on Monday, the council said.\n\nHe was killed by armed groups today in Cauca "
            "https://t.co/RiMWqd3ieo — Joshua Collins (@InvisiblesMuros) January 25, 2022")
    events = flashpoint.extract(text, date="2022-01-25").events
    assert len(events) == 1 and str(events[0].date.start) == "2022-01-24"


def test_an_embedded_post_whose_link_the_parser_split_off_is_still_quoted():
    text = ("Baghdad, Iraq\n\nThe toll in a twin suicide bombing in a Baghdad market on Thursday morning topped "
            "20 dead and 40 wounded, the interior ministry said.\n\nAt least 13 people were killed in a twin suicide "
            "bombing in #Baghdad on Thursday, the command said, ending months of calm. pic.twitter.com/abcdEFGh12\n\n"
            "— Some News (@SomeNews) January 21, 2021\n\nThe ministry said two attackers blew themselves up.")
    [event] = flashpoint.extract(text, date="2021-01-21").events
    assert event.fatalities.value == 20 and str(event.date.start) == "2021-01-21"


def test_the_killing_a_court_judges_someone_for_is_no_event_of_the_day():
    for text in ("A Minna High Court has sentenced 11 persons to death by hanging for the murder of seven "
                 "villagers in Niger State.",
                 "A court on Tuesday convicted two men of killing three farmers in Kaduna.",
                 "Police charged five men with attacking a bus in Kaduna on Monday."):
        doc = flashpoint.extract(text, date="2022-05-10")
        assert doc.events == [], text
        assert any(n.reason == "background:judged" for n in doc.non_events)
    [event] = flashpoint.extract("Gunmen killed three farmers in Kaduna on Monday, and police charged two suspects.",
                                 date="2022-05-10").events
    assert event.fatalities.value == 3


def test_the_massacre_an_anniversary_remembers_is_history_but_the_days_march_is_news():
    text = ("Relatives marked the fourth anniversary of the Maguindanao massacre on Saturday.\n\n"
            "The massacre left 58 people dead, 32 of them journalists. The victims were herded to a hill "
            "and killed with assault rifles.\n\nHundreds of people marched to the massacre site on Saturday.")
    events = flashpoint.extract(text, date="2013-11-23").events
    assert [e.event_type for e in events] == ["Protests"]


def test_a_count_so_far_is_a_running_total_and_how_a_crisis_began_is_history():
    for text in ("Twelve people have been killed so far in the unrest.",
                 "The protests have frequently turned violent, with one civilian reported killed so far, dozens "
                 "injured and over a hundred arrested in clashes with police.",
                 "The Manipur crisis started on May 3, 2023, after a violent mob burned government offices and "
                 "attacked people from another ethnic group."):
        assert flashpoint.extract(text, date="2024-02-17").events == [], text
    [event] = flashpoint.extract("Gunmen killed two people in Kaduna on Monday, the first attack so far this month.",
                                 date="2025-10-14").events
    assert event.fatalities.value == 2


def test_a_killing_of_ones_own_relative_is_a_familys_crime():
    text = "Bahadur Singh killed his nephew Navdeep by shooting him at a canal near Machhike village on Sunday."
    assert _passed_over(text, "2025-12-06") == ["ordinary crime"]


def test_a_sport_phrase_makes_a_shootout_a_match_without_a_score():
    assert _events("Nepal edged past holders Oman in a penalty shootout to reach the quarterfinal.") == []
    # a shootout with no sport phrase is still a gunfight
    [event] = _events("Two gunmen were killed in a shootout with police in Peshawar on Sunday.")
    assert event.fatalities.value == 2


def test_violence_a_court_ruled_on_told_without_its_day_is_history():
    text = ("High court upholds life sentences for six militants involved in bombing a bus\n\n"
            "Eleven passengers were killed in the bombing carried out by the outlawed group. "
            "The judges dismissed the appeal on Tuesday.")
    assert _events(text, date="2021-03-10") == []
    # a court story's own day of violence is still news
    text = ("A court in Lahore sentenced three men on Monday.\n\nOn Tuesday, gunmen killed a guard "
            "outside the court in Lahore.")
    [event] = _events(text, date="2021-03-10")
    assert event.fatalities.value == 1


def test_protests_that_are_expected_have_not_happened():
    assert _events("More protests are expected in Valletta later on Saturday.", date="2022-03-05") == []


def test_a_parade_march_a_malfunctioning_drone_and_a_guilty_verdict_are_no_events():
    assert _events("Students of the military school march during the traditional Bastille Day military parade "
                   "in Paris on Sunday.", date="2019-07-14") == []
    assert _events("An Israeli drone crashed due to a technical malfunction and exploded inside a home in "
                   "Hasbaya on Tuesday.", date="2025-05-14") == []
    assert _events("He was also found guilty of procuring weapons that were used to kill villagers in Bogoro.",
                   date="2014-05-23") == []
    # a protest march is still a protest
    [march] = _events("Thousands of people marched through Paris on Sunday against the pension reform.",
                      date="2023-03-12")
    assert march.event_type == "Protests"


def test_the_violence_an_anniversary_marks_is_history_whatever_day_it_is_marked():
    text = ("Somalia on Sunday marked the first anniversary of al-Shabab's deadliest attack, a truck bombing "
            "in the capital, Mogadishu, that killed well over 500 people.")
    assert _events(text, date="2018-10-14") == []


def test_attacks_that_have_proliferated_are_a_trend():
    text = "Extremist attacks in the Sahel have proliferated in recent months, officials in Bamako say."
    assert _events(text, date="2019-03-14") == []


def test_a_ritual_commemorating_an_old_killing_late_in_the_story_leaves_its_news_news():
    text = ("Bomber strikes crowded market in Karbala\n\n"
            "At least 20 people have been killed in a suicide attack on pilgrims in the Iraqi city of Karbala, "
            "officials say.\n\n"
            "The blast tore through a tent where families were resting at midday.\n\n"
            "Thousands of pilgrims were taking part in rituals commemorating the killing of Imam Hussein "
            "centuries ago.\n\n"
            "Police sealed off the area after the explosion.")
    events = _events(text, date="2021-09-25")
    assert [e.sub_event_type for e in events] == ["Suicide bomb"]
    assert events[0].fatalities.value == 20


def test_a_post_embedded_in_a_paragraph_the_cleaner_joined_quotes_only_itself():
    # a page whose hard line breaks were joined: the lead and an embedded post in one long line
    text = ("Gunmen attacked the army headquarters in Ouagadougou on Friday, killing four soldiers, the "
            "government said. Special units of the security forces were deployed around the headquarters and "
            "the nearby embassy, and the main avenues of the city centre were closed to traffic for the rest of "
            "the day. Residents of the neighbouring districts said they had heard gunfire and several loud "
            "explosions for more than an hour before the shooting stopped. Schools and shops in the centre "
            "stayed closed, and the authorities asked people to stay at home until further notice. "
            "Gunfire heard near the embassy, people running pic.twitter.com/k2bWXq — Amal Reporter "
            "(@amalreports) March 2, 2018")
    events = _events(text, date="2018-03-02")
    assert [(e.event_type, e.fatalities.value) for e in events] == [("Battles", 4)]


def test_what_police_have_borne_in_recent_years_is_a_period_not_an_event():
    text = "Afghan police have in recent years borne the brunt of Taliban attacks and are one of their main targets."
    assert _passed_over(text, date="2019-10-02") == ["background:period"]


def test_a_time_in_what_a_place_is_said_to_be_is_not_the_clashs():
    text = ("Clashes broke out between soldiers and gunmen in Jenin, a focal point of army raids in recent "
            "months, on Saturday night, the report said.")
    [event] = _events(text, date="2023-11-26")
    assert event.event_type == "Battles" and event.date.start == event.date.end


def test_intermittent_skirmishes_are_a_state_of_affairs():
    text = "There have been intermittent skirmishes along the glacier since then."
    assert _passed_over(text, date="2019-11-19") == ["background:generic"]


def test_the_dead_taken_by_helicopter_to_a_hospital_were_not_attacked_there():
    text = ("An avalanche buried an army post on the glacier on Monday. The soldiers were taken by helicopter "
            "to a military hospital, where four of them died.")
    assert _events(text, date="2019-11-19") == []


def test_a_toll_since_the_protests_began_is_a_running_total_however_the_since_clause_is_parsed():
    text = ("Ten demonstrators have been killed in clashes with security forces and dozens injured since "
            "a wave of protests began on Monday.")
    assert _passed_over(text, date="2018-09-06") == ["background:total"]


def test_a_verdict_on_a_named_person_and_a_ban_on_protests_are_no_events():
    verdict = ("After a months-long trial in Gomel, the court found Tikhanovsky, 43, guilty of organising riots "
               "and inciting social hatred.")
    assert _events(verdict, date="2021-12-15") == []
    ban = "The commissioner reminded residents that the ban on public protests was still in place."
    assert _events(ban, date="2021-09-06") == []


def test_the_day_of_a_statement_or_of_a_dateline_below_the_menu_is_when_the_news_was_told():
    text = ("Security forces discover weapon cache in western province\n\nSource: Xinhua\n\nEditor: huaxia\n\n"
            "KABUL, June 1 (Xinhua) -- Security forces have discovered a weapon cache in the western Farah "
            "province and seized a variety of arms and ammunition, said a statement of the intelligence "
            "directorate on Thursday.")
    [event] = _events(text, date="2023-06-01")
    assert event.date.told_on == dt.date(2023, 6, 1) and event.date.start == dt.date(2023, 5, 31)


@pytest.mark.parametrize("text", [
    "The coalition has launched more than 18,000 air raids on Yemen, a monitor said on Thursday.",
    "Nearly 100 civilians were killed or wounded every week in Yemen, the UN said on Thursday.",
    "Yemen war: Children accounted for 410 deaths and 542 injuries in air strikes, the UNHCR said on Thursday.",
])
def test_a_reports_statistics_are_no_event(text):
    assert not flashpoint.extract(text, date="2019-03-08").events


def test_rallies_that_took_place_are_no_territory_taken():
    events = flashpoint.extract("Two unauthorized rallies have taken place in Moscow on Saturday, which resulted in "
                                "clashes with police.", date="2019-08-09").events
    assert events and all(e.event_type in ("Protests", "Riots") for e in events)


def test_a_toll_over_last_year_told_with_no_day_is_a_total():
    text = "Rebels responded to the military offensive with increased attacks, killing more than 800 people last year."
    assert not flashpoint.extract(text, date="2021-01-01").events


def test_a_killing_the_report_says_was_not_linked_to_the_unrest_is_no_part_of_it():
    text = ("On Thursday, protesters barricaded two main entrances into Mahikeng with burning tyres and rocks.\n\n"
            "A man was shot dead during a high-speed chase with police in Mahikeng on Thursday, but it was not linked "
            "to the unrest, police said.")
    (event,) = flashpoint.extract(text, date="2018-04-20").events
    assert event.event_type in ("Protests", "Riots") and event.fatalities is None


def test_weapons_stored_in_a_depot_were_not_used():
    assert not flashpoint.extract("Missiles, arms, ammunition, bombs and other explosives are stored in the depot.",
                                  date="2016-05-31").events
    assert flashpoint.extract("A bomb hidden in a car exploded in Kabul on Monday, killing three.", date="2016-05-31").events


def test_villagers_who_lynch_suspected_thieves_commit_mob_violence():
    (event,) = flashpoint.extract("Residents of Bishunganj in Gaya district on Monday lynched three suspected thieves "
                                  "outside the house of the village head.", date="2015-08-17").events
    assert event.sub_event_type == "Mob violence"
