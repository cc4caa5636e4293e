"""Fields an incident gets from the article when no report of it gives them."""

from __future__ import annotations

import datetime as dt

from flashpoint.model import Article, Event, EventDate, Provenance

# An undated report is read as news of the day before publication or the day itself
# ("yesterday", "today"), as ACLED codes it, with this confidence.
PUBLICATION_CONFIDENCE = 0.3
PUBLICATION_DATE = "publication date"


def date_from_publication(event: Event, article: Article) -> Event:
    """Give an undated event the range [publication − 1 day, publication], marked as inferred."""
    if event.date is not None or article.date is None:
        return event
    where = event.evidence
    # the calendar's first day has no day before it
    day_before = article.date - dt.timedelta(days=1) if article.date > dt.date.min else article.date
    event.date = EventDate(
        start=day_before,
        end=article.date,
        text=None,
        provenance=Provenance(article_id=where.article_id, sentence=where.sentence,
                              sentence_start=where.sentence_start, sentence_end=where.sentence_end,
                              start=where.sentence_start, end=where.sentence_start,
                              confidence=PUBLICATION_CONFIDENCE),
        inferred_from=PUBLICATION_DATE,
    )
    return event
