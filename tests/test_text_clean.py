"""Tests for flashpoint.text.clean: each damage pattern, the seed article, offsets."""

import random
import unicodedata
from pathlib import Path

import pytest

from flashpoint.text import clean
from flashpoint.text.article import make_article
from flashpoint.text.clean import INVISIBLE_RANGES

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed_article.txt"
MUST_NOT_CONTAIN = ["%MINIFYHTML", ",quot;", "& # 39;", "&#39;"]


def assert_offsets(raw: str, cleaned: str, offsets: list[int]) -> None:
    """The mapping property: one entry per cleaned char plus a sentinel, in order, inside raw."""
    assert len(offsets) == len(cleaned) + 1
    assert all(a <= b for a, b in zip(offsets, offsets[1:]))
    assert all(0 <= o < len(raw) for o in offsets[:-1])
    assert offsets[-1] <= len(raw)
    # Plain ASCII letters are never invented: each comes from the same letter in raw,
    # except letters decoded from numeric entities (not used in these tests).
    for i, ch in enumerate(cleaned):
        if ch.isascii() and ch.isalpha() and raw[offsets[i]].isascii() and raw[offsets[i]].isalpha():
            assert raw[offsets[i]] == ch, (i, ch, raw[offsets[i]])


@pytest.mark.parametrize(
    "raw, expected",
    [
        # broken and well-formed entities
        ('in "intense,quot; bombings', 'in "intense" bombings'),
        ("Astana process & # 39; endangered & # 39;", "Astana process 'endangered'"),
        ("Tom &amp; Jerry", "Tom & Jerry"),
        ("Tom & amp; Jerry", "Tom & Jerry"),
        ("AT,amp;T merger", "AT&T merger"),
        ("He said &amp;quot;no&amp;quot; twice", 'He said "no" twice'),
        ("He said & amp;quot;no& amp;quot;", 'He said "no"'),
        ("& quot;Peace& quot; was the word", '"Peace" was the word'),
        ('He called it & quot; a crime & quot; on Monday', 'He called it "a crime" on Monday'),
        ("the soldiers&#8217; families", "the soldiers’ families"),
        ("the soldiers& # 8217; families", "the soldiers’ families"),
        ("it & # 8217; s over", "it’s over"),
        ("we don & # 39; t know", "we don't know"),
        ("Turkey & # 39; s army", "Turkey's army"),
        ("&#x27;quoted&#x27; here", "'quoted' here"),
        ("&#X27;quoted&#X27; here", "'quoted' here"),
        ("a ,#39;b,#39; c", "a 'b' c"),
        ("caf&eacute; and caf& eacute;", "café and café"),
        ("ten&nbsp;dead", "ten dead"),
        ("1 &lt; 2 &gt; 0", "1 < 2 > 0"),
        ("dash &mdash; here", "dash — here"),
        # text that only looks like an entity is left alone
        ("R& D; costs rose", "R& D; costs rose"),
        ("this & not; that", "this & not; that"),
        ("Smith & Sons; Ltd", "Smith & Sons; Ltd"),
        ("Q&A; session", "Q&A; session"),
        ("item,#1 and item,#2", "item,#1 and item,#2"),
        # mojibake (quotes stay curly)
        ("The minister\u00e2\u20ac\u2122s statement", "The minister’s statement"),
        ("Caf\u00c3\u00a9 owner", "Café owner"),
        ("\u00e2\u20ac\u0153We will respond,\u00e2\u20ac\u009d he said", "“We will respond,” he said"),
        ("one\u00e2\u20ac\u0192two words", "one two words"),  # mojibake em space: the word count changes
        ("Caf\u00e9 in S\u00e3o Paulo \u00a9 2020", "Café in São Paulo © 2020"),  # accents are not mojibake
        ("voil\u00c3 tout", "voilà tout"),
        ("ＡＢＣ１２３ and ﬁre", "ABC123 and fire"),
        # invisible and control characters
        ("Id\u200blib", "Idlib"),
        ("\ufeffText starts", "Text starts"),
        ("reg\u00adular army", "regular army"),
        ("left\u200eright\u202eend", "leftrightend"),
        ("a\x07b\x00c\x1bd", "abcd"),
        ("lone \ud800 surrogate, pair \ud83d\ude00", "lone \ufffd surrogate, pair \U0001f600"),
        # spaces
        ("five\u00a0soldiers", "five soldiers"),
        ("five\u202fsoldiers\u3000died", "five soldiers died"),
        ("five    soldiers\t killed", "five soldiers killed"),
        ("  padded line  ", "padded line"),
        # curly quotes kept as they are
        ("“We will respond,” he said", "“We will respond,” he said"),
        ("‘It is over’", "‘It is over’"),
        # newlines and paragraphs
        ("Para one.\r\n\r\nPara two.\r\n", "Para one.\n\nPara two."),
        ("Para one.\rPara two.", "Para one.\n\nPara two."),
        ("Line one.\nLine two.", "Line one.\n\nLine two."),
        ("A wrapped\nline here.\n\n\n\nNext para.", "A wrapped line here.\n\nNext para."),
        ("\n\n  \nOnly para.\n \n", "Only para."),
        ("One.  \n\n   Two.", "One.\n\nTwo."),
        ("One.\u2028Two.", "One.\n\nTwo."),
        # build-tool placeholders
        ("Text %MINIFYHTML87dacdc0da3959b4e7a4bb72dafe267811% more", "Text more"),
        ("%%MINIFYJSabc123%%Start", "Start"),
        ("a %WPLAYOUT0123456789abcdef0123% b", "a b"),
        ("50% of 100% and %PDF", "50% of 100% and %PDF"),
    ],
)
def test_damage_pattern(raw, expected):
    cleaned, offsets = clean(raw)
    assert cleaned == expected
    assert_offsets(raw, cleaned, offsets)


