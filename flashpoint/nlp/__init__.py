"""The `nlp` stage: the spaCy English pipeline, loaded once per process."""

from flashpoint.nlp.model import MODEL_NAME, load, parse

__all__ = ["MODEL_NAME", "load", "parse"]
