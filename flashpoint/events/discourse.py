"""Reading an article's event mentions in order.

A mention that adds detail to the event just described is merged into it; a
response ("Turkey retaliated") takes its target, date and place from the event
it answers; "a similar attack" takes the attacker and weapon of the last one.
Fields taken from another event are copies with lowered confidence, their
provenance still naming the sentence they were read from.
"""

from __future__ import annotations

import copy

from flashpoint.events.actors import CIVILIANS
from flashpoint.events.mention import Mention
from flashpoint.events.taxonomy import (BATTLES, DISTINCT_WEAPONS, EXPLOSIONS, PROTESTS, RIOTS, STRATEGIC,
                                         event_type_of, precedence)
from flashpoint.model import Actor, Count, EventDate, Place

# Sites inside a town ("on Moi Avenue", "at Banaras Chowk"): no town of their own.
STREET_WORDS = {"avenue", "street", "road", "square", "boulevard", "bridge", "roundabout", "highway",
                "market", "park", "circle", "lane", "chowk", "chowrangi", "junction", "bazaar", "plaza"}
NON_STATE = {"rebel group", "political militia", "identity militia"}


def _same_party(a: Actor | None, b: Actor | None) -> bool | None:
    """Same kind and country (None when either is unknown)."""
    if a is None or b is None:
        return None
    if a.country and b.country:
        return a.country == b.country and a.kind == b.kind
    return a.kind == b.kind


def _same_side(a: Actor | None, b: Actor | None) -> bool | None:
    """Like _same_party, but any two non-state armed groups without conflicting
    countries count as one side ("the attackers" after "Islamist militants")."""
    same = _same_party(a, b)
    if same is False and a.kind in NON_STATE and b.kind in NON_STATE:
        return not (a.country and b.country and a.country != b.country)
    return same


def _dates_overlap(a: EventDate | None, b: EventDate | None) -> bool:
    return a is None or b is None or (a.start <= b.end and b.start <= a.end)


