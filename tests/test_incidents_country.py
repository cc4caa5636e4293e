"""The event country from the article's geography when no town of the incident resolves
(articles written here; "Kwelltabu" is a made-up hamlet no gazetteer knows)."""

import flashpoint

DAY = "2024-05-14"


def _only_event(text: str):
    doc = flashpoint.extract(text, date=DAY)
    assert len(doc.events) == 1
    return doc, doc.events[0]


def test_country_in_the_headline_places_an_event_whose_hamlet_is_unknown():
    doc, event = _only_event(
        "Gunmen kill four farmers in central Mali\n\n"
        "Unidentified gunmen on Monday shot dead four farmers working their fields near the hamlet "
        "of Kwelltabu, a local official said. The attackers fled on motorbikes before soldiers arrived.")
    place = event.place
    assert (place.country, place.precision, place.name) == ("ML", "country", "Mali")
    # provenance points at the headline's "Mali", with a confidence below a resolved town's
    prov = place.provenance
    assert doc.article.text[prov.start:prov.end] == "Mali"
    assert prov.sentence_start <= prov.start < prov.end <= prov.sentence_end
    assert prov.confidence < 0.5
    assert place.admin1 is None  # a country, no region guessed


def test_a_demonym_in_a_later_sentence_gives_the_country():
    doc, event = _only_event(
        "Masked men abducted a village chief and his two sons near Kwelltabu on Sunday night, "
        "relatives said. The Nigerien army has launched a search in the area.")
    assert event.place.country == "NE"
    assert event.place.precision == "country"
    assert doc.article.text[event.place.provenance.start:event.place.provenance.end] == "Nigerien"


def test_no_country_signal_keeps_the_place_null():
    _, event = _only_event(
        "Unidentified gunmen on Monday shot dead four farmers working their fields near the hamlet "
        "of Kwelltabu, a local official said. The attackers fled on motorbikes.")
    assert event.place is None
    assert event.actor1.country is None and event.actor1.name == "Unidentified Armed Group"


def test_two_countries_named_equally_leave_the_place_null():
    _, event = _only_event(
        "Unidentified gunmen on Monday shot dead four farmers near the hamlet of Kwelltabu, a local "
        "official said. Officials in Mali and Niger both said they were looking into it.")
    assert event.place is None


def test_a_resolved_town_is_kept_over_the_article_country():
    _, event = _only_event(
        "Kenya news: unidentified gunmen shot dead two traders in Mogadishu on Monday, police said.")
    assert event.place.precision == "town" and event.place.country == "SO"


def test_a_region_in_the_headline_gives_the_country_when_no_country_is_named():
    doc, event = _only_event(
        "Nine traders abducted in West Darfur\n\n"
        "Armed men abducted nine traders on the road between Kwelltabu and Marrasinko on Sunday, "
        "relatives said.")
    place = event.place
    assert (place.country, place.precision, place.admin1) == ("SD", "country", None)
    assert doc.article.text[place.provenance.start:place.provenance.end] == "West Darfur"
    assert place.provenance.confidence < 0.5


def test_the_towns_an_article_names_give_an_unplaced_event_its_country():
    text = ("At least six people were killed in three districts in clashes between students and police today.\n\n"
            "Two were killed in Dhaka, three in Chattogram and one in Rangpur.\n\n"
            "One of the dead was a student of the English Department of the university.")
    events = flashpoint.extract(text, date="2024-07-16").events
    assert events and all(e.place is not None and e.place.country == "BD" for e in events)


def test_unnamed_soldiers_are_the_one_army_the_article_names_not_the_places():
    text = ("Two Palestinians were shot dead by Israeli forces after they raided Jenin on Saturday night.\n\n"
            "In a separate incident, clashes broke out between soldiers and resistance fighters in Nablus on Saturday.")
    events = flashpoint.extract(text, date="2023-11-26").events
    clash = next(e for e in events if e.sub_event_type == "Armed clash")
    forces = [a for a in (clash.actor1, clash.actor2) if a is not None and a.kind in ("state forces", "external/other")]
    assert forces and all(a.country == "IL" for a in forces)


def test_the_country_of_the_forces_that_acted_is_not_where_they_acted():
    import flashpoint

    text = ("Turkish warplanes struck targets on Monday, the ministry said.\n\n"
            "The strikes hit hideouts of the PKK in the mountains of northern Iraq.")
    [event] = flashpoint.extract(text, date="2023-09-16").events
    assert event.place.country == "IQ", event.place


def test_an_article_that_names_no_country_takes_its_sites_national_domain():
    import flashpoint

    text = "Security forces on Tuesday recovered a cache of arms and ammunition in Mutre village, officials said."
    events = flashpoint.extract(text, date="2017-05-16", url="http://nation.com.pk/national/16-May-2017/cache").events
    assert [(e.place.country, e.place.precision, e.place.provenance.confidence) for e in events] == [("PK", "country", 0.2)]
    assert [e.place for e in flashpoint.extract(text, date="2017-05-16", url="https://example.com/a").events] == [None]


def test_a_page_address_naming_one_country_places_an_event_the_words_place_nowhere():
    from flashpoint.geo.countries import url_slug_countries

    assert url_slug_countries("https://example.com/news/1/18-killed-in-armed-attacks-in-Nigeria") == ["NG"]
    assert url_slug_countries("https://example.com/2012/01/09/renewed-south-sudan-clashes-kill-24") == ["SS"]
    assert url_slug_countries("https://example.com/stories/201908280763.html") == []
    text = "Gunmen killed five farmers on Sunday morning, residents said."
    [event] = flashpoint.extract(text, date="2022-07-12", url="https://example.com/news/gunmen-kill-five-in-nigeria").events
    assert event.place.country == "NG" and event.place.precision == "country"


