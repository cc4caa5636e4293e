"""Speakers written as labels rather than sentences: transcripts and captions.

Two layouts name the speaker with no speech verb at all:

* transcript labels at the start of the quoted words: ``"WALLACE: Let's start ..."``
  or ``"Q: Why now?"`` (an upper-case name or a one-letter role and a colon);
* dash captions after the closing mark: ``"... our greatest shame." ― Ana Ruiz``.

Pure string work: the caller turns the label into a full name.
"""

from __future__ import annotations

import re
from typing import Optional

# An upper-case label (one to four words, dots and apostrophes allowed) or Q/A, then a colon.
_TRANSCRIPT_LABEL = re.compile(r"(?P<label>[A-Z][A-Z.'\u2019-]+(?: [A-Z][A-Z.'\u2019-]+){0,3}|[QA]):\s")
# A caption: dash (horizontal bar, em or en dash), then a name of one to five capitalised words.
_CAPTION = re.compile(
    r"[ \t]*[\u2015\u2014\u2013][ \t]*"
    r"(?P<name>[^\W\d_][\w'\u2019-]*\.?(?:[ \t]+[^\W\d_][\w'\u2019-]*\.?){0,4})"
)
# Interviewer / answerer labels: a role, not a name.
ROLE_LABELS = {"Q": "interviewer", "A": None}


def transcript_label(text: str, start: int, end: int) -> Optional[tuple[str, int, int]]:
    """The transcript label opening the quoted words ``text[start:end]``: (label, start, end), or None."""
    match = _TRANSCRIPT_LABEL.match(text, start, end)
    if match is None:
        return None
    return match.group("label"), match.start("label"), match.end("label")


def caption_name(text: str, after: int, limit: int) -> Optional[tuple[str, int, int]]:
    """The name of a dash caption starting at ``after`` (just past a closing mark): (name, start, end).

    Every word of the name must be capitalised; a full stop after the last
    word (the caption's own sentence end) is not part of it, one after a
    single letter is ("Edwin G. Monroy"). The caption must end its paragraph
    or sentence or be followed by the next quote.
    """
    match = _CAPTION.match(text, after, limit)
    if match is None:
        return None
    words = match.group("name").split()
    kept = []
    for word in words:
        if not word[0].isupper():
            break
        kept.append(word)
        if word.endswith(".") and len(word) > 2:
            break  # the caption's sentence ends here ("Tomas Lindqvist. Next ...")
    if not kept:
        return None
    if kept[-1].endswith(".") and len(kept[-1].rstrip(".")) > 1:
        kept[-1] = kept[-1].rstrip(".")
    name = " ".join(kept)
    start = match.start("name")
    end = start + len(name) if text.startswith(name, start) else start + len(kept[0])
    # a caption stands alone: the paragraph, its sentence or the next quote follows it
    # ("... ― Ana Ruiz “Next ...”"), not more words ("... — Protesters then marched")
    rest = text[end:limit].lstrip(" \t.")
    if rest and rest[0] not in "\u201c\"\u201e\u00ab(" and not text[end:limit].lstrip(" \t").startswith("."):
        return None
    return name, start, end


def label_as_name(label: str) -> str:
    """``"WALLACE"`` -> ``"Wallace"``, ``"MC DONALD"`` -> ``"Mc Donald"`` (names as they are usually written)."""
    return " ".join(word.capitalize() if word.isupper() else word for word in label.split())
