"""Reports an analyst could not code: told once, with no day and no place of their own.

An article's main incidents come with a day, a town or a toll. A further event word
told once in passing ("residents were angered by yet another gang attack"), which
the text neither dates (its day is only the publication's) nor places finer than a
country and gives no toll, is background or a vaguer telling of an incident already
coded: ACLED would not code it. Such a report is dropped when the article has another,
anchored incident (an article's only report is kept), and the reason is kept with the
article's non-events. Measured on the development sets before it was written: of the
events it drops, 11 were spurious and 3 right. Air defence reports are kept (see AIR_DEFENCE).
"""

from __future__ import annotations

import re

from flashpoint.model import Event, NonEvent

COARSE = (None, "country")
# Air defence reports ("its defences shot down 14 of the 17 drones") are told once, by the
# country, on the day of the report, by nature: ACLED codes them (Disrupted weapons use).
AIR_DEFENCE = re.compile(r"\b(?:intercept\w*|sho[ot]t? down|downed)\b", re.I)


def unanchored(event: Event) -> bool:
    """Told once, dated only by the publication, placed no finer than a country, with no
    toll, and no air defence report."""
    return (not AIR_DEFENCE.search(event.evidence.sentence) and len(event.mentions or [event.evidence]) == 1
            and event.date is not None and bool(event.date.inferred_from)
            and (event.place is None or event.place.precision in COARSE)
            and event.fatalities is None and event.injuries is None)


def drop_unanchored(events: list[Event], non_events: list[NonEvent]) -> list[Event]:
    """The events without the unanchored ones, when an anchored one remains; each dropped
    report is added to ``non_events`` with its reason."""
    dropped = [unanchored(e) for e in events]
    kept = [e for e, drop in zip(events, dropped) if not drop]
    if not kept or len(kept) == len(events):
        return events
    non_events.extend(NonEvent(reason="unanchored second report", evidence=e.evidence)
                      for e, drop in zip(events, dropped) if drop)
    return kept
