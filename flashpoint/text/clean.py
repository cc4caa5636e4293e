"""Turn damaged scraped text into clean text, with a map back to the raw input."""

from __future__ import annotations

import re

import ftfy

from flashpoint.text.entities import decode_entities
from flashpoint.text.mapped import Mapped

# ftfy repairs mojibake, C1 controls, ligatures, fullwidth forms and applies
# NFC. Quotes stay curly (quote detection handles both); entities, line breaks
# and spacing are done here so that offsets can be tracked exactly.
_FTFY = ftfy.TextFixerConfig(
    unescape_html=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    explain=False,
)
_FTFY_CHUNK = 1000  # most characters handed to ftfy at a time (a line or less)

_NEWLINE = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c]")
# Build-tool placeholders left in scraped pages, e.g. %MINIFYHTML87dac...11%.
_PLACEHOLDER = re.compile(
    r"%{1,2}(?:MINIFY[A-Z]*[0-9A-Za-z]*|[A-Z][A-Z_]{2,}[0-9a-f]{16,}[0-9]*)%{1,2}"
)
# Where ftfy may change something we rely on: mojibake of UTF-8 read as
# Latin-1/Windows-1252 is a lead byte (U+00C2-U+00F4) followed by a
# continuation byte (U+0080-U+00BF, or its Windows-1252 reading); then C1
# controls, ligatures, fullwidth forms, combining marks (NFC), surrogates,
# U+FFFD and ESC. Plain accented text ("Café") does not need ftfy.
_CONTINUATION = "\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
_NEEDS_FTFY = re.compile(
    f"[\u00c2-\u00f4][{_CONTINUATION}]|[\u00c2\u00c3] "
    "|[\x80-\x9f\ufb00-\ufb06\uff00-\uffef\u0300-\u036f\ud800-\udfff\ufffd\x1b]"
)
# Control (Cc, except newline and tab) and format (Cf) characters: zero-width
# spaces and joiners, soft hyphens, byte-order marks, bidi marks, tags.
INVISIBLE_RANGES = (
    (0x00, 0x08), (0x0B, 0x1F), (0x7F, 0x9F), (0xAD, 0xAD), (0x600, 0x605),
    (0x61C, 0x61C), (0x6DD, 0x6DD), (0x70F, 0x70F), (0x890, 0x891), (0x8E2, 0x8E2),
    (0x180E, 0x180E), (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x2064),
    (0x2066, 0x206F), (0xFEFF, 0xFEFF), (0xFFF9, 0xFFFB), (0x110BD, 0x110BD),
    (0x110CD, 0x110CD), (0x13430, 0x1343F), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A),
    (0xE0001, 0xE0001), (0xE0020, 0xE007F),
)
_INVISIBLE = re.compile(
    "[" + "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in INVISIBLE_RANGES) + "]+"
)
# Runs of whitespace other than newlines that are not already a single space.
_SPACE = re.compile(r"[^\S\n]{2,}|[^\S\n ]")
_EDGE_SPACE = re.compile(r" +\n *| *\n +")
_EXTRA_BLANK_LINES = re.compile(r"\n{3,}")
_LONE_NEWLINE = re.compile(r"(?<!\n)\n(?!\n)")
# HTML tags in text that was meant to be plain ("said.<br><br>According to ...").
_LINE_BREAK_TAG = re.compile(r"<\s*br\s*/?\s*>", re.I)
_BLOCK_TAG = re.compile(r"<\s*/?\s*(?:p|div|li|ul|ol|h[1-6]|blockquote|section|article|table|tr)\b[^<>]{0,300}>", re.I)
_INLINE_TAG = re.compile(r"<\s*/?\s*[a-z][a-z0-9-]*(?:\s[^<>]{0,300})?\s*/?\s*>", re.I)
# Whole lines of page furniture a scraper kept: share buttons, ads, tag lists,
# links to other stories ("Read more: ...", "Also Read <another headline>").
_BOILERPLATE_LINE = re.compile(
    r"(?im)^[ \t]*(?:share (?:on|this)\b[^\n]*|advertisement|tags?:[^\n]*|read more:[^\n]*"
    r"|related(?: stories| articles)?:[^\n]*|follow us on[^\n]*|sign up for[^\n]*|copy link"
    r"|also read\b[^\n]*|read also\b[^\n]*|you may also like[^\n]*|more on this topic"
    # a page's time stamp: "Posted: Jan 04, 2015 11:40 AM", "Update: 2024-10-26 19:58:00"
    r"|(?:posted|updated?|published|last updated)(?: on)?:[ \t]+[^\n]{0,32}\d[^\n]{0,12})[ \t]*(?:\n|$)"
)


# A line that starts a page's tail (what follows the story: comment boxes, video lists,
# other headlines): the text from it on is cut, when it comes after the story's start.
_PAGE_TAIL = re.compile(
    r"(?im)^[ \t]*(?:subscribe now|comments?|videos|most read|most popular|trending(?: now| stories)?"
    r"|recommended(?: for you| stories)?|more stories|related (?:stories|articles|news)|never miss a local story\.?"
    r"|you might also like|latest (?:news|stories))[ \t]*$")
# A playlist of other videos: bare durations alternating with titles ("00:53\nTensions rise
# over ...\n01:30\nNew police contingent arrives ...").
_PLAYLIST = re.compile(r"(?m)^[ \t]*\d{1,2}:\d{2}[ \t]*\n[^\n]{5,200}\n[ \t]*\d{1,2}:\d{2}[ \t]*$")
# The tail is only sought past this many characters (a menu at the top may hold the same words).
PAGE_TAIL_AFTER = 400


