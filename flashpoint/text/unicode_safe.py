"""Strings that can be stored and printed: no lone surrogates.

A file name that is not valid UTF-8 reaches Python as lone surrogates
(``surrogateescape``), and JSON may spell one (``"\\ud800"``); neither can be
encoded as UTF-8, so a database or a terminal refuses them.
"""

from __future__ import annotations

import os
import re

_SURROGATE = re.compile("[\ud800-\udfff]")


def display_path(path: str) -> str:
    """A file name as printable text: undecodable bytes shown as ``\\xNN``."""
    if not _SURROGATE.search(path):
        return path
    try:
        return os.fsencode(path).decode("utf-8", "backslashreplace")
    except UnicodeError:  # surrogates that did not come from file-name bytes
        return without_surrogates(path)


def without_surrogates(text: str | None) -> str | None:
    """``text`` with every lone surrogate replaced by U+FFFD (None stays None)."""
    if text is None or not _SURROGATE.search(text):
        return text
    return _SURROGATE.sub("\ufffd", text)
