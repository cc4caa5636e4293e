"""Find direct-quote spans in cleaned article text by pairing quote marks.

This is pure string work (no NLP): it splits the text into paragraphs,
pairs double quote marks inside each paragraph and keeps the spans that look
like speech rather than scare quotes. The English convention for a quote that
runs over several paragraphs (no closing mark at the end of an unfinished
paragraph, a fresh opening mark on the next one) is recognised.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Optional

# Straight and curly double quotes, low-9 and guillemets. Straight single quotes
# are left alone: they double as apostrophes.
OPENING_MARKS = "\u201c\u201e\u00ab"  # “ „ «
CLOSING_MARKS = "\u201d\u00bb"  # ” »
TOGGLE_MARKS = '"'
ALL_MARKS = OPENING_MARKS + CLOSING_MARKS + TOGGLE_MARKS
# British style quotes with single curly marks; read only where a paragraph has no double marks.
SINGLE_OPEN, SINGLE_CLOSE = "\u2018", "\u2019"  # ‘ ’

# A quoted term shorter than this is a scare quote ("intense"), not speech.
MIN_QUOTE_WORDS = 4
# ... unless it opens a sentence and hands over to an attribution: "Stop here," she said.
MIN_SPOKEN_WORDS = 2

_WORD = re.compile(r"[^\W_]+(?:['\u2019-][^\W_]+)*")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
# Trailing characters that belong to the surrounding sentence, not the quote
# (American style puts the attribution comma inside the marks).
_TRAILING_JUNK = " \t\r\n,;:\u2013\u2014-"
_LEADING_JUNK = " \t\r\n,;:"


@dataclass
class QuoteSpan:
    """One quoted passage inside a single paragraph.

    ``start``/``end`` delimit the quoted words (marks and the attribution
    comma trimmed off); ``open_mark``/``close_mark`` are the indexes of the
    marks themselves (``close_mark`` is None when the paragraph ends with the
    quote still open).
    """

    start: int
    end: int
    open_mark: int
    close_mark: Optional[int]
    paragraph: int
    continues_previous: bool = False  # carries on an unclosed quote from the paragraph before


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of each paragraph, whitespace trimmed.

    Paragraphs are separated by blank lines; a text with no blank line but
    several lines is taken to have one paragraph per line.
    """
    separator = _PARAGRAPH_BREAK if _PARAGRAPH_BREAK.search(text) else re.compile(r"\n\s*")
    spans = []
    position = 0
    for match in separator.finditer(text):
        spans.append((position, match.start()))
        position = match.end()
    spans.append((position, len(text)))
    trimmed = []
    for start, end in spans:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            trimmed.append((start, end))
    return trimmed


def _pair_marks(text: str, start: int, end: int) -> list[tuple[int, Optional[int]]]:
    """Pair the quote marks of one paragraph into (open, close) indexes.

    A mark left open at the end of the paragraph is returned with close None.
    A closing mark with nothing open is a stray and is ignored.
    """
    pairs: list[tuple[int, Optional[int]]] = []
    opened: Optional[int] = None
    for i in range(start, end):
        mark = text[i]
        if mark not in ALL_MARKS:
            continue
        if opened is None:
            if mark in OPENING_MARKS or mark in TOGGLE_MARKS:
                opened = i
        elif mark in CLOSING_MARKS or mark in TOGGLE_MARKS:
            pairs.append((opened, i))
            opened = None
        else:  # a second opening mark: the first was never closed
            opened = i
    if opened is not None:
        pairs.append((opened, None))
    return pairs


def _pair_single_marks(text: str, start: int, end: int) -> list[tuple[int, Optional[int]]]:
    """Pair British-style single curly quotes (‘…’) in a paragraph that has no
    double marks. An opening ‘ must follow a space or bracket and a closing ’
    must not be followed by a letter, so apostrophes (don’t, Taliban’s) never
    pair; a ‘ left open at the paragraph end is returned with close None."""
    pairs: list[tuple[int, Optional[int]]] = []
    opened: Optional[int] = None
    for i in range(start, end):
        mark = text[i]
        if mark == SINGLE_OPEN and opened is None and (i == start or text[i - 1] in " ([—–\n") \
                and i + 1 < end and not text[i + 1].isspace():
            opened = i
        elif mark == SINGLE_CLOSE and opened is not None and not text[i - 1].isspace() \
                and (i + 1 >= end or not text[i + 1].isalpha()):
            pairs.append((opened, i))
            opened = None
    if opened is not None:
        pairs.append((opened, None))
    return pairs


