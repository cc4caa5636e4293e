"""ACLED's naming of an incident's parties once its type and country are known.

- A demonstration's crowd is its actor1, named by the event type: "Protesters (X)"
  for a protest, "Rioters (X)" for a riot, whatever the text called the people
  ("residents", "students", "activists"); state forces facing the crowd are actor2.
- Where the text names no party, the sub-event type's default from
  ``data/type_actors.tsv`` stands in (an unclaimed bombing is an "Unidentified Armed
  Group (X)"'s; an attack's victims are "Civilians (X)"), with a low confidence and
  provenance at the sentence that reports the incident.
- The type's roles decide the order of the sides: a non-state actor overtaking
  territory is actor1, a government regaining it is actor1.
- An unnamed armed attacker ("gunmen", "militants", or one the type implies) in an
  article that names exactly one armed group is that group, with a low confidence
  and provenance at the group's first naming: ACLED attributes by the report. Unnamed
  armed dead beside a named group in a battle ("six fighters were killed") are the
  toll, not the other side, and are no actor2.
- An air strike nobody is named for, in an article whose other incidents have a single
  state attacker, is that state's (lower confidence, the attacker's own provenance).
- Armed men the report says it cannot name ("suspected militants", "unknown gunmen")
  are an Unidentified Armed Group, whatever word it used.
- Unnamed local parties take the incident's country (``geo.actors.localise_actors``).
- State forces acting outside their country are "external/other" (ACLED inter code 8),
  except in hostilities between two states' forces, where both stay state forces.
"""

from __future__ import annotations

import dataclasses
import functools
import re

from flashpoint.events.actors import named_groups, unspecified_victims
from flashpoint.events.classify import has_cue
from flashpoint.geo.actors import localise_actors
from flashpoint.geo.countries import actor_name, country_code
from flashpoint.incidents.actors import is_named
from flashpoint.incidents.cues import DATA
from flashpoint.incidents.fallbacks import sentence_around
from flashpoint.model import Actor, Article, Event, Provenance

CROWDS = {"protesters", "rioters", "civilians"}
STATE, EXTERNAL = "state forces", "external/other"
POLICE = "police forces"  # in type_actors.tsv: state forces named as police
# Event types in which two states' forces face each other as enemies.
HOSTILE_TYPES = {"Battles", "Explosions/Remote violence"}
# A party the text does not name but the type implies: this confidence.
DEFAULT_CONFIDENCE = 0.35
# An attacker carried over from the article's other incidents keeps this share of its confidence.
CARRIED = 0.5
AIR_STRIKE = "Air/drone strike"
# The one armed group an article names, standing for an unnamed attacker: this confidence.
ARTICLE_GROUP_CONFIDENCE = 0.3
ARMED = {"rebel group", "political militia", "identity militia"}
UNIDENTIFIED = "political militia"  # ACLED's kind for an Unidentified Armed Group
UNKNOWN = re.compile(r"\b(?:unidentified|unknown|suspected|unnamed)\b", re.I)
# Sub-event types whose actor1 is, by definition, a state's or a non-state party.
STATE_FIRST = {"Government regains territory"}
NON_STATE_FIRST = {"Non-state actor overtakes territory"}
# Event types whose actor1 is never a crowd or civilians.
VICTIM_TYPES = {"Explosions/Remote violence", "Violence against civilians"}
# Event types in which an unnamed armed party may be the article's named group.
ARMED_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians"}


