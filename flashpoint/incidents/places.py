"""Whether two resolved places can be where one incident happened."""

from __future__ import annotations

import math
import re
import unicodedata

from flashpoint.events.places import REFERENCE_CONFIDENCE
from flashpoint.model import Place

# Two differently named towns are two incidents (ACLED codes each town apart: a
# clash in Omdurman and an air strike in Bahri, 8 km away, are two events) unless
# they are this close: one place under two gazetteer entries.
SAME_SPOT_KM = 2.0
# A district named as part of a city ("Moscow's district of Krasnogorsk") lies this close.
CITY_KM = 25.0
# A place told only loosely ("a central province just southwest of the capital, Kabul")
# agrees with a named place this near it.
LOOSE_PLACE_KM = 120.0
_NON_WORD = re.compile(r"[^0-9a-z]+")


def place_key(name: str | None) -> str:
    folded = unicodedata.normalize("NFKD", (name or "").casefold())
    return _NON_WORD.sub("", "".join(ch for ch in folded if not unicodedata.combining(ch)))


def distance_km(a: Place, b: Place) -> float | None:
    """Great-circle distance between two places, None when a point is missing."""
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 12742 * math.asin(min(1.0, math.sqrt(h)))


def _region(place: Place) -> str:
    """The admin1 region a place lies in (an admin1 place is its own region; a district,
    placed at admin1 precision, lies in its admin1)."""
    return place_key(place.admin1 or place.name if place.precision == "admin1" else place.admin1)


def places_compatible(a: Place | None, b: Place | None) -> bool:
    """No conflict: unknown, the same place, or one inside the other (a town in its
    admin1, an admin1 in its country); two differently named towns conflict."""
    if a is None or b is None:
        return True
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    if a.country and b.country and a.country != b.country:
        return False
    if "country" in (a.precision, b.precision):
        return True
    if loose(a) or loose(b):
        far = distance_km(a, b)
        if far is not None and far <= LOOSE_PLACE_KM:
            return True
    region_a, region_b = _region(a), _region(b)
    if region_a and region_b and region_a != region_b:
        return False
    if a.precision == b.precision == "town":
        if place_key(a.name) == place_key(b.name):
            return True
        far = distance_km(a, b)
        return far is not None and far <= SAME_SPOT_KM
    if a.precision == b.precision == "admin1":
        return place_key(a.name) == place_key(b.name) or region_a == region_b
    return True


def named_within(a: Place, b: Place, sentence_of_b: str) -> bool:
    """Two nearby towns where the report of ``b`` also names ``a``: "in Moscow's
    northern district of Krasnogorsk" is in Moscow too."""
    if a.precision != "town" or b.precision != "town":
        return False
    far = distance_km(a, b)
    if far is None or far > CITY_KM:
        return False
    names = {n for n in (a.name, a.text) if n}
    return any(re.search(rf"\b{re.escape(n)}\b", sentence_of_b) for n in names)


def same_place(a: Place | None, b: Place | None) -> bool:
    """Both known and the same gazetteer entry (or the same name at the same precision)."""
    if a is None or b is None:
        return False
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    return a.precision == b.precision and place_key(a.name) == place_key(b.name) and a.country == b.country


def loose(place: Place | None) -> bool:
    """A place the text gives only as a reference point ("south of Taftanaz"), or as unsurely."""
    return place is not None and place.provenance is not None and place.provenance.confidence <= REFERENCE_CONFIDENCE


def specificity(place: Place | None) -> int:
    """Town 2, admin1 1, country 0, unknown -1."""
    if place is None:
        return -1
    return {"town": 2, "admin1": 1}.get(place.precision, 0)