def word_count(text: str) -> int:
    """Number of words (letter/digit runs) in ``text``."""
    return len(_WORD.findall(text))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _LEADING_JUNK:
        start += 1
    while end > start and text[end - 1] in _TRAILING_JUNK:
        end -= 1
    return start, end


def hands_over(text: str, paragraph_start: int, open_mark: int, close_mark: Optional[int]) -> bool:
    """True for a short quote that opens a sentence and hands over to its attribution
    with a comma, ! or ? inside the closing mark ("Don't shoot him," she says)."""
    if close_mark is None or text[close_mark - 1] not in ",!?":
        return False
    before = text[paragraph_start:open_mark].rstrip()
    return not before or before[-1] in ".!?:\u201d\""


def _follows_speech(text: str, found: list[QuoteSpan], paragraph: int, open_mark: int,
                    close_mark: Optional[int]) -> bool:
    """True for a short sentence quoted right after a quote and its attribution in the same
    paragraph ('"Does anybody know ...?" Graham asked. "Neither do I."')."""
    if close_mark is None or not found or found[-1].paragraph != paragraph or found[-1].close_mark is None:
        return False
    between = text[found[-1].close_mark + 1:open_mark].rstrip()
    inner = text[open_mark + 1:close_mark].rstrip()
    return bool(between) and between[-1] in ".!?" and word_count(between) <= 6 \
        and bool(inner) and inner[-1] in ".!?"


def _opens_speech(text: str, paragraph_start: int, open_mark: int) -> bool:
    """True when a mark left open could start speech: at the paragraph start or after ':' or ','."""
    before = text[paragraph_start:open_mark].rstrip()
    return not before or before[-1] in ":,"


def _looks_like_opening(text: str, paragraph_start: int, mark: int) -> bool:
    """True when a mark stands where a quote can open: after a space, before a word (not 40" wide)."""
    before_ok = mark == paragraph_start or text[mark - 1].isspace() or text[mark - 1] in "([—–"
    return before_ok and mark + 1 < len(text) and not text[mark + 1].isspace()


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Return the quoted passages of ``text`` that look like speech, in order.

    Quotes with fewer than MIN_QUOTE_WORDS words are dropped as scare quotes
    or titles; empty leftovers such as ``" ".`` are dropped too. A mark left
    open at the end of a paragraph starts a quote only when the next paragraph
    opens with a mark (the multi-paragraph convention) or when it stands where
    speech starts (paragraph start, after ':' or ',').
    """
    found: list[QuoteSpan] = []
    previous_left_open = False
    paragraphs = paragraph_spans(text)
    for number, (p_start, p_end) in enumerate(paragraphs):
        pairs = _pair_marks(text, p_start, p_end) or _pair_single_marks(text, p_start, p_end)
        next_opens_with_mark = number + 1 < len(paragraphs) and text[paragraphs[number + 1][0]] in ALL_MARKS + SINGLE_OPEN
        for index, (open_mark, close_mark) in enumerate(pairs):
            if close_mark is None and not (
                    _opens_speech(text, p_start, open_mark)
                    or (next_opens_with_mark and _looks_like_opening(text, p_start, open_mark))):
                continue  # a lone mark mid-sentence (an inch sign, a lost mark), not a quote
            inner_end = close_mark if close_mark is not None else p_end
            start, end = _trim(text, open_mark + 1, inner_end)
            words = word_count(text[start:end])
            if words < MIN_QUOTE_WORDS and not (words >= MIN_SPOKEN_WORDS and (
                    hands_over(text, p_start, open_mark, close_mark)
                    or _follows_speech(text, found, number, open_mark, close_mark))):
                continue
            continues = previous_left_open and index == 0 and open_mark == p_start
            found.append(QuoteSpan(start, end, open_mark, close_mark, number, continues))
        previous_left_open = bool(pairs) and pairs[-1][1] is None
    return found


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Every closed pair of quote marks, short ones included ("Cia", "so they say"), as
    [open mark, close mark + 1) ranges: words inside them name no one outside the quote."""
    ranges = []
    for p_start, p_end in paragraph_spans(text):
        pairs = _pair_marks(text, p_start, p_end) or _pair_single_marks(text, p_start, p_end)
        ranges.extend((open_mark, close_mark + 1) for open_mark, close_mark in pairs if close_mark is not None)
    return ranges


class SpanSet:
    """Sorted, non-overlapping [start, end) character ranges with a fast membership test."""

    def __init__(self, ranges: list[tuple[int, int]]):
        self.ranges = sorted(ranges)
        self.starts = [start for start, _ in self.ranges]

    def __contains__(self, index: int) -> bool:
        position = bisect.bisect_right(self.starts, index) - 1
        return position >= 0 and index < self.ranges[position][1]
