"""Article text and metadata from an HTML page (trafilatura, offline)."""

from __future__ import annotations

import logging

import trafilatura

from flashpoint.errors import InputError
from flashpoint.model import Article
from flashpoint.text.article import make_article, parse_date

# trafilatura and its helpers log parse trouble; without this, Python's
# last-resort handler would print it on stderr for every hostile page.
for _logger in ("trafilatura", "htmldate", "courlan"):
    logging.getLogger(_logger).addHandler(logging.NullHandler())


def article_from_html(html: str, name: str) -> Article:
    """Strip boilerplate (navigation, footers, scripts) and build an Article.

    Nothing is fetched. Title, date, canonical URL and outlet (og:site_name
    or the like) come from the page's own metadata when present; the date is
    only taken from markup (no guessing from the text). Raises ``InputError`` when the page holds no
    article text.
    """
    try:
        doc = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            favor_precision=True,  # otherwise short pages keep their navigation links
            include_comments=False,
            include_tables=False,  # casualty tables do not parse as sentences
            include_images=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as error:  # a third-party parser on hostile input: report, don't crash
        raise InputError(name, f"could not parse HTML ({type(error).__name__})") from None
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise InputError(name, "no article text found in the HTML page")
    try:
        date = parse_date(doc.date, name)
    except InputError:
        date = None  # metadata we cannot read is unknown, not an error
    # og:site_name (or the publisher trafilatura finds in the page's own metadata)
    return make_article(text, date=date, url=doc.url, title=doc.title, source=name, outlet=doc.sitename)
