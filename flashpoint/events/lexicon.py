"""Word lists the extractor matches against (lemmas and phrases, lower case).

The lists are data: ``data/lexicon.toml`` (trigger words, casualty words,
irrealis heads, anaphoric modifiers, and the cue phrases by family) and
``data/disaster_words.txt`` (more disaster cues). Each list names the cue it
stands for, so the rules in ``classify.py`` read like ACLED's codebook.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

DATA = Path(__file__).parent / "data"


def _load() -> dict:
    with (DATA / "lexicon.toml").open("rb") as handle:
        return tomllib.load(handle)


def _lines(name: str) -> list[str]:
    text = (DATA / name).read_text(encoding="utf-8")
    return [x.strip().lower() for x in text.splitlines() if x.strip() and not x.startswith("#")]


_LEXICON = _load()

# Lemmas that can signal a violent, protest or strategic event in a sentence.
VIOLENT_TRIGGERS = set(_LEXICON["violent_triggers"])
PROTEST_TRIGGERS = set(_LEXICON["protest_triggers"])
STRATEGIC_TRIGGERS = set(_LEXICON["strategic_triggers"])
ALL_TRIGGERS = VIOLENT_TRIGGERS | PROTEST_TRIGGERS | STRATEGIC_TRIGGERS
# Lemmas of verbs/nouns whose subject or object dies / is hurt.
DEATH_WORDS = set(_LEXICON["death_words"])
INJURY_WORDS = set(_LEXICON["injury_words"])
# Governing words that make an event hypothetical, negated or not (yet) real.
IRREALIS_HEADS = set(_LEXICON["irrealis_heads"])
MODALS = set(_LEXICON["modals"])
FOILED_HEADS = set(_LEXICON["foiled_heads"])
# Determiners/adjectives that mark a mention of an already-mentioned event, and
# ones that introduce a different event of the same kind.
ANAPHORIC_MODIFIERS = set(_LEXICON["anaphoric_modifiers"])
SIMILAR_MODIFIERS = set(_LEXICON["similar_modifiers"])
# Weapon and method cues for sub-event types, by family (multi-word phrases allowed).
CUES: dict[str, list[str]] = {name: list(phrases) for name, phrases in _LEXICON["cues"].items()}
CUES["disaster"] = CUES["disaster"] + _lines("disaster_words.txt")


class WordLists:
    """Named word lists from a TOML data file in ``data/`` (one array per name)."""

    def __init__(self, name: str):
        with (DATA / name).open("rb") as handle:
            self._lists = tomllib.load(handle)

    def set(self, name: str) -> set[str]:
        """The list ``name`` as a set (membership tests)."""
        return set(self._lists[name])

    def tuple(self, name: str) -> tuple[str, ...]:
        """The list ``name`` in file order."""
        return tuple(self._lists[name])
