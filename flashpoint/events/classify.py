"""Assigning an ACLED sub-event type from the cues in an event's sentences.

The order of the rules follows ACLED's precedence: protests and riots are
about who acts; among violent events the weapon decides (an airstrike on
civilians is an air strike, not an attack), then territory, then who fought
whom. Each answer carries a strength: 2 when a specific cue decided it, 1 when
it is the default for a bare violent verb (later context may override it).
"""

from __future__ import annotations

import re

from flashpoint.events.actors import (
    CIVILIANS, EXTERNAL, IDENTITY, POLITICAL, PROTESTERS, REBEL, RIOTERS, STATE,
)
from flashpoint.events.lexicon import CUES

ARMED = {STATE, REBEL, POLITICAL, IDENTITY, EXTERNAL}
NON_STATE_ARMED = {REBEL, POLITICAL, IDENTITY}
PROTEST_LEMMAS = {"protest", "demonstrate", "demonstration", "rally", "march", "sit-in",
                  "picket", "protester", "protestor", "demonstrator", "blockade", "block"}
AGREEMENT_TRIGGERS = {"agreement", "deal", "swap", "exchange", "accord", "release", "ceasefire", "cease",
                      "truce", "sign", "agree", "reach", "surrender"}
RIOT_LEMMAS = {"riot", "rioter", "loot", "torch", "lynch"}
DISRUPT_VERBS = {"defuse", "intercept", "seize", "confiscate", "recover", "discover", "find",
                 "dismantle", "destroy", "shoot", "identify", "foil", "down"}
WEAPON_CUES = ("chemical", "suicide", "air", "shelling", "grenade", "ied")

# A phrase matches with a plural or verb ending too ("suicide bombers").
_PATTERNS = {
    family: re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")(?:s|es|ed|ing|ers?)?\b")
    for family, phrases in CUES.items()
}
# Verbs whose subject takes (or whose subject is taken by) territory.
TERRITORY_VERBS = {"capture", "seize", "overrun", "take", "fall", "retake", "recapture", "regain", "liberate", "gain"}
MILITARY_TARGETS = {"checkpoint", "base", "post", "convoy", "position", "barracks", "outpost",
                    "patrol", "garrison", "headquarters", "camp", "troops", "soldiers"}


# Phrases that look like a weapon cue but are crowd-control or defence gear.
NEUTRAL = re.compile(r"\b(?:smoke|stun|tear[- ]?gas|flash[- ]?bang) grenades?\b|\btear[- ]?gas (?:shells?|canisters?|rounds?)\b|\bair defen[cs]e\b|\banti-?aircraft\b"
                     r"|\b(?:anti-)?riot (?:police|officers?|squads?|gear|units?|control)\b|\banti-riot\b"
                     # an air force's people or base, not its strike ("the commander of army air forces was killed")
                     r"|\b(?:commander|chief|head|officer|member|pilot|general|spokes\w+)s? of (?:the )?(?:\w+ )?air forces?\b"
                     r"|\bair forces? (?:commanders?|chiefs?|officers?|pilots?|bases?|personnel|academy|spokes\w+)\b")
# Cue text is tokens joined by spaces ("anti - aircraft"): hyphens are read with their spaces.
_SPACED_HYPHEN = re.compile(r"\s+-\s+")


# What a crowd does that makes its protest a riot.
# (burning tyres is a protest's, not a riot's)
CROWD_VIOLENCE_VERBS = {"attack", "storm", "torch", "ransack", "loot", "stone", "vandalise", "vandalize",
                        "smash", "raze", "assault", "beat"}


# A rioter's fire bomb is no bomb ("a night of street battles, petrol bombs and flames").
_HAND_THROWN = re.compile(r"\b(?:petrol|fire|gasoline)[- ]?bombs?\b|\bmolotov cocktails?\b")


_CEASE_FIRE = re.compile(r"\bcease[- ]fire")  # "a draft cease-fire": no gunfire in it


def _readable(text: str) -> str:
    """The text as cues are read: lower case, hyphens joined, crowd-control and hand-thrown
    weapons named so that no weapon cue matches them."""
    lower = NEUTRAL.sub(" stun-device ", _CEASE_FIRE.sub("ceasefire", _SPACED_HYPHEN.sub("-", text.lower())))
    return _HAND_THROWN.sub(" molotov ", lower)


def cues_in(text: str) -> set[str]:
    """The cue families (keys of lexicon.CUES) whose phrases occur in ``text``."""
    lower = _readable(text)
    found = {family for family, pattern in _PATTERNS.items() if pattern.search(lower)}
    if "blast" in found:
        # an explosion is an IED cue; "blast_only" keeps that no device was named
        found = (found - {"blast"}) | ({"ied"} if "ied" in found else {"ied", "blast_only"})
    return found


def has_cue(text: str, family: str) -> bool:
    """Whether a phrase of one cue family occurs in ``text`` (``family in cues_in(text)``)."""
    lower = _readable(text)
    families = (family, "blast") if family == "ied" else (family,)
    return any(_PATTERNS[f].search(lower) is not None for f in families)


