"""The `quotes` stage: direct quotes and who said them, from a parse."""

from flashpoint.quotes.attribution import extract_quotes

__all__ = ["extract_quotes"]
