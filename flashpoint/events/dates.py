"""Resolving date expressions against the article's publication date.

Every result is a (start, end) day range that never ends after the article
date: an event cannot be reported before it happens. Vague expressions give
ranges ("last week" -> the Sunday-to-Sunday span before this week, which holds
both the Monday- and the Sunday-start reading of "last week").
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from pathlib import Path

Range = tuple[dt.date, dt.date]

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})

# Expressions that point back at a time already given ("at the time").
ANAPHORIC = {"at the time", "then", "that day", "the same day", "at that time", "the time"}

NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def is_anaphoric(text: str) -> bool:
    """True for expressions like "at the time" that refer to an earlier date."""
    return _normalise(text) in ANAPHORIC


def _normalise(text: str) -> str:
    t = re.sub(r"(?:'s|’s)$", "", text.lower().strip().rstrip(".,"))  # "last year's"
    t = re.sub(r"^(?:earlier|later)\s+", "", t)  # "earlier on Tuesday"
    t = re.sub(r"^(on|in|during|since|from|by|at|over|throughout)\s+", "", t)
    t = re.sub(r"^the month of\s+", "", t)  # "during the month of November 2017"
    t = re.sub(r"\s+(morning|afternoon|evening|night|overnight)$", "", t)
    return re.sub(r"\s+", " ", t)


def _clamp(rng: Range, article_date: dt.date) -> Range | None:
    start, end = rng
    if start > article_date:
        return None
    return start, min(end, article_date)


def _month_range(year: int, month: int) -> Range:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _relative(t: str, d: dt.date) -> Range | None:
    monday = d - dt.timedelta(days=d.weekday())
    if t in ("today", "tonight", "this morning", "this afternoon", "this evening", "earlier today", "now"):
        return d, d
    if t in ("yesterday", "last night", "yesterday morning", "yesterday evening", "overnight"):
        return d - dt.timedelta(days=1), d - dt.timedelta(days=1)
    if t in ("last week", "the past week", "past week", "the previous week", "a week ago",
             "the last week", "the week before", "earlier in the week"):
        return monday - dt.timedelta(days=8), monday - dt.timedelta(days=1)
    if t in ("this week", "earlier this week", "the week"):
        return monday - dt.timedelta(days=1), d
    if t in ("the past few days", "recent days", "the past days", "the last few days", "in recent days"):
        return d - dt.timedelta(days=7), d
    if t in ("recent weeks", "the past few weeks", "the last few weeks", "the past weeks"):
        return d - dt.timedelta(days=28), d
    if t in ("recent months", "the past few months", "the last few months", "the past months"):
        return d - dt.timedelta(days=120), d
    if t in ("recent years", "the past few years", "the last few years", "the past years"):
        return d - dt.timedelta(days=3 * 365), d
    if t in ("the weekend", "this weekend", "last weekend", "the past weekend", "the previous weekend"):
        # the latest Saturday and Sunday that have begun (a Saturday's "this weekend" is that day)
        saturday = d - dt.timedelta(days=(d.weekday() - 5) % 7)
        if t != "this weekend" and d.weekday() == 5 and t in ("last weekend", "the previous weekend"):
            saturday -= dt.timedelta(days=7)
        return saturday, min(saturday + dt.timedelta(days=1), d)
    if t in ("this month", "earlier this month"):
        return d.replace(day=1), d
    if t in ("last month", "the past month", "the previous month"):
        prev = d.replace(day=1) - dt.timedelta(days=1)
        return _month_range(prev.year, prev.month)
    if t in ("this year", "earlier this year"):
        return dt.date(d.year, 1, 1), d
    if t in ("last year", "the past year", "the previous year"):
        return dt.date(d.year - 1, 1, 1), dt.date(d.year - 1, 12, 31)
    m = re.fullmatch(r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday),? (?:the )?(\d{1,2})(?:st|nd|rd|th)?", t)
    if m:  # "on Wednesday 19": the 19th that was a Wednesday, this month or the last
        for month_back in (0, 1):
            first = (d.replace(day=1) - dt.timedelta(days=1)).replace(day=1) if month_back else d.replace(day=1)
            try:
                day = first.replace(day=int(m.group(2)))
            except ValueError:
                continue
            if day <= d and day.weekday() == WEEKDAYS[m.group(1)]:
                return day, day
        t = m.group(1)
    m = re.fullmatch(r"(last |this |early |late )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)", t)
    if m:
        back = (d.weekday() - WEEKDAYS[m.group(2)]) % 7
        if back == 0 and m.group(1) == "last ":
            back = 7
        day = d - dt.timedelta(days=back)
        return day, day
    m = re.fullmatch(r"(\w+) (day|days|week|weeks|month|months) ago", t)
    if m:
        n = NUMBER_WORDS.get(m.group(1)) or (int(m.group(1)) if m.group(1).isdigit() else None)
        if n is None:
            return None
        if m.group(2).startswith("day"):
            day = d - dt.timedelta(days=n)
            return day, day
        days = 7 * n if m.group(2).startswith("week") else 30 * n
        centre = d - dt.timedelta(days=days)
        slack = dt.timedelta(days=3 if m.group(2).startswith("week") else 15)
        return centre - slack, centre + slack
    return None


@functools.cache
def _holidays() -> dict[str, tuple[int, int]]:
    """Fixed-date days named by a holiday (data/holidays.tsv): name -> (month, day)."""
    path = Path(__file__).parent / "data" / "holidays.tsv"
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    return {name.strip().lower(): (int(month), int(day)) for name, month, day in rows}


def _holiday(t: str, d: dt.date) -> Range | None:
    """"New Year's Day", "Christmas Eve": its last occurrence on or before the article's date."""
    t = re.sub(r"^(?:early|late)\s+(?:on\s+)?", "", t).replace("’", "'")
    found = _holidays().get(t)
    if found is None:
        return None
    this_year = dt.date(d.year, *found)
    upcoming = this_year if this_year > d else dt.date(d.year + 1, *found)
    if (upcoming - d).days <= 1:
        return None  # the day after publication: the time zones' doing, not last year's
    day = this_year if this_year <= d else dt.date(d.year - 1, *found)
    return day, day


