"""Offline country borders for the map, read from the `countryinfo` package.

countryinfo (PyPI, MIT) ships one JSON file per country whose ``geoJSON``
outline is the public-domain Natural Earth 1:110m admin-0 shape. Nothing is
fetched at run time.
"""

from __future__ import annotations

import functools
import json
from importlib.resources import files
from typing import Any

DECIMALS = 2  # ~1 km: finer than a 1:110m outline needs, and halves the download


def _rounded(coords: Any) -> Any:
    if isinstance(coords, (int, float)):
        return round(coords, DECIMALS)
    return [_rounded(c) for c in coords]


@functools.lru_cache(maxsize=1)
def country_borders() -> dict[str, Any]:
    """A GeoJSON FeatureCollection of country outlines, properties ``iso2`` and ``name``."""
    features = []
    for entry in sorted(files("countryinfo").joinpath("data").iterdir(), key=lambda p: p.name):
        if not entry.name.endswith(".json"):
            continue
        data = json.loads(entry.read_text(encoding="utf-8"))
        iso2 = (data.get("ISO") or {}).get("alpha2")
        for feature in (data.get("geoJSON") or {}).get("features") or []:
            geometry = feature.get("geometry")
            if not geometry or not geometry.get("coordinates"):
                continue
            features.append(
                {
                    "type": "Feature",
                    "properties": {"iso2": iso2, "name": data.get("name")},
                    "geometry": {"type": geometry["type"], "coordinates": _rounded(geometry["coordinates"])},
                }
            )
    return {"type": "FeatureCollection", "features": features}


@functools.lru_cache(maxsize=1)
def country_borders_json() -> bytes:
    """``country_borders()`` serialised once, compactly."""
    return json.dumps(country_borders(), separators=(",", ":")).encode()
