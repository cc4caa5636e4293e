"""Sentences with an event word that report no event, and why.

Each check returns a reason code ("sport", "background:habitual", ...) or
None; the word lists are data files in ``flashpoint/events/data``.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from spacy.tokens import Span, Token

from flashpoint.events.classify import has_cue
from flashpoint.events.spans import ents_in

DATA = Path(__file__).parent / "data"
# A match score: "2-0", "1 - 1" (not a date or a range like "2013-2015").
SCORE = re.compile(r"(?<![\d/.-])\b\d{1,2}\s?[-–]\s?\d{1,2}\b(?![\d/.-])")


@functools.cache
def words(name: str) -> frozenset[str]:
    """The entries of a data file (one per line, '#' lines are comments)."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return frozenset(x.strip().lower() for x in lines if x.strip() and not x.startswith("#"))


def sport(sent: Span) -> bool:
    """A match report: a score and a sport word ("the game ended 1-0"), or a phrase only
    sport uses ("a penalty shootout")."""
    if _phrases("sport_phrases.txt").search(sent.text.lower()):
        return True
    if not SCORE.search(sent.text):
        return False
    return any(t.lower_ in words("sport_words.txt") for t in sent)


def habitual(trigger: Token, dated: bool, has_casualties: bool) -> bool:
    """"The Taliban often target security forces": what keeps happening, not one event."""
    if dated or has_casualties:
        return False
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    return any(c.dep_ == "advmod" and c.lower_ in words("habitual_words.txt") for c in verb.children)


@functools.cache
def _phrases(name: str) -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(words(name), key=len, reverse=True)) + r")\b")


def crime(sent: Span, armed_group: bool) -> bool:
    """Ordinary crime ("a suspected robber was shot dead by police"), with no armed group in it
    and no mob (villagers who lynch suspected thieves commit mob violence, ACLED)."""
    return not armed_group and bool(_phrases("crime_words.txt").search(sent.text.lower())) \
        and not has_cue(sent.text, "mob")


def cancelled(trigger: Token) -> bool:
    """A protest that was banned or called off ("Protests were banned in Lyon")."""
    head = trigger.head if trigger.dep_ in ("nsubjpass", "dobj", "nsubj") else None
    if head is None or head.lemma_.lower() not in words("cancelled_words.txt"):
        return False
    # "called off", not "called for"
    return head.lemma_.lower() != "call" or any(c.dep_ == "prt" and c.lower_ == "off" for c in head.children)


def reason(sent: Span, trigger: Token, dated: bool, has_casualties: bool, armed_group: bool = False) -> str | None:
    """Why the sentence around ``trigger`` is not an event, or None; ``armed_group``
    says an armed organised group is one of its parties."""
    if sport(sent):
        return "sport"
    if habitual(trigger, dated, has_casualties):
        return "background:habitual"
    if crime(sent, armed_group):
        return "crime"
    if cancelled(trigger):
        return "irrealis:cancelled"
    if not dated and reported_statistic(sent):
        return "background:report"
    return None


def reported_statistic(sent: Span) -> bool:
    """An undated sentence told from a report's figures, or an example picked from a list of
    past attacks (data/report_phrases.txt)."""
    return not any(e.label_ == "DATE" for e in ents_in(sent)) \
        and bool(_phrases("report_phrases.txt").search(sent.text.lower()))
