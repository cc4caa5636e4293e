"""The pipeline: text -> nlp -> events + quotes -> geo -> incidents, one article or a stream of them."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from flashpoint import geo, nlp, text
from flashpoint.incidents import group_incidents
from flashpoint.events import find_events
from flashpoint.quotes import extract_quotes
from flashpoint.model import Article, Document


def extract(
    raw: str,
    date: dt.date | str | None = None,
    *,
    url: str | None = None,
    title: str | None = None,
    source: str | None = None,
    learned=None,
) -> Document:
    """Extract events and quotes from one article's raw text.

    ``date`` is the publication date (relative dates resolve against it); when
    omitted, a leading ``date YYYY-MM-DD`` header in the text is used if present.
    ``learned`` is a learned model (a name, a folder or a loaded
    ``flashpoint.learn.Learned``) used as a second opinion; see ``flashpoint learn``.
    """
    article = text.make_article(raw, date=date, url=url, title=title, source=source)
    return next(extract_articles([article], learned=learned))


def extract_articles(articles: Iterable[Article], batch_size: int = 16, learned=None) -> Iterator[Document]:
    """Run nlp, events, quotes, geo and incidents over cleaned articles; yields Documents in order.

    ``learned`` (or ``$FLASHPOINT_LEARNED``) names a learned model used as a second opinion.
    """
    if learned is None and os.environ.get("FLASHPOINT_LEARNED"):
        learned = os.environ["FLASHPOINT_LEARNED"]
    if isinstance(learned, (str, Path)):
        from flashpoint.learn import load_learned

        learned = load_learned(str(learned))
    articles = iter(articles)
    while True:
        batch = [a for _, a in zip(range(batch_size), articles)]
        if not batch:
            return
        for article, doc in zip(batch, nlp.parse((a.text for a in batch), batch_size=batch_size)):
            document = group_incidents(geo.resolve_document(_document(article, doc)))
            if learned is not None:
                from flashpoint.learn import revise

                document = revise(document, learned)
            yield document


def _document(article: Article, doc) -> Document:
    """One article's events and quotes, from its spaCy parse."""
    non_events: list = []
    events = find_events(article, doc, non_events)
    places = [geo.name_candidate(article.text, start, end, article.id) for start, end in geo.find_toponyms(doc)]
    return Document(article=article, events=events, quotes=extract_quotes(article, doc), non_events=non_events,
                    places=places)
