"""Sentences that say they tell of an incident other than the one just told."""

from __future__ import annotations

import functools
import re
from pathlib import Path

DATA = Path(__file__).parent / "data"


@functools.cache
def _pattern() -> re.Pattern:
    lines = (DATA / "separate_cues.txt").read_text(encoding="utf-8").splitlines()
    return re.compile("|".join(f"(?:{p})" for p in lines if p.strip() and not p.startswith("#")), re.I | re.M)


def announces_other(sentence: str) -> bool:
    """True when a sentence says it tells of another incident ("In a separate attack ...")."""
    return bool(_pattern().search(sentence))
