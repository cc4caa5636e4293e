"""The ACLED event taxonomy: 6 event types, 25 sub-event types.

Definitions are paraphrased from ACLED's codebook (the spec for this stage);
the classifier in ``classify.py`` maps words in a sentence onto them.
"""

import functools
from pathlib import Path

BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VIOLENCE_CIVILIANS = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"

# sub-event type -> (event type, one-line definition)
SUB_EVENT_TYPES: dict[str, tuple[str, str]] = {
    "Armed clash": (BATTLES, "armed, organised groups fight each other; control of the place does not change"),
    "Government regains territory": (BATTLES, "state forces win back territory held by a non-state group"),
    "Non-state actor overtakes territory": (BATTLES, "a non-state armed group takes territory from another group or the state"),
    "Chemical weapon": (EXPLOSIONS, "use of chemical weapons"),
    "Air/drone strike": (EXPLOSIONS, "an attack from the air: planes, helicopters, drones"),
    "Suicide bomb": (EXPLOSIONS, "an explosive set off by a person who dies in the blast"),
    "Shelling/artillery/missile attack": (EXPLOSIONS, "long-range ground weapons: artillery, mortars, rockets, missiles"),
    "Remote explosive/landmine/IED": (EXPLOSIONS, "an explosive detonated remotely or by contact: IEDs, landmines, car bombs"),
    "Grenade": (EXPLOSIONS, "a grenade or similar hand-thrown explosive"),
    "Sexual violence": (VIOLENCE_CIVILIANS, "sexual violence against civilians"),
    "Attack": (VIOLENCE_CIVILIANS, "organised armed violence against unarmed civilians"),
    "Abduction/forced disappearance": (VIOLENCE_CIVILIANS, "civilians abducted, kidnapped or made to disappear"),
    "Peaceful protest": (PROTESTS, "a demonstration that stays non-violent and is not met with force"),
    "Protest with intervention": (PROTESTS, "a peaceful protest dispersed or arrested without lethal or injuring force"),
    "Excessive force against protesters": (PROTESTS, "force that kills or seriously injures peaceful protesters"),
    "Violent demonstration": (RIOTS, "demonstrators turn violent: clashes, vandalism, stone throwing, arson"),
    "Mob violence": (RIOTS, "a spontaneous violent crowd without a demonstration's aim"),
    "Agreement": (STRATEGIC, "a ceasefire, peace deal or other agreement between conflict parties"),
    "Arrests": (STRATEGIC, "arrests of notable people or groups for political reasons"),
    "Change to group/activity": (STRATEGIC, "a group changes leadership, splits, merges or relocates"),
    "Disrupted weapons use": (STRATEGIC, "explosives defused, weapons seized, missiles or drones intercepted"),
    "Headquarters or base established": (STRATEGIC, "a group establishes a base or headquarters"),
    "Looting/property destruction": (STRATEGIC, "property looted or destroyed without casualties"),
    "Non-violent transfer of territory": (STRATEGIC, "territory changes hands without fighting"),
    "Other": (STRATEGIC, "another notable political or conflict development"),
}

EVENT_TYPES = (BATTLES, EXPLOSIONS, VIOLENCE_CIVILIANS, PROTESTS, RIOTS, STRATEGIC)

# Event types that are political violence (count towards fatalities dashboards).
VIOLENT_TYPES = (BATTLES, EXPLOSIONS, VIOLENCE_CIVILIANS, RIOTS)


def event_type_of(sub_event_type: str) -> str:
    """The ACLED event type a sub-event type belongs to."""
    return SUB_EVENT_TYPES[sub_event_type][0]


@functools.lru_cache(maxsize=1)
def precedence() -> dict[str, tuple[int, int]]:
    """Sub-event type -> (tier, order in ``data/precedence.tsv``); lower is more decisive
    when reports of one incident give different types."""
    table = {}
    lines = (Path(__file__).with_name("data") / "precedence.tsv").read_text(encoding="utf-8").splitlines()
    for order, line in enumerate(l for l in lines if l.strip() and not l.startswith("#")):
        tier, name = line.split("\t")
        table[name.strip()] = (int(tier), order)
    return table


# Remote violence by two means one report never tells as the other: shelling from the
# ground and a strike from the air are two events (ACLED), even on one day in one town.
DISTINCT_WEAPONS = frozenset({"Air/drone strike", "Shelling/artillery/missile attack"})
