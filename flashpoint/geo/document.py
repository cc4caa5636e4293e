"""The geo stage over one Document: its events' places and the places the article names."""

from __future__ import annotations

import dataclasses
from typing import Optional

from flashpoint.geo.gazetteer import Gazetteer, get_gazetteer
from flashpoint.geo.resolve import resolve
from flashpoint.geo.spans import resolve_candidates
from flashpoint.model import Document, Place


def resolve_document(document: Document, gazetteer: Optional[Gazetteer] = None) -> Document:
    """Resolve each event's candidates into its place (``resolve``) and the article's
    named places (``document.places``, unresolved names dropped). Changed in place."""
    gazetteer = gazetteer or get_gazetteer()
    resolve(document, gazetteer)
    if document.places:
        # each name once (a long article names its towns again and again; the work stays
        # linear in its length); as the events' places: names as written, no guessing at
        # a part of a longer name
        first: dict[tuple[str, str], Place] = {}
        for candidate in document.places:
            first.setdefault((candidate.text, candidate.precision), candidate)
        unique = list(first.values())
        found = dict(zip(map(id, unique), resolve_candidates(document.article.text, unique, gazetteer, backoff=False,
                                                       url=document.article.url)))
        places = []
        for candidate in document.places:
            place = found[id(first[(candidate.text, candidate.precision)])]
            if place is not None:
                places.append(dataclasses.replace(place, provenance=dataclasses.replace(
                    candidate.provenance, confidence=place.provenance.confidence)))
        document.places = places
    return document
