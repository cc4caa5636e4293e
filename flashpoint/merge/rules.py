"""When two reports from different articles can be the same real-world event (docs/merge.md).

ACLED's unit is one type family, one place, one day. Two reports are
*compatible* when nothing known about them conflicts on any of these; unknown
never conflicts, but a report with no type, place or date is never merged at
all (nothing identifies it). Compatibility is pairwise and is NOT transitive:
an event may only hold reports that are compatible with every other one of
its reports (``flashpoint.merge.assign``).
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
import unicodedata
from importlib import resources

from flashpoint.model import Actor, Count, Event, EventDate, Place, Provenance

# ACLED's disorder families: one outlet's "attack" (Battles) is another's "air strike"
# (Explosions/Remote violence); a protest and an air strike are never one event.
TYPE_FAMILIES = {
    "Battles": "political violence",
    "Explosions/Remote violence": "political violence",
    "Violence against civilians": "political violence",
    "Protests": "demonstrations",
    "Riots": "demonstrations",
    "Strategic developments": "strategic developments",
}

# Two towns further apart than this are two places (outlets may name a village or
# the nearest town for one strike; ACLED codes two towns' incidents apart).
MAX_DISTANCE_KM = 10.0
# A date range may be bounded a day differently by two outlets ("last week").
RANGE_SLACK_DAYS = 1
# A window longer than this ("last month") is too vague to identify an event.
MAX_WINDOW_DAYS = 14
# Two exact tolls of one event are at most this far apart: absolute, or relative to the larger.
# Tolls rise as the dead are counted: first reports of a bombing often give under half
# the final figure (real set: 14 then 33 killed at Ustarzai, 24 then 50 at Dahyan).
TOLL_SLACK, TOLL_SPREAD = 3, 0.6
# Reports whose article ids start so come from an already coded dataset
# (``flashpoint ingest --acled``): two of its rows are two events by definition.
CODED_PREFIXES = ("acled:",)
CROWD_KINDS = ("protesters", "rioters")
CIVILIAN_KIND = "civilians"
VIOLENCE_FAMILY = "political violence"
CROWD_FAMILY = "demonstrations"
# ACLED's name for a perpetrator no one has named ("gunmen", "a suicide bomber"): the
# same attack may be claimed by, or blamed on, any armed actor in another report.
UNIDENTIFIED_PREFIX = "Unidentified"
ARMED_KINDS = ("state forces", "rebel group", "political militia", "identity militia", "external/other")
# ACLED codes a state's forces "external/other" where they act abroad: one actor either way.
STATE_KINDS = ("state forces", "external/other")
# A toll this large kills soldiers and civilians alike: outlets that name different victims
# of one such blast are not telling two events.
MIXED_VICTIMS_TOLL = 10

EARTH_RADIUS_KM = 6371.0088


def type_family(event_type: str | None) -> str | None:
    """The ACLED disorder family of an event type (None when unknown)."""
    if not event_type:
        return None
    return TYPE_FAMILIES.get(event_type, event_type)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


@functools.lru_cache(maxsize=4)
def _edge_of_day(scope: str = "date") -> re.Pattern:
    """Edge-of-day words (data/edge_of_day.tsv): all of them for ``date``, the ones
    that say "at night" on their own for ``report``; daytime words for ``day`` (and
    with "morning" for ``earlier``, the earlier of two reports)."""
    text = resources.files("flashpoint.merge").joinpath("data/edge_of_day.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    scopes = {"date": ("date", "report"), "report": ("report",), "day": ("day",), "earlier": ("day", "morning")}[scope]
    words = [w.strip() for w, *where in rows if (where[0].strip() if where else "date") in scopes]
    return re.compile(r"\b(?:" + "|".join(words) + r")\b", re.I)


def mergeable(event: Event) -> bool:
    """True when the report says enough to identify an event: type, place (with a
    country) and a date no wider than MAX_WINDOW_DAYS."""
    date = event.date
    return (
        type_family(event.event_type) is not None
        and event.place is not None
        and bool(event.place.country)
        and date is not None
        and (date.end - date.start).days <= MAX_WINDOW_DAYS
    )


def padded_window(event: Event) -> tuple[dt.date, dt.date] | None:
    """The widest window of days a compatible report's date can touch, or None
    when the report is not mergeable (used for blocking)."""
    if not mergeable(event):
        return None
    slack = dt.timedelta(days=RANGE_SLACK_DAYS)
    return event.date.start - slack, event.date.end + slack


def _edge_of_day_report(date: EventDate, mentions: list[Provenance] = ()) -> bool:
    """A night's event is told as either of two days ("overnight", "late Sunday"): by
    its date words or the sentence that dates it, or by any sentence the report has
    about the incident ("... detonated his belt in Sadr City on Monday night" after
    a sentence dated by the claim, "yesterday")."""
    sentence = date.provenance.sentence if date.provenance else ""
    if _edge_of_day().search(date.text or "") or _edge_of_day().search(sentence):
        return True
    return any(_edge_of_day("report").search(m.sentence or "") for m in mentions)


def _daytime(date: EventDate, scope: str) -> bool:
    """The report's date words or dating sentence put it in daytime ("on Tuesday afternoon")."""
    sentence = date.provenance.sentence if date.provenance else ""
    return _edge_of_day(scope).search(f"{date.text or ''}\n{sentence}") is not None


