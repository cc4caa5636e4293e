"""The `learned` step: a user's learned model as a second opinion on a Document.

Runs after geo. Where the rules found no event in a text as short as the
notes the classifier learned from, the classifier may add its one event by
the fitted combination rule (combine.py); the
dictionaries name actors the rules left unnamed and place events the
gazetteer could not.
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from flashpoint.errors import FlashpointError
from flashpoint.learn import dictionaries
from flashpoint.learn.classifier import SubEventClassifier
from flashpoint.learn.combine import combined, may_fill
from flashpoint.model import Actor, Document, Event, Place, Provenance

# An ACLED location name has to look like a name in running text to count.
MIN_PLACE_LENGTH = 4
DICTIONARY_CONFIDENCE = 0.6


@dataclass
class Learned:
    """A learned folder, loaded: classifier, threshold and dictionaries."""

    name: str
    classifier: SubEventClassifier
    threshold: float
    max_fill_chars: Optional[int] = None  # None: a folder learned before the limit (no limit)
    actors: list[dictionaries.ActorEntry] = field(default_factory=list)
    places: list[dictionaries.PlaceEntry] = field(default_factory=list)
    _actor_pattern: Optional[re.Pattern] = None
    _actor_by_alias: dict = field(default_factory=dict)
    _place_pattern: Optional[re.Pattern] = None
    _places_by_name: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        for entry in self.actors:
            for alias in entry.aliases:
                self._actor_by_alias.setdefault(alias.lower(), entry)
        for entry in self.places:
            if len(entry.location) >= MIN_PLACE_LENGTH:
                self._places_by_name.setdefault(entry.location, []).append(entry)
        self._actor_pattern = _alternation(self._actor_by_alias, re.IGNORECASE)
        self._place_pattern = _alternation(self._places_by_name, 0)


def _alternation(names, flags: int) -> Optional[re.Pattern]:
    if not names:
        return None
    ordered = sorted(names, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in ordered) + r")(?![\w-])", flags)


def load_learned(name_or_path: str) -> Learned:
    """Load a learned folder by name (under $FLASHPOINT_CACHE/learned) or by path (cached per process)."""
    from flashpoint.learn.build import learned_root

    folder = Path(name_or_path)
    if not (folder / "classifier.joblib").is_file():
        folder = learned_root() / name_or_path
    if not (folder / "classifier.joblib").is_file():
        raise FlashpointError(f"no learned model '{name_or_path}' (looked in {folder}); "
                              f"build one with `flashpoint learn EXPORT.csv --name {name_or_path}`")
    return _load(folder.resolve(), (folder / "classifier.joblib").stat().st_mtime_ns)


@lru_cache(maxsize=4)
def _load(folder: Path, _version: int) -> Learned:
    import joblib

    saved = joblib.load(folder / "classifier.joblib")
    return Learned(name=folder.name, classifier=saved["classifier"], threshold=saved["threshold"],
                   max_fill_chars=saved.get("max_fill_chars"),
                   actors=dictionaries.read_actors(folder / "actors.tsv"),
                   places=dictionaries.read_places(folder / "places.tsv"))


def revise(document: Document, learned: Learned) -> Document:
    """Apply the learned model to one Document (in place) and return it."""
    text = document.article.text
    if not document.events and text.strip() and may_fill(text, learned.max_fill_chars):
        from flashpoint.learn.encoder import shared_encoder

        event = _event_from_text(document, learned, shared_encoder())
        if event is not None:
            document.events.append(event)
    # the countries of the places the article names, for events the gazetteer could not place
    named = {p.country for p in document.places if p.country}
    for event in document.events:
        _name_actors(event, learned)
        _place(event, learned, named)
    return document


def _event_from_text(document: Document, learned: Learned, encoder) -> Optional[Event]:
    # The rules found nothing: the classifier's reading of the lead, when it is sure enough.
    text = document.article.text
    end = min(len(text), _lead_end(text))
    (label, probability), = learned.classifier.predict(encoder.encode([text[:end]]))
    if combined(None, label, probability, learned.threshold) is None:
        return None
    evidence = Provenance(document.article.id, text[:end], 0, end, 0, end, round(probability, 3))
    return Event(id=f"{document.article.id}-learned", article_id=document.article.id,
                 event_type=learned.classifier.event_types.get(label, ""), sub_event_type=label,
                 evidence=evidence, confidence=round(probability, 3), classified_by=f"learned:{learned.name}")


def _lead_end(text: str, limit: int = 600) -> int:
    # The headline and first sentences carry what the article is about; a text
    # within the limit is read whole (cutting at ". " would stop at "Capt." or "St.").
    if len(text) <= limit:
        return len(text)
    cut = text.rfind(". ", 0, limit)
    return cut + 1 if cut > 0 else min(len(text), limit)


def _span(event: Event, match: re.Match) -> Provenance:
    ev = event.evidence
    return Provenance(ev.article_id, ev.sentence, ev.sentence_start, ev.sentence_end,
                      ev.sentence_start + match.start(), ev.sentence_start + match.end(), DICTIONARY_CONFIDENCE)


def _name_actors(event: Event, learned: Learned) -> None:
    if learned._actor_pattern is None:
        return
    for slot in ("actor1", "actor2"):
        actor = getattr(event, slot)
        match = learned._actor_pattern.search(actor.text) if actor is not None else None
        if match is not None:
            entry = learned._actor_by_alias.get(match.group(0).lower())
            if entry is not None:
                actor.name, actor.kind = entry.name, entry.kind or actor.kind
                actor.country = entry.country or actor.country
    if event.actor1 is not None:
        return
    taken = {a.name for a in (event.actor2,) if a is not None}
    for match in learned._actor_pattern.finditer(event.evidence.sentence):
        entry = learned._actor_by_alias[match.group(0).lower()]
        if entry.name not in taken:
            event.actor1 = Actor(name=entry.name, text=match.group(0), kind=entry.kind,
                                 country=entry.country, provenance=_span(event, match))
            return


def _place(event: Event, learned: Learned, named: frozenset[str] | set[str] = frozenset()) -> None:
    if learned._place_pattern is None or (event.place is not None and event.place.precision != "country"):
        return
    country = event.place.country if event.place is not None else None
    # An unplaced event: the ACLED location must lie in a country the article names, if it names any
    # ("Bori" in a Nigerian story is not ACLED's Bori in Benin).
    allowed = {country} if country else named
    for match in learned._place_pattern.finditer(event.evidence.sentence):
        options = learned._places_by_name[match.group(0)]
        options = [p for p in options if not allowed or p.country in allowed]
        if not options:
            continue
        best = max(options, key=lambda p: p.count)
        event.place = Place(name=best.location, text=match.group(0),
                            precision="town" if best.geo_precision in (1, 2) else "admin1",
                            country=best.country, admin1=best.admin1 or None, lat=best.lat, lon=best.lon,
                            provenance=_span(event, match))
        return
