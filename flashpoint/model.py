"""The plain dataclasses passed between pipeline stages.

Every stage takes and returns these and nothing else. All character offsets
point into ``Article.text`` (the *cleaned* text), which is part of the output,
so any span can be checked by slicing it. Unknown values are ``None``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Optional

# ACLED-style actor kinds (ACLED "inter" codes 1-8, named).
ACTOR_KINDS = (
    "state forces",
    "rebel group",
    "political militia",
    "identity militia",
    "rioters",
    "protesters",
    "civilians",
    "external/other",
)

# Geographic precision of a resolved place, finest first.
PRECISIONS = ("town", "admin1", "country")

# How a reported count relates to the true figure.
QUALIFIERS = ("exact", "at least", "at most", "about")

# Above this a reported casualty figure is not a count of people (a typo, a
# hoax, a hostile input); it is dropped, never stored (databases cap integers).
MAX_COUNT = 1_000_000


@dataclass
class Provenance:
    """Where a value came from: the article, its sentence and the exact span.

    ``start``/``end`` delimit the words that carry the value; the sentence
    span delimits the sentence they sit in. Both index ``Article.text``.
    """

    article_id: str
    sentence: str
    sentence_start: int
    sentence_end: int
    start: int
    end: int
    confidence: float


@dataclass
class Article:
    """One cleaned input article. ``text`` is what every offset refers to."""

    id: str
    text: str
    date: Optional[dt.date] = None
    url: Optional[str] = None
    title: Optional[str] = None
    source: Optional[str] = None  # where it was read from (path, "stdin", ...)
    outlet: Optional[str] = None  # who published it ("Reuters"), from the input's metadata
    # where ``date`` was read: "given" (the caller), "header" (a leading date line), "url"
    # or "page" (the page's address or time stamp, flashpoint.text.page_date)
    date_from: Optional[str] = None


@dataclass
class Actor:
    """A party to an event, normalised to an ACLED-style kind and country."""

    name: str  # normalised, e.g. "Military Forces of Syria"
    text: str  # as written, e.g. "Syrian government forces"
    kind: Optional[str] = None  # one of ACTOR_KINDS
    country: Optional[str] = None  # ISO 3166-1 alpha-2
    provenance: Optional[Provenance] = None


@dataclass
class Place:
    """A resolved location from the gazetteer."""

    name: str
    text: str  # as written, e.g. "Saraqeb"
    precision: str  # one of PRECISIONS
    country: Optional[str] = None  # ISO 3166-1 alpha-2
    admin1: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    geonameid: Optional[int] = None
    provenance: Optional[Provenance] = None
    # What the gazetteer entry is: "country", "admin1", "admin2", "town" or "feature"
    # (finer than ``precision``, which stays one of PRECISIONS for events).
    kind: Optional[str] = None


@dataclass
class EventDate:
    """A date or a date range (``start`` == ``end`` for an exact day)."""

    start: dt.date
    end: dt.date
    text: Optional[str] = None  # the expression, e.g. "last week"
    provenance: Optional[Provenance] = None
    # None when the text dates the event; "publication date" when no report of it
    # did and the date was inferred from the article's (lower confidence).
    inferred_from: Optional[str] = None
    # The day the news was told, when the date was read only from it (the publication
    # day, "..., police said on Monday"): the event was that day or the day before, and
    # is coded (ACLED's event_date, time precision 2) to the day told.
    told_on: Optional[dt.date] = None

    @property
    def exact(self) -> bool:
        """True when the event is dated to a single day."""
        return self.start == self.end

    @property
    def day(self) -> Optional[dt.date]:
        """The day ACLED's event_date gives: the event's day, or the day the news was told
        when only that dates it (``told_on``); None for a range the text told ("last week")."""
        if self.told_on is not None:
            return self.told_on
        return self.start if self.exact else None


@dataclass
class Count:
    """A number of people killed or injured, as reported."""

    value: int
    qualifier: str = "exact"  # one of QUALIFIERS
    text: Optional[str] = None  # e.g. "at least 13"
    provenance: Optional[Provenance] = None


@dataclass
class Source:
    """One article's report of an event, with the figures it gave."""

    article_id: str
    evidence: Optional[Provenance] = None
    url: Optional[str] = None
    fatalities: Optional[int] = None
    injuries: Optional[int] = None
    outlet: Optional[str] = None  # the article's publisher (Article.outlet)