@functools.lru_cache(maxsize=1)
def type_actors() -> dict[tuple[str, str], str]:
    """(sub-event type, role) -> the kind of party that type implies."""
    table = {}
    for line in (DATA / "type_actors.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            sub_event, role, kind = line.split("\t")
            table[(sub_event, role)] = kind.strip()
    return table


def _renamed(actor: Actor, kind: str) -> Actor:
    """A crowd called by the kind its event gives it ("residents" -> rioters)."""
    return dataclasses.replace(actor, kind=kind, name=actor_name(kind, actor.country, False))


def _implied(kind: str, event: Event) -> Actor:
    where = event.evidence
    police = kind == POLICE
    kind = STATE if police else kind
    return Actor(name=actor_name(kind, None, police), text="", kind=kind, country=None,
                 provenance=Provenance(article_id=where.article_id, sentence=where.sentence,
                                       sentence_start=where.sentence_start, sentence_end=where.sentence_end,
                                       start=where.sentence_start, end=where.sentence_start,
                                       confidence=DEFAULT_CONFIDENCE))


def _crowd_first(event: Event, kind: str) -> None:
    """A demonstration's crowd as actor1 (named ``kind``), the forces facing it as actor2."""
    a1, a2 = event.actor1, event.actor2
    if a1 is not None and a1.kind == STATE and (a2 is None or a2.kind in CROWDS):
        event.actor1, event.actor2 = a2, a1  # "police dispersed the protesters"
    if event.actor1 is not None and event.actor1.kind in CROWDS and event.actor1.kind != kind:
        event.actor1 = _renamed(event.actor1, kind)


def _both_sides_riot(event: Event) -> None:
    """In mob violence told as a clash, the other side riots too (ACLED names both "Rioters
    (X)"; "supporters of A and B clashed" names both sides at once); victims the text names
    only as "people" stay civilians."""
    other = event.actor2 or event.actor1
    if event.sub_event_type != "Mob violence" or other is None or other.kind != "civilians" \
            or unspecified_victims(other):
        return
    if any(has_cue(m.sentence, "clash") for m in (event.mentions or [event.evidence])):
        event.actor2 = _renamed(other, "rioters")


def _victims_first(event: Event) -> None:
    """A bombing or an attack on civilians is never done by civilians or a crowd (ACLED):
    such an actor1 is its victims, read first ("Civilians killed in a blast in ..."; the
    rally a suicide bomber struck), and the attacker is unknown."""
    a1 = event.actor1
    if event.event_type not in VICTIM_TYPES or a1 is None or a1.kind not in CROWDS:
        return
    if event.actor2 is None:
        event.actor2 = a1
    event.actor1 = None


def _no_self_fight(event: Event) -> None:
    """One state's forces on both sides of a battle is a misreading (the victims' words
    read as the attacker's: "security forces personnel ... were killed in an encounter
    with Maoists"): the attacker is unknown, for the article's armed group to fill."""
    a1, a2 = event.actor1, event.actor2
    if event.event_type == "Battles" and a1 is not None and a2 is not None and a1.kind == a2.kind == STATE \
            and a1.country == a2.country and (a1.name == a2.name or not a1.country):
        event.actor1 = None


def _sides_by_type(event: Event) -> None:
    a1, a2 = event.actor1, event.actor2
    state_first = a1 is not None and a1.kind == STATE
    if event.sub_event_type in NON_STATE_FIRST and state_first and (a2 is None or a2.kind in ARMED):
        event.actor1, event.actor2 = a2, a1
    elif event.sub_event_type in STATE_FIRST and a1 is not None and a1.kind in ARMED and (
            a2 is None or a2.kind == STATE):
        event.actor1, event.actor2 = a2, a1


@functools.lru_cache(maxsize=1)
def _group_patterns() -> tuple[re.Pattern, re.Pattern]:
    groups = {alias: value for alias, value in named_groups().items() if value[1] in ARMED}
    long = sorted((a for a in groups if len(a) > 3), key=len, reverse=True)
    short = sorted(a for a in groups if len(a) <= 3)
    return (re.compile(r"(?<![\w'])(" + "|".join(map(re.escape, long)) + r")(?![\w'])", re.I),
            re.compile(r"\b(" + "|".join(re.escape(a.upper()) for a in short) + r")\b"))


@functools.lru_cache(maxsize=8)
def groups_named(text: str) -> dict[str, tuple[tuple[str, str, str | None], int, int]]:
    """The armed groups ``text`` names: name -> ((name, kind, country), start, end) of the first naming."""
    table, found = named_groups(), {}
    for pattern in _group_patterns():
        for m in pattern.finditer(text):
            value = table[m.group(1).lower()]
            if value[0] not in found or m.start() < found[value[0]][1]:
                found[value[0]] = (value, m.start(), m.end())
    return found


def _group_actor(article: Article) -> Actor | None:
    """The one armed group the article names, as an actor read off its first naming."""
    found = groups_named(article.text)
    if len(found) != 1:
        return None
    (name, kind, country), start, end = next(iter(found.values()))
    left, right = sentence_around(article.text, start, end)
    return Actor(name=name, text=article.text[start:end], kind=kind, country=country,
                 provenance=Provenance(article_id=article.id, sentence=article.text[left:right].strip(),
                                       sentence_start=left, sentence_end=right, start=start, end=end,
                                       confidence=ARTICLE_GROUP_CONFIDENCE))


def _article_group(event: Event, article: Article) -> None:
    """An unnamed armed attacker in an article naming one armed group is that group; so
    is the missing other side of a battle that state forces fought ("the gun battle ensued
    when government troops responded" in a story about the NPA) or of territory they retook."""
    a1 = event.actor1
    if (event.event_type == "Battles" or event.sub_event_type in STATE_FIRST) and event.actor2 is None \
            and a1 is not None and a1.kind in (STATE, EXTERNAL):
        group = _group_actor(article)
        if group is not None:
            event.actor2 = group
        return
    if event.event_type not in ARMED_TYPES or (a1 is not None and (a1.kind not in ARMED or is_named(a1))):
        return
    if a1 is None and event.event_type != "Battles" or a1 is not None and UNKNOWN.search(a1.text):
        return  # "unidentified gunmen": the report says it does not know
    group = _group_actor(article)
    if group is None or event.actor2 is not None and event.actor2.name == group.name:
        return
    event.actor1 = group


def _air_force(event: Event, others: list[Event]) -> None:
    """An air strike nobody is named for, in an article whose other incidents have one
    state (or foreign state) attacker, is that state's: only states fly in most wars."""
    if event.sub_event_type != AIR_STRIKE or event.actor1 is not None:
        return
    forces = {o.actor1.name: o.actor1 for o in others if o is not event and o.actor1 is not None
              and o.actor1.kind in (STATE, EXTERNAL)}
    if len(forces) == 1:
        actor = dataclasses.replace(next(iter(forces.values())))
        if actor.provenance is not None:
            actor.provenance = dataclasses.replace(actor.provenance, confidence=round(
                actor.provenance.confidence * CARRIED, 3))
        event.actor1 = actor


def _attack_on_forces(event: Event) -> None:
    """ACLED's "Attack" is violence against civilians: an attack whose victims are soldiers,
    police or fighters ("10 Malian soldiers were killed in an attack on their camp") is a
    battle, an armed clash."""
    victims, attacker = event.actor2, event.actor1
    if event.sub_event_type != "Attack" or victims is None or victims.kind not in ARMED | {STATE} \
            or unspecified_victims(victims) or attacker is not None and attacker.kind not in ARMED | {STATE, EXTERNAL}:
        return
    event.sub_event_type, event.event_type = "Armed clash", "Battles"


def name_parties(event: Event, article: Article, others: list[Event] = ()) -> Event:
    """Fill and name the incident's parties the ACLED way (see the module docstring);
    ``others`` are the article's other incidents."""
    defaults = type_actors()
    _victims_first(event)
    _both_sides_riot(event)
    crowd = defaults.get((event.sub_event_type, "actor1"))
    if crowd in CROWDS:
        _crowd_first(event, crowd)
    _sides_by_type(event)
    _attack_on_forces(event)
    for role in ("actor1", "actor2"):
        kind = defaults.get((event.sub_event_type, role))
        if kind and getattr(event, role) is None:
            setattr(event, role, _implied(kind, event))
    _no_self_fight(event)
    _article_group(event, article)
    _air_force(event, list(others))
    for role in ("actor1", "actor2"):
        actor = getattr(event, role)
        if actor is not None and actor.kind in ARMED and not is_named(actor) and UNKNOWN.search(actor.text):
            # "suspected militants", "unknown gunmen": ACLED's Unidentified Armed Group
            setattr(event, role, dataclasses.replace(actor, kind=UNIDENTIFIED,
                                                     name=actor_name(UNIDENTIFIED, actor.country, False)))
    if event.sub_event_type == "Peaceful protest" and event.actor2 is not None and event.actor2.kind in (STATE, EXTERNAL):
        # a peaceful protest faced no one: "police reported 1,200 marchers" and "Palestine will be
        # free" name no second party (ACLED codes it with the crowd alone)
        event.actor2 = None
    a1, a2 = event.actor1, event.actor2
    if event.event_type == "Battles" and a1 is not None and a2 is not None and a1.kind in ARMED \
            and a2.kind in ARMED and is_named(a1) and not is_named(a2):
        # "six fighters were killed" beside a named group: the toll's dead, not the other side
        event.actor2 = None
    localise_actors(event)
    _local_branch(event)
    _one_state(event, list(others))
    _mark_external(event)
    return event


@functools.lru_cache(maxsize=1)
def _branches() -> dict[tuple[str, str], str]:
    """(group name, country acted in) -> the local branch's name (data/local_branches.tsv)."""
    rows = (DATA / "local_branches.tsv").read_text(encoding="utf-8").splitlines()
    return {(r[0], r[1]): r[2] for r in (line.split("\t") for line in rows if line.strip() and not line.startswith("#"))}


def _local_branch(event: Event) -> None:
    """A group acting where it has a branch ACLED names apart is that branch ("the Taliban"
    attacking in Pakistan are the TTP), named in the branch's own country."""
    home = event.place.country if event.place is not None else None
    for role in ("actor1", "actor2"):
        actor = getattr(event, role)
        branch = _branches().get((actor.name, home)) if actor is not None and home else None
        if branch:
            setattr(event, role, dataclasses.replace(actor, name=branch, country=home))


def _one_state(event: Event, others: list[Event]) -> None:
    """Unnamed "soldiers" whose country only the event's place gave are the one state's
    forces the article's other incidents name, when that is another state (Israeli forces
    in Jenin): the place's country is ACLED's fallback, not a fact."""
    named = {o_actor.country for o in others if o is not event for o_actor in (o.actor1, o.actor2)
             if o_actor is not None and o_actor.kind in (STATE, EXTERNAL) and o_actor.country
             and _says_country(o_actor)}
    if len(named) != 1:
        return
    country = next(iter(named))
    for role in ("actor1", "actor2"):
        actor = getattr(event, role)
        if actor is None or actor.kind != STATE or actor.country == country or _says_country(actor):
            continue
        if event.place is None or actor.country != event.place.country:
            continue
        police = actor.name.startswith("Police")
        setattr(event, role, dataclasses.replace(actor, country=country, name=actor_name(STATE, country, police)))


def _says_country(actor: Actor) -> bool:
    """The actor's own words name its country ("Israeli forces", "Syrian army")."""
    return any(country_code(word.strip(".,'’s")) for word in (actor.text or "").split() if word[:1].isupper())


@functools.lru_cache(maxsize=1)
def _state_at_home() -> frozenset[tuple[str, str]]:
    """(forces' country, territory) pairs where the forces act as its state (state_at_home.tsv)."""
    rows = (DATA / "state_at_home.tsv").read_text(encoding="utf-8").splitlines()
    return frozenset(tuple(r.split("\t")[:2]) for r in rows if r.strip() and not r.startswith("#"))


def _mark_external(event: Event) -> None:
    home = event.place.country if event.place is not None else None
    if not home:
        return
    forces = [a for a in (event.actor1, event.actor2) if a is not None and a.kind == STATE]
    interstate = event.event_type in HOSTILE_TYPES and len({a.country for a in forces}) == 2 and all(
        a.country for a in forces)
    for role in ("actor1", "actor2"):
        actor = getattr(event, role)
        if actor is not None and actor.kind == STATE and actor.country and actor.country != home and not interstate \
                and (actor.country, home) not in _state_at_home():
            setattr(event, role, dataclasses.replace(actor, kind=EXTERNAL))
