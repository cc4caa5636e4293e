"""The geo stage: offline gazetteer and toponym resolution (see README.md)."""

from flashpoint.geo.countries import country_code
from flashpoint.geo.gazetteer import Gazetteer, GeoRecord, get_gazetteer
from flashpoint.geo.resolve import resolve, resolve_candidate

__all__ = ["Gazetteer", "GeoRecord", "country_code", "get_gazetteer", "resolve", "resolve_candidate"]