@dataclass
class Event:
    """One conflict or political-violence event in the ACLED taxonomy."""

    id: str
    article_id: str
    event_type: str
    sub_event_type: str
    evidence: Provenance  # the sentence the event was read from
    confidence: float
    trigger: Optional[str] = None  # the word that signalled the event
    actor1: Optional[Actor] = None
    actor2: Optional[Actor] = None
    place: Optional[Place] = None
    # Toponyms the extractor found for this event, most likely first. Each is
    # an unresolved Place (name == text; precision is the finest the wording
    # allows). The geo stage resolves them, picks one into ``place`` and
    # empties this list.
    locations: list[Place] = field(default_factory=list)
    date: Optional[EventDate] = None
    fatalities: Optional[Count] = None
    injuries: Optional[Count] = None
    sources: list[Source] = field(default_factory=list)
    # None when the rules decided the type; "learned:NAME" when a user's learned
    # model did (flashpoint learn), with ``confidence`` its probability.
    classified_by: Optional[str] = None
    # Every sentence of the article that reports this incident (headline, lead,
    # details, captions), in document order; filled by the incidents stage.
    mentions: list[Provenance] = field(default_factory=list)
    # Why reports from several articles were merged into this event and which
    # report gave its date, place and type (filled by the merge stage).
    merge_notes: list[str] = field(default_factory=list)


@dataclass
class Quote:
    """A direct quote and who said it."""

    id: str
    article_id: str
    text: str
    provenance: Provenance  # span of the quoted words
    confidence: float
    speaker: Optional[str] = None
    role: Optional[str] = None
    speaker_provenance: Optional[Provenance] = None
    # "direct" (a sentence or more in the speaker's words) or "partial" (a few quoted
    # words inside the writer's own sentence: 'called it "a disaster"'); None = not judged
    kind: Optional[str] = None
    # how the speaker was found ("named", "pronoun", "carried", "label", "caption", ...)
    speaker_cue: Optional[str] = None


@dataclass
class NonEvent:
    """A sentence with an event word that reports no event, and why ("irrealis",
    "background:total", "sport", ...): what ``flashpoint eval --errors`` shows."""

    reason: str
    evidence: Provenance  # the sentence


@dataclass
class Document:
    """What extraction returns for one article."""

    article: Article
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    non_events: list[NonEvent] = field(default_factory=list)
    # Every place the article names in a place slot, in text order: unresolved
    # candidates from the parse, resolved by the geo stage (names the gazetteer
    # does not know are dropped). The incidents stage takes an incident's town
    # from here when its own sentences name only a country or region.
    places: list[Place] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (dates as ISO strings)."""
        return to_dict(self)


def to_dict(obj: Any) -> Any:
    """Turn a model object (or list of them) into JSON-ready Python values."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (list, tuple)):
        return [to_dict(x) for x in obj]
    if isinstance(obj, dict):
        return {k: to_dict(v) for k, v in obj.items()}
    if isinstance(obj, (dt.date, dt.datetime)):
        return obj.isoformat()
    return obj


def _from(cls: Any, data: Any) -> Any:
    if data is None:
        return None
    kwargs = {}
    for f in dataclasses.fields(cls):
        if f.name not in data:
            continue
        value = data[f.name]
        kind = _NESTED.get((cls, f.name))
        if kind is list:
            value = [_from(_LIST_ITEM[(cls, f.name)], v) for v in value or []]
        elif kind == "date":
            value = dt.date.fromisoformat(value) if value else None
        elif kind is not None:
            value = _from(kind, value)
        kwargs[f.name] = value
    return cls(**kwargs)


_NESTED: dict[tuple[type, str], Any] = {
    (Article, "date"): "date",
    (Actor, "provenance"): Provenance,
    (Place, "provenance"): Provenance,
    (EventDate, "start"): "date",
    (EventDate, "end"): "date",
    (EventDate, "told_on"): "date",
    (EventDate, "provenance"): Provenance,
    (Count, "provenance"): Provenance,
    (Source, "evidence"): Provenance,
    (Event, "evidence"): Provenance,
    (Event, "actor1"): Actor,
    (Event, "actor2"): Actor,
    (Event, "place"): Place,
    (Event, "date"): EventDate,
    (Event, "fatalities"): Count,
    (Event, "injuries"): Count,
    (Event, "sources"): list,
    (Event, "locations"): list,
    (Event, "mentions"): list,
    (Quote, "provenance"): Provenance,
    (Quote, "speaker_provenance"): Provenance,
    (Document, "article"): Article,
    (Document, "events"): list,
    (Document, "quotes"): list,
    (Document, "non_events"): list,
    (NonEvent, "evidence"): Provenance,
}
_LIST_ITEM = {
    (Event, "sources"): Source,
    (Event, "locations"): Place,
    (Event, "mentions"): Provenance,
    (Document, "events"): Event,
    (Document, "quotes"): Quote,
    (Document, "non_events"): NonEvent,
}


def from_dict(cls: type, data: dict[str, Any]) -> Any:
    """Rebuild a model object of class ``cls`` from ``to_dict`` output."""
    return _from(cls, data)
