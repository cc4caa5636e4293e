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
    "hit", "target", "pound", "fire",
}
PROTEST_TRIGGERS = {
    "protest", "demonstrate", "demonstration", "rally", "march", "sit-in",
    "picket", "protester", "protestor", "demonstrator", "riot", "rioter",
}
STRATEGIC_TRIGGERS = {
    "arrest", "detain", "defuse", "intercept", "ceasefire", "truce", "loot",
    "torch", "raze",
}

# Lemmas of verbs/nouns whose subject or object dies / is hurt.
DEATH_WORDS = {
    "kill", "die", "dead", "death", "slay", "massacre", "murder", "execute",
    "behead", "fatality", "toll", "body", "lose", "claim", "neutralize",
}
INJURY_WORDS = {"injure", "wound", "hurt", "injury", "injured", "wounded"}

# Governing words that make an event hypothetical, negated or not (yet) real.
IRREALIS_HEADS = {
    "threaten", "plan", "vow", "warn", "deny", "prevent", "avert", "fear",
    "risk", "urge", "call", "condemn", "promise", "pledge", "would",
    "accuse", "support", "oppose", "avoid", "stop", "end",
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
                "suicide vest", "blew himself up", "blew herself up", "suicide car bomb"],
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
                 "fell to", "seized control", "took over"],
    "abduction": ["abducted", "abduct", "kidnapped", "kidnap", "abduction", "kidnapping",
                  "hostage", "taken captive", "went missing", "forcibly disappeared"],
    "sexual": ["raped", "rape", "sexual violence", "sexual assault", "sexually assaulted"],
    "protest": ["protest", "protests", "protested", "protesting", "protester", "protesters",
                "protestors", "demonstrators", "demonstration", "demonstrated", "rally",
                "rallied", "marched", "march", "sit-in", "picket"],
    "riot": ["riot", "rioters", "rioting", "threw stones", "pelted", "stone-throwing",
             "torched", "set fire", "set ablaze", "vandalised", "vandalized", "petrol bomb",
             "molotov", "smashed", "looted", "clashed with police", "burned tyres",
             "burnt tyres", "burning tires", "barricades"],
    "mob": ["mob", "lynched", "lynch", "vigilante", "angry crowd"],
    "force": ["opened fire on protesters", "shot dead", "live ammunition", "live rounds",
              "killed protesters", "shot protesters", "live bullets"],
    "intervention": ["tear gas", "teargas", "dispersed", "water cannon", "rubber bullets",
                     "batons", "arrested", "detained", "broke up"],
    "arrest": ["arrested", "detained", "arrest", "detention", "taken into custody"],
    "looting": ["looted", "torched", "burned down", "burnt down", "razed", "set fire to",
                "destroyed homes", "destroyed houses", "vandalised", "vandalized"],
    "disrupted": ["defused", "intercepted", "shot down", "dismantled", "seized weapons",
                  "weapons cache", "arms cache", "foiled"],
    "agreement": ["ceasefire agreement", "agreed a ceasefire", "signed a peace", "peace deal",
                  "peace agreement", "truce", "signed an agreement", "prisoner exchange"],
    "attack": ["attacked", "attack", "killed", "shot", "gunmen", "massacre", "massacred",
               "stabbed", "hacked", "beat", "beaten", "executed"],
}
