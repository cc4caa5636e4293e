"""The `events` stage: event mentions (type, actors, date, place, tolls) from a parse.

One mention per event sentence, merged across follow-up sentences; the
`incidents` stage later groups the mentions of one incident.
"""

from flashpoint.events.sentence_mentions import find_events

__all__ = ["find_events"]
