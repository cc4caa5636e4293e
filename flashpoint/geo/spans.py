"""Resolving given toponym spans of one text in the text's context.

The same scoring as the event stage's ``resolve`` (``resolve._choose``): the
article's countries, regions and unambiguous places first, then each span.
Used by ``flashpoint.geoparse`` and by the gold-set evaluation.
"""

from __future__ import annotations

import re
from typing import Optional, Sequence

from flashpoint.geo.gazetteer import Gazetteer, get_gazetteer
from flashpoint.geo.resolve import (
    article_context, candidate_matches, choose_record, confidence, record_to_place, surface_key,
)
from flashpoint.model import Place, Provenance

BACKOFF_CONFIDENCE = 0.7
_SENTENCE_END = re.compile(r"[.!?]['\"’”)]*\s+(?=[\"'“‘(]*[A-Z0-9])|\n")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The (start, end) of the sentence of ``text`` holding ``text[start:end]`` (a simple splitter)."""
    left = 0
    for match in _SENTENCE_END.finditer(text, max(0, start - 600), start):
        if match.end() <= start:
            left = match.end()
    right = len(text)
    match = _SENTENCE_END.search(text, end)
    if match:
        right = match.start() + (1 if text[match.start()] in ".!?" else 0)  # the stop, not the newline
    return left, right


def span_candidate(text: str, start: int, end: int, article_id: str = "", confidence: float = 1.0) -> Place:
    """An unresolved Place for ``text[start:end]`` with provenance in its sentence."""
    s_start, s_end = sentence_bounds(text, start, end)
    surface = text[start:end]
    prov = Provenance(article_id=article_id, sentence=text[s_start:s_end], sentence_start=s_start,
                      sentence_end=s_end, start=start, end=end, confidence=confidence)
    return Place(name=surface, text=surface, precision="town", provenance=prov)


# Region words after a name ask for an admin1 region ("the Sagaing region").
REGION_WORDS = {"province", "governorate", "state", "region", "oblast", "prefecture", "department"}


def name_candidate(text: str, start: int, end: int, article_id: str = "") -> Place:
    """Like ``span_candidate``, for a toponym the parser found: trailing lowercase words
    ("Charsadda district", "Sagaing region") leave the name, and a region word asks for
    admin1 precision."""
    words = list(re.finditer(r"\S+", text[start:end]))
    precision = "town"
    while len(words) > 1 and words[-1].group().islower():
        if words[-1].group().strip(",.").removesuffix("s") in REGION_WORDS:  # "Uruzgan and Badghis provinces"
            precision = "admin1"
        words.pop()
    candidate = span_candidate(text, start, start + words[-1].end(), article_id) if words else \
        span_candidate(text, start, end, article_id)
    candidate.precision = precision
    return candidate


def resolve_spans(text: str, spans: Sequence[tuple[int, int]], article_id: str = "",
                  gazetteer: Optional[Gazetteer] = None) -> list[Optional[Place]]:
    """One resolved Place (or None) per ``(start, end)`` span of ``text``, in order."""
    return resolve_candidates(text, [span_candidate(text, s, e, article_id) for s, e in spans], gazetteer)


def resolve_candidates(text: str, candidates: Sequence[Place], gazetteer: Optional[Gazetteer] = None,
                       backoff: bool = True, url: str | None = None) -> list[Optional[Place]]:
    """One resolved Place (or None) per unresolved candidate of ``text`` (``span_candidate``), in order;
    ``backoff`` also tries shorter and other forms of a name the gazetteer does not know; ``url``,
    the article's address, counts its site's country (``article_context``)."""
    gazetteer = gazetteer or get_gazetteer()
    context = article_context(text, url)
    candidates = list(candidates)
    found = [candidate_matches(c, gazetteer, context, backoff=backoff) for c in candidates]
    for candidate, matches in zip(candidates, found):  # unambiguous places anchor the rest
        if matches and len({m.record.country for m in matches}) == 1:
            record = choose_record(matches, candidate, None, context, gazetteer)
            if record and record.precision in ("town", "admin2", "admin1") and record.lat is not None:
                context.anchors.append((surface_key(candidate), record))
    # names that found nothing on their own may be read in the light of the sure places
    found = [m or candidate_matches(c, gazetteer, context, backoff=backoff) for c, m in zip(candidates, found)]
    places: list[Optional[Place]] = []
    for candidate, matches in zip(candidates, found):
        record = choose_record(matches, candidate, None, context, gazetteer)
        if record is None:
            places.append(None)
            continue
        sure = confidence(record, matches, candidate, None, context, gazetteer)
        if not any(m.record == record for m in gazetteer.matches(candidate.text)):
            sure *= BACKOFF_CONFIDENCE  # found through another name: an abbreviation, a modifier
        candidate.provenance.confidence = round(sure, 3)
        places.append(record_to_place(record, candidate))
    return places
