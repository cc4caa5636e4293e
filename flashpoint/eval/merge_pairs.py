"""Pairwise merge precision and recall on a set of multi-outlet articles (docs/merge.md).

A merge set is a folder with three JSON Lines files:

- ``articles.jsonl``: one article a line (``id``, ``text``, ``url``, ``date``, ``title``, ...);
- ``incidents.jsonl``: one real-world incident a line (``id``, ``date``, ``country``,
  ``lat``, ``lon``, ``family`` — ACLED's type family, or an event type read as its
  family — and a description);
- ``gold.jsonl``: ``{"article": ..., "incident": ...}`` for every article reporting an incident.

A stored event *matches* an incident when its type family is the incident's, its
date window comes within a day of the incident's day, its country is the
incident's and, for an event placed at a town, it lies within ``MATCH_KM`` of the
incident's point (an admin1 or country place fits when the country does).

- **Gold pairs**: for each incident, each two articles reporting it. A gold pair
  is *scorable* when both articles gave a stored event matching the incident
  (otherwise extraction, not merging, missed it), and *merged* when one stored
  event matching the incident holds sources from both. Recall = merged / scorable.
- **Merged pairs**: for each stored event, each two set articles among its
  sources. A merged pair is *correct* when both articles report one incident
  that the event matches. Precision = correct / merged pairs.
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

from flashpoint.errors import InputError
from flashpoint.merge.rules import haversine_km, type_family
from flashpoint.model import Event

# An incident's place is a town or a city district; outlets name the village, the
# district or the nearest city, so a matching event may lie this far from it.
MATCH_KM = 60.0


@dataclass(frozen=True)
class Incident:
    """One real-world incident of the gold set."""

    id: str
    date: dt.date
    country: str
    family: str
    lat: float | None = None
    lon: float | None = None


@dataclass
class MergeSet:
    """Articles (raw JSON objects), incidents, and article id -> incident ids."""

    articles: list[dict]
    incidents: dict[str, Incident]
    gold: dict[str, set[str]]


@dataclass
class PairScore:
    """Pair counts, the two ratios, and the failures for inspection."""

    scorable: int = 0
    recalled: int = 0
    unscorable: int = 0
    merged: int = 0
    correct: int = 0
    misses: list[tuple] = field(default_factory=list)
    wrong: list[tuple] = field(default_factory=list)
    unscored: list[tuple] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.recalled / self.scorable if self.scorable else 0.0

    @property
    def precision(self) -> float:
        return self.correct / self.merged if self.merged else 1.0

    def summary(self) -> str:
        """One line of figures."""
        return (
            f"pairwise precision {self.precision:.3f} ({self.correct}/{self.merged} merged pairs correct), "
            f"recall {self.recall:.3f} ({self.recalled}/{self.scorable} scorable gold pairs merged; "
            f"{self.unscorable} gold pairs not scorable: an article gave no matching event)"
        )


def _lines(path: Path) -> list[dict]:
    try:
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    except (OSError, ValueError) as error:
        raise InputError(str(path), f"cannot read a merge set file ({error})") from None


def load_merge_set(folder: str | Path) -> MergeSet:
    """Read ``articles.jsonl``, ``incidents.jsonl`` and ``gold.jsonl`` from a folder."""
    folder = Path(folder)
    articles = _lines(folder / "articles.jsonl")
    incidents = {}
    for row in _lines(folder / "incidents.jsonl"):
        incidents[row["id"]] = Incident(
            # a family ("political violence") or an ACLED event type, read as its family
            row["id"], dt.date.fromisoformat(row["date"]), row["country"], type_family(row["family"]),
            row.get("lat"), row.get("lon"),
        )
    gold: dict[str, set[str]] = {}
    for row in _lines(folder / "gold.jsonl"):
        if row["incident"] not in incidents:
            raise InputError(str(folder / "gold.jsonl"), f"unknown incident {row['incident']!r}")
        gold.setdefault(row["article"], set()).add(row["incident"])
    return MergeSet(articles, incidents, gold)


def matches(event: Event, incident: Incident) -> bool:
    """True when a stored event is about the incident (type family, day, place)."""
    if type_family(event.event_type) != incident.family or event.date is None or event.place is None:
        return False
    slack = dt.timedelta(days=1)
    if not (event.date.start - slack <= incident.date <= event.date.end + slack):
        return False
    if event.place.country != incident.country:
        return False
    if event.place.precision != "town" or None in (event.place.lat, event.place.lon, incident.lat, incident.lon):
        return True  # a region's or country's point is its centre, not the incident's
    return haversine_km(event.place.lat, event.place.lon, incident.lat, incident.lon) <= MATCH_KM


def score_pairs(events: Iterable[Event], set_id: dict[str, str], merge_set: MergeSet) -> PairScore:
    """Score stored events; ``set_id`` maps a stored article id to its id in the set."""
    result = PairScore()
    events = list(events)
    members = [sorted({set_id[s.article_id] for s in e.sources if s.article_id in set_id}) for e in events]
    for event, arts in zip(events, members):
        for a, b in combinations(arts, 2):
            result.merged += 1
            shared = merge_set.gold.get(a, set()) & merge_set.gold.get(b, set())
            if any(matches(event, merge_set.incidents[i]) for i in shared):
                result.correct += 1
            else:
                result.wrong.append((event.id, a, b, sorted(shared)))
    by_incident: dict[str, list[str]] = {}
    for article, incidents in merge_set.gold.items():
        for incident in incidents:
            by_incident.setdefault(incident, []).append(article)
    for incident_id, arts in sorted(by_incident.items()):
        incident = merge_set.incidents[incident_id]
        found = [(e, set(m)) for e, m in zip(events, members) if matches(e, incident)]
        for a, b in combinations(sorted(arts), 2):
            if not (any(a in m for _, m in found) and any(b in m for _, m in found)):
                result.unscorable += 1
                result.unscored.append((incident_id, a, b))
                continue
            result.scorable += 1
            if any({a, b} <= m for _, m in found):
                result.recalled += 1
            else:
                result.misses.append((incident_id, a, b))
    return result


def run_merge_set(folder: str | Path, db_url: str | None = None) -> tuple[PairScore, list[Event], dict[str, str]]:
    """Ingest a merge set's articles with the real pipeline into a (temporary) SQLite
    database, one article per batch in the set's order, and score the stored events."""
    from flashpoint import extract_articles
    from flashpoint.store import open_store
    from flashpoint.text.readers import read_records

    merge_set = load_merge_set(folder)
    path = Path(folder) / "articles.jsonl"
    by_url = {a["url"]: a["id"] for a in merge_set.articles}
    records = [r for r in read_records(str(path)) if not isinstance(r, Exception)]
    documents = list(extract_articles(records))
    set_id = {d.article.id: by_url[d.article.url] for d in documents if d.article.url in by_url}
    with tempfile.TemporaryDirectory() as tmp:
        with open_store(db_url or f"sqlite:///{Path(tmp) / 'merge.db'}") as store:
            for document in documents:
                store.add_documents([document])
            events = store.events()
    return score_pairs(events, set_id, merge_set), events, set_id
