"""The geoparser: every place named in a text, found and resolved (``flashpoint.geoparse``).

Toponyms are found with the nlp stage's named entities (GPE, LOC, FAC, and
NORP words that name a country's people: "Syrian" -> Syria), then resolved
together in the text's context by ``spans.resolve_spans``, the same scoring the
event stage uses.
"""

from __future__ import annotations

import datetime as dt
from typing import Optional, Sequence

from flashpoint.geo.countries import country_code
from flashpoint.geo.spans import resolve_spans
from flashpoint.model import Place

PLACE_LABELS = ("GPE", "LOC", "FAC")


def find_toponyms(doc) -> list[tuple[int, int]]:
    """(start, end) character spans of the place names in a spaCy Doc."""
    spans = []
    for ent in doc.ents:
        text = ent.text
        start = ent.start_char
        if text.lower().startswith("the "):  # "the Gaza Strip": the name without the article
            start, text = start + 4, text[4:]
        if not text[:1].isupper():
            continue
        if ent.label_ in PLACE_LABELS or (ent.label_ == "NORP" and country_code(text)):
            spans.append((start, ent.end_char))
    return spans


def geoparse(text: str, spans: Optional[Sequence[tuple[int, int]]] = None,
             date: dt.date | str | None = None) -> list[Optional[Place]]:
    """The places named in ``text``, resolved with the gazetteer.

    Without ``spans``: one Place per toponym found, in text order (names that
    do not resolve are left out). With ``spans=[(start, end), ...]``: one
    entry per span, in the same order, None where the span does not resolve.
    Each Place has the gazetteer name, GeoNames id, ``kind``, admin1, country,
    lat/lon and provenance (offsets into ``text``; confidence). ``date`` (the
    text's date) is accepted for the future use of historic names; resolution
    does not use it yet.
    """
    if not isinstance(text, str):
        raise TypeError("geoparse() needs the text as a str")
    if spans is None:
        from flashpoint import nlp

        doc = next(nlp.parse([text]))
        return [p for p in resolve_spans(text, find_toponyms(doc)) if p is not None]
    checked = []
    for span in spans:
        start, end = span
        if not (0 <= start < end <= len(text)):
            raise ValueError(f"span {span!r} is not inside the text (length {len(text)})")
        checked.append((start, end))
    return resolve_spans(text, checked)
