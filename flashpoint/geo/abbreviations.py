"""Newspaper and postal abbreviations of regions ("Ky.", "W.Va.", "B.C.", "Ont.").

The table is ``region_abbreviations.tsv`` beside this file (source in its
header). Dotted or longer forms are read wherever they are written so; a
two-letter capital form ("GA", "ON") is a region only right after "Town, ".
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Optional

_TABLE = Path(__file__).with_name("region_abbreviations.tsv")


@functools.lru_cache(maxsize=1)
def _table() -> dict[str, tuple[str, str]]:
    table: dict[str, tuple[str, str]] = {}
    for line in _TABLE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            country, region, forms = line.split("\t")
            for form in forms.split("|"):
                table.setdefault(form, (country, region))
    return table


def region_abbreviation(text: str, after_comma: bool = False) -> Optional[tuple[str, str]]:
    """(country, region name) for an abbreviation as written, else None.

    ``after_comma``: the text follows "Town, ", where two-letter codes count too.
    """
    text = text.strip()
    found = _table().get(text)
    if found is None:
        return None
    if len(text) <= 2 and text.isupper() and not after_comma:
        return None
    return found
