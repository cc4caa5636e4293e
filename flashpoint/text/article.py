"""Build an ``Article`` from raw text: date header, cleaning, content id."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from typing import Optional, Union

from flashpoint.errors import InputError
from flashpoint.model import Article
from flashpoint.text.clean import clean, clean_mapped
from flashpoint.text.limits import MAX_ARTICLE_BYTES, too_large
from flashpoint.text.page_date import page_date
from flashpoint.text.unicode_safe import display_path, without_surrogates

DateLike = Union[dt.date, str, None]

# An ISO date, optionally with a time and a zone; only the date is kept.
_ISO = r"(?P<date>\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?"
_ISO_FULL = re.compile(_ISO + r"\Z")
# A first line such as "date 2020-02-10", "Date: 2020-02-10", "DATE: 2020-02-10T08:00Z".
_DATE_HEADER = re.compile(r"(?i:date)[ \t]*:?[ \t]*(?P<value>\S+(?:[ \t]\d{2}:\S+)?)")
_ISO_PREFIX = re.compile(r"\d{4}-\d{2}-\d{2}")
_GLUED_HEADER = re.compile(r"[ \t]*(?i:date)[ \t]*:?[ \t]*(?P<value>\d{4}-\d{2}-\d{2})[ \t]+(?=\S)")
_LINE = re.compile(r"\r\n?|\n|\Z")
_MAX_HEADER_CHARS = 300  # a longer first line is article text, not a header


def make_article(
    raw: str,
    *,
    date: DateLike = None,
    url: Optional[str] = None,
    title: Optional[str] = None,
    source: Optional[str] = None,
    outlet: Optional[str] = None,
) -> Article:
    """Clean ``raw`` into an ``Article`` whose id is a hash of its text.

    A leading ``date YYYY-MM-DD`` line (also ``Date: ...``, ISO datetimes) is
    removed from the text; it gives the article date unless ``date`` is
    passed. A header whose date is impossible (``2020-13-45``) is removed
    and the date left unknown. ``date`` may be a ``datetime.date`` or an
    ISO string; anything else raises ``InputError``. ``Article.id`` is the first
    16 hex characters of the SHA-256 of the cleaned text, so the same text
    gets the same id wherever it was read from. ``outlet`` names the publisher
    (from the input's metadata; blank or over 200 characters is unknown). Raises ``InputError`` when no
    text is left after cleaning or ``raw`` is over ``MAX_ARTICLE_BYTES``.
    """
    raw, url, title = without_surrogates(raw), without_surrogates(url), without_surrogates(title)
    outlet = " ".join(without_surrogates(outlet).split()) if outlet else None
    source = display_path(source) if source else source
    name = source or "<text>"
    _check_size(raw, name)
    given = parse_date(date, name)
    header_date, raw = split_date_header(raw)
    found, found_from = (None, None) if given or header_date else page_date(raw, url, dt.date.today())
    text = clean_mapped(raw).text  # the offsets are not needed here
    if not text.strip():
        raise InputError(name, "no article text after cleaning")
    return Article(
        id=content_id(text),
        text=text,
        date=given or header_date or found,
        date_from="given" if given else "header" if header_date else found_from,
        url=url or None,
        title=title or None,
        source=source,
        outlet=outlet if outlet and len(outlet) <= 200 else None,
    )


def _check_size(raw: str, name: str) -> None:
    """Raise InputError when ``raw`` is over MAX_ARTICLE_BYTES in UTF-8."""
    if len(raw) * 4 <= MAX_ARTICLE_BYTES:
        return  # under the limit even if every character took 4 bytes
    size = len(raw.encode("utf-8", "surrogatepass"))
    if size > MAX_ARTICLE_BYTES:
        raise InputError(name, too_large(size))


def content_id(text: str) -> str:
    """The article id: first 16 hex characters of SHA-256 of the cleaned text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def parse_date(value: DateLike, name: str) -> Optional[dt.date]:
    """A date from a ``date``/``datetime``, an ISO string, or None.

    A datetime keeps its own calendar date (no time-zone conversion).
    Raises ``InputError(name, ...)`` for anything else.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        parsed = _iso_date(value.strip())
        if parsed is not None:
            return parsed
    raise InputError(name, f"bad date {value!r} (expected YYYY-MM-DD)")


def split_date_header(raw: str) -> tuple[Optional[dt.date], str]:
    """Remove a leading date line from raw text; return (date, rest).

    The header is the first non-blank line, judged after cleaning it (so
    stray placeholders or entities on it do not hide it). The date is None
    when there is no header or its date is impossible.
    """
    position = 0
    for m in _LINE.finditer(raw):
        if m.end() - position > _MAX_HEADER_CHARS:
            # a scraper may glue the header to a long first paragraph: "date 2020-04-17 In yet ..."
            glued = _GLUED_HEADER.match(raw, position) if raw[position:m.start()].strip() else None
            if glued is not None:
                return _iso_date(glued.group("value")), raw[glued.end() :]
            break
        line, _ = clean(raw[position : m.start()])
        if line:
            header = _DATE_HEADER.fullmatch(line)
            if header is None or not _ISO_PREFIX.match(header.group("value")):
                # a scraper may glue the header to the first sentence: "date 2020-06-25 A suspected ..."
                glued = _GLUED_HEADER.match(raw, position)
                if glued is not None:
                    return _iso_date(glued.group("value")), raw[glued.end() :]
                break  # "Date of birth ..." and the like are article text
            return _iso_date(header.group("value")), raw[m.end() :]
        position = m.end()
    return None, raw


def _iso_date(value: str) -> Optional[dt.date]:
    """The calendar date of an ISO date or datetime string, or None."""
    m = _ISO_FULL.match(value)
    if not m:
        return None
    try:
        return dt.date.fromisoformat(m.group("date"))
    except ValueError:
        return None
