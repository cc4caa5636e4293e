"""The incidents stage's word lists, read once from ``data/``."""

from __future__ import annotations

import functools
import re
from pathlib import Path

DATA = Path(__file__).with_name("data")


def _lines(name: str) -> list[str]:
    text = (DATA / name).read_text(encoding="utf-8")
    return [line.rstrip("\n") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@functools.lru_cache(maxsize=None)
def _pattern(name: str) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in _lines(name)), re.I | re.M)


def refers_back(sentence: str) -> bool:
    """True when a sentence points back at an incident already told ("in the attack",
    "the site of the gun battle", "the deceased"): a detail of it, not a new one."""
    return bool(_pattern("backreference_cues.txt").search(sentence))


def tells_sequel(sentence: str) -> bool:
    """True when a sentence tells what followed an incident ("after the attack",
    "in retaliation for the raid"), not the incident itself."""
    return bool(_pattern("sequel_cues.txt").search(sentence))


# How near a figure hedging words must stand (characters before and after it).
HEDGE_BEFORE, HEDGE_AFTER = 60, 25


@functools.lru_cache(maxsize=None)
def _hedges(where: str) -> re.Pattern:
    lines = [line.split("\t", 1)[1] for line in _lines("hedge_cues.tsv") if line.split("\t", 1)[0] == where]
    return re.compile("|".join(f"(?:{p})" for p in lines), re.I)


def hedged(sentence: str, start: int | None = None, end: int | None = None) -> bool:
    """True when the figure at ``sentence[start:end]`` is a claim or a guess ("claimed
    it had killed 30", "40 are feared dead"); without a position, any in the sentence."""
    if start is None or end is None:
        before = after = sentence
    else:
        before, after = sentence[max(0, start - HEDGE_BEFORE):start], sentence[end:end + HEDGE_AFTER]
    return bool(_hedges("before").search(before) or _hedges("after").search(after))


def sums_up(sentence: str) -> bool:
    """True when a sentence totals several incidents ("killed in two airstrikes")."""
    return bool(_pattern("aggregate_cues.txt").search(sentence))


def revises_toll(sentence: str) -> bool:
    """True when a sentence revises an earlier toll ("the toll rose to 13")."""
    return bool(_pattern("update_cues.txt").search(sentence))


@functools.lru_cache(maxsize=1)
def generic_actor_names() -> frozenset[str]:
    """Lower-case ACLED fallback names of unnamed actors ("military forces", "rebels")."""
    return frozenset(line.strip().lower() for line in _lines("generic_actors.txt"))


@functools.lru_cache(maxsize=1)
def absorbed_developments() -> dict[str, frozenset[str]]:
    """Strategic sub-event type -> event types whose incident can include it."""
    table = {}
    for line in _lines("absorbed.tsv"):
        sub_event, types = line.split("\t")
        table[sub_event.strip()] = frozenset(t.strip() for t in types.split(","))
    return table

