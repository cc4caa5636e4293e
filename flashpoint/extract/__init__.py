"""The `extract` stage: events, actors, numbers, dates and quotes from a parse."""

from spacy.tokens import Doc

from flashpoint.extract.events import find_events
from flashpoint.model import Article, Document


def extract_document(article: Article, doc: Doc) -> Document:
    """Events and quotes of one article, from its spaCy parse."""
    from flashpoint.extract.quotes import extract_quotes

    return Document(article=article, events=find_events(article, doc), quotes=extract_quotes(article, doc))


__all__ = ["extract_document", "find_events"]
