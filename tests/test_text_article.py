"""Tests for flashpoint.text.make_article: date header, date argument, id, empty text."""

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from flashpoint.errors import InputError
from flashpoint.text import make_article

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed_article.txt"


def test_seed_article():
    if not SEED.exists():
        pytest.skip(f"{SEED} not present")
    article = make_article(SEED.read_text(encoding="utf-8"), source="seed_article.txt")
    assert article.date == dt.date(2020, 2, 10)
    assert article.text.startswith("Ankara, Turkey")
    assert "date 2020-02-10" not in article.text
    for bad in ["%MINIFYHTML", ",quot;", "& # 39;", "&#39;"]:
        assert bad not in article.text
    assert "\n\nAstana process 'endangered'\n\n" in article.text
    assert article.source == "seed_article.txt"


@pytest.mark.parametrize(
    "header",
    [
        "date 2020-02-10",
        "Date: 2020-02-10",
        "DATE:2020-02-10",
        " date 2020-02-10 %MINIFYHTML87dacdc0da3959b4e7a4bb72dafe267811%",
        "Date: 2020-02-10T08:30:00Z",
        "date 2020-02-10T23:30:00+05:30",
        "Date: 2020-02-10 08:30",
    ],
)
def test_date_header_parsed_and_removed(header):
    article = make_article(header + "\r\n\r\nFive soldiers were killed.")
    assert article.date == dt.date(2020, 2, 10)
    assert article.text == "Five soldiers were killed."


def test_date_header_without_blank_line():
    article = make_article("date 2020-02-10\nFive soldiers were killed.")
    assert (article.date, article.text) == (dt.date(2020, 2, 10), "Five soldiers were killed.")


def test_impossible_header_date_is_unknown_and_removed():
    article = make_article("date 2020-13-45\n\nFive soldiers were killed.")
    assert article.date is None
    assert article.text == "Five soldiers were killed."


@pytest.mark.parametrize(
    "text",
    ["Date of the talks was not set.\n\nMore.", "The date 2020-02-10 was chosen.", "Updated 2020-02-10\n\nText."],
)
def test_text_that_is_not_a_header_is_kept(text):
    article = make_article(text)
    assert article.text.startswith(text.split("\n")[0])
    # a time stamp is kept as text, and dates the page (flashpoint.text.page_date)
    assert article.date == (dt.date(2020, 2, 10) if text.startswith("Updated") else None)


@pytest.mark.parametrize(
    "value",
    [dt.date(2021, 5, 3), dt.datetime(2021, 5, 3, 23, 59), "2021-05-03", " 2021-05-03 ", "2021-05-03T23:59:00+05:00"],
)
def test_date_argument(value):
    article = make_article("date 2020-02-10\n\nText.", date=value)
    assert article.date == dt.date(2021, 5, 3)  # the argument wins over the header
    assert article.text == "Text."  # and the header is still removed


@pytest.mark.parametrize("value", ["2021-13-03", "yesterday", "03/05/2021", 20210503, 3.5])
def test_bad_date_argument(value):
    with pytest.raises(InputError) as info:
        make_article("Text.", date=value, source="feed.jsonl:7")
    message = str(info.value)
    assert message.startswith("feed.jsonl:7: ")
    assert "date" in message and "\n" not in message


def test_id_is_content_hash():
    article = make_article("Five  soldiers\u00a0were killed.\r\n")
    assert article.text == "Five soldiers were killed."
    assert article.id == hashlib.sha256(article.text.encode()).hexdigest()[:16]
    same = make_article("Five soldiers were killed.", source="other.txt", url="https://x.example/a")
    assert same.id == article.id
    assert make_article("Six soldiers were killed.").id != article.id


def test_metadata_passed_through():
    article = make_article("Text.", url="https://x.example/a", title="A title", source="a.txt")
    assert (article.url, article.title, article.source) == ("https://x.example/a", "A title", "a.txt")
    bare = make_article("Text.")
    assert (bare.url, bare.title, bare.source, bare.date) == (None, None, None, None)


@pytest.mark.parametrize("raw", ["", "   ", " \n\u200b\t\r\n", "date 2020-02-10\n", "%MINIFYHTML0123456789abcdef0123456789abcdef%"])
def test_no_text_after_cleaning(raw):
    with pytest.raises(InputError) as info:
        make_article(raw)
    assert str(info.value) == "<text>: no article text after cleaning"
    with pytest.raises(InputError, match=r"^empty\.txt: no article text after cleaning$"):
        make_article(raw, source="empty.txt")


def test_header_before_paragraphs_with_single_newline():
    article = make_article("date 2020-02-10\nFirst paragraph.\n\nSecond paragraph.")
    assert article.date == dt.date(2020, 2, 10)
    assert article.text == "First paragraph.\n\nSecond paragraph."


def test_header_after_blank_lines_and_invisible_characters():
    article = make_article("\ufeff\r\n  \r\n\u200bDate: 2020-02-10\r\nText.")
    assert (article.date, article.text) == (dt.date(2020, 2, 10), "Text.")


def test_text_over_the_size_limit():
    from flashpoint.text import MAX_ARTICLE_BYTES

    with pytest.raises(InputError, match=r"^api body: too large \(6\.0 MB; limit 5 MB\)$"):
        make_article("é" * (3 * 1024 * 1024), source="api body")  # 3 M characters, 6 MB in UTF-8
    assert make_article("a" * MAX_ARTICLE_BYTES).text == "a" * MAX_ARTICLE_BYTES


@pytest.mark.parametrize("repeat", [1, 5])  # a short first line, and one longer than a header line
def test_a_date_header_glued_to_the_first_sentence_is_still_the_header(repeat):
    sentence = "A suspected robber was shot dead on Thursday by a member of his gang near the market. "
    article = make_article(" date 2020-06-25 " + sentence * repeat)
    assert article.date == dt.date(2020, 6, 25)
    assert article.text == (sentence * repeat).strip()


def test_a_date_of_birth_line_is_not_a_header():
    article = make_article("Date of birth 2001-06-25 was given as the victim's.")
    assert article.date is None and article.text.startswith("Date of birth")
