"""Word lists the extractor matches against (lemmas, lower case).

Written here for flashpoint from ACLED's codebook categories; each list names
the cue it stands for so the rules in ``classify.py`` read like the codebook.
"""

# Lemmas that can signal a violent or protest event in a sentence.
VIOLENT_TRIGGERS = {
    "attack", "assault", "kill", "die", "dead", "death", "injure", "wound",
    "shoot", "shooting", "gunfire", "massacre", "murder", "execute", "behead",
    "slay", "ambush", "raid", "storm", "clash", "fight", "fighting", "battle",
    "firefight", "gunfight", "skirmish", "bomb", "bombing", "bombard",
    "bombardment", "shell", "shelling", "airstrike", "strike", "explosion",
    "blast", "explode", "detonate", "grenade", "neutralize", "neutralise",
    "capture", "seize", "overrun", "retake", "recapture", "regain", "liberate",
    "abduct", "kidnap", "abduction", "kidnapping", "rape", "respond",
    "response", "retaliate", "retaliation", "torch", "loot", "lynch", "riot",
    "hit", "target", "pound", "fire", "blow", "bomber", "beat", "lynching", "martyr",
    "set", "smash", "throw", "hurl", "barricade", "ransack", "vandalise", "vandalize",
    "gain", "take",
}
PROTEST_TRIGGERS = {
    "protest", "demonstrate", "demonstration", "rally", "march", "sit-in",
    "picket", "protester", "protestor", "demonstrator", "riot", "rioter",
}
STRATEGIC_TRIGGERS = {
    "arrest", "detain", "defuse", "intercept", "ceasefire", "truce", "loot",
    "torch", "raze", "seize", "confiscate", "recover", "discover", "find",
    "dismantle", "agreement", "deal", "swap", "exchange", "release",
    "establish", "set", "create", "build", "withdraw", "pull", "hand",
    "defect", "deploy", "dispatch", "reinforce", "vandalize", "vandalise", "surrender",
    "ransack", "destroy", "burn",
}

# Every word that can signal an event.
ALL_TRIGGERS = VIOLENT_TRIGGERS | PROTEST_TRIGGERS | STRATEGIC_TRIGGERS

# Lemmas of verbs/nouns whose subject or object dies / is hurt.
DEATH_WORDS = {
    "kill", "die", "dead", "death", "slay", "massacre", "murder", "execute",
    "behead", "fatality", "toll", "body", "lose", "claim", "neutralize", "martyr",
}
INJURY_WORDS = {"injure", "wound", "hurt", "injury", "injured", "wounded"}

# Governing words that make an event hypothetical, negated or not (yet) real.
IRREALIS_HEADS = {
    "threaten", "plan", "vow", "warn", "deny", "prevent", "avert", "fear",
    "risk", "urge", "call", "condemn", "promise", "pledge", "would",
    "accuse", "support", "oppose", "avoid", "stop", "end", "reject", "accusation",
    "allegation", "dismiss", "rule",
}
MODALS = {"will", "would", "could", "may", "might", "should", "can", "shall"}

# Determiners/adjectives that mark a mention of an already-mentioned event.
ANAPHORIC_MODIFIERS = {"that", "this", "the", "these", "those", "recent", "latest", "previous"}
# ... and ones that introduce a different event of the same kind.
SIMILAR_MODIFIERS = {"similar", "another", "same"}

