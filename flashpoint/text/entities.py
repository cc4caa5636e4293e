"""Decode HTML entities, including the broken forms scrapers and translators leave.

Handled: ``&quot;``, ``&#39;``, ``&#x27;`` and every named HTML5 entity; the
same with stray spaces (``& # 39;``, ``& quot;``); a comma standing in for the
ampersand (``,quot;``, ``,#39;``); double encoding (``&amp;quot;``). Spaced
or comma forms are only accepted for common entity names, so ordinary text
such as ``R& D;`` or ``this & not; that`` is left alone.

Translation tools also pad the entity with spaces (``process & # 39; endangered
& # 39;``). A decoded quote mark therefore decides whether it opens or closes
a quotation and drops the padding on its inner side:
``process 'endangered'``.
"""

from __future__ import annotations

import html
import html.entities
import re

from flashpoint.text.mapped import Mapped

# Entity names accepted in spaced or comma forms (lower case).
COMMON_NAMES = (
    "quot amp apos lt gt nbsp rsquo lsquo rdquo ldquo sbquo bdquo ndash mdash "
    "hellip laquo raquo middot bull deg eacute egrave aacute oacute uacute "
    "iacute ntilde ccedil uuml ouml auml szlig"
).split()
_NAMES = "|".join(sorted(COMMON_NAMES, key=len, reverse=True))
_NUMBER = r"\#[ \t]{0,3}(?:(?P<dec>\d{1,7})|[xX](?P<hex>[0-9a-fA-F]{1,6}))"

_ENTITY = re.compile(
    # Leading padding starts where its run of spaces starts (no backtracking
    # through long runs of spaces).
    r"(?P<lead>(?:(?<![ \t])[ \t]+)?)"
    r"(?:"
    r"&(?P<name>[A-Za-z][A-Za-z0-9]{1,31});"  # well-formed named
    r"|(?:&|,)[ \t]{0,3}" + _NUMBER + r"[ \t]{0,3};"  # numeric, maybe spaced or comma
    r"|[&,][ \t]{0,3}(?P<common>(?i:" + _NAMES + r"))[ \t]{0,3};"  # common name, spaced or comma
    r")"
    r"(?P<trail>[ \t]*)"
)

_OPENING = "‘“"
_CLOSING = "’”"
_STRAIGHT = "'\""
_CONTRACTION = re.compile(r"(?i:s|t|re|ve|ll|d|m)\b")
# Straight quotes already in a line that count toward open/close parity
# (an apostrophe between two letters is not a quotation mark).
_COUNTED = {
    '"': re.compile('"'),
    "'": re.compile(r"(?<![A-Za-z])'|'(?![A-Za-z])"),
}
_MAX_PASSES = 3


def decode_entities(text: Mapped) -> Mapped:
    """Decode entities (repeatedly, for double encoding) keeping offsets."""
    for _ in range(_MAX_PASSES):
        decoded = text.sub(_ENTITY, _Decoder(text.text))
        if decoded.text == text.text:
            break
        text = decoded
    return text


def _entity_char(m: re.Match[str]) -> str | None:
    """The character(s) an entity match stands for, or None to leave it."""
    if m.group("dec") or m.group("hex"):
        number = m.group("dec") or "x" + m.group("hex")
        return html.unescape(f"&#{number};")
    name = m.group("common")
    if name:
        return html.entities.html5[name.lower() + ";"]
    name = m.group("name")
    return html.entities.html5.get(name + ";")


class _Decoder:
    """``re.sub`` callback; remembers decoded quotes along the current line.

    Matches arrive left to right, so the line start and the quote counts are
    kept up to date incrementally (linear in the text, however long a line).
    """

    def __init__(self, text: str):
        self.text = text
        self.line_start = 0
        self.scanned = 0  # text before this index has been searched for newlines and quotes
        self.plain = {char: 0 for char in _STRAIGHT}  # plain quotes on this line so far
        self.emitted = {char: 0 for char in _STRAIGHT}  # decoded quotes on this line so far

    def __call__(self, m: re.Match[str]):
        self._advance(m.start())
        char = _entity_char(m)
        if char is None:
            self.scanned = m.end()  # the match text holds no quotes or newlines that count
            return m.group(0)
        self.scanned = m.end()
        lead, trail = m.group("lead"), m.group("trail")
        body = m.start() + len(lead)
        pieces = [(lead, m.start()), (char, body), (trail, m.end() - len(trail))]
        if len(char) != 1 or char not in _STRAIGHT + _OPENING + _CLOSING:
            return pieces
        opening = self._opens(m, char)
        if char in _STRAIGHT:
            self.emitted[char] += 1
        if opening is None:  # an apostrophe inside a word: no padding at all
            return [(char, body)]
        if opening:
            return [(lead, m.start()), (char, body)]
        return [(char, body), (trail, m.end() - len(trail))]

    def _advance(self, position: int) -> None:
        """Move the line and quote bookkeeping up to ``position``."""
        newline = self.text.rfind("\n", self.scanned, position)
        if newline != -1:
            self.line_start = self.scanned = newline + 1
            self.plain = {char: 0 for char in _STRAIGHT}
            self.emitted = {char: 0 for char in _STRAIGHT}
        for char, pattern in _COUNTED.items():
            self.plain[char] += len(pattern.findall(self.text, self.scanned, position))
        self.scanned = position

    def _opens(self, m: re.Match[str], char: str) -> bool | None:
        """True if the quote opens, False if it closes, None for an apostrophe."""
        # The padding groups took all spaces, so the neighbours are the characters beyond them.
        left = self.text[m.start() - 1] if m.start() > 0 else ""
        right = self.text[m.end()] if m.end() < len(self.text) else ""
        left, right = left.replace("\n", ""), right.replace("\n", "")
        if char in "'’" and left.isalpha() and _CONTRACTION.match(self.text, m.end()):
            return None
        if char in _OPENING:
            return True
        if char in _CLOSING:
            return False
        if not m.group("trail") and right.isalnum():
            return True
        if not m.group("lead") and left.isalnum():
            return False
        if not left:
            return True
        if not right or right in ".,;:!?)]":
            return False
        # Entities in the original text are not yet quote marks, so count
        # plain ones in the source plus the decoded ones emitted so far.
        return (self.plain[char] + self.emitted[char]) % 2 == 0