def continues(prev: Mention, cur: Mention) -> bool:
    """True when ``cur`` adds detail to the event ``prev`` described."""
    if cur.separate:
        return False  # "In a separate attack, ...": never the same event
    if {prev.sub_event, cur.sub_event} == DISTINCT_WEAPONS and min(prev.strength, cur.strength) >= 2:
        return False  # shelling, then an air strike: two events
    crowd = event_type_of(prev.sub_event) in (PROTESTS, RIOTS)
    if crowd and cur.response and cur.date is None and cur.paragraph - prev.last_paragraph <= 1:
        return True  # "Police responded with tear gas": the intervention at that protest
    if cur.response or cur.similar:
        return False
    # "The attackers also burned houses in Mbau": "also" adds to the same event
    also = any(c.lower_ == "also" for c in cur.trigger.children) and cur.date is None
    # but "thousands also demonstrated in Wad Madani": a crowd elsewhere is its own protest
    # (its first place decides: "in Wad Madani, south of Khartoum")
    # and "soldiers also clashed with rebels in Leon Postigo" after a clash in Sindangan is
    # another clash: a town other than the town the event was told in
    elsewhere = bool(cur.locations) and cur.locations[0].text.lower() not in {p.text.lower() for p in prev.locations} \
        and (event_type_of(cur.sub_event) in (PROTESTS, RIOTS)
             or cur.locations[0].precision == "town" and any(p.precision == "town" for p in prev.locations))
    bare = cur.date is None and (not cur.locations or also and not elsewhere)
    if crowd and cur.paragraph == prev.last_paragraph and bare:
        return True  # what happened at the protest or riot just described
    local = all(p.text.split()[-1].lower() in STREET_WORDS for p in cur.locations)  # "on Moi Avenue"
    same_time = local and (cur.date is None or prev.date is not None and _dates_overlap(prev.date, cur.date))
    if crowd and same_time and cur.paragraph - prev.last_paragraph <= 2 and cur.cues <= {"attack", "shooting", "force", "clash", "riot"} \
            and (cur.fatalities or cur.injuries):
        return True  # "Two men were shot dead on Moi Avenue": the protest's toll
    if cur.sub_event == "Looting/property destruction" and bare and event_type_of(prev.sub_event) != STRATEGIC \
            and cur.paragraph - prev.last_paragraph <= 2 and _same_side(cur.actor1, prev.actor1) is not False:
        return True  # "the attackers burned the camp's fuel depot": part of the attack
    if event_type_of(cur.sub_event) == STRATEGIC and not also:
        # each arrest, interception or deal is its own development, but an undated
        # sentence about the same kind of development right after elaborates it
        return cur.sub_event == prev.sub_event and cur.date is None and cur.paragraph - prev.last_paragraph <= 1
    if event_type_of(prev.sub_event) == BATTLES and prev.actor1 is not None and prev.actor2 is not None \
            and event_type_of(cur.sub_event) == EXPLOSIONS and cur.strength >= 2 and cur.fatalities is None:
        # "resistance forces attacked the troops ..." then "a helicopter later assaulted the
        # village": the strike that followed the fight is its own event
        return False
    victim_side = cur.actor1 is not None and prev.actor2 is not None and cur.actor1.country \
        and cur.actor1.country == prev.actor2.country and prev.actor1 is None
    if bare and cur.paragraph - prev.last_paragraph <= 2 and not victim_side:
        if not (cur.fatalities or cur.injuries) and _same_side(cur.actor1, prev.actor1) is not False:
            return True  # a detail of the same event ("the attackers used a car bomb")
        if cur.cues <= {"attack"} and cur.actor1 is None and not (prev.fatalities and cur.fatalities):
            return True  # more of its toll ("At least 20 people were wounded.")
        if _same_side(cur.actor2, prev.actor1) and _same_side(cur.actor1, prev.actor2) is not False \
                and event_type_of(prev.sub_event) == BATTLES:
            cur.counter_casualties = True
            return True  # the other side's losses in the same battle
    if bare and cur.paragraph - prev.last_paragraph <= 3 and cur.injuries and not cur.fatalities \
            and cur.cues <= {"attack"} and cur.actor1 is None and prev.injuries is None:
        return True  # "a doctor said more than 40 wounded people had been brought in"
    if cur.paragraph - prev.last_paragraph > 1:
        return False
    if cur.locations and prev.locations and not local \
            and not {p.text.lower() for p in prev.locations} & {p.text.lower() for p in cur.locations}:
        # "In Amsterdam, two rallies ..." then "Thousands marched in Lisbon": elsewhere, or
        # the same place named otherwise; the incidents stage decides on resolved places
        return False
    if event_type_of(cur.sub_event) != event_type_of(prev.sub_event) and min(cur.strength, prev.strength) > 1:
        return False
    if not _dates_overlap(prev.date, cur.date):
        return False
    if prev.fatalities and cur.fatalities and prev.fatalities.value != cur.fatalities.value:
        return False
    for mine, theirs in ((cur.actor1, prev.actor1), (cur.actor2, prev.actor2)):
        if _same_party(mine, theirs) is False:
            return False
    if _same_party(cur.actor1, prev.actor2) and _same_party(cur.actor2, prev.actor1):
        return False  # the roles are reversed: a counter-attack
    return True


def _more_decisive(a: str, b: str) -> bool:
    """``a`` outranks ``b`` in ACLED's precedence within one event type (a suicide bomb over an IED)."""
    ranks = precedence()
    return event_type_of(a) == event_type_of(b) and ranks.get(a, (99, 99))[0] < ranks.get(b, (99, 99))[0]


TERRITORY_CHANGES = {"Government regains territory", "Non-state actor overtakes territory",
                     "Non-violent transfer of territory"}