def test_offsets_trace_spans_back_to_raw():
    raw = "  date 2020-02-10 %MINIFYHTMLabc%\r\n\r\nFive & # 39; Turkish & # 39; soldiers\u00a0died in\u200b Idlib."
    cleaned, offsets = clean(raw)
    for word in ("Turkish", "soldiers", "Idlib", "2020-02-10"):
        start = cleaned.index(word)
        assert raw[offsets[start] : offsets[start] + len(word)] == word
        # the traced span holds the word plus, at most, dropped padding
        assert raw[offsets[start] : offsets[start + len(word)]].rstrip() == word
    quote = cleaned.index("'")
    assert raw[offsets[quote]] == "&"  # a decoded entity maps to its first character


def test_seed_article_cleans():
    if not SEED.exists():
        pytest.skip(f"{SEED} not present")
    raw = SEED.read_text(encoding="utf-8")
    cleaned, offsets = clean(raw)
    for bad in MUST_NOT_CONTAIN:
        assert bad not in cleaned
    assert "\nAstana process 'endangered'\n" in cleaned
    assert '"intense" bombings' in cleaned and '"neutralized" more' in cleaned
    paragraphs = cleaned.split("\n\n")
    assert len(paragraphs) == raw.count("\n\n") + 1  # every paragraph kept
    assert all(p and "\n" not in p and p == p.strip() for p in paragraphs)
    assert "\n\n\n" not in cleaned
    assert_offsets(raw, cleaned, offsets)
    start = cleaned.index("Taftanaz")
    assert raw[offsets[start] : offsets[start + 8]] == "Taftanaz"


DAMAGE = [
    " ", "  ", "\u00a0", "\u200b", "\r\n", "\n\n", "\t", " & # 39; ", ",quot;", "&amp;quot;",
    " %MINIFYHTML87dacdc0da3959b4e7a4bb72dafe267811% ", "\u00e2\u20ac\u2122", "&#8217;", "\ufeff",
    " \u00c3\u00a9 ", "\x07", "\r", "& amp; ", "“", "”", "'", '"',
]
WORDS = ["army", "attack", "Idlib", "killed", "soldiers", "Taftanaz", "shelling", "protest", "five", "Ankara"]


@pytest.mark.parametrize("seed", range(40))
def test_offsets_on_random_damage(seed):
    rng = random.Random(seed)
    parts = []
    for _ in range(rng.randint(1, 60)):
        parts.append(rng.choice(WORDS))
        parts.append("".join(rng.choice(DAMAGE) for _ in range(rng.randint(1, 3))))
    raw = "".join(parts)
    cleaned, offsets = clean(raw)
    assert_offsets(raw, cleaned, offsets)
    for bad in ("&amp;", ",quot;", "& # 39;", "%MINIFYHTML", "\u200b", "\u00a0", "\r", "  ", "\n\n\n"):
        assert bad not in cleaned
    # every word survives and maps back to an identical span of raw
    for word in WORDS:
        assert raw.count(word) == cleaned.count(word)
        at = cleaned.find(word)
        while at != -1:
            assert raw[offsets[at] : offsets[at] + len(word)] == word
            at = cleaned.find(word, at + 1)


