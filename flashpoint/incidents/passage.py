"""An incident's town from the passage that tells it.

Wire reports often tell an incident in one sentence and place it in the next:
"Two suicide bombers attacked a compound in northwest Pakistan ... The attack
occurred in the Bara neighbourhood", "... when their vehicle hit a bomb ...
The incident happened in Dioura, in the Mopti region." An ACLED coder reads
the passage and codes the town. When an incident's own sentences give no town,
it takes the capital when its sentences place it there ("in the Chilean
capital", "Somalia's capital"), else the first town named in a place slot ("in",
"near", "the village of") in its own sentences or the few sentences after them,
provided the town lies inside what its sentences did say (the country or region)
and no other incident of the article is placed there.
"""

from __future__ import annotations

import dataclasses
import re

from flashpoint.geo import capital_of, country_code, resolve_candidate
from flashpoint.incidents.places import place_key, same_place, specificity
from flashpoint.model import Event, Place, Provenance

# How many sentences after an incident's last telling still speak of it.
FOLLOWING_SENTENCES = 2
# A borrowed town is surer than the country it refines, less sure than a town the sentence names.
PASSAGE_CONFIDENCE = 0.5
# The words just before a name that put it in a place slot ("in", "near", "the town of").
_PLACE_SLOT = re.compile(
    r"\b(?:in|at|near|outside|around|inside|of|from)\s+(?:the\s+)?"
    r"(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE)
# "in the capital", "the Chilean capital", "Somalia's capital"; not a reference point
# ("southwest of the capital") nor one the sentence names ("the capital, Kabul").
_CAPITAL = re.compile(r"\b(?:the\s+(?:(?P<demonym>[A-Z][\w-]+)\s+)?|(?P<country>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)['’‘]s\s+"
                      # a headline drops the article: "bomb in Somali capital"
                      r"|(?<=\b(?:in|at|on) )(?P<headline>[A-Z][\w-]+)\s+)"
                      r"capital\b(?!\s*(?:,\s*[A-Z]|city\s+of|[A-Z]))")
# Words that make what follows a reference point: "50 km north of Beni", "outside the capital".
_REFERENCE_POINT = re.compile(r"\b(?:north|south|east|west)\w*\s+of\b|\b(?:km|kilomet\w*|miles|outside)\b",
                              re.IGNORECASE)
# "said in Kinshasa", "confirmed on Friday in Geneva", "told reporters in Kabul": where the
# news was told, not where it happened.
_WHERE_TOLD = re.compile(r"\b(?:said|says|told|confirmed|announced|reported|stated|added|briefing|"
                         r"conference|statement)\b(?:\s+\w+){0,4}\s+(?:in|at)\s+(?:the\s+)?$", re.IGNORECASE)
# How far before a name such words still make it a reference point.
REFERENCE_CHARS = 45
# "in the same region", "in the same area": where the incident told before happened.
_SAME_PLACE = re.compile(r"\b(?:in|near|at|around)\s+the\s+same\s+(?P<what>region|province|state|district|"
                         r"area|town|village|city|locality|place|spot|neighbou?rhood)\b", re.IGNORECASE)
_REGION_NOUNS = frozenset({"region", "province", "state"})
_SENTENCE_END = re.compile(r"[.!?]['\"’”)]*\s+|\n+")


def _in_slot(text: str, place: Place) -> bool:
    """The name is where something happened: after a place word, not a reference point
    ("50 km north of Beni") nor a possessor ("Sagaing's Ayadaw")."""
    start = place.provenance.start
    before = text[max(0, start - 60):start]
    if _PLACE_SLOT.search(before) is None or _REFERENCE_POINT.search(before[-REFERENCE_CHARS:]):
        return False
    if _WHERE_TOLD.search(before):
        return False  # "MSF confirmed on Friday in Kinshasa that ...": where it was said
    return text[place.provenance.end:place.provenance.end + 2] not in ("'s", "’s")


def _within(place: Place, known: Place | None) -> bool:
    """``place`` lies inside the country or region the incident's sentences (or the article) gave it."""
    if known is None:
        return False
    if place.country != known.country:
        return False
    if known.precision == "admin1":  # a town in the region, not one named like it
        return place.admin1 == known.admin1 and place_key(place.text) != place_key(known.text)
    return True


def _passage_end(text: str, event: Event) -> int:
    """Where the sentences that still speak of the incident end."""
    end = max(p.sentence_end for p in (event.mentions or [event.evidence]))
    for _ in range(FOLLOWING_SENTENCES):
        found = _SENTENCE_END.search(text, end + 1)
        if found is None:
            return len(text)
        end = found.end()
    return end


def _capital(event: Event) -> Place | None:
    """The capital of the incident's country when its own sentences place it there."""
    country = event.place.country if event.place is not None else None
    if country is None or event.place.precision != "country":
        return None
    for told in event.mentions or [event.evidence]:
        for found in _CAPITAL.finditer(told.sentence):
            named = found.group("demonym") or found.group("country") or found.group("headline")
            if named and country_code(named) != country:
                continue
            if _REFERENCE_POINT.search(told.sentence[max(0, found.start() - REFERENCE_CHARS):found.start()]):
                continue
            start = told.sentence_start + found.start()
            return capital_of(country, Provenance(
                article_id=told.article_id, sentence=told.sentence, sentence_start=told.sentence_start,
                sentence_end=told.sentence_end, start=start, end=told.sentence_start + found.end(),
                confidence=PASSAGE_CONFIDENCE))
    return None


def _place_told_before(event: Event, incidents: list[Event]) -> Place | None:
    """The place of the incident told just before, when the incident's sentence puts it
    "in the same region" (its region) or "in the same area" (its town)."""
    for told in event.mentions or [event.evidence]:
        found = _SAME_PLACE.search(told.sentence)
        if found is None:
            continue
        before = [other for other in incidents if other is not event and other.place is not None
                  and other.evidence.sentence_start < told.sentence_start]
        if not before:
            return None
        place = max(before, key=lambda other: other.evidence.sentence_start).place
        if event.place is not None and event.place.country not in (None, place.country):
            return None
        if found.group("what").lower() in _REGION_NOUNS and place.precision == "town" and place.admin1:
            region = resolve_candidate(Place(name=place.admin1, text=place.admin1, precision="admin1",
                                             country=place.country))
            place = region if region is not None and region.country == place.country else place
        start = told.sentence_start + found.start()
        return dataclasses.replace(place, text=found.group(), provenance=Provenance(
            article_id=told.article_id, sentence=told.sentence, sentence_start=told.sentence_start,
            sentence_end=told.sentence_end, start=start, end=told.sentence_start + found.end(),
            confidence=PASSAGE_CONFIDENCE))
    return None


def place_from_passage(event: Event, text: str, places: list[Place], incidents: list[Event]) -> Event:
    """Give an incident placed no finer than a region its capital, when its sentences
    say so, the place of the incident told before when they say "in the same region"
    (or area), or the first unclaimed town its passage names inside that region; other
    incidents are left as they are."""
    if specificity(event.place) >= 2:
        return event
    capital = _capital(event) or _place_told_before(event, incidents)
    if capital is not None:
        event.place = capital
        return event
    start = min(p.sentence_start for p in (event.mentions or [event.evidence]))
    end = _passage_end(text, event)
    claimed = [other.place for other in incidents if other is not event and other.place is not None]
    own = [(p.sentence_start, p.sentence_end) for p in (event.mentions or [event.evidence])]
    region = elsewhere = None
    for place in places:
        if place.provenance is None or not start <= place.provenance.start < end:
            continue
        if place.precision == "admin1" and region is None and specificity(event.place) < 1 \
                and event.place is not None and place.country == event.place.country and _in_slot(text, place):
            region = place  # "during a raid on a town in eastern Congo's South Kivu province"
            continue
        if place.precision != "town" or not _in_slot(text, place) or not _within(place, event.place):
            continue
        if any(same_place(place, other) for other in claimed):
            continue
        if any(lo <= place.provenance.start < hi for lo, hi in own):
            event.place = _borrowed(place)
            return event
        elsewhere = elsewhere or place
    # a province the passage names says more of the incident than a town another of its
    # sentences names in passing outside it ("fighting in the capital Khartoum" since the war
    # began); a town inside it ("Charsadda, a district in the Khyber Pakhtunkhwa province") more
    inside = elsewhere is not None and region is not None and elsewhere.admin1 == region.admin1
    chosen = elsewhere if inside or region is None else region
    if chosen is not None:
        event.place = _borrowed(chosen)
    return event


def _borrowed(place: Place) -> Place:
    """A place the passage names, less sure as the incident's than in its own sentence."""
    return dataclasses.replace(place, provenance=dataclasses.replace(
        place.provenance, confidence=min(place.provenance.confidence, PASSAGE_CONFIDENCE)))
