"""Who did what to whom: the attacker, the target and named perpetrators.

Read off the parse around a trigger: the subject of an active attack verb,
"by X", "X's attack", the subject of the clause a "when ..." or "..., killing"
hangs on, the object attacked, both sides of "fighting between X and Y", and
the names in claims and blame ("Al-Shabaab claimed responsibility", "residents
blamed the army").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from flashpoint.events.actors import HEAD_KINDS, PROTESTERS, STATE, actor_from, actor_name
from flashpoint.events.lexicon import ALL_TRIGGERS, DEATH_WORDS, INJURY_WORDS, WordLists
from flashpoint.events.spans import dateline_end, span_provenance, text_of
from flashpoint.geo import country_code
from flashpoint.model import Actor, Article

# Adjectives that make an attack the state's ("a military airstrike").
STATE_MODIFIERS = {"military", "army", "government", "junta", "regime", "police"}
# Weapons that may stand as the subject of an attack verb.
WEAPON_NOUNS = {"missile", "rocket", "shell", "bomb", "mortar", "strike", "airstrike", "projectile",
                "plane", "tank", "grenade", "shelling"}
# Verbs whose subject is the victim, not the attacker.
PATIENT_SUBJECT = {"die", "dead", "lose"}
# A fight's other side is named with "with": "killed in a clash with Abu Sayyaf militants".
BATTLE_NOUNS = {"clash", "fight", "fighting", "battle", "gunfight", "firefight", "encounter", "skirmish", "gunbattle"}
# Participles that name who is held to have done it: "an attack blamed on jihadists".
BLAME_VERBS = {"blame", "attribute", "ascribe", "pin"}
CLAIM_VERBS = {"claim", "carry", "conduct", "perpetrate", "admit", "launch", "stage", "execute", "mount"}

# Who tells or hears of an event ("residents reported gunfire") did not act in it.
_WITNESS_VERBS = WordLists("mention_rules.toml").set("reporting_verbs") | {"hear", "see", "witness"}
PLACE_COMPOUND_NOUNS = WordLists("mention_rules.toml").set("place_compound_nouns")


# Verbs a title line drops its "were" from ("Three soldiers killed", "Ten villagers abducted").
HEADLINE_PASSIVES = {"kill", "injure", "wound", "slay", "abduct", "kidnap", "arrest", "detain", "behead", "shoot"}


def _headline_passive(trigger: Token) -> bool:
    """A title line's participle whose subject is who suffered it ("Three Iraqi soldiers
    killed"): a short line with no closing stop, no object and no auxiliary."""
    if trigger.pos_ != "VERB" or trigger.lemma_.lower() not in HEADLINE_PASSIVES or trigger.tag_ not in ("VBD", "VBN"):
        return False
    if any(c.dep_ in ("dobj", "aux", "auxpass", "nsubjpass") for c in trigger.children):
        return False
    text = trigger.sent.text.strip()
    # short before the verb: "One man killed, four injured after Russia's attack with Grad rockets ..."
    short = len(text.split()) < 12 or trigger.i - trigger.sent.start <= 4
    return short and text[-1:] not in ".!?\"”'’:" and any(c.dep_ == "nsubj" for c in trigger.children)