def test_clean_is_idempotent_on_seed():
    if not SEED.exists():
        pytest.skip(f"{SEED} not present")
    once, _ = clean(SEED.read_text(encoding="utf-8"))
    twice, offsets = clean(once)
    assert twice == once
    assert offsets[:-1] == list(range(len(once)))


def test_invisible_ranges_cover_every_control_and_format_character():
    listed = {c for a, b in INVISIBLE_RANGES for c in range(a, b + 1)}
    for code in range(0x110000):
        if chr(code) not in "\n\t" and unicodedata.category(chr(code)) in ("Cc", "Cf"):
            assert code in listed, hex(code)


def test_empty_and_blank():
    assert clean("") == ("", [0])
    cleaned, offsets = clean(" \n\u200b\t \r\n")
    assert cleaned == ""
    assert len(offsets) == 1


def test_html_tags_left_in_plain_text_become_breaks_or_go():
    text, offsets = clean('Five killed.<br><br>According to police, <strong>bandits</strong> fled.'
                          '<p> </p><div class="ad-slot"></div>Next paragraph.')
    assert text == "Five killed.\n\nAccording to police, bandits fled.\n\nNext paragraph."
    assert len(offsets) == len(text) + 1


def test_page_furniture_lines_are_dropped():
    raw = ("Gunmen attacked the market on Monday.\n\nShare on Facebook Share on Twitter Copy link\n"
           "Advertisement\n\nRead more: Drone attack kills two in Odesa region\n\nTags: Ukraine, War\n\n"
           "Police said the investigation continues.")
    text, _ = clean(raw)
    assert text == "Gunmen attacked the market on Monday.\n\nPolice said the investigation continues."


def test_links_to_other_stories_are_dropped():
    raw = ("Troops killed five militants on Monday.\n\nAlso Read India seized 833 kg of gold, highest from "
           "Myanmar\n\nMore on this topic\n\nThe army said the operation continues.")
    text, _ = clean(raw)
    assert text == "Troops killed five militants on Monday.\n\nThe army said the operation continues."


def test_a_sentence_that_starts_also_reading_is_kept():
    text, _ = clean("Also reading from the report, the minister said five were killed.")
    assert text.startswith("Also reading from the report")


def test_a_pages_time_stamp_line_is_dropped():
    text, _ = clean("AP News\nPosted: Jan 04, 2015 11:40 AM\nSuicide bomber kills 4.\n"
                    "Update: 2024-10-26 19:58:00\nPublished on Saturday, the video named 17 victims.")
    assert text == "AP News\n\nSuicide bomber kills 4.\n\nPublished on Saturday, the video named 17 victims."


def test_sentences_glued_where_a_line_break_was_are_split_again():
    from flashpoint.text.clean import clean

    assert clean("gunmen opened fire.They torched two cars.")[0] == "gunmen opened fire. They torched two cars."
    for kept in ("The U.S. Army said.", "Visit Reuters.com today.", "St.Louis is a city."):
        assert clean(kept)[0] == kept


def test_a_pages_tail_of_other_stories_is_cut():
    from flashpoint.text.clean import clean

    story = "BAGHDAD\n\nA car bomb ripped through a market in eastern Baghdad on Monday, killing six people. " * 6
    raw = story + "\n\nSUBSCRIBE NOW\n\nVideos\n\nMan records van attack as police respond 0:48\n"
    text, offsets = clean(raw)
    assert "van attack" not in text and "killing six people" in text
    assert len(offsets) == len(text) + 1
    # the same words in a menu before the story are no tail
    text, _ = clean("Videos\n\n" + story)
    assert "killing six people" in text


def test_a_playlist_of_other_videos_at_the_end_of_a_page_is_cut():
    body = ("The opposition leader was arrested on Thursday on his return to the country, his party said. "
            "Police said gatherings at the airport were illegal and dispersed his supporters. " * 4)
    tail = ("00:53\nTensions rise over detention of officials\n01:30\nNew police contingent arrives to combat "
            "gang violence\n01:10\nGovernor declares emergency as kidnappings rock the north")
    text = make_article(body + "\n" + tail).text
    assert "kidnappings" not in text and "contingent" not in text and text.startswith("The opposition leader")


def test_a_heading_glued_to_a_count_is_a_line_of_its_own():
    text, offsets = clean("Boko HaramFifteen people were killed when gunmen attacked a village.")
    assert text.startswith("Boko Haram\n\nFifteen people were killed")
    assert len(offsets) == len(text) + 1
    assert clean("The McDonald family watched YouTube.")[0] == "The McDonald family watched YouTube."