def test_a_lone_small_namesake_abroad_is_not_the_place_of_a_story_about_elsewhere():
    # Kango (Nigeria) is not in the gazetteer; Gabon's Kango is. The story's regions and
    # towns are Nigerian, and it names no country.
    text = ("Residents said 18 people were killed on Sunday after gunmen attacked villages in Maru "
            "Local Government Area in Zamfara.\n\nA resident of Gusau said the five killed in Kango were all shot.")
    doc = flashpoint.extract(text, date="2022-07-12")
    assert doc.events and all(e.place is None or e.place.country == "NG" for e in doc.events)


def test_an_article_naming_no_country_is_in_the_one_its_named_places_point_to():
    # "Kech" is found only as Germany's Ketsch; Quetta says Pakistan
    text = ("QUETTA: Four security personnel were killed in attacks on check posts over the past 24 hours.\n\n"
            "Balochistan government spokesman Shahid Rind said the attackers fled. The wounded were taken "
            "to a hospital in Quetta, the capital of Balochistan.\n\n"
            "In Kech district, unknown armed men attacked a check post of the Frontier Corps late on Saturday night, "
            "killing three soldiers.")
    doc = flashpoint.extract(text, date="2025-02-17")
    assert doc.events and all(e.place is None or e.place.country == "PK" for e in doc.events)


def test_a_region_named_outweighs_a_village_name_found_abroad():
    # "Logo" is also a town in Ivory Coast; Benue State is Nigerian
    text = ("Herdsmen invaded several communities in Benue State on Monday night and killed 24 people.\n\n"
            "The armed herdsmen were said to have invaded Tse-Sumaka village in the Guma Local Government Area "
            "where they killed nine people.\n\nSeveral houses were burnt in Logo local government area of the state.")
    doc = flashpoint.extract(text, date="2022-04-12")
    assert doc.events and all(e.place is not None and e.place.country == "NG" for e in doc.events)


def test_niger_state_is_a_region_of_nigeria_not_niger():
    for text in ("Gunmen killed seven villagers in Niger State on Monday.",
                 "Bandits abducted 20 people in Rafi, Niger State, on Monday."):
        [event] = flashpoint.extract(text, date="2022-05-10").events
        assert (event.place.country, event.place.precision) == ("NG", "admin1"), text
    [event] = flashpoint.extract("Soldiers killed 10 militants in Niger on Monday.", date="2022-05-10").events
    assert event.place.country == "NE"


def test_a_menu_word_is_no_place_and_a_region_after_in_names_the_country():
    text = ("Home\nThursday, May 8, 2025\n  Home»\n  World»\n  • Bomb Blast In Khyber Pakhtunkhwa Kills Two Policemen\n\n"
            "Bomb Blast In Khyber Pakhtunkhwa Kills Two Policemen\n\n"
            "A roadside bomb hit a police van on Wednesday near a checkpoint, killing two officers, police said.")
    [event] = flashpoint.extract(text, date="2025-05-08").events
    assert event.place is not None and event.place.country == "PK"
    # the page's date among the menu items does not date the headline against the lead's day
    assert (event.date.start.isoformat(), event.date.end.isoformat()) == ("2025-05-07", "2025-05-07")


def test_an_agreement_told_from_a_dateline_town_is_placed_there():
    text = ("Rebels and government sign truce\n\nBy staff writer\n\n"
            "Nairobi, March 2 (Agency)-- A ceasefire agreement was signed between the government of "
            "Somalia and the rebels of the coastal region on Saturday, officials said.")
    [event] = flashpoint.extract(text, date="2019-03-02").events
    assert event.sub_event_type == "Agreement"
    assert (event.place.name, event.place.country) == ("Nairobi", "KE")
    # any other event keeps the place its own words give
    text = "NAIROBI, Kenya (AP) — Gunmen killed four people in Mandera on Saturday, police said."
    [attack] = flashpoint.extract(text, date="2019-03-02").events
    assert attack.place.name == "Mandera"


def test_a_country_named_as_a_reference_point_is_not_the_events_country():
    text = ("Indonesian media reported that the workers were shot dead on Sunday in a remote district in the "
            "centre of the region on the western half of New Guinea island, just north of Australia.")
    [event] = flashpoint.extract(text, date="2018-12-04").events
    assert event.place is None or event.place.country != "AU"


def test_an_institution_is_no_town():
    text = "Rioters stormed Congress on Wednesday, forcing lawmakers to flee, police in Washington said."
    events = flashpoint.extract(text, date="2021-01-07").events
    assert events and all(e.place is None or e.place.name != "Congress" for e in events)


def test_a_country_only_a_quote_compares_with_is_not_where_the_event_was():
    text = ("Leader of Opposition in West Bengal Assembly was detained on Tuesday while trying to join the "
            "party's march to the state secretariat.\n\n"
            "\"The chief minister is enforcing a dictatorship, similar to North Korea,\" he had said ahead of the march.")
    [event] = flashpoint.extract(text, date="2022-09-13").events
    assert (event.place.country, event.place.admin1) == ("IN", "West Bengal")


def test_an_outlets_title_is_not_the_setting_and_a_weekday_with_its_date_names_that_day():
    text = ("December 21, 2012 (BOR) - Four people were killed and three wounded in Jonglei State's Twic East "
            "County following a cattle raid on Wednesday 19, Sudan Tribune has learned.\n\n"
            "The county commissioner spoke to Sudan Tribune from his base on Thursday.")
    [event] = flashpoint.extract(text, date="2012-12-21", url="https://sudantribune.com/article44175").events
    assert event.place.country == "SS" and str(event.date.day) == "2012-12-19"
