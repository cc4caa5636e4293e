"""ACLED notes as training text: the coder's boilerplate removed."""

from __future__ import annotations

import re

# "On 9 May 2020," / "On December 31 2019," / "Around 3 March 2020 (week of)," ...
_LEADING_DATE = re.compile(
    r"^\s*(?:[A-Z][a-z]+:\s*)?(?:on|around|between|from|during|in|as of|overnight on)?\s*"
    r"(?:the\s+)?(?:(?:night|week|weekend|morning|evening) of\s+)?"
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2}(?:st|nd|rd|th)?),?\s+\d{4}"
    r"(?:\s*(?:-|to|and)\s*(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2}),?\s+\d{4})?"
    r"(?:\s*\([^)]*\))?\s*,?\s*",
    re.IGNORECASE,
)
_BRACKETS = re.compile(r"\[[^\]]*\]")
_DAY_LABEL = re.compile(r"^\s*\d{1,2}\s+[A-Z][a-z]+\s*:\s*")  # "09 January: In Makueni ..."


def clean_note(note: str) -> str:
    """The note without its leading date, "[size=...]" and other bracketed coder remarks."""
    text = _BRACKETS.sub(" ", note)
    text = _DAY_LABEL.sub("", text, count=1)
    text = _LEADING_DATE.sub("", text, count=1)
    text = re.sub(r"\s+", " ", text).strip()
    return text[:1].upper() + text[1:]
