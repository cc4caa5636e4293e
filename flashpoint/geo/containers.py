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
from flashpoint.model import Place

_NAME = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
_AFTER = re.compile(rf"^\s*,\s*({_NAME})")
_BEFORE = re.compile(rf"({_NAME})\s*,\s*$")
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