def absorb(prev: Mention, cur: Mention) -> None:
    """Merge ``cur`` into ``prev``: fill what ``prev`` lacks, keep what it has."""
    prev.sentences.append(cur.sent)
    prev.last_paragraph = cur.paragraph
    if cur.counter_casualties and prev.fatalities and cur.fatalities:
        # both sides' dead count towards the battle's fatalities
        prev.fatalities = Count(value=prev.fatalities.value + cur.fatalities.value,
                                qualifier="at least" if "at least" in (prev.fatalities.qualifier, cur.fatalities.qualifier) else "exact",
                                text=prev.fatalities.text, provenance=prev.fatalities.provenance)
        cur.fatalities = None
    if event_type_of(prev.sub_event) == PROTESTS and (cur.fatalities or cur.injuries):
        cur.sub_event, cur.strength = "Excessive force against protesters", 3
    if cur.strength > prev.strength and (prev.strength < 2 or cur.fatalities or not prev.fatalities):
        prev.sub_event, prev.strength = cur.sub_event, cur.strength
    elif cur.strength >= prev.strength and prev.sub_event == "Attack" and event_type_of(cur.sub_event) == EXPLOSIONS:
        # "32 civilians were killed in an attack by the RSF ... The RSF launched a barrage of
        # drones, followed by artillery shelling": the attack is coded by its weapon (ACLED)
        prev.sub_event = cur.sub_event
    elif cur.strength == prev.strength and _more_decisive(cur.sub_event, prev.sub_event) \
            and not (cur.sub_event == "Abduction/forced disappearance" and prev.fatalities):
        # "a bombing" told again as "the suicide bomber set off the blast" (but people killed and
        # others taken in one attack stay an attack: the killings decide, ACLED)
        prev.sub_event = cur.sub_event
    # "A suicide bomber detonated at the base ... The military recaptured the base": who
    # retook a place is the other side, not the attacker
    retaken = cur.sub_event in TERRITORY_CHANGES and prev.sub_event not in TERRITORY_CHANGES
    for name in ("actor1", "actor2", "fatalities", "injuries", "date"):
        if getattr(prev, name) is None and not (retaken and name == "actor1"):
            setattr(prev, name, getattr(cur, name))
    if prev.date is not None and cur.date is not None and not prev.date.exact and cur.date.exact \
            and prev.date.start <= cur.date.start <= prev.date.end:
        prev.date = cur.date  # "died on Sunday after the shelling" ... "on Saturday, the Houthis fired": Saturday
    prev.locations.extend(cur.locations)


def _as_admin1(places: list[Place]) -> list[Place]:
    """The region around the places of an event that a response answers."""
    return [Place(name=p.name, text=p.text, precision="admin1", country=p.country,
                  provenance=_inherited(p).provenance) for p in places if p.precision != "country"]


def _inherited(value):
    """A copy of a field taken from another event, its confidence lowered: the
    provenance still points at the sentence it was read from."""
    if value is None:
        return None
    value = copy.deepcopy(value)
    if value.provenance is not None:
        value.provenance.confidence = round(value.provenance.confidence * 0.8, 3)
    return value


def follow_up(prev: Mention, cur: Mention) -> None:
    """Fill a response or a "similar attack" from the event it refers to."""
    if cur.response:
        if cur.actor2 is None or cur.actor2.kind == CIVILIANS and prev.actor1 is not None:
            cur.actor2 = _inherited(prev.actor1)
        if not cur.locations:
            cur.locations = _as_admin1(prev.locations)
    if cur.similar and cur.actor1 is None and _same_party(prev.actor2, cur.actor2) is not False:
        cur.actor1 = _inherited(prev.actor1)
    if cur.date is None and (cur.date_anaphoric or cur.response):
        cur.date = _inherited(prev.date)
    if cur.strength < 2:
        cur.sub_event, cur.strength = prev.sub_event, 1


def referent(mentions: list[Mention], cur: Mention) -> Mention | None:
    """The earlier event that a response or "a similar attack" points back to; the police
    who "responded with teargas and charged the crowd" answer the crowd's event."""
    crowd = event_type_of(cur.sub_event) in (PROTESTS, RIOTS)
    if cur.response and crowd:
        gathered = [prev for prev in mentions if event_type_of(prev.sub_event) in (PROTESTS, RIOTS)]
        if gathered:
            return gathered[-1]
    for prev in reversed(mentions[-3:]):
        if cur.similar and _same_party(prev.actor2, cur.actor2) is False:
            continue  # a similar attack hit the same side as the one it resembles
        if cur.response and _same_party(prev.actor1, cur.actor1):
            continue  # one does not respond to oneself
        return prev
    return None
