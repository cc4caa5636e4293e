"""Fields an incident gets from the article when no report of it gives them.

An undated incident is dated from the publication date; an incident whose
reports name no place that resolves is placed in the country the article's
geography points to (the country its own sentences name, else the headline or
dateline's, else the one country the article keeps returning to, else the country of
the site's national domain), at country precision and with a lower confidence. With no
country signal it stays null.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections import Counter

from flashpoint.events.spans import DATELINE, QuotedSpans
from flashpoint.geo import resolve_candidate
from flashpoint.geo.countries import (country_code, country_name, names_border, names_forces, region_word, url_country,
                                      url_host, url_host_country, url_slug_countries)
from flashpoint.model import Article, Event, EventDate, Place, Provenance

# An undated report is news of the day before publication or the day itself
# ("yesterday", "today"): its window is those two days, its coded day (ACLED's
# event_date, time precision 2) the day of publication, with this confidence.
PUBLICATION_CONFIDENCE = 0.3
PUBLICATION_DATE = "publication date"
# A country from the article's geography, by where it was read.
COUNTRY_CONFIDENCE = {"event": 0.5, "lead": 0.4, "article": 0.3, "site": 0.2}
# A named place counts for its country when the geo stage is at least this sure of it.
SURE_PLACE = 0.6
# The headline, dateline and first sentence sit in the first characters of an article.
LEAD_CHARS = 300
# A dateline under a headline, a byline and share buttons still opens one of these first characters' paragraphs.
DATELINE_SEARCH_CHARS = 600
# Weights of a country mention: in a sentence telling the event, in the lead, elsewhere;
# another incident of the article placed in that country counts like a lead mention.
WEIGHTS = {"event": 3, "lead": 2, "article": 1}
# Words after a name that mark it as a region ("Rivers State", "Kunduz Province").
REGION_WORDS = {"state", "province", "region", "governorate", "district", "county", "prefecture"}
_CAPITALISED = re.compile(r"[A-Z][\w.'’-]*(?:\s+(?:of\s+the\s+|of\s+|and\s+)?[A-Z][\w.'’-]*)*")


def date_from_publication(event: Event, article: Article) -> Event:
    """Give an undated event the window [publication − 1 day, publication], marked as
    inferred (its coded day is the publication day: ``EventDate.day``)."""
    if event.date is not None or article.date is None:
        return event
    where = event.evidence
    # the calendar's first day has no day before it
    day_before = article.date - dt.timedelta(days=1) if article.date > dt.date.min else article.date
    event.date = EventDate(
        start=day_before,
        end=article.date,
        text=None,
        provenance=Provenance(article_id=where.article_id, sentence=where.sentence,
                              sentence_start=where.sentence_start, sentence_end=where.sentence_end,
                              start=where.sentence_start, end=where.sentence_start,
                              confidence=PUBLICATION_CONFIDENCE),
        inferred_from=PUBLICATION_DATE,
        told_on=article.date,
    )
    return event


@functools.lru_cache(maxsize=8)  # one article's incidents all read the same text
def country_mentions(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, ISO code) of every country named in ``text`` by name or demonym
    ("Somalia", "Malian", "South Sudan's"), longest name first."""
    found = []
    for m in _CAPITALISED.finditer(text):
        words = [(w.start() + m.start(), w.end() + m.start()) for w in re.finditer(r"\S+", m.group())]
        i = 0
        while i < len(words):
            if m.string[words[i][0]:words[i][1]] == "The":  # "The Nigerien army": the name starts after it
                i += 1
                continue
            for n in (4, 3, 2, 1):
                if i + n > len(words):
                    continue
                start, end = words[i][0], words[i + n - 1][1]
                code = country_code(text[start:end].rstrip(".,"))
                if code and i + n < len(words) and region_word(text[words[i + n][0]:words[i + n][1]]):
                    code = None  # "Niger State" is Nigeria's, not Niger
                if code:
                    end = start + len(re.sub(r"(?:['’]s)?[.,]*$", "", text[start:end]))  # "Yemen's" -> "Yemen"
                    found.append((start, end, code))
                    i += n
                    break
            else:
                i += 1
    return tuple(found)


