"""Tests for quote-mark pairing and paragraph splitting (no spaCy needed)."""

from flashpoint.text.quote_marks import find_quote_spans, paragraph_spans, word_count


def texts(text):
    return [text[s.start:s.end] for s in find_quote_spans(text)]


def test_paragraphs_by_blank_lines_or_lines():
    text = "One.\n\n  Two two.\n\n\nThree.\n"
    assert [text[s:e] for s, e in paragraph_spans(text)] == ["One.", "Two two.", "Three."]
    lines = "First line.\nSecond line."
    assert [lines[s:e] for s, e in paragraph_spans(lines)] == ["First line.", "Second line."]


def test_straight_and_curly_pairs_trim_attribution_comma():
    text = '"We will hold the line here," he said. \u201cThe enemy will not pass this river.\u201d'
    assert texts(text) == ["We will hold the line here", "The enemy will not pass this river."]


def test_short_quoted_terms_are_dropped():
    text = 'Troops "neutralized" targets in "intense" fighting, "so they say".'
    assert texts(text) == []


def test_unclosed_paragraph_continues_on_next():
    text = 'She said: "First part of the quote goes here.\n\n"And the second part ends here."'
    spans = find_quote_spans(text)
    assert [text[s.start:s.end] for s in spans] == [
        "First part of the quote goes here.", "And the second part ends here."]
    assert spans[0].close_mark is None and not spans[0].continues_previous
    assert spans[1].continues_previous


def test_stray_marks_do_not_crash():
    assert texts('border Turkish. " ".') == []
    assert texts('"" "" \u201d \u201c') == []
    assert texts("") == []


def test_word_count():
    assert word_count("Russia doesn't want Turkey") == 4
    assert word_count(" , . ") == 0


def test_short_speech_handing_over_to_its_attribution_is_kept():
    text = ('"Stop the car," the officer shouted. The driver waved. "Why now?" she asked.\n\n'
            'Critics called the plan "very costly," and the mayor called it "fair".')
    # short quotes opening a sentence with , ? or ! inside the mark are speech
    assert texts(text) == ["Stop the car", "Why now?"]


def test_a_short_sentence_quoted_after_an_attributed_quote_is_kept():
    text = ('"Does anyone here know what the plan is?" the mayor asked. "Neither do I." '
            'The crowd laughed at the "big idea."')
    assert texts(text) == ["Does anyone here know what the plan is?", "Neither do I."]
