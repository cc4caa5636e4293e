"""The "Town, Region(, Country)" pattern: what a comma-joined name says about its neighbours.

In "Athens, Ga." or "Toronto, Ontario, Canada" the name after the comma
contains the one before it: it restricts the town's candidates to that region
or country, and the region reading of the second name ("Georgia" the state,
not the country) is the one that contains a town of the first name.
"""

from __future__ import annotations

import re
from typing import Optional

from flashpoint.geo.abbreviations import region_abbreviation
from flashpoint.geo.countries import country_code
from flashpoint.geo.gazetteer import Gazetteer, GeoRecord
from flashpoint.geo.names import ADMIN_WORDS
from flashpoint.model import Place

_NAME = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
_AFTER = re.compile(rf"^\s*,\s*({_NAME})")
_BEFORE = re.compile(rf"({_NAME})\s*,\s*$")
_ADMIN = "|".join(sorted((w.replace(" ", r"\s+") for w in ADMIN_WORDS), key=len, reverse=True))
# "... in Kabul province", "... of Zamfara State", "... in the western state of Michoacan"
_REGION_LATER = (re.compile(rf"\b({_NAME})\s+(?i:{_ADMIN})\b"),
                 re.compile(rf"\b(?i:{_ADMIN})\s+of\s+(?:the\s+)?({_NAME})"))
# How far after a name its sentence may still say which region holds it, and the
# lowercase words that may stand between them ("district in", ", in the western").
REGION_LATER_CHARS = 120
_BETWEEN_WORDS = frozenset("""
in of the a district town village city area neighbourhood neighborhood suburb locality commune
community communities settlement hamlet ward zone sector territory chiefdom emirate
municipality council local government sub-division subdivision tehsil township county
northern southern eastern western central north south east west northeast northwest southeast
southwest north-east north-west south-east south-west remote restive troubled
""".split())
# "El Aguaje, a town in the municipality of Aguililla", "Cholnar village in Dantewada district":
# a district or municipality that holds the place (found as a town or admin2 record).
_DISTRICT_WORDS = r"district|municipality|tehsil|local\s+government\s+area|commune|sub-?division|township"
_DISTRICT_LATER = (re.compile(rf"\b({_NAME})\s+(?i:{_DISTRICT_WORDS})\b"),
                   re.compile(rf"\b(?i:{_DISTRICT_WORDS})\s+of\s+(?:the\s+)?({_NAME})"))
DISTRICT_KM = 40  # a place this far from the district's seat is not in it
_COORDINATED_BEFORE = re.compile(rf"({_NAME})\s+(?:and|or)\s+$")
_COORDINATED_AFTER = re.compile(rf"^\s+(?:and|or)\s+({_NAME})")


def _span_text(place: Place) -> tuple[str, str]:
    """(sentence before the candidate, sentence after it), or empty strings."""
    prov = place.provenance
    if prov is None or not prov.sentence:
        return "", ""
    start, end = prov.start - prov.sentence_start, prov.end - prov.sentence_start
    if not 0 <= start <= end <= len(prov.sentence):
        return "", ""
    return prov.sentence[:start], prov.sentence[end:]


def _regions(name: str, gazetteer: Gazetteer, after_comma: bool) -> list[GeoRecord]:
    """Regions and countries a container name may denote."""
    abbreviation = region_abbreviation(name, after_comma=after_comma)
    if abbreviation:
        country, region = abbreviation
        return [r for r in gazetteer.lookup(region, country) if r.precision == "admin1"]
    found = [r for r in gazetteer.lookup(name.rstrip(".")) if r.precision in ("admin1", "country")]
    code = country_code(name)
    if code and not any(r.precision == "country" and r.country == code for r in found):
        country = gazetteer.country(code)
        found += [country] if country else []
    return found


def container_after(place: Place, gazetteer: Gazetteer) -> list[GeoRecord]:
    """Regions or countries named right after the candidate and a comma ("Athens, Ga.")."""
    _, after = _span_text(place)
    match = _AFTER.match(after)
    if not match:
        return []
    name = match.group(1)
    # "Toronto, Ontario, Canada": the first container is the nearest one.
    return _regions(name, gazetteer, after_comma=True) or _regions(name.split()[0], gazetteer, True)


def _later_names(place: Place, patterns) -> list[str]:
    """Names the patterns find soon after the candidate, joined to it only by
    container words ("district in", ", a town in the municipality of")."""
    _, after = _span_text(place)
    after = after[:REGION_LATER_CHARS]
    names = []
    for pattern in patterns:
        for match in pattern.finditer(after):
            between = re.findall(r"[\w'’-]+", after[:match.start()])
            if len(between) > 8 or any(w.islower() and w not in _BETWEEN_WORDS for w in between):
                continue  # "Aleppo, from where fighting spread to Idlib province": another place
            names.append(match.group(1))
    return names


def _records_later(place: Place, gazetteer: Gazetteer, patterns, keep) -> list[GeoRecord]:
    """Records ``keep`` accepts for the names ``patterns`` find soon after the candidate;
    any tail of a name may be the name ("Local Government Area of Zamfara")."""
    found = []
    for name in _later_names(place, patterns):
        words = name.split()
        for i in range(len(words)):
            records = [r for r in gazetteer.lookup(" ".join(words[i:])) if keep(r)]
            if records:
                found += records
                break
    return found


def districts_later(place: Place, gazetteer: Gazetteer) -> list[GeoRecord]:
    """Districts or municipalities the candidate's sentence names soon after it as
    holding it ("El Aguaje, a town in the municipality of Aguililla"): their towns
    and admin2 records."""
    return _records_later(place, gazetteer, _DISTRICT_LATER,
                          lambda r: r.precision in ("town", "admin2") and r.lat is not None)


def regions_later(place: Place, gazetteer: Gazetteer) -> list[GeoRecord]:
    """Admin1 regions the candidate's sentence names, marked as regions, soon after it
    ("Kaya in Maradun Local Government Area of Zamfara State", "the Qarabagh district
    in Kabul province"): the region that holds the place."""
    return _records_later(place, gazetteer, _REGION_LATER, lambda r: r.precision == "admin1")


def contained_before(place: Place, gazetteer: Gazetteer) -> Optional[str]:
    """The name right before the candidate and a comma ("Athens" for "Georgia" in "Athens, Georgia")."""
    before, _ = _span_text(place)
    match = _BEFORE.search(before)
    return match.group(1) if match else None


def coordinated(place: Place) -> list[str]:
    """Names joined to the candidate by "and"/"or" ("California or Washington")."""
    before, after = _span_text(place)
    found = [m.group(1) for m in (_COORDINATED_BEFORE.search(before), _COORDINATED_AFTER.match(after)) if m]
    return found


def contains(region: GeoRecord, town: GeoRecord) -> bool:
    """True when ``town`` lies in ``region`` (an admin1 region or a country)."""
    if region.precision == "country":
        return town.country == region.country and town is not region
    if region.precision == "admin1":
        return (town.precision in ("town", "admin2") and town.country == region.country
                and town.admin1 == region.name)
    return False