def _names_outlet(text: str, mention: tuple[int, int, str], url: str | None) -> bool:
    """The country's name opens the name of the outlet whose address this is ("Sudan Tribune
    has learned" on sudantribune.com): the outlet, not the setting."""
    host = url_host(url).replace("-", "")
    follower = re.match(r"\s+([A-Z][\w-]+)", text[mention[1]:mention[1] + 40])
    if not host or follower is None:
        return False
    return re.sub(r"[^a-z]", "", (text[mention[0]:mention[1]] + follower.group(1)).lower()) in host


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence (or line) holding ``start:end``."""
    left = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1, 0)
    ends = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    right = min(ends) + 1 if ends else len(text)
    return left, min(right, len(text))


def _where(start: int, event: Event) -> str:
    spans = event.mentions or [event.evidence]
    if any(p.sentence_start <= start < p.sentence_end for p in spans):
        return "event"
    return "lead" if start < LEAD_CHARS else "article"


def country_from_article(event: Event, article: Article, placed: list[Event] = (),
                         named: list[Place] = ()) -> Event:
    """Place an event that has no place in the country the article's geography points
    to, at country precision, with provenance at the mention that decided it.

    ``placed`` are the article's other incidents: each one placed in a country adds
    to that country's weight; ``named`` are the places the article names: a town or
    region counts for its country as a country's name does ("Dhaka", "Rangpur" in a
    story that never says "Bangladesh"). Ties between countries leave the place null."""
    if event.place is not None:
        return event
    text = article.text
    weights: Counter = Counter()
    first: dict[str, tuple[int, int, str]] = {}
    towns = [(p.provenance.start, p.provenance.end, p.country) for p in named
             if p.precision in ("town", "admin1") and p.country and p.provenance is not None
             and p.provenance.confidence >= SURE_PLACE]
    regions = {(p.provenance.start, p.provenance.end, p.country) for p in named
               if p.precision == "admin1" and p.provenance is not None and p.provenance.confidence >= SURE_PLACE}
    # the attackers' own words ("Turkish jets") say who acted, not where: they count only
    # when nothing else in the article names a country (the forces attacked, "Eight Burkinabe
    # soldiers", are at home as a rule)
    said_by_party = [(p.start, p.end) for p in (a.provenance for a in (event.actor1,) if a is not None)
                     if p is not None]
    attacked = [(p.start, p.end) for p in ([event.actor2.provenance] if event.actor2 is not None else []) if p]
    mentions = [m for m in country_mentions(text) if not _names_outlet(text, m, article.url)] + towns
    elsewhere = [m for m in mentions if not any(lo <= m[0] < hi for lo, hi in said_by_party)
                 and not (names_forces(text, m[1]) and not any(lo <= m[0] < hi for lo, hi in attacked))
                 and not names_border(text, m[0], m[1])]
    candidates = elsewhere or mentions
    # a country someone speaks of ("a dictatorship similar to North Korea") is no setting
    quoted = QuotedSpans(text)
    unquoted = [m for m in candidates if not quoted.contains(m[0])]
    if candidates and not unquoted:
        # only quoted: a region the story names, or the site's country, come first
        placed_by_region = site_country(region_from_article(event, article), article)
        if placed_by_region.place is not None:
            return placed_by_region
    candidates = unquoted or candidates
    for start, end, code in candidates:
        where = _where(start, event)
        # a town says less than a country's name: "Bori" may be in India or Nigeria; a region's
        # name ("Benue State") more than a town's ("Logo", which GeoNames also has in Ivory Coast)
        if (start, end, code) not in towns:
            weights[code] += WEIGHTS[where]
        else:
            weights[code] += WEIGHTS["article"] * (2 if (start, end, code) in regions else 1)
        best = first.get(code)
        if best is None or WEIGHTS[where] > WEIGHTS[best[2]]:
            first[code] = (start, end, where)
    for other in placed:
        if other is not event and other.place is not None and other.place.country in first:
            weights[other.place.country] += WEIGHTS["lead"]
    ranked = weights.most_common(2)
    if not ranked:
        return site_country(region_from_article(event, article), article)
    if len(ranked) == 2 and ranked[0][1] == ranked[1][1]:
        return event  # no single country: unknown stays null
    code = ranked[0][0]
    start, end, where = first[code]
    left, right = sentence_around(text, start, end)
    event.place = country_place(code, text[start:end], Provenance(
        article_id=article.id, sentence=text[left:right].strip(), sentence_start=left, sentence_end=right,
        start=start, end=end, confidence=COUNTRY_CONFIDENCE[where]))
    return event


_DATELINE_NAME = re.compile(r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}")
_CALENDAR_WORDS = {m.lower() for m in calendar.month_name[1:] + calendar.day_name[:]}


def _datelines(text: str):
    """Where a dateline may be: opening the text or, under a headline, a byline and share
    buttons, one of the first paragraphs ("Havana, June 23 (RHC)-- ..."): (start, end) spans."""
    at = 0
    while 0 <= at < DATELINE_SEARCH_CHARS:
        found = DATELINE.match(text[at:at + DATELINE_SEARCH_CHARS])
        if found:
            yield at, at + found.end()
        at = text.find("\n\n", at)
        at = at + 2 if at >= 0 else -1


def agreement_at_dateline(event: Event, article: Article) -> Event:
    """An agreement placed no finer than a country, in an article datelined from a town,
    is placed at that town: the talks' venue ("January 23, 2014 (ADDIS ABABA) – South Sudan's
    government and rebels agreed on a ceasefire"), as ACLED places an agreement where it is made."""
    if event.sub_event_type != "Agreement" or (event.place is not None and event.place.precision != "country"):
        return event
    spans = list(_datelines(article.text))
    for found in (f for start, end in spans for f in _DATELINE_NAME.finditer(article.text, start, end)):
        name = found.group()
        if name.lower() in _CALENDAR_WORDS or country_code(name.title()):
            continue
        town = resolve_candidate(Place(name=name.title(), text=name, precision="town"))
        if town is not None and town.precision == "town":
            left, right = sentence_around(article.text, found.start(), found.end())
            town.provenance = Provenance(article_id=article.id, sentence=article.text[left:right].strip(),
                                         sentence_start=left, sentence_end=right, start=found.start(),
                                         end=found.end(), confidence=COUNTRY_CONFIDENCE["lead"])
            event.place = town
            return event
    return event


