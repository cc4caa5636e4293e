"""Text edits that remember where every character came from.

A ``Mapped`` pairs a string with ``offsets``: ``offsets[i]`` is the index in
the original raw input of character ``i``, plus one sentinel entry at the end
(``len(offsets) == len(text) + 1``). Every cleaning step goes through these
helpers, so the mapping survives any sequence of edits.
"""

from __future__ import annotations

import difflib
import re
from array import array
from dataclasses import dataclass
from typing import Callable, Union

_TOKEN = re.compile(r"\s+|\S+")

# A replacement is either a plain string (all of it maps to the match start)
# or pieces ``(string, index in the current text its characters map to)``.
Replacement = Union[str, list[tuple[str, int]]]


@dataclass
class Mapped:
    """A string and, for each character, its index in the raw input."""

    text: str
    offsets: array  # of signed 64-bit ints: 8 bytes a character, not a Python int each

    @classmethod
    def of(cls, raw: str) -> "Mapped":
        """The identity mapping of ``raw``."""
        return cls(raw, array("q", range(len(raw) + 1)))

    def sub(self, pattern: re.Pattern[str], repl: Callable[[re.Match[str]], Replacement] | str) -> "Mapped":
        """Like ``pattern.sub`` but carrying the offsets along."""
        parts: list[str] = []
        offsets = array("q")
        last = 0
        for m in pattern.finditer(self.text):
            parts.append(self.text[last : m.start()])
            offsets.extend(self.offsets[last : m.start()])
            replacement = repl if isinstance(repl, str) else repl(m)
            if isinstance(replacement, str):
                replacement = [(replacement, m.start())]
            for piece, at in replacement:
                parts.append(piece)
                offsets.extend(array("q", [self.offsets[at]]) * len(piece))
            last = m.end()
        if not parts:
            return self
        parts.append(self.text[last:])
        offsets.extend(self.offsets[last:])
        return Mapped("".join(parts), offsets)

    def apply(self, fix: Callable[[str], str]) -> "Mapped":
        """Run an opaque string function and recover offsets by diffing.

        The diff is by words first (paired one to one when the count is
        unchanged), then by characters inside the words that changed, which
        keeps it fast for the local repairs it is used for.
        Inserted or replaced characters map to the start of what they replaced.
        """
        fixed = fix(self.text)
        if fixed == self.text:
            return self
        old, new = _TOKEN.findall(self.text), _TOKEN.findall(fixed)
        starts = [0]
        for token in old:
            starts.append(starts[-1] + len(token))
        offsets = array("q")
        if len(old) == len(new):  # the usual case: words repaired in place
            opcodes = [("equal" if o == n else "replace", i, i + 1, i, i + 1) for i, (o, n) in enumerate(zip(old, new))]
        else:
            opcodes = difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
        for op, i1, i2, j1, j2 in opcodes:
            a, b = starts[i1], starts[i2]
            if op == "equal":
                offsets.extend(self.offsets[a:b])
            else:
                offsets.extend(_align(self.text[a:b], "".join(new[j1:j2]), self.offsets[a : b + 1]))
        offsets.append(self.offsets[-1])
        return Mapped(fixed, offsets)

    def slice(self, start: int, end: int) -> "Mapped":
        """The piece ``text[start:end]`` with its offsets (and a sentinel)."""
        offsets = self.offsets[start : end + 1]
        return Mapped(self.text[start:end], offsets)

    @staticmethod
    def join(pieces: list["Mapped"]) -> "Mapped":
        """Concatenate pieces that were cut from one text, in order."""
        if not pieces:
            return Mapped("", array("q", [0]))
        offsets = array("q")
        for piece in pieces:
            offsets.extend(piece.offsets[:-1])
        offsets.append(pieces[-1].offsets[-1])
        return Mapped("".join(p.text for p in pieces), offsets)


def _align(old: str, new: str, old_offsets: array) -> array:
    """Offsets for ``new``, a short rewrite of ``old`` (character diff)."""
    offsets = array("q")
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            offsets.extend(old_offsets[i1:i2])
        else:
            offsets.extend(array("q", [old_offsets[i1]]) * (j2 - j1))
    return offsets