# Weapon and method cues for sub-event types (multi-word phrases allowed).
CUES = {
    "chemical": ["chemical weapon", "chemical attack", "chlorine", "sarin", "toxic gas",
                 "nerve agent", "poison gas", "mustard gas"],
    "suicide": ["suicide bomb", "suicide attack", "suicide bombing", "suicide bomber",
                "suicide vest", "blew himself up", "blew herself up", "suicide car bomb",
                "blew themselves up", "blow themselves up", "blow himself up", "blows himself up"],
    "air": ["airstrike", "air strike", "air raid", "air strikes", "airstrikes", "warplane",
            "war plane", "fighter jet", "jets", "drone", "helicopter", "aircraft",
            "aerial", "air force", "planes", "bomber"],
    "shelling": ["shelling", "shelled", "shells", "artillery", "mortar", "rocket",
                 "missile", "howitzer", "barrage", "katyusha", "grad rocket", "tank fire",
                 "bombardment"],
    "ied": ["ied", "improvised explosive", "roadside bomb", "landmine", "land mine",
            "car bomb", "explosive device", "booby trap", "booby-trapped", "vbied",
            "bomb exploded", "bomb went off", "explosion", "blast", "explosives", "bomb"],
    "grenade": ["grenade"],
    "clash": ["clash", "clashes", "clashed", "fighting", "fought", "battle", "firefight",
              "gunfight", "exchange of fire", "exchanged fire", "skirmish", "ambush",
              "ambushed", "engaged"],
    "regain": ["recaptured", "recapture", "retook", "retake", "regained", "regain control",
               "liberated", "took back", "won back"],
    "overtake": ["captured", "seized", "overran", "overrun", "took control", "taken control",
                 "fell to", "seized control", "took over", "gained control", "gain control"],
    "abduction": ["abducted", "abduct", "kidnapped", "kidnap", "abduction", "kidnapping",
                  "hostage", "taken captive", "went missing", "forcibly disappeared"],
    "sexual": ["raped", "rape", "sexual violence", "sexual assault", "sexually assaulted"],
    "protest": ["protest", "protests", "protested", "protesting", "protester", "protesters",
                "protestors", "demonstrators", "demonstration", "demonstrated", "rally",
                "rallied", "marched", "march", "sit-in", "picket", "took to the streets",
                "walkout", "walkouts", "strike action", "went on strike"],
    "riot": ["riot", "rioters", "rioting", "rioted", "turned violent", "violent protest",
             "turn violent", "turns violent", "very violent", "street violence", "threw",
             "hurled", "set alight", "throws", "set ablaze", "set fire", "smashed", "flares",
             "fireworks", "barricaded", "petrol bombs", "stones",
             "violent demonstration", "threw rocks", "projectiles", "hurled stones", "threw stones", "pelted", "stone-throwing",
             "torched", "set fire", "set ablaze", "vandalised", "vandalized", "petrol bomb",
             "molotov", "smashed", "looted", "clashed with police", "burned tyres",
             "burnt tyres", "burning tires", "barricades"],
    "mob": ["mob", "lynched", "lynch", "vigilante", "angry crowd"],
    "force": ["opened fire on protesters", "shot dead", "live ammunition", "live rounds",
              "killed protesters", "shot protesters", "live bullets"],
    "intervention": ["tear gas", "teargas", "dispersed", "disperse", "dispersing", "water cannon",
                     "rubber bullets", "batons", "arrested", "detained", "detain", "broke up",
                     "suppressed", "pepper spray", "stun-device", "crackdown", "cracked down",
                     "nonlethal", "non-lethal", "halted", "break up"],
    "arrest": ["arrested", "detained", "arrest", "detention", "taken into custody"],
    "looting": ["looted", "looting", "torched", "burned down", "burnt down", "razed",
                "set fire to", "set on fire", "destroyed homes", "destroyed houses", "vandalised",
                "vandalized", "ransacked", "destruction of", "burned", "burnt"],
    "disrupted": ["defused", "intercepted", "shot down", "dismantled", "seized", "confiscated",
                  "recovered", "discovered", "found", "foiled", "destroyed", "identified",
                  "cache", "stash", "haul"],
    "weapons": ["firearm", "ammunition", "weapon", "arms", "explosives", "rifle", "pistol",
                "revolver", "gun", "machine gun", "kalashnikov", "ak-47", "grenade", "ied",
                "explosive device", "improvised explosive", "bomb", "cache", "rounds",
                "cartridges", "magazines", "missile", "drone", "landmine", "mine", "rpg"],
    "agreement": ["ceasefire agreement", "agreed a ceasefire", "signed a peace", "peace deal",
                  "peace agreement", "truce", "signed an agreement", "prisoner exchange",
                  "prisoner swap", "exchanged prisoners", "in exchange for", "reached an agreement",
                  "agreement", "ceasefire", "peace accord", "surrendered",
                  "surrender", "laid down their arms", "lay down arms"],
    "base": ["base", "observation post", "headquarters", "outpost", "military post",
             "checkpoint", "camp", "garrison"],
    "establish": ["set up", "established", "establish", "built", "created", "opened",
                  "constructed", "installed"],
    "withdrawal": ["withdrew from", "withdrawn from", "pulled out", "pull out", "pulled back",
                   "pull back", "handed control", "handed over", "handed back", "retreated from",
                   "evacuated", "withdrawal of", "withdrew", "withdrawn"],
    "group_change": ["defected", "defect", "deployed", "deploy", "dispatched", "reinforced",
                     "reinforcements", "merged", "split", "formed", "fortify", "fortified",
                     "new leader", "mobilised", "mobilized"],
    "disaster": ["earthquake", "tsunami", "flood", "landslide", "storm", "cyclone", "hurricane",
                 "typhoon", "volcanic", "eruption", "heavy rain", "torrential", "drought",
                 "chemical leak", "gas leak", "poisoned", "poisoning", "adulterated", "accident",
                 "crash", "collapsed", "collapse", "drowned", "stampede", "covid", "coronavirus",
                 "virus", "outbreak", "epidemic", "cholera", "wildfire", "lightning", "volcano",
                 "boiler", "fireworks", "fire broke out", "gas cylinder", "blaze",
                 "short circuit", "derailed", "capsized", "building collapse"],
    "shooting": ["opened fire", "open fire", "opens fire", "gunfire", "gunshots", "shot dead",
                 "gunmen", "gunman", "sprayed bullets"],
    "attack": ["attacked", "attack", "killed", "shot", "gunmen", "massacre", "massacred",
               "stabbed", "hacked", "beat", "beaten", "executed"],
}

def _extra_disaster_words() -> list[str]:
    from pathlib import Path
    path = Path(__file__).parent / "data" / "disaster_words.txt"
    return [x.strip().lower() for x in path.read_text(encoding="utf-8").splitlines()
            if x.strip() and not x.startswith("#")]


CUES["disaster"] = CUES["disaster"] + _extra_disaster_words()
