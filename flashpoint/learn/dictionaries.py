"""Actor and place dictionaries built from an ACLED export.

Actors: every actor and associated actor with the kind its ``inter`` code
gives and its country. Places: every ACLED location with admin1-3 and
coordinates. Both are written as TSV files in the learned folder and read
back by the `learned` step of the pipeline.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from flashpoint.learn.acled_csv import AcledRow
from flashpoint.model import ACTOR_KINDS

# ACLED's inter codes 1-8 in flashpoint's kind names (model.ACTOR_KINDS is in that order).
INTER_KINDS = {code: kind for code, kind in enumerate(ACTOR_KINDS, start=1)}
_YEARS = re.compile(r"\s*\((?:\d{4})?-(?:\d{4})?\)")
_ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9-]{1,9}$")
# Generic ACLED names ("Protesters (Kenya)", "Unidentified Armed Group (Kenya)") say nothing a rule cannot.
_GENERIC = re.compile(r"^(Protesters|Rioters|Civilians|Unidentified|Military Forces|Police Forces|"
                      r"Government of|Private Security|Labour Group|Students|Women|Refugees|Prisoners|"
                      r"Journalists|Health Workers|Lawyers|Teachers|Farmers|Fishers|Christian Group|"
                      r"Muslim Group|Ethnic Group)\b")


@dataclass
class ActorEntry:
    """An ACLED actor name, its kind and country, and the aliases it is recognised by."""

    name: str
    kind: Optional[str]
    country: Optional[str]
    aliases: tuple[str, ...]
    count: int


@dataclass
class PlaceEntry:
    """An ACLED location with its administrative units and coordinates."""

    location: str
    admin1: str
    admin2: str
    admin3: str
    country: Optional[str]
    lat: float
    lon: float
    geo_precision: Optional[int]
    count: int


def aliases_of(name: str) -> tuple[str, ...]:
    """How text may name an ACLED actor: "JNIM: Group for Support of Islam and Muslims" -> both halves."""
    base = _YEARS.sub("", name).strip()
    parts = [p.strip() for p in base.split(":")] if ":" in base else [base]
    # "Kivu Liberation Front (KLF)": the acronym in brackets is a name too
    acronyms = re.findall(r"\(([A-Z][A-Z0-9-]{1,7})\)", base)
    found = []
    for part in [base] + parts + acronyms:
        part = re.sub(r"\s*\([^)]*\)$", "", part).strip()  # "(Kenya)" qualifiers
        if len(part) >= 3 and part not in found and (len(part.split()) > 1 or _ACRONYM.match(part)):
            found.append(part)
    return tuple(found)


def build_actors(rows: Iterable[AcledRow], country_code) -> list[ActorEntry]:
    """Named (non-generic) actors with their most frequent kind and country."""
    kinds: dict[str, Counter] = {}
    countries: dict[str, Counter] = {}
    for row in rows:
        for name, inter in ((row.actor1, row.inter1), (row.actor2, row.inter2)):
            if name:
                kinds.setdefault(name, Counter())[INTER_KINDS.get(inter)] += 1
                countries.setdefault(name, Counter())[country_code(row.country)] += 1
        for name in row.assoc_actors:
            countries.setdefault(name, Counter())[country_code(row.country)] += 1
            kinds.setdefault(name, Counter())
    entries = []
    for name, seen in countries.items():
        if _GENERIC.match(name):
            continue
        aliases = aliases_of(name)
        if not aliases:
            continue
        kind = kinds[name].most_common(1)[0][0] if kinds[name] else None
        country = _country_of(name, seen, country_code)
        entries.append(ActorEntry(name, kind, country, aliases, sum(seen.values())))
    return sorted(entries, key=lambda e: (-e.count, e.name))


def _country_of(name: str, seen: Counter, country_code) -> Optional[str]:
    # "Military Forces of Kenya (2013-)" names its country; otherwise the usual one, if it dominates.
    named = re.search(r"\bof ([A-Z][\w' -]+?)(?: \(|$)", name) or re.search(r"\(([A-Z][\w' -]+)\)$", _YEARS.sub("", name))
    if named and country_code(named.group(1)):
        return country_code(named.group(1))
    code, count = seen.most_common(1)[0]
    return code if count >= 0.8 * sum(seen.values()) else None


def build_places(rows: Iterable[AcledRow], country_code) -> list[PlaceEntry]:
    """One entry per (location, admin1, country) with its coordinates and how often it occurs."""
    places: dict[tuple, PlaceEntry] = {}
    for row in rows:
        if not row.location or row.lat is None or row.lon is None:
            continue
        key = (row.location, row.admin1, row.country)
        if key in places:
            places[key].count += 1
        else:
            places[key] = PlaceEntry(row.location, row.admin1, row.admin2, row.admin3,
                                     country_code(row.country), row.lat, row.lon, row.geo_precision, 1)
    return sorted(places.values(), key=lambda p: (-p.count, p.location))


def write_actors(entries: list[ActorEntry], path: Path) -> None:
    """Write the actor dictionary as TSV."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, delimiter="\t", lineterminator="\n")
        out.writerow(["name", "kind", "country", "aliases", "count"])
        for e in entries:
            out.writerow([e.name, e.kind or "", e.country or "", "|".join(e.aliases), e.count])


def read_actors(path: Path) -> list[ActorEntry]:
    """Read an actor dictionary written by write_actors."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [ActorEntry(r["name"], r["kind"] or None, r["country"] or None,
                           tuple(a for a in r["aliases"].split("|") if a), int(r["count"]))
                for r in csv.DictReader(handle, delimiter="\t")]


def write_places(entries: list[PlaceEntry], path: Path) -> None:
    """Write the place dictionary as TSV."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, delimiter="\t", lineterminator="\n")
        out.writerow(["location", "admin1", "admin2", "admin3", "country", "lat", "lon", "geo_precision", "count"])
        for p in entries:
            out.writerow([p.location, p.admin1, p.admin2, p.admin3, p.country or "", p.lat, p.lon,
                          "" if p.geo_precision is None else p.geo_precision, p.count])


def read_places(path: Path) -> list[PlaceEntry]:
    """Read a place dictionary written by write_places."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [PlaceEntry(r["location"], r["admin1"], r["admin2"], r["admin3"], r["country"] or None,
                           float(r["lat"]), float(r["lon"]),
                           int(r["geo_precision"]) if r["geo_precision"] else None, int(r["count"]))
                for r in csv.DictReader(handle, delimiter="\t")]
