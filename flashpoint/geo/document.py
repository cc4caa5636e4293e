"""The geo stage over one Document: its events' places and the places the article names."""

from __future__ import annotations

from typing import Optional

from flashpoint.geo.gazetteer import Gazetteer, get_gazetteer
from flashpoint.geo.resolve import resolve
from flashpoint.geo.spans import resolve_candidates
from flashpoint.model import Document


def resolve_document(document: Document, gazetteer: Optional[Gazetteer] = None) -> Document:
    """Resolve each event's candidates into its place (``resolve``) and the article's
    named places (``document.places``, unresolved names dropped). Changed in place."""
    gazetteer = gazetteer or get_gazetteer()
    resolve(document, gazetteer)
    if document.places:
        # as the events' places: names as written, no guessing at a part of a longer name
        found = resolve_candidates(document.article.text, document.places, gazetteer, backoff=False)
        document.places = [place for place in found if place is not None]
    return document
