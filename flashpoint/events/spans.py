"""Provenance and quoted-span helpers shared by the extractors."""

from __future__ import annotations

import bisect
import functools
import re

from spacy.tokens import Doc, Span, Token

from flashpoint.text.quote_marks import find_quote_spans
from flashpoint.model import Article, Provenance

# "ANKARA, Turkey –", "ALMATY •", "Havana, June 23 (RHC)--", "Dhaka [Bangladesh], August 21 (ANI):", "HANGU:"
DATELINE = re.compile(r"^\s*[A-Z][\w .'’,\[\]]{1,60}?(?:\s*\([^)\n]{1,40}\))?\s*(?:[–—-]{1,2}|[•·])\s"
                      # with a colon only a capitalised name or an agency's bracket ends it
                      r"|^\s*(?:[A-Z][\w .'’,\[\]]{1,60}?\s*\([^)\n]{1,40}\)|[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2})\s*:\s")

# A date stamp some scraped pages open with (" date 2024-06-25 ", " date 2023-08 ")
_DATE_STAMP = re.compile(r"\s*date \d{4}-\d{2}(?:-\d{2})?\s+")


@functools.lru_cache(maxsize=64)
def text_of(doc) -> str:
    """``doc.text``, built once per Doc (spaCy joins every token on each call,
    which made per-token checks quadratic in the article's length)."""
    text = doc.user_data.get("flashpoint_text")
    if text is None:
        text = doc.user_data["flashpoint_text"] = doc.text
    return text


def _headline_label(text: str, match: re.Match) -> bool:
    """"Kabul: 95 killed and 158 injured in suicide bombing": a headline's place label before a
    colon (the line is a headline: short, with no closing stop), not a dateline."""
    if not match.group(0).rstrip().endswith(":"):
        return False
    line = text[match.start():].split("\n", 1)[0].strip()
    return len(line) < 150 and line[-1:] not in ".!?\"”"


def dateline_end(text: str) -> int:
    """Where the dateline ("ANKARA, Turkey –") ends, or 0 when there is none.

    The dateline opens the text, or the paragraph after a headline line."""
    stamp = _DATE_STAMP.match(text)
    if stamp:  # " date 2024-06-25 Nairobi - A section of ...": a stored page's date before its dateline
        rest = text[stamp.end():]
        m = DATELINE.match(rest)
        if m and not _headline_label(rest, m):
            return stamp.end() + m.end()
    m = DATELINE.match(text)
    if m and not _headline_label(text, m):
        return m.end()
    first = text.find("\n\n")
    if 0 < first < 200 and text[:first].rstrip()[-1:] not in ".!?\"”":
        m = DATELINE.match(text[first + 2:first + 300])
        if m:
            return first + 2 + m.end()
    return 0


def provenance(article: Article, sent: Span, start: int, end: int, confidence: float) -> Provenance:
    """Provenance for characters ``start:end`` of ``article.text`` inside sentence ``sent``."""
    return Provenance(
        article_id=article.id,
        sentence=sent.text.strip(),
        sentence_start=sent.start_char,
        sentence_end=sent.start_char + len(sent.text.rstrip()),
        start=start,
        end=end,
        confidence=round(confidence, 3),
    )


def sentences(doc: Doc) -> list[Span]:
    """The doc's sentences, computed once per doc (spaCy recomputes ``.sents`` each time)."""
    cached = doc.user_data.get("flashpoint_sents")
    if cached is None:
        cached = doc.user_data["flashpoint_sents"] = list(doc.sents)
        doc.user_data["flashpoint_sent_starts"] = [s.start for s in cached]
    return cached


def ents_in(span: Span) -> list[Span]:
    """``span.ents`` (the entities inside the span) from a list built once per doc:
    spaCy walks every entity of the document on each call."""
    doc = span.doc
    cached = doc.user_data.get("flashpoint_ents")
    if cached is None:
        cached = doc.user_data["flashpoint_ents"] = list(doc.ents)
        doc.user_data["flashpoint_ent_starts"] = [e.start for e in cached]
    first = bisect.bisect_left(doc.user_data["flashpoint_ent_starts"], span.start)
    found = []
    for ent in cached[first:]:
        if ent.start >= span.end:
            break
        if ent.end <= span.end:
            found.append(ent)
    return found


def sentence_of(token: Token | Span) -> Span:
    """The sentence holding a token or span (a cached, faster ``token.sent``)."""
    sents = sentences(token.doc)
    start = token.i if isinstance(token, Token) else token.start
    return sents[bisect.bisect_right(token.doc.user_data["flashpoint_sent_starts"], start) - 1]


def tree_distance(a: Token, b: Token) -> int:
    """Steps between two tokens through their nearest common head (99 across sentences)."""
    path_b = {t.i: n for n, t in enumerate([b, *b.ancestors])}
    for n, t in enumerate([a, *a.ancestors]):
        if t.i in path_b:
            return n + path_b[t.i]
    return 99


def span_provenance(article: Article, span: Span, confidence: float) -> Provenance:
    """Provenance for a spaCy span (token range) of the article."""
    return provenance(article, sentence_of(span), span.start_char, span.end_char, confidence)


class QuotedSpans:
    """Character ranges of the text that are direct speech (see quote_marks):
    events told inside a quote are someone's words, not the report's."""

    def __init__(self, text: str):
        spans = find_quote_spans(text)
        self.starts = [span.start for span in spans]
        self.ends = [span.end for span in spans]

    def contains(self, pos: int) -> bool:
        """True when character ``pos`` is inside a quoted range."""
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.ends[i]