def dates_compatible(a: EventDate, b: EventDate, a_mentions: list[Provenance] = (), b_mentions: list[Provenance] = ()) -> bool:
    """Exact days: the same day (a day apart only for a night's event, told so by
    either report's date or sentences); a range (``last week``, a date inferred
    from publication) overlaps the other date, allowing RANGE_SLACK_DAYS at its
    ends. A daily series is one event a day."""
    if a.exact and b.exact:
        gap = abs((a.start - b.start).days)
        if gap == 0:
            return True
        earlier, later = (a, b) if a.start < b.start else (b, a)
        return gap == 1 and (_edge_of_day_report(a, a_mentions) or _edge_of_day_report(b, b_mentions)) \
            and not _daytime(earlier, "earlier") and not _daytime(later, "day")
    # a date read from when the news was told (the publication, "police said on Monday")
    # already holds the day before; only a range the text told ("last week") may be bounded
    # a day differently
    told_range = any(not d.exact and not d.inferred_from and d.told_on is None for d in (a, b))
    slack = dt.timedelta(days=RANGE_SLACK_DAYS if told_range else 0)
    return a.start - slack <= b.end and b.start - slack <= a.end


def _has_coords(place: Place) -> bool:
    return place.lat is not None and place.lon is not None


def town_distance_km(a: Place, b: Place) -> float | None:
    """Distance between two towns' points (0 for one gazetteer entry), None if unknown."""
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return 0.0
    if _has_coords(a) and _has_coords(b):
        return haversine_km(a.lat, a.lon, b.lat, b.lon)
    return None


def _fold(name: str | None) -> str:
    folded = unicodedata.normalize("NFKD", (name or "").casefold())
    return "".join(ch for ch in folded if ch.isalnum())


def region_named(place: Place | None) -> bool:
    """A town named like its admin1 ("in Idlib", "in Kano"): the report may mean the
    province as well as its capital, so it is compared as both."""
    if place is None or place.precision != "town" or not place.admin1:
        return False
    region = _fold(place.admin1)
    return region in (_fold(place.name), _fold(place.text))


def places_compatible(a: Place, b: Place) -> bool:
    """One place: two towns within MAX_DISTANCE_KM (or one gazetteer entry); an
    admin1 (or a town named like its admin1) and a town inside it, or the same
    admin1; a country-wide report and any report in that country (``compatible``
    asks more of that pair: ``country_wide_evidence``)."""
    if not a.country or a.country != b.country:
        return False
    if "country" in (a.precision, b.precision):
        return True  # only with a report that identifies the event otherwise (country_wide_evidence)
    if a.precision == b.precision == "town":
        far = town_distance_km(a, b)
        if far is not None and far <= MAX_DISTANCE_KM:
            return True
        if not (region_named(a) or region_named(b)):
            return False
    return bool(a.admin1) and a.admin1 == b.admin1


def _crowd(kind: str) -> str:
    # One outlet's protesters are another's rioters once the crowd turns violent.
    return "crowd" if kind in CROWD_KINDS else kind


def _kind(kind: str) -> str:
    return "state" if kind in STATE_KINDS else _crowd(kind)


def unidentified(actor: Actor) -> bool:
    """An armed actor no one named ("Unidentified Armed Group (Iraq)")."""
    return bool(actor.name) and actor.name.startswith(UNIDENTIFIED_PREFIX)


def actor_compatible(a: Actor | None, b: Actor | None) -> bool:
    """Same kind and country wherever both are known (protesters ~ rioters; a state's
    forces at home or abroad); one name is one actor; an unidentified armed group
    may be any armed actor another outlet names (a claim, a blame)."""
    if a is None or b is None:
        return True
    if a.name and a.name == b.name:
        return True
    for x, y in ((a, b), (b, a)):
        if unidentified(x) and (not y.kind or y.kind in ARMED_KINDS):
            return True
    if a.kind and b.kind and _kind(a.kind) != _kind(b.kind):
        return False
    return not (a.country and b.country and a.country != b.country)


def acting_actor1(event: Event) -> Actor | None:
    """The report's actor1, or None where a report of political violence names
    civilians on both sides: ACLED codes civilians only as the side acted upon, so
    such a report misread who acted ("Elena Mazur rushed to the blast site of a
    drone attack ...") and says nothing of who did it."""
    a1, a2 = event.actor1, event.actor2
    if (
        a1 is not None
        and a2 is not None
        and a1.kind == a2.kind == CIVILIAN_KIND
        and type_family(event.event_type) == VIOLENCE_FAMILY
    ):
        return None
    return a1


