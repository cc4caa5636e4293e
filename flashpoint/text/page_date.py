"""The publication date a page shows when none was given: in its address or its time stamp.

Scraped pages often come without a date, yet most news addresses carry it
(``/2018/03/02/``, ``/20180302/``, ``-2018-03-02``) and many pages print a time stamp
near the top ("Published: 02 Oct 2019 10:28 AM", a line "18 December, 2016"). A page
date read this way dates the article as a given date would; ``Article.date_from``
says where it came from. Only a full day counts: a month alone ("/2020/01/") dates
nothing.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Optional

# how far into the page a time stamp may stand (menus and the headline come first)
STAMP_SPAN = 800
STAMP_LINE_CHARS = 90
EARLIEST_YEAR = 1990

_MONTH_NAMES = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTH_NAMES.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTH_NAMES["sept"] = 9
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTH_NAMES, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"

_URL_DATE = re.compile(r"(?<![\d])(?P<year>(?:19|20)\d\d)(?P<sep>[/_-]?)(?P<month>0[1-9]|1[0-2])(?P=sep)"
                       r"(?P<day>0[1-9]|[12]\d|3[01])(?![\d])")
_STAMP_WORDS = r"(?:(?:published|posted|updated|last updated|date|first published)(?:\s+on)?\s*:?\s*)?"
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
_WRITTEN = [
    re.compile(_DAY + r"\s+" + _MONTH + r",?\s+" + _YEAR, re.I),  # 02 Oct 2019, 18 December, 2016
    re.compile(_MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR, re.I),  # October 2, 2019
    re.compile(_YEAR + r"-(?P<month>\d\d)-(?P<day>\d\d)"),  # 2019-10-02
]
_TIME = r"(?:\s*[,|-]?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?)?"


def _day(year: str, month: str, day: str, latest: Optional[dt.date]) -> Optional[dt.date]:
    number = int(month) if month.isdigit() else _MONTH_NAMES.get(month.lower().rstrip("."))
    try:
        found = dt.date(int(year), number, int(day)) if number else None
    except ValueError:
        return None
    if found is None or found.year < EARLIEST_YEAR or (latest is not None and found > latest):
        return None
    return found


def url_date(url: Optional[str], latest: Optional[dt.date] = None) -> Optional[dt.date]:
    """The day a news address carries (``/2018/03/02/``, ``/20180302/``), or None."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url.strip(), flags=re.I)
    for m in _URL_DATE.finditer(path):
        found = _day(m.group("year"), m.group("month"), m.group("day"), latest)
        if found is not None:
            return found
    return None


def stamp_date(raw: str, latest: Optional[dt.date] = None) -> Optional[dt.date]:
    """The day of a time-stamp line near the top of a page ("Published: 02 Oct 2019
    10:28 AM", "18 December, 2016", "Updated: 2024-10-26 19:58"), or None. A date
    inside a sentence is the story's, not the page's, and is not read."""
    for line in raw[:STAMP_SPAN].splitlines():
        line = line.strip()
        if not line or len(line) > STAMP_LINE_CHARS:
            continue
        for written in _WRITTEN:
            m = re.match(_STAMP_WORDS + _WEEKDAY + written.pattern + _TIME, line, re.I)
            if m is None:
                continue
            rest = line[m.end():].strip()
            # the stamp may be followed by another ("Updated: ...") or a byline, never a sentence
            if rest and not re.match(r"(?:\||-|·|updated|last updated|by\b)", rest, re.I) and len(rest.split()) > 3:
                continue
            found = _day(m.group("year"), m.group("month"), m.group("day"), latest)
            if found is not None:
                return found
    return None


def page_date(raw: str, url: Optional[str], latest: Optional[dt.date] = None) -> tuple[Optional[dt.date], Optional[str]]:
    """The page's publication day and where it was read ("url" or "page"), or (None, None).
    ``latest`` (today) rules out a date in the future."""
    found = url_date(url, latest)
    if found is not None:
        return found, "url"
    found = stamp_date(raw, latest)
    return (found, "page") if found is not None else (None, None)
