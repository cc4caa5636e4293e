"""One sentence's report of an event, as the extract stage passes it between its passes."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from flashpoint.model import Actor, Count, EventDate, Place


@dataclass
class Mention:
    """One sentence's report of an event (internal to this stage)."""

    sent: Span
    index: int  # sentence number in the article
    paragraph: int
    trigger: Token
    sub_event: str
    strength: int
    actor1: Actor | None = None
    actor2: Actor | None = None
    fatalities: Count | None = None
    injuries: Count | None = None
    date: EventDate | None = None
    date_anaphoric: bool = False
    locations: list[Place] = field(default_factory=list)
    response: bool = False
    similar: bool = False
    counter_casualties: bool = False  # losses of the attacked side's opponents
    anaphoric: bool = False  # only names the perpetrator of an earlier event
    separate: bool = False  # says it is another incident ("In a separate attack")
    # an earlier event told in "The attack came two days after ...": its day, counted back
    # from the event the sentence re-mentions (-2), when the clause gives no date of its own
    days_before: int | None = None
    # "on Wednesday and Friday": each day told, when the sentence lists two or more (date spans them)
    days: list[EventDate] = field(default_factory=list)
    cues: set[str] = field(default_factory=set)
    last_paragraph: int = -1  # paragraph of the last sentence merged in
    sentences: list[Span] = field(default_factory=list)
