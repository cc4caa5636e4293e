"""Toponym resolution: turn each event's candidate locations into one gazetteer place.

For each candidate the gazetteer's records are scored with the article's
context: the candidate's own country hint, the event's actors' countries, the
countries the article names (names and demonyms), nearness to the article's
other unambiguous places, and population. A name shared by a region and its
main town ("Idlib", "Kharkiv") means the town unless the wording or the
article marks it as a region ("Idlib province", "the province of Idlib").
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from flashpoint.geo.abbreviations import region_abbreviation
from flashpoint.geo.containers import (DISTRICT_KM, contained_before, container_after, contains, coordinated,
                                       districts_later, regions_later)
from flashpoint.geo.countries import country_code, countries_in_words, is_capital, names_forces, url_country, url_slug_countries
from flashpoint.geo.actors import localise_actors
from flashpoint.geo.gazetteer import Gazetteer, GeoRecord, Match, get_gazetteer
from flashpoint.geo.names import ADMIN_WORDS, name_key, strip_admin_words, strip_qualifiers
from flashpoint.geo.toponym import COMMON_WORDS, is_plausible_toponym
from flashpoint.model import PRECISIONS, Document, Event, Place, Provenance

_NAME = r"[A-Z][\w'’-]*(?:\s+(?:al-|el-)?[A-Z][\w'’-]*){0,3}"
_ADMIN = "|".join(w.replace(" ", r"\s+") for w in ADMIN_WORDS)
_ADMIN_CUES = (
    re.compile(rf"\b(?i:{_ADMIN})\s+of\s+(?:the\s+)?({_NAME})"),
    # \b: a name starts at a word start; without it a long capitalised run is tried
    # from every letter (quadratic: 20k characters took 23 s)
    re.compile(rf"\b({_NAME})\s+(?i:{_ADMIN})\b"),
)
# A first name that is also a place this large ("Paris", "Washington") is a place
# unless it reads as a person's name.
FAMOUS_POPULATION = 100_000
# A town found only under another spelling must lie this near the article's sure places.
SPELLING_NEAR_KM = 300
ALTERNATE_RATIO = 10
# Score weights (see ``score``); tuned on the dev sets (docs/geo.md).
WEIGHTS = {
    "hint": 4.0, "actor_country": 2.0, "country_named": 1.0, "most_named": 0.5, "holds_anchor": 2.0,
    "near": 2.0, "region_named": 1.0, "country": 1.5, "alternate": 0.52, "capital": 0.5, "population": 0.4,
    "pattern": 3.0, "coordinated": 3.0,
}
# Place.precision (one of model.PRECISIONS) for each kind of gazetteer record.
_PRECISION_OF_KIND = {"town": "town", "admin2": "admin1", "admin1": "admin1", "country": "country",
                      "continent": "country"}
_PHRASE = re.compile(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")
_CAPITALISED = re.compile(r"[A-Z][\w.'’-]*(?:\s+(?:of\s+the\s+|of\s+|and\s+)?[A-Z][\w.'’-]*)*")


@dataclass
class ArticleContext:
    """What the whole article says about where it is."""

    countries: Counter = field(default_factory=Counter)  # ISO code -> mentions
    admin1_names: set[str] = field(default_factory=set)  # keys of names called a region
    names: set[str] = field(default_factory=set)  # keys of every capitalised phrase
    anchors: list[tuple[str, GeoRecord]] = field(default_factory=list)  # (surface key, unambiguous place)


def article_context(text: str, url: str | None = None) -> ArticleContext:
    """Countries named (by name or demonym) and names marked as regions in ``text``; a site's
    national domain counts as one naming of its country (a Pakistani paper's "Hangu")."""
    context = ArticleContext()
    site_country = url_country(url)
    if site_country:
        context.countries[site_country] += 1
    for code in set(url_slug_countries(url)):
        context.countries[code] += 1
    for phrase in _CAPITALISED.findall(text):
        code = country_code(phrase)
        if code:
            context.countries[code] += 1
            continue
        context.countries.update(countries_in_words(phrase.split()))
    context.names.update(name_key(p) for p in _PHRASE.findall(text))
    for cue in _ADMIN_CUES:
        for name in cue.findall(text):
            words = name.split()
            # "In Idlib province" at a sentence start: any tail may be the name.
            for i in range(len(words)):
                context.admin1_names.add(name_key(" ".join(words[i:])))
    return context


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in km between two (lat, lon) points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 12742 * math.asin(min(1.0, math.sqrt(h)))


def surface_key(place: Place) -> str:
    """The name key of a candidate's surface form, qualifiers and directions dropped."""
    return name_key(strip_qualifiers(place.text or "", directions=True))


def _admin_cued(place: Place, context: ArticleContext) -> bool:
    text = strip_qualifiers(place.text or "", directions=True)
    return (place.precision == "admin1" or strip_admin_words(text) is not None
            or name_key(text) in context.admin1_names)


def candidate_matches(place: Place, gazetteer: Gazetteer,
                      context: Optional[ArticleContext] = None, backoff: bool = False) -> list[Match]:
    """Gazetteer matches for a plausible candidate; weak alternate-name towns only as a last resort.

    A region abbreviation ("Ky.", "Ont.") finds its region; a short capital form
    ("EU", "US") only a country; a demonym ("Canadian") adds its country.
    """
    core = strip_qualifiers(place.text or "")
    abbreviation = region_abbreviation(core, after_comma=contained_before(place, gazetteer) is not None)
    if abbreviation is None and context is not None and context.anchors:
        # a bare postal code ("BC") in an article whose sure places lie in that region
        code_region = region_abbreviation(core, after_comma=True)
        if code_region and any(a.country == code_region[0] and a.admin1 == code_region[1]
                               for _, a in context.anchors):
            abbreviation = code_region
    if abbreviation:
        country, region = abbreviation
        return [m for m in gazetteer.matches(region, country) if m.record.precision == "admin1"]
    code = country_code(core)
    if core.replace(".", "").isupper() and len(core.replace(".", "")) <= 3:  # "EU" is not Eu, France
        country = gazetteer.country(code) if code else None
        wide = [m for m in gazetteer.matches(core) if m.record.precision == "continent"]
        return [Match(country, False)] if country else wide
    found = gazetteer.matches(place.text)
    if not is_plausible_toponym(place):
        largest = max((m.record.population or 0 for m in found), default=0)
        if largest < FAMOUS_POPULATION or not is_plausible_toponym(place, famous=True):
            return []
    if code and not any(m.record.precision == "country" and m.record.country == code for m in found):
        country = gazetteer.country(code)
        found = found + [Match(country, False)] if country else found
    if not found and " " in core:  # a spelling split in two: "Beled Weyne" for Beledweyne
        found = [m for m in gazetteer.matches(core.replace(" ", "")) if m.record.precision != "continent"]
    if not found and backoff:
        found = _backoff_matches(core, gazetteer)
    strong = [m for m in found if not m.alternate or (m.record.population or 0) >= 1000
              or m.record.precision != "town"]
    # A town known by this name only as an alternate ("Minnesota" for Minneota) gives
    # way to a place of that very name some ALTERNATE_RATIO times larger.
    primary = max((m.record.population or 0 for m in strong if not m.alternate), default=0)
    # (unless the article names its region: "Benin" in a story of Edo State is Benin City)
    strong = [m for m in strong if not (m.alternate and m.record.precision == "town"
                                        and (m.record.population or 0) * ALTERNATE_RATIO < primary
                                        and not (context is not None and _in_named_region(m.record, context)))]
    return strong or found


def _backoff_matches(name: str, gazetteer: Gazetteer) -> list[Match]:
    """For an unknown multi-word name, the places named by its modifier: "University of
    Alberta" -> Alberta, "Liverpool Academy" -> Liverpool, "Greater Toronto Area" -> Toronto.

    The head noun ("Academy", "Center", "Peninsula") is never looked up on its own;
    countries only after "of" ("Republic of Armenia")."""
    words = name.split()
    if len(words) < 2:
        return []
    if "of" in words[1:-1]:
        tail = " ".join(words[len(words) - words[::-1].index("of"):])
        return [m for m in gazetteer.matches(tail) if not m.alternate and m.record.precision != "continent"]
    modifier = words[:-1]
    for size in range(len(modifier), 0, -1):
        for i in range(len(modifier) - size + 1):
            part = " ".join(modifier[i:i + size])
            if not part[:1].isupper() or name_key(part) in COMMON_WORDS or len(part) < 4:
                continue
            found = [m for m in gazetteer.matches(part) if not m.alternate
                     and m.record.precision in ("town", "admin2", "admin1")]
            if found:
                return found
    return []


def score(match: Match, place: Place, event: Optional[Event], context: ArticleContext,
          exclude_key: str = "") -> float:
    """How well a record fits the candidate in its article (higher is better; weights: WEIGHTS)."""
    w = WEIGHTS
    record = match.record
    value = 0.0
    if place.country and record.country == place.country:
        value += w["hint"]
    if event is not None:
        actors = {a.country for a in (event.actor1, event.actor2) if a is not None and a.country}
        if record.country in actors:
            value += w["actor_country"]
    mentions = context.countries.get(record.country, 0)
    if mentions:
        value += w["country_named"] + (w["most_named"] if mentions == max(context.countries.values()) else 0)
    anchors = [a for key, a in context.anchors if key != exclude_key]
    if anchors and record.precision != "town" and any(contains(record, a) for a in anchors):
        value += w["holds_anchor"]  # a region or country holding the article's other places
    elif anchors and record.lat is not None and record.precision not in ("country", "continent"):
        # distance to the sure towns; a sure region counts as "near" for the towns inside it
        d = min((distance_km((record.lat, record.lon), (a.lat, a.lon)) for a in anchors
                 if a.precision in ("town", "admin2")), default=float("inf"))
        if any(contains(a, record) for a in anchors if a.precision == "admin1"):
            d = min(d, 150)
        value += w["near"] * (1 if d <= 50 else 0.75 if d <= 150 else 0.5 if d <= 400 else 0)
    if record.precision == "town" and record.admin1 and name_key(record.admin1) in context.names \
            and name_key(record.admin1) != exclude_key:
        value += w["region_named"]  # the article names the town's region
    if record.precision in ("country", "continent"):
        value += w["country"]
    # An alternate name ("Jenin" for Janīn) loses to a place of that very name
    # unless the alternate's place is much larger.
    if match.alternate:
        value -= w["alternate"]
    if record.precision == "town" and is_capital(record):
        value += w["capital"]  # news names capitals far more often than their namesakes
    # Size: a region or country weighs its whole population against a same-named
    # town ("Texas" the state, not a village in Mexico).
    value += w["population"] * math.log10((record.population or 0) + 1)
    return value


def _names_region(context: ArticleContext, admin1: str) -> bool:
    """The article names the region as one ("Edo State", "the Edo State Government"), not a bare
    name that may be a town or a person."""
    key = name_key(admin1)
    return any(name.startswith(key + " ") and name.split(" ")[len(key.split(" "))] in ADMIN_WORDS
               for name in context.names)


def _in_named_region(place: Place | GeoRecord, context: ArticleContext) -> bool:
    """A town (a place or a gazetteer record) in a region the article names ("Benin City"
    in a story of Edo State)."""
    return place.precision == "town" and bool(place.admin1) and _names_region(context, place.admin1)


def choose_record(matches: list[Match], place: Place, event: Optional[Event], context: ArticleContext,
                  gazetteer: Gazetteer) -> Optional[GeoRecord]:
    """The best-scoring record for the candidate, adjusted to the precision it asks for."""
    if not matches:
        return None
    key = surface_key(place)
    bonus = _pattern_bonus(matches, place, gazetteer)
    best = max(matches, key=lambda m: (score(m, place, event, context, key) + bonus.get(m.record, 0),
                                       -matches.index(m))).record
    cued = _admin_cued(place, context)
    if best.precision == "country":
        # "burnt down a police station in Benin" in a story that names Edo State: Benin City, in
        # Edo, not the country Benin (a town in a region the article names beats a country)
        in_named_region = [m.record for m in matches if m.record.country != best.country
                           and _in_named_region(m.record, context)]
        if in_named_region:
            town = max(in_named_region, key=lambda r: r.population or 0)
            return town  # as written, a town: the candidate's "country" reading was the namesake
    if best.precision == "country" and name_key(best.name) != key:
        # "England", "Wales": another name of the country but the very name of one of its
        # regions means the region (its country stays the same)
        named = [m.record for m in matches if m.record.precision == "admin1" and not m.alternate
                 and m.record.country == best.country and name_key(m.record.name) == key]
        best = named[0] if named else best
    same_country = [m.record for m in matches if m.record.country == best.country]
    if best.precision in ("admin1", "admin2") and not cued:
        towns = [r for r in same_country if r.precision == "town" and (
            r.admin1 == best.name if best.precision == "admin1"
            else r.admin1 == best.admin1 and distance_km((r.lat, r.lon), (best.lat, best.lon)) <= 100)]
        if towns:  # "Kharkiv" unmarked: the city, not the oblast (not a "California" elsewhere)
            best = max(towns, key=lambda r: r.population or 0)
    elif best.precision == "town" and cued:
        regions = [r for r in same_country if r.precision == "admin1"]
        best = regions[0] if regions else best
    if best.precision == "town":
        later = regions_later(place, gazetteer)
        if later and not any(contains(region, best) for region in later):
            # "Kaya in ... Zamfara State" with no Kaya of Zamfara known: the region it names
            best = later[0]
    if best.precision == "town":
        districts = [d for d in districts_later(place, gazetteer) if d.country == best.country]
        if districts and not any(distance_km((d.lat, d.lon), (best.lat, best.lon)) <= DISTRICT_KM
                                 for d in districts):
            # a namesake far from the district the sentence puts it in: the district
            best = max(districts, key=lambda d: d.population or 0)
    if place.precision == "admin1" and best.precision == "town":
        best = gazetteer.admin1_of(best) or gazetteer.country(best.country) or None
    elif place.precision == "country" and best.precision != "country":
        best = gazetteer.country(best.country)
    return best


def confidence(record: GeoRecord, matches: list[Match], place: Place, event: Optional[Event],
               context: ArticleContext, gazetteer: Gazetteer) -> float:
    """How sure the choice is: the logistic of its score margin over the best reading
    more than 161 km away (0.95 when there is no other reading)."""
    key = surface_key(place)
    bonus = _pattern_bonus(matches, place, gazetteer)
    scores = {m.record: score(m, place, event, context, key) + bonus.get(m.record, 0) for m in matches}
    chosen = scores.get(record, max(scores.values(), default=0.0))
    others = [v for r, v in scores.items() if r.lat is not None and record.lat is not None
              and distance_km((r.lat, r.lon), (record.lat, record.lon)) > 161]
    if not others:
        return 0.95
    return round(1 / (1 + math.exp(-(chosen - max(others)))), 3)


def _pattern_bonus(matches: list[Match], place: Place, gazetteer: Gazetteer) -> dict[GeoRecord, float]:
    """+3 for a record the "Town, Region" pattern around the candidate supports, or a
    region its sentence names just after it ("Qarabagh district in Kabul province")."""
    bonus: dict[GeoRecord, float] = {}
    containers = container_after(place, gazetteer)
    before = contained_before(place, gazetteer)
    towns = [r for r in gazetteer.lookup(before) if r.precision == "town"] if before else []
    later = regions_later(place, gazetteer) if len({m.record.country for m in matches}) > 1 or \
        len({m.record.admin1 for m in matches}) > 1 else []
    for m in matches:
        if any(contains(c, m.record) for c in containers) or any(contains(m.record, t) for t in towns) \
                or any(contains(r, m.record) for r in later):
            bonus[m.record] = WEIGHTS["pattern"]
    # "California or Washington": a name listed with regions is a region of that country
    peers = {m.record.country for name in coordinated(place) for m in gazetteer.matches(name)
             if m.record.precision == "admin1" and not m.alternate}
    for m in matches:
        if m.record.precision == "admin1" and m.record.country in peers:
            bonus[m.record] = bonus.get(m.record, 0) + WEIGHTS["coordinated"]
    return bonus


@functools.lru_cache(maxsize=1)
def _current_admin1() -> dict[tuple[str, str], str]:
    """(country, admin1 name in the index) -> the region's current name (admin1_current.tsv)."""
    rows = Path(__file__).with_name("admin1_current.tsv").read_text(encoding="utf-8").splitlines()
    return {(cc, old): new for cc, old, new in (r.split("\t") for r in rows if r.strip() and not r.startswith("#"))}


def current_admin1(country: Optional[str], admin1: Optional[str]) -> Optional[str]:
    """An admin1 region's current name ("Midi-Pyrenees" -> "Occitanie"); others unchanged."""
    return _current_admin1().get((country or "", admin1 or ""), admin1)


def record_to_place(record: GeoRecord, candidate: Place) -> Place:
    """A filled-in Place from a gazetteer record, keeping the candidate's text and provenance."""
    admin1 = current_admin1(record.country, record.admin1)
    return Place(
        name=admin1 if record.precision == "admin1" else record.name, text=candidate.text,
        precision=_PRECISION_OF_KIND[record.precision], country=record.country,
        admin1=admin1 if record.precision in ("town", "admin2", "admin1") else None,
        lat=record.lat, lon=record.lon, geonameid=record.geonameid,
        provenance=candidate.provenance, kind=record.precision,
    )


def resolve_candidate(place: Place, event: Optional[Event] = None,
                      context: Optional[ArticleContext] = None,
                      gazetteer: Optional[Gazetteer] = None) -> Optional[Place]:
    """Resolve one event candidate to a filled-in Place, or None if it is not a known place.

    As in ``resolve``: a town, admin1 region or country, a country or region at the
    point ACLED gives such events (its capital or largest town)."""
    gazetteer = gazetteer or get_gazetteer()
    context = context or ArticleContext()
    matches = [m for m in candidate_matches(place, gazetteer) if m.record.precision in PRECISIONS]
    record = choose_record(matches, place, event, context, gazetteer)
    return _event_place(record, place, gazetteer) if record else None


def capital_of(country: str, provenance: Optional[Provenance] = None,
               gazetteer: Optional[Gazetteer] = None) -> Optional[Place]:
    """The capital of the country with ISO code ``country``, as a town Place, or None."""
    gazetteer = gazetteer or get_gazetteer()
    record = gazetteer.country(country)
    town = gazetteer.seat(record) if record is not None else None
    if town is None:
        return None
    return record_to_place(town, Place(name=town.name, text=town.name, precision="town", provenance=provenance))


def _known_countries(event: Event, context: ArticleContext) -> set[str]:
    """Countries the article names, and the event's actors' countries."""
    known = set(context.countries)
    known.update(a.country for a in (event.actor1, event.actor2) if a is not None and a.country)
    return known


def _implied_country(context: ArticleContext, named: list[list[Match]] = ()) -> set[str]:
    """In an article that names no country, the one country most of its unambiguous
    places lie in ("Zamfara", "Maru": Nigeria; "QUETTA:", "Balochistan government"), so
    that a lone namesake elsewhere ("Kango", Gabon; "Kech": Ketsch) is not taken for the place.
    ``named`` holds the gazetteer matches of every place name the article has."""
    if context.countries:
        return set()
    places = {(record.name, record.country): record for _, record in context.anchors if record.country}
    for found in named:
        found = [m for m in found if m.record.precision in PRECISIONS and m.record.country]
        if found and len({m.record.country for m in found}) == 1 and not all(m.alternate for m in found):
            places.setdefault((found[0].record.name, found[0].record.country), found[0].record)
    votes: Counter = Counter()
    for record in places.values():
        # a region's name is rarer than a village's: it says more about the country
        votes[record.country] += 2 if record.precision == "admin1" else 1
    ranked = votes.most_common(2)
    if not ranked or ranked[0][1] < 2 or len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return set()
    return {ranked[0][0]}


def _event_place(record: GeoRecord, candidate: Place, gazetteer: Gazetteer) -> Place:
    """The event's Place: a country or region is the entity itself (name, id, precision) at
    the point ACLED gives such events, its capital or largest town (the geoparser keeps
    the entity's own centre)."""
    place = record_to_place(record, candidate)
    seat = gazetteer.seat(record)
    if seat is not None and seat.lat is not None:
        place.lat, place.lon = seat.lat, seat.lon
    return place


def _names_forces(place: Place) -> bool:
    """The place's words are a demonym before a word for armed forces ("Russian warplanes")."""
    prov = place.provenance
    if prov is None or not prov.sentence:
        return False
    return names_forces(prov.sentence, prov.end - prov.sentence_start)


def _is_demonym(text: str, gazetteer: Gazetteer) -> bool:
    """True for a people's name ("Somali", "English") that no gazetteer country goes by."""
    core = strip_qualifiers(text or "")
    code = country_code(core)
    return bool(code) and not any(m.record.precision == "country" for m in gazetteer.matches(core))


def _outside_named_regions(record: GeoRecord, regions: list[GeoRecord]) -> bool:
    """The article calls some regions of the town's country regions, none of them the town's."""
    same_country = [r for r in regions if r.country == record.country]
    return bool(same_country) and not any(r.name == record.admin1 for r in same_country)


def resolve(document: Document, gazetteer: Optional[Gazetteer] = None) -> Document:
    """Resolve every event's ``locations`` into ``event.place`` and empty the list.

    The event's place is its most precise resolvable candidate (ties go to
    the earlier candidate); it stays None when nothing resolves. The Document
    is changed in place and returned.
    """
    gazetteer = gazetteer or get_gazetteer()
    text = "\n".join(filter(None, [document.article.title, document.article.text]))
    context = article_context(text, document.article.url)
    # An event happens in a town, region or country: not on a continent or in a county.
    matches = {id(c): [m for m in candidate_matches(c, gazetteer, context) if m.record.precision in PRECISIONS]
               for e in document.events for c in e.locations}

    # First pass: places that are unambiguous on their own anchor the rest.
    for event in document.events:
        for candidate in event.locations:
            found = matches[id(candidate)]
            if found and len({m.record.country for m in found}) == 1:
                record = choose_record(found, candidate, event, context, gazetteer)
                if record and record.precision in ("town", "admin2", "admin1") and record.lat is not None:
                    context.anchors.append((surface_key(candidate), record))

    implied = _implied_country(context, [candidate_matches(p, gazetteer) for p in document.places])
    named = frozenset(context.countries)
    sure = [a for _, a in context.anchors if a.precision in ("town", "admin2")]
    for event in document.events:
        for candidate in event.locations:
            if not matches[id(candidate)] and is_plausible_toponym(candidate):
                # "Nassiriya" for Nasiriyah: another spelling, in a country the article names,
                # and near the article's sure places when it has any ("Sabon Gida" near Gusau
                # is not Sabongida-Ora, 700 km away)
                found = [m for m in gazetteer.spelling_matches(candidate.text, named)
                         if not sure or min(distance_km((m.record.lat, m.record.lon), (a.lat, a.lon))
                                            for a in sure) <= SPELLING_NEAR_KM]

                matches[id(candidate)] = found[:1]

    named_regions = [r for key in context.admin1_names for r in gazetteer.lookup(key) if r.precision == "admin1"]
    for event in document.events:
        resolved = []
        for order, candidate in enumerate(event.locations):
            record = choose_record(matches[id(candidate)], candidate, event, context, gazetteer)
            weak = any(m.record is record and m.alternate for m in matches[id(candidate)])
            if record and weak and record.precision == "town" and _outside_named_regions(record, named_regions):
                # a town known only by another name ("Sabon Gida": Sabongida-Ora, Edo) outside
                # the region the article names (Zamfara) is a namesake, not the place
                record = None
            if record:
                place = _event_place(record, candidate, gazetteer)
                resolved.append((PRECISIONS.index(place.precision), order, place, record.population or 0))
        named = [item for item in resolved if not _is_demonym(item[2].text, gazetteer)]
        resolved = named or resolved  # "Somali" places an event only when nothing else does
        # "Russian warplanes", "Turkish troops": the forces' country, not the event's place
        # (and "Russia's attack": a country named as an attack's owner)
        resolved = [item for item in resolved if not ((_is_demonym(item[2].text, gazetteer) or item[2].precision == "country")
                                                      and _names_forces(item[2]))]
        known = _known_countries(event, context) or implied
        if known:
            # a place found only under another of its names ("Boni": Bonn) in a country
            # the story never names is not where a story about elsewhere happened
            # nor is a region ("Oriental" of "Oriental Mindoro": Morocco's) in such a country
            resolved = [item for item in resolved if item[2].country in known
                        or name_key(item[2].name) == name_key(strip_qualifiers(item[2].text))
                        and item[2].precision != "admin1" or _in_named_region(item[2], context)]
        if any(item[2].country in known for item in resolved):
            # a finer place in a country the article never names ("Badia", Italy, in a
            # story about Deir el-Zor) loses to one where the story is; a famous city is
            # where it says ("In Geneva, ..." in a story that names no Switzerland)
            # (by its own name: "Boni" in Oromia is not Bonn, which GeoNames also spells so)
            resolved = [item for item in resolved if item[2].country in known or (
                item[3] >= FAMOUS_POPULATION and name_key(item[2].name) == name_key(strip_qualifiers(item[2].text)))]
        elif known:
            # nor, alone, is a small town of that name ("five were killed in Kango": Gabon's,
            # in a story about Zamfara): the place stays unknown to the gazetteer
            resolved = [item for item in resolved if item[2].country in known or item[2].precision != "town"
                        or item[3] >= FAMOUS_POPULATION]
        if resolved:
            event.place = min(resolved, key=lambda item: item[:2])[2]
        event.locations = []
        localise_actors(event)
    return document
