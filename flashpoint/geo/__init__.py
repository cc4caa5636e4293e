"""The geo stage: offline gazetteer and toponym resolution (see README.md)."""

from flashpoint.geo.countries import country_code
from flashpoint.geo.gazetteer import Gazetteer, GeoRecord, get_gazetteer
from flashpoint.geo.document import resolve_document
from flashpoint.geo.parse import find_toponyms
from flashpoint.geo.resolve import capital_of, resolve, resolve_candidate
from flashpoint.geo.spans import name_candidate

__all__ = ["Gazetteer", "capital_of", "GeoRecord", "country_code", "get_gazetteer", "find_toponyms", "resolve", "resolve_candidate",
           "name_candidate", "resolve_document"]