def _month_of_year(t: str, d: dt.date | None) -> Range | None:
    """"March last year", "June this year", "last November" (the latest one before this month)."""
    m = re.fullmatch(r"(?:last|this past) ([a-z]+)", t)
    if m and m.group(1) in MONTHS and d is not None:
        month = MONTHS[m.group(1)]
        return _month_range(d.year if month < d.month else d.year - 1, month)
    m = re.fullmatch(r"([a-z]+) (last|this) year", t)
    if not m or m.group(1) not in MONTHS or d is None:
        return None
    year = d.year - 1 if m.group(2) == "last" else d.year
    return _month_range(year, MONTHS[m.group(1)])


# A bare length of time ("12 hours", "two days"): no date.
DURATION = re.compile(r"(?:about |nearly |more than |over |some )?(?:\d+|[a-z]+(?:-[a-z]+)?) "
                      r"(?:hours?|minutes?|days?|weeks?|months?|years?|decades?)")


def _absolute(t: str, d: dt.date | None) -> Range | None:
    m = re.fullmatch(r"(?:the )?(early |mid-|late |end of |beginning of |start of )?([a-z]+)(?: (\d{4}))?", t)
    if m and m.group(2) in MONTHS:
        month = MONTHS[m.group(2)]
        if m.group(3):
            year = int(m.group(3))
        elif d is not None:
            year = d.year if month <= d.month else d.year - 1
        else:
            return None
        start, end = _month_range(year, month)
        part = (m.group(1) or "").strip()
        if part in ("early", "beginning of", "start of"):
            end = start + dt.timedelta(days=9)
        elif part == "mid-":
            start, end = start + dt.timedelta(days=9), start + dt.timedelta(days=19)
        elif part in ("late", "end of"):
            start = end - dt.timedelta(days=10)
        return start, end
    if re.fullmatch(r"\d{4}", t):
        year = int(t)
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if not re.search(r"\d", t):
        return None
    if d is None and not re.search(r"\b\d{4}\b", t):
        # "Sept. 16" with no year and no article date: which year is unknown, unless a
        # weekday fixes it ("Thursday, Sept. 16": the latest such year up to now)
        day = _weekday_year(t)
        return (day, day) if day else None
    if DURATION.fullmatch(t):
        return None  # "clashes lasting 12 hours": how long, not when
    parsed = _dateparser(t, d)
    if parsed is None:
        return None
    return parsed, parsed


# How far back a weekday-and-date with no year is looked for (it recurs every 5-11 years).
WEEKDAY_YEARS = 12


def _weekday_year(t: str) -> dt.date | None:
    """The latest day, this year or before, that is the weekday, month and day named
    ("thursday, sept. 16": 2021-09-16), or None when the text names no such three."""
    m = re.fullmatch(r"([a-z]+),? ([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?", t) or \
        re.fullmatch(r"([a-z]+),? (\d{1,2})(?:st|nd|rd|th)? ([a-z]+)", t)
    if not m or m.group(1) not in WEEKDAYS:
        return None
    month_word, day_text = (m.group(2), m.group(3)) if m.group(2).isalpha() else (m.group(3), m.group(2))
    month = MONTHS.get(month_word.rstrip(".")) or MONTHS.get(month_word[:3])
    if not month:
        return None
    today = dt.date.today()
    for year in range(today.year, today.year - WEEKDAY_YEARS, -1):
        try:
            day = dt.date(year, month, int(day_text))
        except ValueError:
            continue
        if day.weekday() == WEEKDAYS[m.group(1)] and day <= today:
            return day
    return None


@functools.lru_cache(maxsize=4096)
def _dateparser(text: str, base: dt.date | None) -> dt.date | None:
    import dateparser  # imported on first use: it is slow to load

    settings = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month"]}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day)
    result = dateparser.parse(text, languages=["en"], settings=settings)
    return result.date() if result else None


def resolve(text: str, article_date: dt.date | None) -> Range | None:
    """Resolve a date expression to a day range, or None when it cannot be placed.

    A date outside the calendar (year 0, "99999999999 days ago", "last week"
    from 0001-01-01) cannot be placed either: unknown, not an error.
    """
    try:
        found = _resolve(text, article_date)
        if found is None and "," in text:  # "Sunday, days" (after ... ): the parser ran two phrases together
            found = _resolve(text.split(",")[0], article_date)
        year = re.fullmatch(r"(?:the\s+)?(?:day|night|week|month|summer|winter|spring|autumn|fall)\s+(?:in|of)\s+"
                            r"((?:19|20)\d\d)", text.strip(), re.I)
        if found is None and year:  # "the day in 1990": at least its year
            found = _month_range(int(year.group(1)), 1)[0], _month_range(int(year.group(1)), 12)[1]
        return found
    except (OverflowError, ValueError):
        return None


def _resolve(text: str, article_date: dt.date | None) -> Range | None:
    t = _normalise(text)
    if not t or t in ANAPHORIC:
        return None
    rng = _relative(t, article_date) if article_date else None
    rng = rng or (_holiday(t, article_date) if article_date else None)
    rng = rng or _month_of_year(t, article_date)
    if rng is None:
        rng = _absolute(t, article_date)
    if rng is None:
        return None
    return _clamp(rng, article_date) if article_date else rng
