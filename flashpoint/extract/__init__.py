"""The `extract` stage: events, actors, numbers, dates and quotes from a parse."""

import sys
import types

from spacy.tokens import Doc

from flashpoint.extract.events import find_events
from flashpoint.model import Article, Document


def extract_document(article: Article, doc: Doc) -> Document:
    """Events and quotes of one article, from its spaCy parse."""
    from flashpoint.extract.quotes import extract_quotes

    return Document(article=article, events=find_events(article, doc), quotes=extract_quotes(article, doc))


class _CallableStage(types.ModuleType):
    # Importing this sub-package makes `flashpoint.extract` name it instead of
    # the API function `flashpoint.extract(text, date=...)`; calling the
    # package runs that function, so both spellings keep working.
    def __call__(self, *args, **kwargs) -> Document:
        from flashpoint.pipeline import extract

        return extract(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableStage

__all__ = ["extract_document", "find_events"]
