"""Grammatical gender of a person from the words naming them, for "he said" / "she said".

The words are data: titles and gendered role and family nouns in
``data/gendered_words.tsv``, common given names in ``data/given_names.tsv``.
Unknown gender is None and agrees with any pronoun.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Optional

_DATA = Path(__file__).with_name("data")
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}


def _table(name: str) -> dict[str, str]:
    table = {}
    for line in (_DATA / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, gender = line.split("\t")[:2]
        table[word.strip()] = gender.strip()
    return table


@lru_cache(maxsize=1)
def gendered_words() -> dict[str, str]:
    """Title or noun (lower case) -> "m" or "f", read once from the data file."""
    return _table("gendered_words.tsv")


@lru_cache(maxsize=1)
def given_names() -> dict[str, str]:
    """Given name (lower case) -> "m" or "f", read once from the data file."""
    return _table("given_names.tsv")


def is_given_name(word: str) -> bool:
    """True for a capitalised common given name ("Nadia"), the mark of a person's name."""
    return word[:1].isupper() and word.lower() in given_names()


def person_gender(name: Optional[str], role: Optional[str] = None) -> Optional[str]:
    """"m", "f" or None for a person named ``name`` with the title/apposition ``role``.

    A gendered word in the role ("Mrs.", "spokeswoman", "his wife") decides first,
    then the given name ("Helen Marsh"); a lone surname gives None.
    """
    table = gendered_words()
    found = {table[w] for w in (role or "").lower().replace(",", " ").split() if w in table}
    if len(found) == 1:
        return found.pop()
    words = (name or "").split()
    if len(words) >= 2:
        return given_names().get(words[0].lower().rstrip("."))
    return None


def agrees(pronoun: str, gender: Optional[str]) -> bool:
    """True unless the pronoun's gender and the person's known gender differ."""
    wanted = PRONOUN_GENDER.get(pronoun.lower())
    return wanted is None or gender is None or wanted == gender