def _victims_told_apart(a: Event, b: Event) -> bool:
    """Outlets name a crowd's opponent, or a bombing's dead, differently: the police or the
    army facing one riot; "civilians" or "soldiers" among one blast's 90 dead. A crowd event
    in one town on one day is one event whoever it faced; for political violence the two
    reports must agree on the act (sub-event type) and both give compatible tolls of a
    mass-casualty size (MIXED_VICTIMS_TOLL): four dead told as civilians and four as
    soldiers may well be two strikes."""
    if type_family(a.event_type) == type_family(b.event_type) == CROWD_FAMILY:
        return True
    kinds = {a.actor2.kind if a.actor2 else None, b.actor2.kind if b.actor2 else None}
    return (
        kinds <= {CIVILIAN_KIND, *STATE_KINDS}
        and len(kinds) == 2
        and a.sub_event_type == b.sub_event_type
        and a.fatalities is not None
        and b.fatalities is not None
        and min(a.fatalities.value, b.fatalities.value) >= MIXED_VICTIMS_TOLL
        and tolls_compatible(a.fatalities, b.fatalities)
    )


def actors_compatible(a: Event, b: Event) -> bool:
    """Actor1 with actor1 and actor2 with actor2. Who acted on whom matters (a
    shelling and the shelled side's reply are two events); only a clash between
    two armed sides (Battles in both reports) may be told from either side."""
    a1, b1 = acting_actor1(a), acting_actor1(b)
    if actor_compatible(a1, b1) and (actor_compatible(a.actor2, b.actor2) or _victims_told_apart(a, b)):
        return True
    if a.event_type == b.event_type == "Battles":
        return actor_compatible(a1, b.actor2) and actor_compatible(a.actor2, b1)
    return False


def tolls_compatible(a: Count | None, b: Count | None) -> bool:
    """Tolls that may describe one event: unknown, a bound the other meets, or two
    figures within TOLL_SLACK or TOLL_SPREAD of the larger (outlets differ, and
    tolls rise as the dead are counted). "No one was killed" and a toll conflict."""
    if a is None or b is None:
        return True
    low, high = sorted((a, b), key=lambda c: c.value)
    if low.value == 0 and high.value > 0:
        return low.qualifier == "at least"
    if low.qualifier == "at least" or high.qualifier == "at most":
        return True  # the bound does not contradict the other figure
    return high.value - low.value <= max(TOLL_SLACK, TOLL_SPREAD * high.value)


@functools.lru_cache(maxsize=1)
def city_states() -> frozenset[str]:
    """Countries that are one city (data/city_states.tsv)."""
    text = resources.files("flashpoint.merge").joinpath("data/city_states.tsv").read_text(encoding="utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


def country_only(event: Event) -> bool:
    """The report's place is a country (or territory) as a whole."""
    return event.place is not None and event.place.precision == "country"


def country_wide(event: Event) -> bool:
    """The report names no place finer than a country that is more than one city
    ("in Hong Kong" is as precise as a province)."""
    return country_only(event) and event.place.country not in city_states()


def country_wide_evidence(a: Event, b: Event) -> bool:
    """A country-wide report ("killing 14 in Pakistan") and a located one are one
    event only when they say the same of it besides the place: the same event type
    (a "suicide bomb" and a "bomb blast" are both Explosions) and both a toll
    (compatible ones). Without that it would fit every event
    in the country that day; with it, it still joins only the one it fits best.
    Two country-wide reports need one more thing in common besides the country and
    the family: both a toll, or the same kind of happening — the same sub-event type
    (the weapon or act: a suicide bombing and an air strike somewhere in one country
    that week are not one event), where crowd events may differ in how violent the
    outlets saw them (a protest, its repression, a riot: ACLED's precedence ladder)."""
    wide_a, wide_b = country_wide(a), country_wide(b)
    if not (wide_a or wide_b):
        return True
    tolls = a.fatalities is not None and b.fatalities is not None
    if wide_a and wide_b:
        crowd = type_family(a.event_type) == CROWD_FAMILY
        return tolls or crowd or a.sub_event_type == b.sub_event_type
    crowd = type_family(a.event_type) == CROWD_FAMILY
    if crowd:
        return True  # outlets see one crowd as protesters or rioters, and rarely count it
    return a.event_type == b.event_type and (tolls or a.sub_event_type == b.sub_event_type)


def coded_pair(a: Event, b: Event) -> bool:
    """Both reports are rows of an already coded dataset (never merged together)."""
    return a.article_id.startswith(CODED_PREFIXES) and b.article_id.startswith(CODED_PREFIXES)


def compatible(a: Event, b: Event) -> bool:
    """True when two reports can be one real-world event (symmetric, not transitive).

    Reports from one article never are: the incidents stage already grouped an
    article's reports of one incident.
    """
    if a.article_id == b.article_id or coded_pair(a, b):
        return False
    if not (mergeable(a) and mergeable(b)):
        return False
    if type_family(a.event_type) != type_family(b.event_type):
        return False
    return (
        dates_compatible(a.date, b.date, a.mentions, b.mentions)
        and places_compatible(a.place, b.place)
        and country_wide_evidence(a, b)
        and actors_compatible(a, b)
        # a crowd's dead are counted town by town or nationwide, outlet by outlet
        and (type_family(a.event_type) == CROWD_FAMILY or tolls_compatible(a.fatalities, b.fatalities))
    )


# The old name: pairwise compatibility (no longer a transitive "same event" link).
same_event = compatible
