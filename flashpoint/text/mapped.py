"""Text edits that remember where every character came from.

A ``Mapped`` pairs a string with ``offsets``: ``offsets[i]`` is the index in
the original raw input of character ``i``, plus one sentinel entry at the end
(``len(offsets) == len(text) + 1``). Every cleaning step goes through these
helpers, so the mapping survives any sequence of edits.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Callable, Union

# A replacement is either a plain string (all of it maps to the match start)
# or pieces ``(string, index in the current text its characters map to)``.
Replacement = Union[str, list[tuple[str, int]]]


@dataclass
class Mapped:
    """A string and, for each character, its index in the raw input."""

    text: str
    offsets: list[int]

    @classmethod
    def of(cls, raw: str) -> "Mapped":
        """The identity mapping of ``raw``."""
        return cls(raw, list(range(len(raw) + 1)))

    def sub(self, pattern: re.Pattern[str], repl: Callable[[re.Match[str]], Replacement] | str) -> "Mapped":
        """Like ``pattern.sub`` but carrying the offsets along."""
        parts: list[str] = []
        offsets: list[int] = []
        last = 0
        for m in pattern.finditer(self.text):
            parts.append(self.text[last : m.start()])
            offsets.extend(self.offsets[last : m.start()])
            replacement = repl if isinstance(repl, str) else repl(m)
            if isinstance(replacement, str):
                replacement = [(replacement, m.start())]
            for piece, at in replacement:
                parts.append(piece)
                offsets.extend([self.offsets[at]] * len(piece))
            last = m.end()
        if not parts:
            return self
        parts.append(self.text[last:])
        offsets.extend(self.offsets[last:])
        return Mapped("".join(parts), offsets)

    def apply(self, fix: Callable[[str], str]) -> "Mapped":
        """Run an opaque string function and recover offsets by diffing.

        Meant for short pieces (a line or less): the diff is quadratic in the
        worst case. Inserted or replaced characters map to the start of the
        stretch they replaced.
        """
        fixed = fix(self.text)
        if fixed == self.text:
            return self
        offsets: list[int] = []
        matcher = difflib.SequenceMatcher(None, self.text, fixed, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                offsets.extend(self.offsets[i1:i2])
            else:
                offsets.extend([self.offsets[i1]] * (j2 - j1))
        offsets.append(self.offsets[-1])
        return Mapped(fixed, offsets)

    def slice(self, start: int, end: int) -> "Mapped":
        """The piece ``text[start:end]`` with its offsets (and a sentinel)."""
        return Mapped(self.text[start:end], self.offsets[start:end] + [self.offsets[end]])

    @staticmethod
    def join(pieces: list["Mapped"]) -> "Mapped":
        """Concatenate pieces that were cut from one text, in order."""
        if not pieces:
            return Mapped("", [0])
        offsets: list[int] = []
        for piece in pieces:
            offsets.extend(piece.offsets[:-1])
        offsets.append(pieces[-1].offsets[-1])
        return Mapped("".join(p.text for p in pieces), offsets)
