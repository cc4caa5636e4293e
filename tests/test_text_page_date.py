"""A page's publication day read from its address or time stamp when none was given."""

import datetime as dt

import flashpoint
from flashpoint.text.article import make_article
from flashpoint.text.page_date import stamp_date, url_date

TODAY = dt.date(2026, 11, 29)


def test_a_news_address_carries_its_day_in_the_common_layouts():
    assert url_date("https://news.example.org/20180302/embassy-attacked", TODAY) == dt.date(2018, 3, 2)
    assert url_date("https://example.com/2019/10/02/taliban-attack/", TODAY) == dt.date(2019, 10, 2)
    assert url_date("http://example.net/world/2021-06-15-clashes-in-the-north", TODAY) == dt.date(2021, 6, 15)


def test_a_month_an_article_number_or_a_future_day_is_no_page_date():
    assert url_date("https://example.com/2020/01/army-retakes-town/", TODAY) is None
    assert url_date("https://example.com/article/law-order/3815204-village-attack", TODAY) is None
    assert url_date("https://example.com/20991231/story", TODAY) is None
    assert url_date("https://example.com/20181345/story", TODAY) is None


def test_a_time_stamp_line_near_the_top_dates_the_page_but_a_sentence_does_not():
    assert stamp_date("World > Asia\n\nPublished: 02 Oct 2019 10:28 AM BdST Updated: 02 Oct 2019 11:00 AM BdST\n"
                      "Gunmen killed four people.") == dt.date(2019, 10, 2)
    assert stamp_date("Rebels merge in the north\n2 min read\n18 December, 2016\nText.") == dt.date(2016, 12, 18)
    assert stamp_date("Posted on Tuesday, March 5, 2019 at 9:15 am\nProtesters gathered.") == dt.date(2019, 3, 5)
    assert stamp_date("On October 2, 2019 soldiers entered the town of Kalo and arrested its mayor.") is None


def test_an_undated_page_is_dated_by_its_address_and_its_weekdays_resolve():
    text = "Gunmen attacked a police station in the town of Kalo on Friday, killing three officers, police said."
    article = make_article(text, url="https://news.example.org/20180302/police-station-attacked")
    assert (article.date, article.date_from) == (dt.date(2018, 3, 2), "url")
    result = flashpoint.extract(text, url="https://news.example.org/20180302/police-station-attacked")
    assert [e.date.day for e in result.events] == [dt.date(2018, 3, 2)]


def test_a_given_date_wins_over_the_address():
    article = make_article("Protesters marched in the capital on Monday.", date="2020-05-05",
                           url="https://example.com/2019/01/01/old-story")
    assert (article.date, article.date_from) == (dt.date(2020, 5, 5), "given")