def site_country(event: Event, article: Article) -> Event:
    """An event the article's words place nowhere, in the one country the page's address
    names ("/gunmen-kill-18-in-nigeria") or else in the country of the site's national domain
    ("nation.com.pk": Pakistan) or name ("newsroompanama.com"), least sure of all, its
    provenance the event's own sentence."""
    named = set(url_slug_countries(article.url))
    code = next(iter(named)) if len(named) == 1 else url_country(article.url) or url_host_country(article.url)
    if event.place is not None or code is None:
        return event
    where = event.evidence
    event.place = country_place(code, country_name(code) or code, Provenance(
        article_id=article.id, sentence=where.sentence, sentence_start=where.sentence_start,
        sentence_end=where.sentence_end, start=where.sentence_start, end=where.sentence_start,
        confidence=COUNTRY_CONFIDENCE["site"]))
    return event


def country_place(code: str, written: str, provenance: Provenance) -> Place:
    """The country ``code`` as a Place, at the gazetteer's point for it when it has one."""
    name = country_name(code) or code
    found = resolve_candidate(Place(name=name, text=name, precision="country"))
    if found is None or found.country != code or found.precision != "country":
        found = Place(name=name, text=written, precision="country", country=code, kind="country")
    found.text, found.provenance, found.admin1 = written, provenance, None
    return found


def _regions(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int, Place]]:
    """Regions (admin1) named inside ``spans`` of ``text``: names of two or more words,
    followed by a region word ("West Darfur", "Rivers State") or after "in"; a lone
    capitalised word is otherwise too often something else."""
    found = []
    for lo, hi in spans:
        for m in _CAPITALISED.finditer(text, lo, hi):
            words = [(w.start() + m.start(), w.end() + m.start()) for w in re.finditer(r"[^\s,]+", m.group())]
            for n in (3, 2, 1):
                hits = []
                for i in range(len(words) - n + 1):
                    start, end = words[i][0], words[i + n - 1][1]
                    after = text[end:end + 20].split()
                    before = text[max(0, start - 4):start].split()
                    # a lone word needs a region word after it or "in" before it ("Blast In Balochistan")
                    if n == 1 and not (after and after[0].lower().strip(".,") in REGION_WORDS) \
                            and not (before and before[-1].lower() == "in"):
                        continue
                    name = text[start:end]
                    place = resolve_candidate(Place(name=name, text=name, precision="admin1"))
                    if place is not None and place.precision == "admin1":
                        hits.append((start, end, place))
                if hits:
                    found += hits
                    break
    return found


def region_from_article(event: Event, article: Article) -> Event:
    """With no country named, a region the incident's sentences or the lead name places
    it: in that region when its own sentences name it, else in the region's country.
    Regions of different countries leave the place null."""
    text = article.text
    own = [(p.sentence_start, p.sentence_end) for p in (event.mentions or [event.evidence])]
    regions = _regions(text, own + [(0, min(LEAD_CHARS, len(text)))])
    if not regions or len({place.country for _, _, place in regions}) != 1:
        return event
    start, end, place = min(regions, key=lambda r: (_where(r[0], event) != "event", r[0]))
    where = _where(start, event)
    left, right = sentence_around(text, start, end)
    provenance = Provenance(article_id=article.id, sentence=text[left:right].strip(), sentence_start=left,
                            sentence_end=right, start=start, end=end, confidence=COUNTRY_CONFIDENCE[where])
    if where != "event":
        event.place = country_place(place.country, text[start:end], provenance)
    else:
        place.provenance = provenance
        event.place = place
    return event