def classify(
    cues: set[str],
    trigger: str,
    actor1: str | None,
    actor2: str | None,
    killed: bool,
    injured: bool,
    target: str | None = None,
    territory: bool = True,
) -> tuple[str, int] | None:
    """(sub_event_type, strength) for an event, or None when it is no ACLED event.

    ``trigger`` is the trigger's lemma; ``actor1``/``actor2`` are actor kinds;
    ``target`` is the lemma of what was attacked ("checkpoint"), when known;
    ``territory`` says whether what was taken is a place (not "counterfeit goods").
    """
    casualties = killed or injured
    weapon = [c for c in WEAPON_CUES if c in cues]
    armed_party = actor1 in ARMED or actor2 in ARMED
    bare_blast = weapon == ["ied"] and "blast_only" in cues  # "heard loud explosions when two dams collapsed"
    if "accident" in cues and not killed:
        return None  # a weapon that malfunctioned, not one used
    if "disaster" in cues and (not weapon or bare_blast) and not armed_party and "protest" not in cues:
        return None  # floods, accidents, poisonings: deaths, but no political violence
    if trigger in ("fire", "shoot", "attack", "ambush") and actor1 in NON_STATE_ARMED and (
            actor2 == PROTESTERS or "protest" in cues):
        return "Attack", 2  # "an armed group opened fire at the rally": an attack on the crowd (ACLED)
    # "activists were injured as clashes erupted": the crowd's clash, whoever is named first
    protest = "protest" in cues or trigger in PROTEST_LEMMAS or actor1 == PROTESTERS \
        or (actor2 == PROTESTERS and "clash" in cues and actor1 in (STATE, None))
    if actor1 == RIOTERS and not weapon:
        return ("Mob violence", 2) if "mob" in cues else ("Violent demonstration", 2)
    if protest and not weapon:
        if "riot" in cues or actor1 == RIOTERS or "clash" in cues:
            return "Violent demonstration", 2
        if "force" in cues or (casualties and (actor2 == PROTESTERS or STATE in (actor1, actor2))) \
                or ("shooting" in cues and STATE in (actor1, actor2)):
            return "Excessive force against protesters", 2
        if casualties:
            return "Violent demonstration", 2
        if "intervention" in cues:
            return "Protest with intervention", 2
        return "Peaceful protest", 2
    if "crowd_control" in cues and actor1 in (STATE, None) and not weapon \
            and (actor2 == RIOTERS or actor2 is None and "mob" in cues):
        # "police fired rubber bullets to disperse a large group of looters": the crowd rioted
        return ("Mob violence", 2) if {"mob", "looting"} & cues else ("Violent demonstration", 2)
    crowd_met = "crowd_control" in cues or "crowd" in cues and bool({"intervention", "force"} & cues)
    if crowd_met and actor1 in (STATE, None) and actor2 in (None, CIVILIANS, PROTESTERS) \
            and not weapon and "riot" not in cues:
        # "police fired tear gas at the crowds", "fired live bullets to keep the crowds out of the
        # centre": a gathering met with force, whatever it was called
        return ("Excessive force against protesters", 2) if killed else ("Protest with intervention", 2)
    if ("mob" in cues and actor1 not in ARMED) or (actor1 == CIVILIANS and casualties and not weapon
                                                     and "shooting" not in cues
                                                     and not ("clash" in cues and actor2 in ARMED)):
        return "Mob violence", 2  # "villagers beat a man to death": unorganised civilians' violence
    # an armed group that torches a school destroys property; it does not riot
    if trigger in RIOT_LEMMAS and ("riot" in cues or actor1 == RIOTERS) and trigger != "loot" and actor1 not in ARMED \
            and not weapon:  # troops who "fired shells at two villages and torched some houses" shelled them
        return "Violent demonstration", 2
    if "rioting" in cues and not weapon and actor1 not in ARMED and not ("clash" in cues and armed_party):
        # "two people were killed and shops looted during a second night of rioting"
        return ("Mob violence", 2) if "mob" in cues else ("Violent demonstration", 2)
    if "disrupted" in cues and "weapons" in cues and trigger in DISRUPT_VERBS and (
            not casualties or trigger == "intercept" and not killed):
        # an interception whose falling shrapnel hurt people is still a disrupted strike (ACLED)
        return "Disrupted weapons use", 2
    if trigger in TERRITORY_VERBS and territory and not casualties and "yielded" in cues \
            and ("regain" in cues or "overtake" in cues):
        return "Non-violent transfer of territory", 2  # "retook the town without encountering resistance"
    if trigger in TERRITORY_VERBS and territory and not casualties and "yielded" not in cues and (
            "regain" in cues and actor1 in (STATE, None) or ("overtake" in cues or "regain" in cues) and actor1 in ARMED):
        # "troops backed by fighter jets recaptured the town", "Aleppo fell to regime forces after
        # an aerial bombardment": the territory changed hands (ACLED), whatever weapons took it;
        # a group that "recaptured the village from government forces" overtakes it
        return ("Government regains territory", 2) if actor1 in (STATE, None) \
            else ("Non-state actor overtakes territory", 2)
    if "chemical" in cues:
        return "Chemical weapon", 2
    if "suicide" in cues:
        return "Suicide bomb", 2
    if "air" in cues:
        return "Air/drone strike", 2
    if "shelling" in cues:
        return "Shelling/artillery/missile attack", 2
    if "grenade" in cues:
        return "Grenade", 2
    if "ied" in cues and not ("blast_only" in cues and "shooting" in cues):
        # ("small arms fire and some loud explosions": a fight, not a bomb)
        if trigger in ("bomb", "bombing", "bombard") and actor1 == STATE:
            return "Air/drone strike", 1
        return "Remote explosive/landmine/IED", 2
    if "agreement" in cues and "withdrawal" in cues and (territory or trigger == "surrender") and not casualties \
            and trigger in AGREEMENT_TRIGGERS | {"withdraw", "withdrawal", "hand", "surrender"}:
        # "rebels surrendered arms as part of a withdrawal deal": the deal hands the town over
        return "Non-violent transfer of territory", 2
    if "agreement" in cues and trigger in AGREEMENT_TRIGGERS and not casualties:
        return "Agreement", 2  # "a peace deal under which the gunmen agreed to free hostages"
    if "sexual" in cues:
        return "Sexual violence", 2
    if "abduction" in cues and not killed:  # killings outrank abductions in one attack
        return "Abduction/forced disappearance", 2
    if ("regain" in cues or "overtake" in cues) and "yielded" in cues and territory and not casualties:
        return "Non-violent transfer of territory", 2  # "seized the area after the troops withdrew"
    if "regain" in cues and actor1 in (STATE, None) and territory:
        return "Government regains territory", 2
    if "overtake" in cues and trigger in ("capture", "seize", "overrun", "take", "fall", "gain") and territory:
        if actor1 == STATE:
            return "Government regains territory", 2
        if actor1 in NON_STATE_ARMED:
            return "Non-state actor overtakes territory", 2
    if "clash" in cues and "crowd" in cues and not weapon and None in (actor1, actor2) and STATE in (actor1, actor2):
        return "Violent demonstration", 2  # "a large crowd gathered, resulting in clashes with police"
    if "clash" in cues and (actor2 != CIVILIANS or "armed_fight" in cues):
        return "Armed clash", 2
    if "clash" in cues and not weapon and ("shooting" not in cues or actor1 == STATE and "armed_fight" not in cues) \
            and (actor1 == CIVILIANS or actor1 == STATE and actor2 == CIVILIANS):
        # unarmed people (party supporters, villagers) who fight the police, or each other, riot;
        # so do youths the troops shoot at in clashes ("shot dead by Israeli forces during clashes")
        return ("Violent demonstration", 2) if actor1 == STATE else ("Mob violence", 2)
    if not casualties:
        if "arrest" in cues and trigger in ("arrest", "detain", "detention", "round"):
            return "Arrests", 2
        if "agreement" in cues and trigger in AGREEMENT_TRIGGERS:
            return "Agreement", 2
        if "base" in cues and "establish" in cues and trigger in ("establish", "set", "create", "build", "open"):
            return "Headquarters or base established", 2
        if "withdrawal" in cues and territory and trigger in ("withdraw", "pull", "hand", "retreat", "withdrawal"):
            return "Non-violent transfer of territory", 2
        if "group_change" in cues and trigger in ("defect", "deploy", "dispatch", "reinforce", "merge", "merger", "fortify"):
            return "Change to group/activity", 2
        if "looting" in cues and trigger in ("loot", "looting", "torch", "burn", "raze", "vandalize",
                                             "vandalise", "ransack", "destroy", "destruction"):
            return "Looting/property destruction", 2
    if trigger in ("attack", "assault", "raid", "storm") and target in MILITARY_TARGETS:
        return "Armed clash", 2
    if trigger == "raid" and actor1 == STATE and not casualties and {"disrupted", "weapons"} <= cues \
            and "arrest" not in cues:
        return "Disrupted weapons use", 1  # "raided a hideout and seized a huge quantity of arms"
    if trigger == "raid" and actor1 == STATE and not casualties:
        return "Arrests", 1  # "police raided the homes of journalists": a search and detentions, no violence
    if actor1 == CIVILIANS and trigger in CROWD_VIOLENCE_VERBS and not weapon and "shooting" not in cues:
        # "PTI supporters stormed the corps commander's residence": an unarmed crowd's violence;
        # "villagers attacked a man accused of theft": a mob's
        return ("Mob violence", 1) if actor2 == CIVILIANS else ("Violent demonstration", 1)
    if actor2 == CIVILIANS:
        return "Attack", 2
    if actor1 in ARMED and actor2 in ARMED:
        return "Armed clash", 1
    if casualties or trigger in ("attack", "assault", "kill", "killing", "shoot", "shooting", "massacre",
                                 "ambush", "raid", "storm", "neutralize", "neutralise",
                                 "murder", "execute", "behead", "gunfire", "respond",
                                 "response", "retaliate", "retaliation", "fire"):
        if actor2 in ARMED:
            return "Armed clash", 1
        return "Attack", 1
    return None