def agent(trigger: Token, depth: int = 0) -> Token | None:
    """The token naming who acted, seen from the trigger."""
    if depth > 4:
        return None
    if trigger.lemma_.lower() == "fall" and trigger.pos_ == "VERB":
        # "three districts fell to the Taliban": who they fell to
        return next((o for c in trigger.children if c.dep_ == "prep" and c.lower_ == "to"
                     for o in c.children if o.dep_ == "pobj"), None)
    if _headline_passive(trigger):
        return None  # "Three Iraqi soldiers killed" (a title line): the soldiers were killed
    passive = trigger.pos_ == "VERB" and any(c.dep_ in ("nsubjpass", "auxpass") for c in trigger.children)
    # "killed and five wounded by a Russian missile strike": the agent hangs on the last verb
    # ("and five wounded" may parse as a number with a participle)
    verbs = (trigger, *trigger.conjuncts, *(c for conj in trigger.conjuncts for c in conj.children if c.dep_ == "acl")) \
        if passive else (trigger,)
    for child in (c for verb in verbs for c in verb.children):
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            for obj in child.children:
                if obj.dep_ == "pcomp" and obj.lemma_.lower() in ALL_TRIGGERS:
                    # "injured by shelling launched by the RSF" (the parser makes "shelling" a verb)
                    found = next((o for x in obj.children if x.dep_ in ("xcomp", "acl") and x.lemma_.lower() in CLAIM_VERBS
                                  for a in x.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"), None)
                    if found is not None:
                        return found
                if obj.dep_ == "pobj":
                    if obj.lemma_.lower() in WEAPON_NOUNS or (
                            obj.lemma_.lower() in ALL_TRIGGERS and obj.lemma_.lower() not in HEAD_KINDS):
                        # "killed by a Russian missile strike": whose the strike was
                        return _fired_by(obj) or _modifier_actor(obj) or (
                            agent(obj, depth + 1) if obj.lemma_.lower() in ALL_TRIGGERS else None)
                    return obj
        if child.dep_ == "acl" and child.lemma_.lower() in BLAME_VERBS:
            # "an attack blamed on jihadists", "a bombing attributed to ISWAP"
            for prep in (c for c in child.children if c.dep_ == "prep" and c.lower_ in ("on", "to")):
                found = next((o for o in prep.children if o.dep_ == "pobj"), None)
                if found is not None:
                    return found
    if trigger.pos_ == "VERB" and (trigger.lemma_.lower() in PATIENT_SUBJECT or any(
            c.dep_ == "nsubjpass" for c in trigger.children)):
        # "Four people were killed when a Russian missile slammed into ...": the when-clause acts
        for clause in [c for t in (trigger, *trigger.conjuncts) for c in t.children]:
            if clause.dep_ == "advcl" and any(m.dep_ in ("mark", "advmod") and m.lower_ in ("when", "as", "after")
                                              for m in clause.children):
                found = agent(clause, depth + 1)
                if found is not None:
                    return found
    if trigger.pos_ == "VERB" and trigger.lemma_.lower() not in PATIENT_SUBJECT:
        skip = dateline_end(text_of(trigger.doc))
        # ("Shelling by government forces killed 13": the parser may make the act a clausal subject)
        subjects = [c for c in trigger.children if c.dep_ in ("nsubj", "csubj") and c.idx >= skip]
        # "Multiple injuries as Ethiopian military and Fano militia clashed": a headline's
        # parse may give two subjects; the casualty word is not the one who acted
        if len(subjects) > 1:
            subjects = [c for c in subjects if c.lemma_.lower() not in DEATH_WORDS | INJURY_WORDS] or subjects
        for child in subjects:
            if child.lemma_.lower() in ALL_TRIGGERS and child.lemma_.lower() not in HEAD_KINDS:
                # "An attack by X killed ...": the attacker is named on the noun
                return agent(child, depth + 1) or _modifier_actor(child)
            if child.lemma_.lower() in WEAPON_NOUNS:
                # "A Russian missile slammed into ...", "shells fired by the RSF"
                return _fired_by(child) or _modifier_actor(child)
            if child.pos_ == "PRON":
                return _reporter(trigger) or child
            return child
        if trigger.dep_ in ("conj", "advcl", "xcomp") and trigger.head.pos_ == "VERB" and not passive:
            # "..., killing four people": the subject of the clause it hangs on (but "X, earlier
            # identified as a soldier, was killed": that subject is the one killed)
            return agent(trigger.head, depth + 1)
    if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj" and trigger.head.pos_ == "VERB" \
            and trigger.head.lemma_.lower() not in _WITNESS_VERBS:
        # "gunmen opened fire", "the army launched an offensive"; not "residents reported gunfire"
        found = agent(trigger.head, depth + 1)
        if found is not None:
            return found
    if trigger.pos_ == "VERB":
        # "six people were killed in an al-Shabab bomb attack": the attack's owner acted;
        # "killed and several wounded in ..." hangs the attack on the last verb
        for child in (c for verb in (trigger, *trigger.conjuncts) for c in verb.children):
            if child.dep_ == "prep" and child.lower_ in ("in", "during"):
                for obj in child.children:
                    if obj.dep_ == "pobj" and obj.lemma_.lower() in ALL_TRIGGERS:
                        found = agent(obj, depth + 1)  # "in an attack by Boko Haram militants"
                        if found is None and obj.lemma_.lower() in BATTLE_NOUNS:
                            # "soldiers were killed in a clash (Thursday) with Abu Sayyaf"
                            found = patient(obj) or next(
                                (o for c in trigger.children if c.dep_ == "prep" and c.lower_ == "with"
                                 for o in c.children if o.dep_ == "pobj"), None)
                        if found is not None:
                            return found
    if trigger.dep_ == "compound" and trigger.head.pos_ == "NOUN" and trigger.head.lemma_.lower() in ALL_TRIGGERS:
        found = agent(trigger.head, depth + 1)  # "a Taliban-claimed car bomb attack" read from "bomb"
        if found is not None:
            return found
    return _fired_by(trigger) or _modifier_actor(trigger) or claimed_by(trigger)


def _reporter(verb: Token) -> Token | None:
    """"The US military says it carried out a strike": the speaker a pronoun subject
    stands for, when the clause is what the speaker said."""
    while verb.dep_ in ("conj", "xcomp") and verb.head.pos_ == "VERB":
        verb = verb.head
    if verb.dep_ != "ccomp" or verb.head.pos_ != "VERB":
        return None
    skip = dateline_end(text_of(verb.doc))  # "NAIROBI - The US military said": not the dateline
    return next((c for c in verb.head.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")
                 and c.idx >= skip), None)


def claimed_by(trigger: Token) -> Token | None:
    """"Al Shabaab claimed responsibility for a car bomb that killed nine": the
    subject of the claim a trigger hangs under."""
    for head in trigger.ancestors:
        if head.pos_ == "VERB" and head.dep_ != "relcl":  # past "a bomb that killed nine"
            if head.lemma_.lower() in ("claim", "admit") and any(
                    c.dep_ == "dobj" and c.lemma_.lower() in ("responsibility", "credit") for c in head.children):
                return next((c for c in head.children if c.dep_ == "nsubj"), None)
            return None
    return None


def _fired_by(noun: Token) -> Token | None:
    """"a ballistic missile fired by Yemen's Houthi rebels": the agent of a participle."""
    for child in noun.children:
        if child.dep_ == "acl":
            for grand in child.children:
                if grand.dep_ == "agent":
                    return next((o for o in grand.children if o.dep_ == "pobj"), None)
    return None


def _modifier_actor(noun: Token) -> Token | None:
    """"Turkish response", "Russian airstrikes", "the army's offensive", "a military airstrike"."""
    for child in noun.children:
        if child.dep_ == "poss" and child.pos_ != "PRON":
            return child
        if child.dep_ == "amod" and child.lemma_.lower() == "claim":
            # "a Taliban-claimed car bomb attack"
            found = next((c for c in child.children if c.dep_ in ("npadvmod", "compound", "nmod")), None)
            if found is not None:
                return found
        if child.dep_ == "compound" and child.ent_type_ == "GPE" and noun.lemma_.lower() in PLACE_COMPOUND_NOUNS:
            continue  # "Pakistan suicide attack": where, not who
        if child.dep_ in ("amod", "compound") and (
                child.ent_type_ in ("NORP", "GPE", "ORG") or child.lower_ in STATE_MODIFIERS):
            return child
    return None


def between_sides(trigger: Token) -> tuple[Token, Token] | None:
    """"fighting between the army and Al Shabaab": both sides of a clash."""
    holders = [trigger]
    if trigger.dep_ in ("nsubj", "nsubjpass") and trigger.head.pos_ == "VERB":
        # "fighting broke out on Monday between X and Y", "an agreement was signed between X and Y"
        holders.append(trigger.head)
    holders += [c for c in trigger.children if c.dep_ == "relcl"]  # "a shootout that broke out between X and Y"
    for child in (c for holder in holders for c in holder.children):
        if child.dep_ == "prep" and child.lower_ == "between":
            objs = [o for o in child.children if o.dep_ == "pobj"]
            if objs and objs[0].conjuncts:
                return objs[0], objs[0].conjuncts[0]
            if objs and objs[0].tag_ == "NNS" and _of_two_sides(objs[0]):
                return objs[0], objs[0]  # "fighting between rival armed groups"
    return None


_TWO_SIDES = {"rival", "two", "both", "opposing", "warring", "feuding", "competing"}


def _of_two_sides(noun: Token) -> bool:
    """"rival armed groups", "supporters of two factions", "workers of A and B":
    one plural naming both sides of the fight."""
    words = [c for c in noun.children if c.dep_ in ("amod", "nummod", "det", "predet")]
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
        for obj in (o for o in prep.children if o.dep_ == "pobj"):
            if obj.conjuncts:
                return True  # "supporters of the ruling party and the opposition"
            if obj.tag_ == "NNS":
                words += [c for c in obj.children if c.dep_ in ("amod", "nummod", "det", "predet")]
    return any(w.lower_ in _TWO_SIDES for w in words)


def under_attack(trigger: Token) -> bool:
    """"came under fire", "came under attack": the trigger is what someone came under."""
    return trigger.dep_ == "pobj" and trigger.head.lower_ == "under" and trigger.head.head.lemma_.lower() == "come"


def patient(trigger: Token) -> Token | None:
    """Who or what was attacked: the object, "an attack on X", "clashed with X"."""
    if trigger.lemma_.lower() == "fall" and trigger.pos_ == "VERB":
        return next((c for c in trigger.children if c.dep_ == "nsubj"), None)  # what fell
    if under_attack(trigger):
        # "A police convoy came under fire": the one that came under it
        return next((c for c in trigger.head.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    lemma = trigger.lemma_.lower()
    preps = ("on", "against", "with") if lemma in BATTLE_NOUNS | {"engage"} \
        else ("from",) if lemma in ("withdraw", "retreat", "pull") else ("on", "against")
    for child in trigger.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            if child.lemma_.lower() in WEAPON_NOUNS:
                return _fired_by(child) or child  # "intercepted a missile fired by the Houthis"
            return child
    for child in trigger.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.ent_type_ not in ("DATE", "TIME"):  # not "on Monday"
                    return obj
    return None


def actor_at(token: Token | None, article: Article, confidence: float) -> Actor | None:
    """The Actor a token names, including adjectives that name a state ("Turkish response")."""
    if token is None:
        return None
    actor = actor_from(token, article, confidence)
    if actor is None and token.dep_ in ("amod", "compound") and token.lower_ in STATE_MODIFIERS:
        police = token.lower_ == "police"
        return Actor(name=actor_name(STATE, None, police), text=token.text, kind=STATE, country=None,
                     provenance=span_provenance(article, token.doc[token.i:token.i + 1], confidence * 0.8))
    if actor is None and token.dep_ in ("amod", "compound") and (
            token.ent_type_ == "NORP" or token.pos_ in ("ADJ", "PROPN") and country_code(token.text)):
        # "Turkish response": the adjective alone names a state acting.
        code = country_code(token.text)
        if code:
            return Actor(name=actor_name(STATE, code, False), text=token.text, kind=STATE,
                         country=code, provenance=span_provenance(article, token.doc[token.i:token.i + 1], confidence * 0.8))
    return actor


def crowd_and_police(sent: Span, article: Article, trigger: Token) -> tuple[Actor | None, Actor | None]:
    """(the crowd, the state forces facing it) in a protest sentence."""
    crowd = police = None
    subject = next((c for c in trigger.children if c.dep_ == "nsubj"), None)
    if subject is None and trigger.dep_ == "acl":
        subject = trigger.head  # "Hundreds of residents protested ..." parsed as a reduced clause
    if subject is not None:
        actor = actor_from(subject, article, 0.7)
        if actor is not None and actor.kind not in ("state forces", "rioters"):
            # whoever protests is, for this event, a protester ("students protested")
            actor.kind = PROTESTERS
            actor.name = actor_name(PROTESTERS, actor.country, False)
            crowd = actor
    for token in sent:
        if token.ent_type_ == "GPE" and token.dep_ != "nsubj":
            continue  # "marches in Germany": a place, not a state facing the crowd
        actor = actor_from(token, article, 0.7) if token.pos_ in ("NOUN", "PROPN") else None
        if actor is None:
            continue
        if crowd is None and actor.kind in (PROTESTERS, "rioters"):
            crowd = actor
        elif police is None and actor.kind == STATE:
            police = actor
    return crowd, police


def claimant(trigger: Token, article: Article) -> Actor | None:
    """"Al-Shabaab claimed responsibility for the bombing": who owned up to an event."""
    for head in trigger.ancestors:
        if head.pos_ == "VERB":
            if head.lemma_.lower() in CLAIM_VERBS:
                subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
                return actor_at(subject, article, 0.7)
            return _blamed(head, article)
    return None


def _blamed(verb: Token, article: Article) -> Actor | None:
    """"Residents blamed the army for the strike", "blamed the attack on the ADF",
    "attributed the attack to FARC dissidents": who was named as the perpetrator."""
    lemma = verb.lemma_.lower()
    if lemma not in ("blame", "attribute", "accuse"):
        return None
    wanted = {"blame": "on", "attribute": "to", "accuse": None}[lemma]
    for child in verb.children:
        if child.dep_ == "dobj" and child.lemma_.lower() not in ALL_TRIGGERS:
            return actor_at(child, article, 0.65)
        if wanted and child.dep_ == "prep" and child.lower_ == wanted:
            obj = next((o for o in child.children if o.dep_ == "pobj"), None)
            return actor_at(obj, article, 0.65)
    return None


def blamed_in(sent: Span, article: Article) -> Actor | None:
    """A sentence that only names a perpetrator ("The army blamed the ADF.")."""
    for token in sent:
        if token.pos_ == "VERB" and token.lemma_.lower() in ("blame", "attribute"):
            return _blamed(token, article)
    return None
