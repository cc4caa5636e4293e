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
from flashpoint.geo.names import starts_like_a_name
from flashpoint.geo.toponym import LOCATIVE_WORDS, PLACE_FOLLOWERS
from flashpoint.model import Place

PLACE_LABELS = ("GPE", "LOC", "FAC")
# Entity labels that are never a place name, whatever the slot.
NOT_PLACE_LABELS = ("DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "LANGUAGE")


def find_toponyms(doc) -> list[tuple[int, int]]:
    """(start, end) character spans of the place names in a spaCy Doc.

    Besides GPE/LOC/FAC entities and country demonyms: the small model often
    labels unfamiliar towns as organisations or people, or not at all, so a
    capitalised name right after a locative word ("around Kharkiv", "the port of
    Odesa") or before a region word ("the Donetsk region") is a candidate too,
    as is an all-capital dateline ("KYIV, Ukraine -"). The gazetteer decides.
    """
    spans: dict[int, tuple[int, int]] = {}
    for ent in doc.ents:
        text, start = ent.text, ent.start_char
        if text.lower().startswith("the "):  # "the Gaza Strip": the name without the article
            start, text = start + 4, text[4:]
        if not starts_like_a_name(text) or ent.label_ in NOT_PLACE_LABELS:
            continue
        if ent.label_ in PLACE_LABELS or (ent.label_ == "NORP" and country_code(text)) or _placed(ent):
            spans[start] = (start, ent.end_char)
    for run in _unlabelled_runs(doc):
        if _placed(run) and not any(s <= run.start_char < e for s, e in spans.values()):
            spans[run.start_char] = (run.start_char, run.end_char)
    return [spans[k] for k in sorted(spans)]


def _placed(span) -> bool:
    """A name in a place slot: after a locative word, before a region word, or a dateline."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_ == "the" and span.start > 1:
        before = doc[span.start - 2]
    after = doc[span.end] if span.end < len(doc) else None
    if before is not None and before.lower_ in LOCATIVE_WORDS:
        return True
    if after is not None and after.lower_ in PLACE_FOLLOWERS:
        return True
    return span.start_char < 40 and span.text.isupper() and len(span.text) > 3 and (
        after is None or after.text in (",", "(", "-", "—", "–"))


def _unlabelled_runs(doc):
    """Runs of capitalised proper nouns the model gave no entity label."""
    i = 0
    while i < len(doc):
        token = doc[i]
        if token.ent_type_ or not token.text[:1].isupper() or token.pos_ not in ("PROPN", "NOUN", "ADJ"):
            i += 1
            continue
        j = i + 1
        while j < len(doc) and not doc[j].ent_type_ and doc[j].text[:1].isupper() and doc[j].pos_ == "PROPN":
            j += 1
        yield doc[i:j]
        i = j


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
