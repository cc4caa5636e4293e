"""One event per place when a sentence lists the places it happened in.

"Thousands marched in Paris, Lyon and Marseille" is three protests for ACLED (one
event, one place); "the army retook al-Qahira and Tel al-Usud" is two territorial
changes. Only for crowd events and changes of territory told without a toll: a toll
given for the whole list cannot be shared out among the places.
"""

from __future__ import annotations

import re

from flashpoint.events.discourse import STREET_WORDS
from flashpoint.events.taxonomy import PROTESTS, RIOTS, event_type_of
from flashpoint.geo import country_code, get_gazetteer
from flashpoint.geo.names import ADMIN_WORDS, name_key
from flashpoint.model import Place

TERRITORY = {"Government regains territory", "Non-state actor overtakes territory",
             "Non-violent transfer of territory"}
# What may stand between two places of one list: a comma, "and", "or", "as well as",
# "and its twin cities," / "and the towns of".
_JOINER = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|as well as)\s+)"
                     r"(?:(?:its|the|their|neighbouring|neighboring)\s+(?:\w+\s+)?"
                     r"(?:cities|towns|city|town|villages?|suburbs?|districts?)(?:\s+of)?\s*,?\s*)?\s*", re.I)


# "Barquisimeto, Lara state": a region after a comma holds the town before it; no list.
_REGION_AFTER = re.compile(r"^\s*(?:" + "|".join(sorted(ADMIN_WORDS, key=len, reverse=True)) + r")\b", re.I)


# "Barangay Quintin Remo, Moises Padilla": a part of a town before the town that holds it.
_PART_OF_TOWN = re.compile(r"\b(?:barangay|brgy\.?|sitio|purok|village(?: of)?|ward|neighbou?rhood(?: of)?|"
                           r"hamlet(?: of)?|locality(?: of)?)\s*$", re.I)


def _holds_previous(place: Place, previous: Place, joiner: str, text: str) -> bool:
    """A place after a bare comma that holds the one before: marked as a region ("..., Lara
    state"), the country ("Athens, Greece"), the region the gazetteer puts the town in
    ("Southport, England"), or the town a village or barangay named before lies in."""
    if joiner.strip() != ",":
        return False
    before = text[max(0, previous.provenance.start - 20):previous.provenance.start]
    if _PART_OF_TOWN.search(before) or _PART_OF_TOWN.match((previous.text or "").split(" ")[0]):
        return True
    written = place.text or ""
    if _REGION_AFTER.match(text[place.provenance.end:place.provenance.end + 30]) or any(
            written.lower().endswith(" " + word) for word in ADMIN_WORDS):
        return True
    if country_code(written):
        return True
    key = name_key(written)
    return any(r.precision == "town" and r.admin1 and name_key(r.admin1) == key
               for r in get_gazetteer().lookup(previous.text or ""))


def splits_by_place(sub_event: str, has_toll: bool) -> bool:
    """True for the events that ACLED codes once per listed place."""
    return not has_toll and (event_type_of(sub_event) in (PROTESTS, RIOTS) or sub_event in TERRITORY)


def listed_places(places: list[Place], text: str) -> list[Place]:
    """The longest run of two or more places that the text lists one after another
    ("in Paris, Lyon and Marseille"), in text order; [] when there is none."""
    # sites inside a town ("at Banaras Chowk, Al-Asif Square and Shaheen Chowk") are one town's
    located = sorted((p for p in places if p.provenance is not None and (p.text or "").split()[-1:] != []
                      and p.text.split()[-1].lower() not in STREET_WORDS), key=lambda p: p.provenance.start)
    best: list[Place] = []
    run: list[Place] = []
    for place in located:
        joiner = text[run[-1].provenance.end:place.provenance.start] if run else ""
        if run and _holds_previous(place, run[-1], joiner, text):
            continue
        if run and _JOINER.fullmatch(joiner):
            run.append(place)
        else:
            run = [place]
        if len(run) > len(best):
            best = list(run)
    return best if len(best) >= 2 else []