# Sentences a scraper glued together where a line break was: "... opened fire.They torched ...".
# A word of two or more lower-case letters, a full stop, a capitalised word: the space is restored.
_GLUED_SENTENCES = re.compile(r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])")

# A heading or caption glued to the sentence after it where a line break was: "Boko
# HaramFifteen people were killed" (a lower-case letter, then a capitalised count word):
# the line break is restored (the capital letter is checked first: the lookahead is costly).
_GLUED_COUNT = re.compile(r"(?<=[a-z]{2})(?=[OTFSENHDA][a-z])(?=(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|"
                          r"Thirteen|Fourteen|Fifteen|Sixteen|Seventeen|Eighteen|Nineteen|Twenty|Thirty|Forty|"
                          r"Fifty|Dozens|Hundreds|Thousands|Scores|At least) (?:[a-z]+ ){0,3}(?:people|were|was|"
                          r"killed|dead|died|civilians|soldiers|villagers|protesters)\b)")


def clean(raw: str) -> tuple[str, list[int]]:
    """Clean scraped article text and map every character back to ``raw``.

    Returns ``(cleaned, offsets)`` with ``len(offsets) == len(cleaned) + 1``:
    ``offsets[i]`` is the index in ``raw`` that cleaned character ``i`` came
    from; the last entry is the raw index just past the text's last
    character, so the cleaned span ``[s, e)`` comes from
    ``raw[offsets[s]:offsets[e]]`` (which may end with material that cleaning
    dropped, such as padding spaces). Offsets never decrease.

    Repairs: Windows / old Mac newlines, HTML tags left in plain text (``<br>``
    and block tags become line breaks), share/"Read more"/ad lines, HTML entities including broken forms
    (``& # 39;``, ``,quot;``, ``&amp;quot;``), mojibake (ftfy), build-tool
    placeholders (``%MINIFYHTML...%``), zero-width and control characters,
    non-breaking and other odd spaces, runs of spaces, sentences glued together
    ("fire.They torched"), a heading glued to a count ("Boko HaramFifteen people were
    killed"). Curly quotes are kept.

    Paragraphs come out separated by one blank line. If the input has blank
    lines they mark the paragraphs and single line breaks inside one (hard
    wrapping) become spaces; if it has none, every line is a paragraph.
    """
    text = clean_mapped(raw)
    return text.text, text.offsets.tolist()


def clean_mapped(raw: str) -> Mapped:
    """``clean`` with the offsets kept as a compact array (8 bytes a character)."""
    text = Mapped.of(raw)
    text = text.sub(_NEWLINE, "\n")
    # tags left in "plain" text: line and block breaks become newlines, the rest goes
    text = text.sub(_LINE_BREAK_TAG, "\n")
    text = text.sub(_BLOCK_TAG, lambda m: [("\n", m.start()), ("\n", m.start())])
    text = text.sub(_INLINE_TAG, "")
    text = decode_entities(text)
    text = _fix_mojibake(text)
    text = text.sub(_PLACEHOLDER, "")
    text = text.sub(_INVISIBLE, "")
    text = text.sub(_SPACE, " ")
    text = text.sub(_EDGE_SPACE, "\n")
    text = text.sub(_BOILERPLATE_LINE, "")
    tails = [m for m in (_PAGE_TAIL.search(text.text, PAGE_TAIL_AFTER), _PLAYLIST.search(text.text, PAGE_TAIL_AFTER))
             if m is not None]
    if tails:
        # "SUBSCRIBE NOW", "Videos", a playlist: the page goes on to other stories
        text = text.slice(0, min(m.start() for m in tails))
    text = text.sub(_GLUED_SENTENCES, " ")
    text = text.sub(_GLUED_COUNT, lambda m: [("\n", m.start()), ("\n", m.start())])
    return _paragraphs(text)


def _fix_mojibake(text: Mapped) -> Mapped:
    """Run ftfy over the pieces of the text where it may change something."""
    if not _NEEDS_FTFY.search(text.text):
        return text
    pieces, kept_from = [], 0
    for start, end in _chunks(text.text):
        if not _NEEDS_FTFY.search(text.text, start, end):
            continue
        fixed = text.slice(start, end).apply(lambda s: ftfy.fix_text(s, _FTFY))
        if fixed.text == text.text[start:end]:
            continue
        pieces += [text.slice(kept_from, start), fixed]
        kept_from = end
    if not pieces:
        return text
    pieces.append(text.slice(kept_from, len(text.text)))
    return Mapped.join(pieces)


def _chunks(s: str):
    """(start, end) pairs covering ``s``: lines, long ones cut at spaces."""
    start = 0
    while start < len(s):
        newline = s.find("\n", start, start + _FTFY_CHUNK)
        if newline != -1:
            end = newline + 1
        elif len(s) - start <= _FTFY_CHUNK:
            end = len(s)
        else:
            space = s.rfind(" ", start + _FTFY_CHUNK // 2, start + _FTFY_CHUNK)
            end = space + 1 if space != -1 else start + _FTFY_CHUNK
        yield start, end
        start = end


def _paragraphs(text: Mapped) -> Mapped:
    """Trim the text and separate paragraphs by exactly one blank line."""
    start, end = 0, len(text.text)
    while start < end and text.text[start] in " \n":
        start += 1
    while end > start and text.text[end - 1] in " \n":
        end -= 1
    text = text.slice(start, end)
    if "\n\n" in text.text:
        text = text.sub(_LONE_NEWLINE, " ")
        return text.sub(_EXTRA_BLANK_LINES, lambda m: [("\n", m.start()), ("\n", m.start() + 1)])
    return text.sub(_LONE_NEWLINE, lambda m: [("\n", m.start()), ("\n", m.start())])
