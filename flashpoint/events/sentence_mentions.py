"""Finding events in a parsed article.

Two passes. First, each sentence outside quoted speech that holds a violence,
protest or strategic-development trigger becomes a *mention* (mention.py): its
trigger, actors (roles.py), casualty counts, date, toponyms and ACLED type;
negated, hypothetical, generic and background sentences are dropped here.
Second, the discourse pass (discourse.py) reads the mentions in order and
merges, completes or keeps them apart.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import itertools
import re

from spacy.tokens import Doc, Span, Token

from flashpoint.events import casualties as cas
from flashpoint.events.casualties import NOT_PEOPLE
from flashpoint.events import dates
from flashpoint.events import nonevents
from flashpoint.events.actors import CIVILIANS, HEAD_KINDS, PROTESTERS, RIOTERS, STATE, actor_name, unspecified_victims
from flashpoint.events.classify import (CROWD_VIOLENCE_VERBS, NON_STATE_ARMED, PROTEST_LEMMAS, TERRITORY_VERBS,
                                       WEAPON_CUES, classify, cues_in, has_cue)
from flashpoint.events.discourse import absorb, continues, follow_up, referent
from flashpoint.events.lexicon import WordLists
from flashpoint.events.lexicon import (
    ALL_TRIGGERS, ANAPHORIC_MODIFIERS, DEATH_WORDS, FOILED_HEADS, INJURY_WORDS, IRREALIS_HEADS, MODALS, SIMILAR_MODIFIERS,
)
from flashpoint.events.mention import Mention
from flashpoint.events.place_lists import listed_places, splits_by_place
from flashpoint.events.places import place_candidates
from flashpoint.events.separate import announces_other
from flashpoint.events.roles import (
    actor_at, agent, between_sides, blamed_in, claimant, crowd_and_police, patient, under_attack,
)
from flashpoint.events.spans import (
    DATELINE, QuotedSpans, dateline_end, ents_in, provenance, sentences, span_provenance, text_of, tree_distance,
)
from flashpoint.events.taxonomy import BATTLES, PROTESTS, RIOTS, STRATEGIC, event_type_of
from flashpoint.events.numbers import count_at, is_number, parse_number
from flashpoint.geo import country_code, get_gazetteer
from flashpoint.model import Article, EventDate, Event, NonEvent, Source

_RULES = WordLists("mention_rules.toml")
CASUALTY_WORDS = DEATH_WORDS | INJURY_WORDS

# Triggers too common in other senses to stand alone ("hit a record", "target
# voters"): they count only when the sentence also has casualties or weapons.
WEAK_TRIGGERS = _RULES.set("weak_triggers")
# Cue families that do not, alone, make a weak trigger an event.
NON_VALIDATING_CUES = _RULES.set("non_validating_cues")
REPORTING_VERBS = _RULES.set("reporting_verbs")
TIME_UNITS = _RULES.set("time_units")
CROWD_NOUNS = _RULES.set("crowd_nouns")
SPEECH_VERBS = _RULES.set("speech_verbs")
TREND_VERBS = _RULES.set("trend_verbs")
GENERIC_MODIFIERS = _RULES.set("generic_modifiers")
DATED_NOUNS = _RULES.set("dated_nouns")
PLACE_OF_EVENT = _RULES.set("place_of_event")
HAPPENING_VERBS = _RULES.set("happening_verbs")
# A file or stock picture's caption or credit shows an earlier or other happening, not the story's
_FILE_PICTURE = re.compile(r"\b(?:file|archive|stock)\s+(?:photo|picture|image|pic|footage)s?\b|^\W*(?:featured|header)\s+"
                           r"image\b|\b(?:image|photo|picture)\s+credits?\b|\bpublic domain\b|wikimedia\.org", re.I)
# Event words a report counts ("18,000 air raids"); this many or more are a statistic.
COUNTED_EVENTS = _RULES.set("counted_events")
MANY_EVENTS = 10
# "every week", "per day": a rate over many events
_RATE = re.compile(r"\b(?:every|each|per)\s+(?:single\s+)?(?:day|week|month|year|night)\b", re.I)
# "17 militants were killed in six different encounters in about 10 days": a tally of many
_MANY_OVER_DAYS = re.compile(
    r"\b(?:\d+|three|four|five|six|seven|eight|nine|ten|several|multiple|a series of)\s+(?:different\s+|separate\s+)?"
    r"(?:encounters|attacks|clashes|raids|strikes|airstrikes|operations|incidents|bombings)\b[^.;]{0,60}?"
    r"\b(?:in|over|within)\s+(?:about\s+|around\s+|nearly\s+|the\s+(?:past|last)\s+)?"
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|a few)\s+(?:days|weeks|months)\b", re.I)
# What a report says had nothing to do with the story's unrest or conflict
_UNLINKED = re.compile(r"\b(?:was|is|were|are|been)\s+(?:not|un)\s*(?:linked|related|connected)\s+to\s+(?:the\s+)?"
                       r"(?:unrest|protests?|demonstrations?|riots?|violence|conflict|insurgency|fighting)\b", re.I)
# A death told "after" an attack: the attack was that day or up to this many days before.
DIED_AFTER_DAYS = 2
# Weapons that may be named as kept or traded rather than used.
STOCKED_WEAPONS = {"bomb", "missile", "rocket", "shell", "explosive", "grenade", "mortar", "landmine", "mine", "ied"}
# Verbs of keeping, making or trading weapons: their weapons were not used.
STOCK_VERBS = {"store", "stockpile", "keep", "house", "contain", "hold", "manufacture", "produce", "sell",
               "buy", "supply", "smuggle", "possess", "display", "parade", "stash", "hide"}
# Verbs by which a relative clause tells who someone is ("an activist who led a protest").
LEADING_VERBS = {"lead", "organise", "organize", "call", "spearhead", "stage", "head"}
# A caption dated more days than this before the story shows an earlier picture.
OLD_PICTURE_DAYS = 3
# "a 12-hour standoff", "three days": how long, not when
_DURATION = re.compile(r"^(?:an?\s+|the\s+)?(?:\d+|[a-z]+)(?:-|\s)(?:minute|hour|day|week|month|year)s?(?:-long)?$", re.I)
# A story whose opening tells of an anniversary or a commemoration: the event it remembers,
# told with no day ("The massacre left 58 people dead"), is history.
_ANNIVERSARY = re.compile(r"\b(?:anniversary|commemorat\w*|memorial service|remembrance)\b", re.I)
LEAD_SPAN = 600
OPENING_SENTENCES = 3
# A story whose opening tells of communal violence ("two communities clashed"): its clashes,
# with no armed group named, are mob violence (ACLED), not battles.
_COMMUNAL = re.compile(r"\b(?:communal|sectarian)\s+(?:violence|clash\w*|riot\w*|tension\w*)|\btwo communities\b", re.I)
# A story whose opening tells of a court's ruling: the violence it judged, told with no
# day ("Ten people were killed in the attack carried out by a banned outfit"), is history.
_COURT_RULING = re.compile(r"\b(?:court|tribunal|judges?)\b[^.\n]{0,80}?\b(?:uphold|upheld|sentenc|convict|acquit"
                           r"|jail|overturn|commut)\w*", re.I)
JUDICIAL_VERBS = _RULES.set("judicial_verbs")
SITUATION_NOUNS = _RULES.set("situation_nouns")
KIN_WORDS = _RULES.set("kin_words")
# Verbs whose object is the target, never the weapon ("targeted a suicide bomber").
TARGETING_VERBS = {"target", "strike", "hit", "kill"}
# What these verbs take is goods ("seized rocket shells and mortars"), not the means of an attack.
SEIZING_VERBS = {"seize", "confiscate", "recover", "discover", "find", "defuse", "impound", "dismantle", "unearth"}
TARGETED_PEOPLE = {"bomber", "militant", "fighter", "commander", "leader", "member", "suspect", "gunman",
                   "attacker", "operative", "insurgent"}
# Kinds of armed, organised non-state groups: with one of them in it, violence is political.
ARMED_GROUPS = {"rebel group", "political militia", "identity militia"}
# Cue families that tell violence, not only its toll.
VIOLENCE_CUES = {"attack", "shooting", "clash", "force", "riot", "mob", "air", "shelling", "grenade", "ied",
                 "suicide", "chemical", "sexual", "abduction", "regain", "overtake", "protest", "looting"}
TOPIC_PREPS = _RULES.set("topic_preps")
MANY_WORDS = {"dozen", "dozens", "several", "many", "numerous", "scores", "hundreds"}
EXPERIENCE_VERBS = _RULES.set("experience_verbs")
# An event that ended this long before the article is history it recalls, not its news
# (an ACLED feed has it from its own day's reports). The real-news dev gold's events
# all lie within 5 days of publication; two weeks keeps the weekly round-up ("last week").
HISTORY_DAYS = 14
# Territory taken after the other side left it: a non-violent transfer (ACLED).
YIELDED = re.compile(r"\b(?:after|following|as|when)\b[^.;]{0,80}?\b(?:withdr[ae]w\w*|withdrawal|pull(?:ed|ing|s)? "
                     r"(?:out|back)|retreat(?:ed|ing)?|abandon(?:ed|ing)?|evacuat(?:ed|ing|ion)|departure)\b"
                     # "took Gambale without encountering a resistance", "there was no fighting"
                     r"|\bwithout (?:a |any )?(?:fight(?:ing)?|(?:encountering |meeting )?(?:a |any )?resistance|a shot)\b"
                     r"|\bno fighting\b|\bpeacefully\b", re.I)
# "Since <a day>" at most this many days before the article bounds the events' dates.
RECENT_SINCE_DAYS = 7
# An undated toll this large is a war's or a year's count, not one incident's.
TOTAL_TOLL = 1000
# A date range this wide is a period, not the date of one event: "last month" has no day to
# code a clash or a protest on (the dev sets' coders bound an event within 6 days at most).
AGGREGATE_DAYS = 27
# A date told only by its month ("In May", "earlier this month"): no day to code a clash on,
# however few of the month's days have passed.
_MONTH_ONLY = re.compile(r"^(?:(?:in|last|this|earlier|early|late|mid|since)[\s-]+)*(?:this\s+)?(?:january|february|march|"
                         r"april|may|june|july|august|september|october|november|december|month)(?:\s+\d{4})?$", re.I)
# An undated snippet is about what it tells, even a month it names ("a March 2018 attack").
SNIPPET_AGGREGATE_DAYS = 45
# CASE 2021's snippets run to 713 characters; an undated text longer than this is an article,
# whose months are background as in a dated one ("Last November, hundreds protested").
SNIPPET_CHARS = 800
# A development known only within a wider span than a month has no day to be coded on.
STRATEGIC_SPAN_DAYS = 31
RUNNING_TOTAL_PHRASES = _RULES.tuple("running_total_phrases")
RUNNING_DURATION = re.compile(r"\bfor (?:more than |over |nearly |almost |about )?(?:\w+ )?(?:years|decades)\b"
                              r"|\bthe first (?:\w+ )?(?:months|weeks|half)\b")
OTHER_EVENT_PREPS = _RULES.set("other_event_preps")
# "connected to Monday's bombing", "similar to last week's attack": another, dated incident
DATED_OTHER_PREPS = _RULES.set("dated_other_preps")
LINKING_HEADS = _RULES.set("linking_heads")
CARRYING_VERBS = _RULES.set("carrying_verbs")
VEHICLES = _RULES.set("vehicles")
CARE_PLACES = _RULES.set("care_places")
ROAD_WORDS = _RULES.set("road_words")
RIOT_NOUNS = _RULES.set("riot_nouns")
CROWD_EVENT_NOUNS = RIOT_NOUNS | _RULES.set("protest_nouns")
GRIEVANCE_WORDS = _RULES.set("grievance_words")
REPORTING_NOUNS = _RULES.set("reporting_nouns")
BAN_WORDS = _RULES.set("ban_words")
CLAIM_PHRASE = re.compile(r"\bclaim(?:ed|s)? (?:responsibility|the attack|the bombing)", re.I)
TOLL_VERBS = _RULES.set("toll_verbs")
TERRITORY_NOUNS = _RULES.set("territory_nouns")
HISTORIC_MODIFIERS = _RULES.set("historic_modifiers")
# Abstract agents of running totals ("the war has killed ...").
CUMULATIVE_AGENTS = _RULES.set("cumulative_agents")
PERFECT_CUMULATIVE_AGENTS = _RULES.set("perfect_cumulative_agents")
RESPONSE_LEMMAS = _RULES.set("response_lemmas")
# Words that tell a death without telling violence: disease, disaster or accident
# unless a violent word or a perpetrator comes with them.
BARE_DEATH_LEMMAS = _RULES.set("bare_death_lemmas")
# Words whose complement is what a crowd wants or opposes, not where it is.
CROWD_CAUSE_WORDS = _RULES.set("crowd_cause_words")
# Nouns that make an event word name a trend of many events ("an uptick in attacks").
# Not "a series/wave/string of": those often are the incident being reported.
AGGREGATE_NOUNS = _RULES.set("aggregate_nouns")
# Quantifiers that make an object many events' worth ("several convoys").
INDEFINITE_MANY = _RULES.set("indefinite_many")
# Modifiers of an event word that say it has not happened yet ("a planned rally").
PLANNED_WORDS = _RULES.set("planned_words")


def _governing_verb(token: Token) -> Token | None:
    """The finite verb whose clause holds ``token``: up through nouns, prepositions and
    infinitives ("would make an announcement ... to oust the government from a rally")."""
    for head in [token, *token.ancestors]:
        if head.pos_ in ("VERB", "AUX") and ("Fin" in head.morph.get("VerbForm") or any(
                c.dep_ in ("aux", "auxpass") and c.lower_ != "to" for c in head.children)):
            return head
    return None


def _unreal_clause(token: Token) -> bool:
    """An event in a clause that only plans, supposes or conditions it: "a planned
    rally", "would announce it from a rally", "if they didn't launch a protest drive"."""
    if any(c.dep_ in ("amod", "compound") and c.lower_ in PLANNED_WORDS for c in token.children):
        return True
    verb = _governing_verb(token)
    if verb is None or verb.lemma_.lower() in REPORTING_VERBS:
        return False
    if any(c.dep_ == "aux" and c.lower_ in ("would", "will", "shall") for c in verb.children):
        return True
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children)


# An embedded social media post: its short link or its author's handle and date line.
# A post is short (280 characters and its credit line); a longer "line" is joined paragraphs.
POST_LINE_CHARS, POST_TAIL_CHARS = 600, 160
EMBEDDED_POST = re.compile(r"https?://t\.co/|pic\.twitter\.com/|\(@\w{2,15}\)\s+\w+ \d{1,2}, \d{4}")
POST_AUTHOR = re.compile(r"\W{0,4}[^\n(]{1,60}\(@\w{2,15}\)\s+\w+ \d{1,2}, \d{4}\s*$")


def _embedded_post(sent: Span) -> bool:
    """The sentence is in an embedded post: its line, or the author's line after it, holds
    the post's link or handle and date ("... calm. pic.twitter.com/x" / "— WION (@WIONews) ...")."""
    text = text_of(sent.doc)
    start = text.rfind("\n", 0, sent.start_char) + 1
    end = text.find("\n", sent.start_char + len(sent.text.rstrip()))
    end = len(text) if end < 0 else end
    if end - start > POST_LINE_CHARS:
        # lines the cleaner joined into one long paragraph: only the sentence and what
        # follows it closely can be the post ("... ongoing. pic.twitter.com/x — Name (@h) ...")
        start, end = sent.start_char, min(end, sent.end_char + POST_TAIL_CHARS)
    if EMBEDDED_POST.search(text, start, end):
        return True
    after = text[end:].lstrip("\n").split("\n", 1)[0]
    return POST_AUTHOR.match(after) is not None


# What is released that is no person: a statement, not a hostage.
RELEASED_THINGS = {"video", "footage", "statement", "report", "figure", "data", "image", "photo", "picture",
                   "audio", "recording", "document", "list", "album", "film", "message", "communique", "details"}
# Verbs whose subject, in the perfect and undated, is the cause of the story told, not news.
CAUSE_VERBS = {"trigger", "spark", "cause", "prompt", "fuel", "provoke", "lead", "unleash", "ignite"}
DEPICTING_VERBS = {"depict", "portray", "purport"}


def _people(token: Token) -> bool:
    """An agent noun ("rioters", "protesters", "demonstrators", "militants"): people, not a happening."""
    return token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower().endswith(("er", "or", "ist", "ant"))


def _irrealis(token: Token) -> bool:
    """Negated, modal, or governed by a verb like "threaten"/"deny"/"condemn"."""
    if any(c.dep_ == "neg" for c in token.children):
        return True
    slot = token
    while slot.dep_ in ("compound", "amod", "conj") and slot.head is not slot:
        slot = slot.head
    if slot.dep_ == "pobj" and (slot.head.lower_ == "of" and slot.head.head.lower_ == "ahead"
                                or slot.head.lower_ == "to" and slot.head.head.lower_ == "run-up"):
        return True  # "police deployed ahead of anniversary protests": still to come
    if _unreal_clause(token):
        return True
    if any(c.dep_ == "aux" and c.lower_ in MODALS for c in token.children):
        return True
    child = token
    for depth, head in enumerate(token.ancestors):
        # "went to school only to be kidnapped by gunmen": what befell them, not a purpose
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children) and not any(
            c.dep_ == "advmod" and c.lower_ == "only" for c in child.children)
        if infinitive and child.pos_ == "VERB" and not _people(token) and (
                child.dep_ == "acl" or child.dep_ == "advcl" and token.lemma_.lower() not in PROTEST_LEMMAS):
            # "awaiting instructions to launch attacks", "plans to storm the town"; but the
            # crowd in "tear gas to disperse rioters" is there, and those who "gathered to
            # protest" did
            return True
        purpose = child.dep_ == "advcl" and infinitive
        if depth >= 3 or child.dep_ in ("advcl", "relcl") and not purpose or (
                child.dep_ in ("pobj", "pcomp") and head.lower_ in OTHER_EVENT_PREPS | {"during", "when"}):
            # "vowed an investigation after seven people were murdered": the murder happened;
            # but "sought permission ... to hold a rally" plans it
            break
        child = head
        if head.lemma_.lower() in IRREALIS_HEADS and not any(c.dep_ == "prt" for c in head.children):
            return True  # "vowed to attack", not "ended up hitting a cart"
        if head.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ in MODALS for c in head.children):
            return True
    # what a video or a picture "depicts", however deep in its description ("depicts the
    # militants carrying out atrocities, including beheading and shooting hostages")
    return any(head.lemma_.lower() in DEPICTING_VERBS for head in token.ancestors)


SUBORDINATE = {"advcl", "relcl", "acl", "ccomp", "parataxis"}


def _perfect(verb: Token) -> bool:
    """"has captured", "have been killed": a verb with a "have" auxiliary."""
    return any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def _own_clause(token: Token) -> set[int]:
    """Indices of ``token``'s subtree without its subordinate clauses: "has captured a district,
    adding to the group's gains since May" - "since May" bears on the gains, not the capture."""
    skip = {t.i for c in token.children if c.dep_ in SUBORDINATE for t in c.subtree}
    return {t.i for t in token.subtree} - skip


def _since_days_ago(token: Token, article: Article | None) -> bool:
    """"since June 6" two days before the article: a short, dated span, not a running total."""
    if article is None or article.date is None or token.lower_ != "since":
        return False
    when = " ".join(t.text for c in token.children if c.dep_ == "pobj" for t in c.subtree)
    span = dates.resolve(when, article.date) if when else None
    return span is not None and 0 <= (article.date - span[0]).days <= RECENT_SINCE_DAYS


def _so_far(token: Token) -> bool:
    """The "far" of "so far" or the "date" of "to date": a count up to now."""
    before = token.nbor(-1).lower_ if token.i > 0 else ""  # (token.sent is rebuilt on each call)
    return token.lower_ == "far" and before == "so" or token.lower_ == "date" and before == "to"


def _cumulative(sent: Span, trigger: Token, article: Article | None = None) -> bool:
    """A running total, not an event: "an insurgency that has killed 35,000 since 2009"."""
    # the phrase must bear on the event word itself, not on a description nearby
    # ("near Aleppo, the scene of fierce fighting in recent months")
    own = _own_clause(trigger).union(*(_own_clause(t) for t in sent if t.lemma_.lower() in CASUALTY_WORDS))
    if trigger.dep_ == "dobj":  # "mounted raids ... in recent weeks": the verb's time is the raids'
        own |= {t.i for c in trigger.head.children if c.dep_ == "prep" for t in c.subtree}
    verb = trigger
    while verb.pos_ not in ("VERB", "AUX") and verb.dep_ in ("pobj", "attr", "dobj", "nsubj", "nsubjpass") \
            and verb.head is not verb:
        verb = verb.head.head if verb.dep_ == "pobj" else verb.head
    if verb is not trigger and verb.pos_ == "AUX" and _perfect(verb):
        # "has been the scene of a series of airstrikes in the past few months"
        own |= {t.i for c in verb.children if c.dep_ == "prep" for t in c.subtree}
    lower = sent.text.lower()
    for phrase in RUNNING_TOTAL_PHRASES:
        at = lower.find(phrase)
        if at >= 0 and _token_at(sent, sent.start_char + at).i in own:
            return True
    match = RUNNING_DURATION.search(lower)
    if match and _token_at(sent, sent.start_char + match.start()).i in own:
        return True
    for token in sent:
        if token.lower_ == "since" and token.dep_ in ("prep", "mark") \
                and token.head.i in own and _perfect(token.head) \
                and not _since_days_ago(token, article):
            return True  # "have been killed since the protests began" (not "since June 6", two days ago)
        if _so_far(token) and token.head.i in own and any(_perfect(a) for a in token.ancestors):
            return True  # "Twelve people have been killed so far", "have turned violent, with one killed so far"
        if token.lower_ == "since" and token.dep_ == "mark" and any(
                a.i in own and _perfect(a) for a in token.head.ancestors):
            # "60 people have been killed since they began": the clause hangs on the verb (or, as
            # parsed, on what the verb governs: "... and dozens injured since a wave of protests began")
            return True
        if token.lower_ == "past" and token.head.lower_ == "in" and token.head.head.i == trigger.i \
                or token.lower_ == "past" and token.dep_ == "pobj" and token.head.lower_ == "in":
            return True  # "has carried out similar attacks ... in the past"
        lemma = token.lemma_.lower()
        if lemma not in CUMULATIVE_AGENTS | PERFECT_CUMULATIVE_AGENTS:
            continue
        if token.dep_ in ("nsubj", "relcl") and token.head.lemma_.lower() in ("kill", "claim", "leave") \
                and (lemma in CUMULATIVE_AGENTS or _perfect(token.head)):
            return True
        if any(c.dep_ == "relcl" and c.lemma_.lower() in ("kill", "claim", "leave")
               and (lemma in CUMULATIVE_AGENTS or _perfect(c)) for c in token.children):
            return True
    return False


def _where_clause(verb: Token) -> bool:
    """"... in Moises Padilla, in which one rebel was killed", "the market where five died":
    a relative clause telling what happened at a place or in an event, not describing a party."""
    for child in verb.children:
        if child.dep_ == "advmod" and child.lower_ == "where":
            return True
        if child.dep_ == "prep" and child.lower_ in ("in", "during") and any(
                o.lower_ == "which" for o in child.children):
            return True
    return False


def _token_at(sent: Span, char: int) -> Token:
    """The token of ``sent`` covering character ``char`` of the document."""
    for token in sent:
        if token.idx <= char < token.idx + len(token.text_with_ws):
            return token
    return sent[-1]


def _is_trigger(token: Token, sentence_cues: set[str], has_casualties: bool, elsewhere: bool = False) -> bool:
    lemma = token.lemma_.lower()
    if lemma not in ALL_TRIGGERS and token.lower_ not in ALL_TRIGGERS and not _claims_control(token):
        return False
    if token.pos_ not in ("VERB", "NOUN", "ADJ", "PROPN"):
        return False
    if token.ent_type_ in ("DATE", "TIME") or token.idx < dateline_end(text_of(token.doc)):
        return False  # "March 5", and the dateline "SURABAYA, Indonesia, March 16 (Reuters) -"
    if not elsewhere and _refers_elsewhere(token):
        return False  # "a year after a finance bill triggered deadly protests"
    if lemma == "execute" and any(c.dep_ == "dobj" and c.lemma_.lower() in NOT_PEOPLE for c in token.children):
        return False  # "executing a warrant", "executed the plan"
    before = [t.lower_ for t in token.doc[max(token.i - 2, 0):token.i]]
    if lemma == "take" and any(c.dep_ == "dobj" and c.lower_ == "place" for c in token.children):
        return False  # "two rallies have taken place": happened, no territory taken
    if _handed_down(token):
        return False  # "the sentences handed down": a court's, no handover
    if lemma == "round" and not (token.pos_ == "VERB" and any(c.dep_ == "prt" and c.lower_ == "up" for c in token.children)):
        return False  # only "rounded up 40 Palestinians" (arrests), not "a round of talks"
    if token.pos_ == "NOUN" and lemma in STOCKED_WEAPONS and _kept_or_traded(token):
        return False  # "missiles, arms and bombs are stored in the depot": weapons kept, none used
    if lemma == "fire" and "cease" in before:
        return False  # "cease-fire", "cease fire": the truce is the trigger, not gunfire
    if lemma == "cease" and not (token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ in ("-", "fire", "-fire")):
        return False  # "cease" alone ("ceased operations") is no truce
    if lemma == "block" and not any(c.dep_ == "dobj" and c.lemma_.lower() in ROAD_WORDS for c in token.children):
        return False  # "residents blocked the highway" is a protest; "blocked the bill" is not
    if lemma in ("block", "blockade") and not _crowd_did(token):
        return False  # "troops blocked all roads", "the floods blocked roads": no protest
    if lemma == "blockade" and token.head.lemma_.lower() not in ("set", "erect", "mount", "stage", "put") \
            and not any(c.dep_ in ("amod", "compound") and c.lemma_.lower() in ROAD_WORDS for c in token.children):
        return False  # "set up street blockades", not "the naval blockade of Gaza"
    if lemma == "demonstrate" and any(c.dep_ in ("dobj", "ccomp") for c in token.children):
        return False  # "to demonstrate his innocence", "demonstrated that ...": to show, not to protest
    if lemma in CROWD_NOUNS and token.head.lemma_.lower() in SPEECH_VERBS:
        return False  # "Protesters blame corruption for the disaster": they speak, nothing happens
    if lemma in PROTEST_LEMMAS and _who_someone_is(token.head):
        return False  # "detained a rights activist who led a protest": who was detained, not the event
    if token.dep_ == "relcl" and token.head.pos_ in ("NOUN", "PROPN") and token.head.lemma_.lower() not in ALL_TRIGGERS \
            and not _where_clause(token):
        return False  # "Sudan's army, which is fighting the RSF, said ...": a description
    if lemma in WEAK_TRIGGERS and not (has_casualties or sentence_cues - NON_VALIDATING_CUES or under_attack(token)):
        return False
    if lemma in ("dead", "death", "die") and not has_casualties:
        return False
    if token.dep_ == "compound" and token.head.lemma_.lower() in PLACE_OF_EVENT:
        return False  # "cordoned off the blast site", "attack victims": an event told elsewhere
    if token.dep_ == "compound" and token.is_title and token.head.is_title and not token.is_sent_start \
            and token.head.lemma_.lower() not in ALL_TRIGGERS:
        return False  # "Deputy Fire Commissioner", "the Riot Police": a word of a title or a name
    return True


def _kept_or_traded(noun: Token) -> bool:
    """A weapon named as what is stored, made or traded ("bombs ... are stored in the depot",
    "the stores house missiles and bombs"), through the list it stands in."""
    head = noun
    while head.dep_ == "conj" and head.head is not head:
        head = head.head
    return head.dep_ in ("nsubjpass", "dobj", "nsubj") and head.head.lemma_.lower() in STOCK_VERBS


def _who_someone_is(verb: Token) -> bool:
    """A relative clause telling who someone is by what they did before: "an activist who
    led a protest", "the man who organised the rally"."""
    return verb.dep_ == "relcl" and verb.tag_ == "VBD" and verb.lemma_.lower() in LEADING_VERBS \
        and verb.head.pos_ in ("NOUN", "PROPN")


def _crowd_did(verb: Token) -> bool:
    """No subject named, or people did it ("residents", "hundreds of youths", "PTI
    supporters"), not forces or floods: a road blocked by a crowd is a protest."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "agent")), None)
    if subject is None and verb.dep_ == "conj":  # "the floods washed out or blocked roads"
        subject = next((c for c in verb.head.children if c.dep_ in ("nsubj", "agent")), None)
    if subject is not None and subject.dep_ == "agent":
        subject = next((c for c in subject.children if c.dep_ == "pobj"), None)
    if subject is None:
        return True
    if subject.lower_ in MANY_WORDS or subject.like_num or subject.lemma_.lower() in ("people", "crowd", "group"):
        of = next((c for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        inner = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        return inner is None or _crowd_did_noun(inner)
    return _crowd_did_noun(subject)


def _crowd_did_noun(noun: Token) -> bool:
    kind = HEAD_KINDS.get(noun.lemma_.lower())
    return kind in (PROTESTERS, RIOTERS, CIVILIANS) or noun.lemma_.lower() in CROWD_NOUNS or (
        kind is None and _people(noun)) or noun.pos_ == "PROPN" and noun.ent_type_ in ("NORP", "ORG")


def _claims_control(token: Token) -> bool:
    """"rebels claimed control of the town", "had taken control of Rutshuru": a change of
    territory, whatever "claim" or "take" does elsewhere."""
    return token.lemma_.lower() in CONTROL_VERBS and any(c.dep_ == "dobj" and c.lemma_.lower() == "control"
                                                         for c in token.children)


CONTROL_VERBS = {"claim", "take", "seize", "gain", "wrest", "assume"}


def _refers_elsewhere(token: Token) -> bool:
    """Inside "after/before/since ..." naming another event, unless "another" or
    "similar" says this event was of the same kind; or inside a concession ("despite
    huge losses, including the killing of their leader in an airstrike")."""
    if any(a.dep_ == "prep" and a.lower_ == "despite" for a in token.ancestors):
        return True
    child = token
    for head in token.ancestors:
        if child.dep_ in ("pobj", "pcomp") and head.lower_ in OTHER_EVENT_PREPS and head.dep_ == "prep":
            return not any(c.lower_ in ("another", "similar") for c in token.children)
        child = head
    # "... a year after a finance bill triggered deadly protests": a clause set at a
    # distance in time from the story is another event
    for clause in [token, *token.ancestors]:
        mark = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ in ("after", "before", "since")), None)
        if mark is not None and mark.i > 0 and token.doc[mark.i - 1].lemma_.lower() in TIME_UNITS:
            return True
        if mark is not None and clause.head is not clause and _pluperfect(clause.head):
            return True  # "had declared a state of emergency in June after jihadists attacked": history
    return False


def _pluperfect(verb: Token) -> bool:
    """"had declared": a past before the story's past."""
    return any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children)


def _depth(token: Token) -> int:
    return sum(1 for _ in token.ancestors)


def _main_trigger(triggers: list[Token]) -> Token:
    # The trigger nearest the root carries the sentence's event; a bare casualty
    # word ("the death toll") only when nothing names the event itself.
    # A town changing hands outranks the fighting told with it ("Heavy gunfire broke out ... the
    # rebels had taken control of Rutshuru"), as in ACLED's precedence.
    return min(triggers, key=lambda t: (not _claims_control(t), t.lemma_.lower() in ("death", "dead", "die"),
                                        _depth(t), t.i))


_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def _count_of(word: str) -> int | None:
    """A small count written as a word or digits ("two", "a", "3"), or None."""
    return _NUMBER_WORDS.get(word, int(word) if word.isdigit() else None)


def shifted(date: EventDate, days: int) -> EventDate:
    """A day counted from another event's day, less sure than that day."""
    step = dt.timedelta(days=days)
    confidence = round((date.provenance.confidence if date.provenance else 0.7) * 0.8, 3)
    provenance = dataclasses.replace(date.provenance, confidence=confidence) if date.provenance else None
    return EventDate(start=date.start + step, end=date.end + step, text=date.text, provenance=provenance)


def _earlier_clause(trigger: Token, quoted: QuotedSpans, sentence_cues: set[str]) -> tuple[Token, int | None] | None:
    """"The latest attack came hours after Taliban shot two police officers", "The two
    attacks came two days after a car bomber wounded six soldiers": the sentence re-mentions
    one event and tells an earlier one in its "after" clause. The clause's verb trigger and
    how many days before the re-mentioned event it happened (0 for "hours after", None
    for "days after")."""
    verb = trigger.head
    if not _anaphoric(trigger) or verb.lemma_.lower() not in ("come", "follow"):
        return None
    for clause in (c for c in verb.children if c.dep_ == "advcl"):
        mark = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ == "after"), None)
        told = [t for t in clause.subtree if not quoted.contains(t.idx)
                and _is_trigger(t, sentence_cues, True, elsewhere=True)]
        if mark is None or not told:
            continue
        before = [t.lower_ for t in trigger.doc[max(verb.i + 1, mark.i - 2):mark.i]]
        if _LONG_UNITS.intersection(t.lower_ for t in trigger.doc[max(verb.i + 1, mark.i - 3):mark.i]):
            return _main_trigger(told), None  # "less than two weeks after": no day, and history
        if before and before[-1] in ("day", "days"):
            days = _count_of(before[0]) if len(before) > 1 else None
            if days is None:
                return _main_trigger(told), None  # "days after": no day to code it on
        else:
            days = 0  # "hours after", "shortly after", "after"
        return _main_trigger(told), days
    return None


_LONG_UNITS = frozenset({"week", "weeks", "month", "months", "year", "years"})


def _days_before_now(trigger: Token, article: Article) -> EventDate | None:
    """"Afghans are mourning ... a day after a massive truck bomb left 90 dead": what follows
    "N days after" happened that many days before the present the sentence tells (the
    article's day), when the sentence is in the present and names no day of its own."""
    sent = trigger.sent
    root = sent.root
    present = root.tag_ in ("VBG", "VBP", "VBZ") or any(c.dep_ == "aux" and c.lower_ in ("is", "are", "am")
                                                          for c in root.children)
    if article.date is None or not present:
        return None
    for after in (t for t in sent if t.lower_ == "after" and sent.start + 2 <= t.i < trigger.i):
        unit, count = after.nbor(-1), after.nbor(-2)
        days = _count_of(count.lower_)
        if unit.lower_ not in ("day", "days") or days is None:
            continue
        if any(e.label_ == "DATE" and not (e.start <= unit.i < e.end) for e in ents_in(sent)):
            return None  # the sentence names its day
        day = article.date - dt.timedelta(days=days)
        span = sent.doc[count.i:after.i + 1]
        return EventDate(start=day, end=day, text=span.text, provenance=span_provenance(article, span, 0.7))
    return None


def _long_after(trigger: Token) -> bool:
    """The trigger tells an event weeks or more before the sentence's own: "The video came a
    month after deadly raids in France that killed 17" (the raids are history, whatever the
    subject is; the parse may hang the raids' clause on "came" itself)."""
    verb = trigger.sent.root
    if verb.lemma_.lower() not in ("come", "follow"):
        return False
    subject = {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
    if trigger.i in subject or trigger.i == verb.i:
        return False
    for after in (t for t in verb.subtree if t.lower_ == "after" and t.dep_ in ("prep", "mark")):
        if any(t.lower_ in _LONG_UNITS for t in trigger.doc[max(verb.i + 1, after.i - 3):after.i]):
            return True
    return False


def _anaphoric(token: Token) -> bool:
    """A bare re-mention of an earlier event: "that attack", "today's heinous attack"."""
    if token.pos_ != "NOUN":
        return False
    for child in token.children:
        if child.dep_ in ("det", "amod", "poss") and child.lower_ in ANAPHORIC_MODIFIERS:
            return True
        if child.dep_ == "poss" and (child.pos_ == "PRON" or child.ent_type_ == "DATE"):
            return True
    return False


def _background(trigger: Token, target: Token | None, sub_event: str) -> bool:
    """A state of affairs, not a dated development: "a past agreement",
    "Turkey has established a dozen observation posts" (but "has set up a new base" is news)."""
    # (a compound's modifiers are its head's: "a crumbling cease-fire")
    head = trigger.head if trigger.dep_ == "compound" else trigger
    if any(c.lower_ in HISTORIC_MODIFIERS for c in [*trigger.children, *head.children]):
        return True
    if sub_event != "Headquarters or base established" or target is None:
        return False
    # "has established a dozen observation posts": a network built up over time; "have set up
    # two military bases", "has deployed troops", "have defected" are news
    many = any(c.lower_ in MANY_WORDS or (c.dep_ == "nummod" and is_number(c) and count_at(c)[0] >= 10)
               for c in target.children)
    return _perfect(trigger) and many


def _criminal(trigger: Token, target: Token | None) -> bool:
    """Arrests of suspects in a crime, not a political development."""
    if target is not None and target.lemma_.lower() in ("suspect", "criminal", "robber", "thief"):
        return True
    for child in trigger.children:
        if child.dep_ == "prep" and child.lower_ in ("over", "for") and any(
                o.lemma_.lower() in ("killing", "murder", "death", "robbery", "theft", "attack", "shooting")
                for o in child.children):
            return True
    return False


def _territory(target: Token | None, sent: Span) -> bool:
    """Whether what was captured is a place: a town, a base, a named location."""
    if target is None:
        return any(e.label_ in ("GPE", "LOC", "FAC") for e in ents_in(sent))
    if target.ent_type_ in ("GPE", "LOC", "FAC") or target.lemma_.lower() in TERRITORY_NOUNS:
        return True
    # "captured Obe": a name the parser did not tag, that the gazetteer knows as a place
    return target.pos_ == "PROPN" and any(r.precision in ("town", "admin2", "admin1")
                                          for r in get_gazetteer().lookup(target.text))


_POSTS = {"camp", "base", "post", "outpost", "barracks", "checkpoint", "position", "garrison"}


def _briefly(trigger: Token, target: Token | None) -> bool:
    """"the attackers had temporarily taken control of the camp": the attack on a post, not a
    territory change (a district "briefly captured" and retaken is two changes, as ACLED codes)."""
    held = target
    if held is not None and held.lemma_.lower() == "control":  # "taken control of the camp"
        held = next((o for p in held.children if p.dep_ == "prep" and p.lower_ == "of"
                     for o in p.children if o.dep_ == "pobj"), held)
    return held is not None and held.lemma_.lower() in _POSTS and any(
        c.dep_ == "advmod" and c.lower_ in ("temporarily", "briefly") for c in trigger.children)


def _similar(sent: Span) -> bool:
    return any(t.lower_ in SIMILAR_MODIFIERS and t.head.lemma_.lower() in ALL_TRIGGERS for t in sent)


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _caption_date(ent: Span) -> bool:
    """A photo caption's closing date: "... in Kabul, Afghanistan, Wednesday, May 31, 2017." It
    dates what the caption shows, whatever weekday the caption also names ("after Friday
    night's attack in Mogadishu, July 11, 2015": a file photo of another attack)."""
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start > 0 else None
    after = doc[ent.end] if ent.end < len(doc) else None
    return bool(_YEAR.search(ent.text)) and before is not None and before.text == "," and (
        after is None or after.is_punct or after.i >= ent.sent.end)


def _span_days(ent: Span, article: Article) -> int:
    """How many days a date phrase spans ("last year": 364), 0 when it cannot be read."""
    span = dates.resolve(ent.text, article.date)
    return (span[1] - span[0]).days if span else 0


def _died_after(trigger: Token) -> bool:
    """"died ... after Houthi shelling", "succumbed to wounds from the attack": the day of the
    death, not of the attack."""
    after = ("after", "following")
    if trigger.dep_ == "pobj" and trigger.head.lower_ in after and trigger.head.head.lemma_.lower() in ("die", "succumb"):
        return True  # read from the attack: "died on Sunday after the shelling"
    if trigger.dep_ == "advcl" and trigger.head.lemma_.lower() in ("die", "succumb") \
            and any(c.dep_ == "mark" and c.lower_ in after for c in trigger.children):
        return True  # "died on Sunday after Houthi shelling" (parsed as a clause)
    if trigger.lemma_.lower() not in ("die", "succumb"):
        return False
    if any(c.dep_ == "advcl" and c.lemma_.lower() in ALL_TRIGGERS and any(m.dep_ == "mark" and m.lower_ in after
                                                                         for m in c.children) for c in trigger.children):
        return True
    return any(c.dep_ == "prep" and c.lower_ in ("after", "following", "from", "of", "to")
               and any(o.dep_ == "pobj" and (o.lemma_.lower() in ALL_TRIGGERS or o.lemma_.lower() in ("wound", "injury"))
                       for o in c.children) for c in trigger.children)


def _old_picture(sent: Span, date: EventDate | None, article: Article) -> bool:
    """A picture's caption (present tense, closed by its date) dated days before the story:
    an earlier picture shown beside it, not a report of that day."""
    if date is None or article.date is None or (article.date - date.end).days <= OLD_PICTURE_DAYS:
        return False
    return sent.root.tag_ in ("VBP", "VBZ") and any(_caption_date(e) for e in ents_in(sent) if e.label_ == "DATE")


def _page_date(ent: Span) -> bool:
    """A dated line among a page's menu items ("Home Wednesday, April 16, 2025 Home» World» •
    Deadly Bomb Blast ..."): the page's date, not the day of the headline run into it."""
    if not _YEAR.search(ent.text + text_of(ent.doc)[ent.end_char:ent.end_char + 7]):
        return False  # ("January 25" and ", 2022" may be two entities)
    if len(_MENU_MARKS.findall(ent.sent.text)) >= 2 and _YEAR.search(ent.text):
        return True
    # a full date opening a title line it was run into ("January 25, 2022 Three Iraqi soldiers
    # killed", the page's date line joined to the title): the page's date
    sentence = ent.sent.text.strip()
    opening = _OPENING_DATE.match(ent.sent.text)
    return opening is not None and ent.start_char < ent.sent.start_char + opening.end() \
        and sentence[-1:] not in ".!?\"”'’" and len(sentence.split()) < 20


_MENU_MARKS = re.compile(r"[»|•›]")
# A full date opening a line ("January 25, 2022", "Tuesday August 16, 2022", "25 January 2022").
_OPENING_DATE = re.compile(r"\s*(?:[A-Z][a-z]+day,?\s+)?(?:[A-Z][a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?|\d{1,2}\s+[A-Z][a-z]+,?)\s+(?:19|20)\d\d\b")
_PARADE = re.compile(r"\bparades?\b", re.I)


def _date(sent: Span, trigger: Token, article: Article) -> tuple[EventDate | None, bool]:
    """The date expression nearest the trigger in the parse that can be resolved;
    (None, True) when the nearest is "at the time"-like and points back."""
    skip = dateline_end(article.text)
    # a date the event is told with beats the date the news was told on ("said on
    # Monday"), which is kept, ACLED-style, only as a less sure fallback
    # a day beats a span ("Earlier last week, ... ambushed the train on March 11")
    # a date told on the event word itself ("a mob attack in 2010") beats one on another verb
    # ("a court on Wednesday sentenced seven for ... a mob attack in 2010")
    own = {t.i for t in trigger.subtree} if trigger.pos_ in ("NOUN", "PROPN") else set()
    own_dated = any(e.label_ == "DATE" and e.root.i in own for e in ents_in(sent))
    found = sorted((not _caption_date(ent), _reporting_date(ent, trigger), own_dated and ent.root.i not in own,
                    not _names_a_day(ent.text, article), tree_distance(ent.root, trigger), ent.start, ent)
                   for ent in ents_in(sent) if ent.label_ in ("DATE", "TIME") and ent.start_char >= skip
                   and not _page_date(ent))
    for _, reported, _, _, _, _, ent in found:
        if _dates_another_happening(ent, trigger):
            continue
        if dates.is_anaphoric(ent.text):
            return None, True
        rng = dates.resolve(ent.text, article.date)
        if rng is None:
            continue
        if ent.root.head.lower_ == "since" and article.date is not None and rng[0] <= article.date:
            rng = (rng[0], article.date)  # "since June 6": from that day to the article's
        told_on = None
        if reported and rng[0] == rng[1]:
            # "clashed ..., residents said on Wednesday": on or just before the day it was told
            told_on, rng = rng[1], (rng[0] - dt.timedelta(days=1), rng[1])
        confidence = (0.85 if rng[0] == rng[1] else 0.7) * (0.6 if reported else 1)
        return EventDate(start=rng[0], end=rng[1], text=ent.text, told_on=told_on,
                         provenance=span_provenance(article, ent, confidence)), False
    return None, False


_DAY_LIST = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)")


def _listed_days(sent: Span, trigger: Token, article: Article) -> list[EventDate]:
    """The days a date list in the sentence names ("conducted on Wednesday and Friday",
    one entity or several joined by "and"), when it names two or more different single
    days; else []."""
    skip = dateline_end(article.text)
    ents = [e for e in ents_in(sent) if e.label_ == "DATE" and e.start_char >= skip
            and not _reporting_date(e, trigger) and not _dates_another_happening(e, trigger)]
    runs: list[list[Span]] = []
    for ent in ents:
        gap = sent.doc.text[runs[-1][-1].end_char:ent.start_char] if runs else ""
        if runs and _DAY_LIST.fullmatch(gap):
            runs[-1].append(ent)
        else:
            runs.append([ent])
    for run in runs:
        parts = [(part, ent) for ent in run for part in _DAY_LIST.split(ent.text) if part]
        # "Wednesday, October 31": a weekday naming the date after it is one day, not two
        parts = [(part, ent) for i, (part, ent) in enumerate(parts)
                 if not (part.strip().lower() in dates.WEEKDAYS and i + 1 < len(parts)
                         and re.search(r"\d", parts[i + 1][0]) and not re.search(r"\b(?:and|or)\b", part))]
        spans = [dates.resolve(part, article.date) for part, _ in parts]
        if len(spans) < 2 or any(s is None or s[0] != s[1] for s in spans) or len(set(spans)) < len(spans):
            continue
        return sorted((EventDate(start=s[0], end=s[1], text=part, provenance=span_provenance(article, ent, 0.8))
                       for s, (part, ent) in zip(spans, parts)), key=lambda d: d.start)
    return []


def _names_a_day(text: str, article: Article) -> bool:
    span = dates.resolve(text, article.date)
    return span is not None and span[0] == span[1]


def _dates_another_happening(ent: Span, trigger: Token) -> bool:
    """The date belongs to another happening the sentence names: "last week's killing",
    or right after "against/over the takeover" ("in protest against the takeover last month")."""
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and before.pos_ == "PROPN" and before.text[:1].isupper() and re.fullmatch(r"(?:19|20)\d\d", ent.text):
        return True  # "the Finance Bill 2024", "Vision 2030": a year in a name
    owner = ent.root.head
    if ent.root.dep_ == "poss" and owner.pos_ == "NOUN" and owner.i != trigger.i and not (
            owner.dep_ == "pobj" and owner.head.lower_ in ("in", "during") and owner.head.head.i == trigger.i):
        return True  # but "wounded in Wednesday's attack" is the attack's day
    # "in Jenin, a focal point of the daily raids in recent months": a time in what a place
    # is said to be, not the event's
    for head in ent.root.ancestors:
        if head.i == trigger.i:
            break
        if head.dep_ == "appos" and trigger.i not in {t.i for t in head.subtree}:
            return True
    # "142 were arrested, down from 170 the week before", "vs. 66,000 last weekend": the day
    # of the figure compared with
    window = [t.lower_ for t in ent.doc[max(ent.sent.start, ent.start - 4):ent.start]]
    if any(w in ("vs", "vs.", "versus", "than", "compared") for w in window) or any(
            a in ("down", "up") and b == "from" for a, b in zip(window, window[1:])):
        return True
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    if before is None or before.i == trigger.i or before.lower_ not in DATED_NOUNS:
        return False
    head = before
    while head.dep_ in ("compound", "amod", "conj") and head.head is not head:
        head = head.head
    return head.dep_ == "pobj" and head.head.lower_ in TOPIC_PREPS


def _reporting_date(ent: Span, trigger: Token) -> bool:
    """"..., the army said on Monday": when the news was told, not when it happened."""
    sent = ent.sent
    opening = DATELINE.match(sent.text)
    if opening is not None and ent.start_char < sent.start_char + opening.end():
        return True  # "KABUL, June 1 (Xinhua) -- ...": a dateline's day, wherever the paragraph stands
    head = ent.root.head
    if head.dep_ == "prep" or head.pos_ == "ADP":
        head = head.head
    if head.lemma_.lower() in REPORTING_VERBS and head.i != trigger.i:
        return True
    # "..., said a statement of the General Directorate of Intelligence on Thursday": the
    # statement's day (the parser hangs it on the statement or on its author)
    for ancestor in itertools.islice(ent.root.ancestors, 4):
        if ancestor.i == trigger.i or ancestor.pos_ in ("VERB", "AUX"):
            break
        if ancestor.lemma_.lower() in REPORTING_NOUNS:
            return True
    # "said on Thursday it had killed ...": the parser may hang the day on the verb reported
    doc, i = ent.doc, ent.start - 1
    if i >= 0 and doc[i].lower_ == "on":
        i -= 1
    return i >= 0 and i != trigger.i and doc[i].lemma_.lower() in REPORTING_VERBS and doc[i].pos_ in ("VERB", "AUX")


def other_event_tokens(sent: Span, trigger: Token | None = None) -> set[int]:
    """Tokens of clauses about another event ("a week after a deadly air raid ...",
    "since the airport bombings where 175 people died"), whose weapons and tolls are not
    this event's; "after another attack" stays: "another" says it was of the same kind."""
    drop: set[int] = set()
    for token in sent:
        if token.dep_ == "prep" and token.lower_ in OTHER_EVENT_PREPS and (trigger is None or token.i != trigger.i):
            if trigger is not None and _toll_of(token, trigger):
                continue
            for obj in (o for o in token.children if o.dep_ in ("pobj", "pcomp")):
                if obj.lemma_.lower() in ALL_TRIGGERS and not any(
                        c.lower_ in ("another", "similar") for c in obj.children):
                    drop.update(t.i for t in token.subtree)
        elif token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in OTHER_EVENT_PREPS for c in token.children) \
                and any(c.dep_ == "npadvmod" and c.lemma_.lower() in TIME_UNITS for c in token.children) \
                and (trigger is None or trigger.i not in {t.i for t in token.subtree}):
            # "..., a day after a bomb killed 20 at a shrine": a clause a span of time away
            drop.update(t.i for t in token.subtree)
        elif token.dep_ == "prep" and token.lower_ in DATED_OTHER_PREPS and token.head.lemma_.lower() in LINKING_HEADS:
            # "an explosion Tuesday ... possibly connected to Monday's bombing, which killed 20":
            # the incident a dated possessive names is another one, and so is its toll
            for obj in (o for o in token.children if o.dep_ == "pobj" and o.lemma_.lower() in ALL_TRIGGERS):
                if any(c.dep_ == "poss" and c.ent_type_ == "DATE" for c in obj.children) \
                        and (trigger is None or trigger.i not in {t.i for t in obj.subtree}):
                    drop.update(t.i for t in token.subtree)
    return drop


def _toll_of(prep: Token, trigger: Token) -> bool:
    """"60 people were injured after the clash": the hurt the clash did, told by its
    casualties, not another happening (but "killed a week after the clash" is later)."""
    # ("One man was killed and four injured after Russia's attack": the prep may hang on "injured")
    told_by = prep.head.i == trigger.i or prep.head.lemma_.lower() in CASUALTY_WORDS and prep.head in trigger.subtree
    return prep.lower_ in ("after", "following") and told_by \
        and trigger.lemma_.lower() in CASUALTY_WORDS \
        and not any(c.dep_ == "npadvmod" for c in prep.children) \
        and not any(c.dep_ == "prep" and c.lower_ in ("in", "during") for c in trigger.children)


def _goods(sent: Span) -> dict[int, int]:
    """Token index -> first index of the haul a seizing verb takes: its object's subtree and,
    as lists of weapons defeat the parser, what follows up to the next verb."""
    goods: dict[int, int] = {}
    for verb in sent:
        if verb.lemma_.lower() not in SEIZING_VERBS:
            continue
        for obj in (c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")):
            inside = {t.i for t in obj.subtree}
            if obj.i > verb.i:
                for t in sent.doc[max(inside) + 1:sent.end]:
                    if t.pos_ in ("VERB", "AUX") or t.dep_ == "mark" or t.lower_ in (";", "while", "whereas"):
                        break  # another clause: "..., while a bomb at an army base killed five"
                    inside.add(t.i)
            # a town seized, bodies found: no haul of arms
            if has_cue(" ".join(sent.doc[i].text for i in sorted(inside)), "weapons"):
                goods.update((i, min(inside)) for i in inside)
    return goods


def _cue_text(sent: Span, trigger: Token) -> str:
    """The sentence without clauses about other events ("a week after a deadly air
    raid ..."), whose weapons are not this event's. "another artillery attack" stays:
    "another" says this event was of the same kind."""
    drop = other_event_tokens(sent, trigger)
    # "the drone strike targeted a suspected suicide bomber": a person targeted is not the weapon
    drop.update(t.i for verb in sent if verb.lemma_.lower() in TARGETING_VERBS for c in verb.children
                if c.dep_ == "dobj" and c.lemma_.lower() in TARGETED_PEOPLE for t in c.subtree)
    # "the killing ... has unleashed a wave of protests and riots": the sequel is not the killing's kind
    if trigger.dep_ == "nsubj" and trigger.head.lemma_.lower() in CAUSE_VERBS:
        drop.update(t.i for c in trigger.head.children if c.dep_ == "dobj" for t in c.subtree)
    # "angry over the arrest of protesters who clashed with police": what angers the crowd is
    # its cause, not what it does
    drop.update(t.i for head in sent if head.lemma_.lower() in GRIEVANCE_WORDS and head.i != trigger.i
                for c in head.children if c.dep_ == "prep" and c.lower_ in ("over", "at", "about", "against")
                and trigger.i not in {x.i for x in c.subtree} for t in c.subtree)
    # "detained a rights activist who led a protest": who was detained, not what was done
    drop.update(t.i for verb in sent if _who_someone_is(verb) and trigger.i not in {x.i for x in verb.subtree}
                for t in verb.subtree)
    # "they were taken by helicopter to a military hospital": a means of transport, not an air strike
    drop.update(t.i for prep in sent if prep.lower_ == "by" and prep.head.lemma_.lower() in CARRYING_VERBS
                for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() in VEHICLES for t in prep.subtree)
    # "seized a huge quantity of arms including rocket shells": the haul reads as arms
    goods = _goods(sent)
    skip = dateline_end(text_of(sent.doc))
    # dates and the dateline carry no cue ("March 5" is not a march)
    return " ".join(("arms" if goods[t.i] == t.i else "") if t.i in goods else t.text for t in sent
                    if t.i not in drop and t.ent_type_ != "DATE" and t.idx >= skip)


def _headline(sent: Span, paragraph: int) -> bool:
    """A title line kept in the text ("Farmers killed in Borno attack"): its telegraphic
    grammar misleads the parser, and the body reports the same event in full."""
    text = sent.text.strip()
    return paragraph == 0 and len(text.split()) < 16 and text[-1:] not in ".!?\"”'’" and sent.end_char < 200 \
        and "\n\n" in text_of(sent.doc)[sent.end_char:sent.end_char + 3] + sent.text_with_ws[-3:]


def _opens_sentence(sent: Span, place) -> bool:
    """"In Geneva, ...": the place is the object of the sentence's first word, a locative."""
    first = sent[0]
    words = sent.text[:place.provenance.start - sent.start_char].split()
    return first.lower_ in ("in", "at") and len(words) <= 3 and \
        sent.text[place.provenance.end - sent.start_char:].lstrip().startswith(",")


def _cause_of_crowd(sent: Span, place, trigger: Token) -> bool:
    """A place a crowd speaks about, not where it gathers: "protests in Paris demanding a
    ceasefire in Gaza", "a march against the war in Ukraine"."""
    token = _token_at(sent, place.provenance.start)
    event_path = {trigger.i} | {t.i for t in trigger.ancestors}
    for head in token.ancestors:
        if head.i in event_path:
            return False  # reached the crowd event itself or what it hangs on
        if head.lemma_.lower() in CROWD_CAUSE_WORDS:
            return True
    return False


def _many_over_time(trigger: Token, target: Token | None) -> bool:
    """A perfect-tense verb over an indefinite many ("have ambushed several convoys",
    "has attacked numerous villages"): a pattern of events, not one."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    # "Several people have been shot in a fierce clash": one clash, however many were hit
    one_event = any(o.tag_ == "NN" and o.lemma_.lower() in ALL_TRIGGERS and any(d.dep_ == "det" for d in o.children)
                    for p in verb.children if p.dep_ == "prep" and p.lower_ in ("in", "during")
                    for o in p.children if o.dep_ == "pobj")
    return _perfect(verb) and target is not None and not one_event and any(
        c.lower_ in INDEFINITE_MANY for c in target.children if c.dep_ in ("amod", "det", "nummod"))


def _statistic(sent: Span, trigger: Token) -> bool:
    """A count of many events ("has launched more than 18,000 air raids"), a rate ("100
    civilians killed or wounded every week"), or a share of a total ("children accounted for
    410 deaths", "30 percent of the civilians were killed"): a report's figures, not an event."""
    if trigger.pos_ == "NOUN" and trigger.tag_ == "NNS" and trigger.lemma_.lower() in COUNTED_EVENTS and any(
            c.dep_ == "nummod" and (parse_number(c.text) or 0) >= MANY_EVENTS for c in trigger.children):
        return True
    if _RATE.search(sent.text) or _MANY_OVER_DAYS.search(sent.text):
        return True
    if any(t.dep_ == "pobj" and t.head.lower_ == "for" and t.head.head.lemma_.lower() == "account"
           and t.lemma_.lower() in CASUALTY_WORDS | {"casualty"} for t in sent):
        return True  # "children accounted for 410 deaths"
    return any(t.lower_ in ("percent", "%") or t.lower_ == "cent" and t.i > 0 and t.nbor(-1).lower_ == "per"
               for t in trigger.subtree)


def _aggregated(trigger: Token) -> bool:
    """An event word that only names a trend of many events: "a surge in attacks",
    "an uptick in kidnappings", "a history of clashes"."""
    token = trigger
    while token.dep_ == "conj" and token.head is not token:  # "an uptick in Boko Haram and ISWAP attacks"
        token = token.head
    if token.dep_ == "pobj" and token.head.lower_ in ("of", "in") and token.head.head.lemma_.lower() in AGGREGATE_NOUNS:
        return True
    # "a long history of using so-called preventative arrest to detain ...": through a gerund
    for _ in range(5):
        if token.dep_ not in ("pobj", "pcomp", "dobj", "xcomp", "prep", "compound", "conj") or token.head is token:
            return False
        if token.dep_ in ("pobj", "pcomp") and token.head.lower_ in ("of", "in") \
                and token.head.head.lemma_.lower() in AGGREGATE_NOUNS and token.head.head.pos_ == "NOUN":
            return True
        token = token.head
    return False


def _perfect_total(trigger: Token) -> bool:
    """"X have killed N" with a plural, undetermined subject is a running total."""
    verb = trigger if trigger.pos_ == "VERB" else trigger.head
    if not _perfect(verb):
        return False
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and subject.tag_ == "NNS" and not any(
        c.dep_ in ("det", "poss", "nummod") for c in subject.children)


def _overlaps(a, b) -> bool:
    """Two provenance spans share characters ("Jalisco" inside "the Jalisco cartel")."""
    return a is not None and b is not None and a.start < b.end and b.start < a.end


def _toll_update(sent: Span) -> bool:
    """"The death toll rose to nine": a sentence that revises an earlier count."""
    return any(t.lemma_.lower() == "toll" and (t.head.lemma_.lower() in TOLL_VERBS or any(
        c.lemma_.lower() in TOLL_VERBS for c in t.head.children)) for t in sent)


def _kin(person: Token) -> bool:
    """"his nephew", "her husband": a relative of the one who acted, by a possessive pronoun."""
    return person.lemma_.lower() in KIN_WORDS and any(
        c.dep_ == "poss" and c.pos_ == "PRON" for c in person.children)


def _found_guilty(token: Token) -> bool:
    """"found guilty", "found innocent" (also "found Tikhanovsky, 43, guilty of"): a verdict."""
    return token.lemma_.lower() == "find" and any(
        t.lower_ in ("guilty", "innocent") and (t.head.i == token.i or t.head.head.i == token.i) for t in token.subtree)


def _handed_down(verb: Token) -> bool:
    """"sentences handed down": what a court does."""
    return verb.lemma_.lower() == "hand" and any(c.dep_ == "prt" and c.lower_ == "down" for c in verb.children)


def _judged(trigger: Token) -> bool:
    """The act a court judges someone for ("sentenced ... for the murder of", "convicted of
    killing", "charged with attacking"): told for the judgement, not as the day's event."""
    if _found_guilty(trigger):
        return True  # "found guilty of procuring weapons": the verdict itself, no weapons found
    token, through_prep = trigger, False
    # "upholds death penalty for nine terrorists involved in attacking a convoy": six steps;
    # "sentenced ... over the killing of a teacher who participated in the protest movement": ten
    for _ in range(11):
        head = token.head
        if head is token:
            return False
        through_prep = through_prep or token.dep_ == "prep" and token.lower_ in ("for", "of", "with", "over", "to")
        if head.pos_ == "VERB" and (head.lemma_.lower() in JUDICIAL_VERBS or _found_guilty(head) or _handed_down(head)):
            return through_prep  # ("found guilty of procuring weapons used to kill villagers")
        token = head
    return False


def _origin_of_situation(trigger: Token) -> bool:
    """"The Manipur crisis started on May 3, 2023, after a violent mob burned offices": how a
    long-running situation began, told as background to today's news."""
    verb = trigger
    while verb.dep_ not in ("advcl", "ROOT") and verb.head is not verb:
        verb = verb.head
    if verb.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ in ("after", "when") for c in verb.children):
        return False
    began = verb.head
    return began.lemma_.lower() in ("start", "begin", "erupt", "break", "trigger") and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in SITUATION_NOUNS for c in began.children)


def _where_it_happened(sent: Span, trigger: Token, article: Article, quoted: QuotedSpans) -> list:
    """The town a re-mention says its event took place in ("the fighting erupted in X"), or []."""
    verb = trigger.head if trigger.dep_ in ("nsubj", "nsubjpass") else None
    if verb is None or verb.lemma_.lower() not in HAPPENING_VERBS:
        return []
    inside = {t.idx for t in verb.subtree}
    return [p for p in place_candidates(sent, trigger, article) if p.precision == "town"
            and p.provenance.start in inside and not quoted.contains(p.provenance.start)
            and not country_code(p.text)][:3]


def _caused_by(trigger: Token, triggers: list[Token]) -> Token:
    """"The killing of a lawyer by police on September 8 has unleashed a wave of protests":
    what a cause verb's object names is the sequel; its subject, an event word, is the event."""
    for verb in trigger.ancestors:
        if verb.pos_ != "VERB":
            continue
        if verb.lemma_.lower() in CAUSE_VERBS and any(c.dep_ == "dobj" and trigger.i in {t.i for t in c.subtree}
                                                      for c in verb.children):
            cause = next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "NOUN" and (
                c in triggers or re.sub(r"ings?$", "", c.lower_) in ALL_TRIGGERS)), None)
            return cause or trigger
        break
    return trigger


def _arrests_of_crowd(trigger: Token) -> str | None:
    """The crowd event an arrest was made in or after ("arrested after clashes with police",
    "detained during the protest"), as its noun's lemma; None otherwise."""
    if trigger.lemma_.lower() not in ("arrest", "detain"):
        return None
    for prep in trigger.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("after", "following", "during", "amid", "in"):
            continue
        for obj in prep.children:
            lemma = obj.lemma_.lower()
            if obj.dep_ == "pobj" and lemma in CROWD_EVENT_NOUNS and not any(
                    c.lower_ in ("another", "similar", "last", "previous", "earlier") for c in obj.children):
                return lemma
    return None


def _opening(doc) -> str:
    """The headline and the first sentences: where a story says it marks an anniversary (a
    ritual "commemorating the killing of Hussein" later in the story is no such story)."""
    return " ".join(s.text for s in itertools.islice(doc.sents, OPENING_SENTENCES))[:LEAD_SPAN]


def _mention(sent: Span, index: int, paragraph: int, quoted: QuotedSpans, article: Article,
             has_prior: bool) -> Mention | str | None:
    """The event the sentence reports; the reason it reports none although an event
    word is in it ("irrealis", "background:total", ...); or None when it has no event word."""
    if not any(t.lemma_.lower() in ALL_TRIGGERS or t.lower_ in ALL_TRIGGERS or _claims_control(t) for t in sent):
        blamed = blamed_in(sent, article) if has_prior else None
        if blamed is not None:
            return Mention(sent=sent, index=index, paragraph=paragraph, trigger=sent[0], sub_event="Other",
                           strength=0, actor1=blamed, anaphoric=True, last_paragraph=paragraph)
        return None  # most sentences: no event word at all
    if _headline(sent, paragraph):
        return "headline"
    if _embedded_post(sent):
        return "quoted post"  # an embedded tweet: "... https://t.co/x — Name (@handle) January 25, 2022"
    if _FILE_PICTURE.search(sent.text):
        return "file picture"  # "Reuters File image of rescuers ...", "Featured image: By VOA ..., Public Domain"
    if _UNLINKED.search(sent.text):
        return "ordinary crime"  # "a man was shot dead in a chase with police, but it was not linked to the unrest"
    if has_prior and CLAIM_PHRASE.search(sent.text):
        owner = next((claimant(t, article) for t in sent if t.lower_ == "responsibility"), None)
        if owner is not None:
            return Mention(sent=sent, index=index, paragraph=paragraph, trigger=sent[0], sub_event="Other",
                           strength=0, actor1=owner, anaphoric=True, last_paragraph=paragraph)
    counts = cas.casualties(sent, article, exclude=other_event_tokens(sent))
    if has_prior and counts.fatalities is not None and _toll_update(sent):
        # "The toll rose to 13 on Monday": a new figure for the event just described
        return Mention(sent=sent, index=index, paragraph=paragraph, trigger=sent[0], sub_event="Other",
                       strength=0, fatalities=counts.fatalities, anaphoric=True, last_paragraph=paragraph)
    has_casualties = counts.fatalities is not None or counts.injuries is not None
    sentence_cues = cues_in(_cue_text(sent, sent.root))
    triggers = [t for t in sent if not quoted.contains(t.idx) and _is_trigger(t, sentence_cues, has_casualties)]
    if not triggers:
        return None
    trigger = _caused_by(_main_trigger(triggers), triggers)
    earlier = _earlier_clause(trigger, quoted, sentence_cues)
    if earlier is not None and earlier[1] is None or _long_after(trigger):
        return "background:earlier event"  # "came days after gunmen killed two officers": no day
    if earlier is not None:
        trigger = earlier[0]
        clause = {t.i for t in trigger.subtree}
        counts = cas.casualties(sent, article, exclude={t.i for t in sent if t.i not in clause})
        has_casualties = counts.fatalities is not None or counts.injuries is not None
    cues = cues_in(_cue_text(sent, trigger))
    crowd_event = _arrests_of_crowd(trigger)
    if crowd_event is not None:
        # "thirty students were arrested after clashes with police": the arrests are part of the
        # crowd's day (ACLED: one riot, or a protest met with intervention)
        cues = cues | {"protest"} | ({"riot"} if crowd_event in RIOT_NOUNS else set())
    if "clash" in cues and _COMMUNAL.search(text_of(sent.doc)[:LEAD_SPAN]):
        cues = cues | {"mob"}  # clashes in a story of communal violence are crowds', not armies'
    if not cues.intersection(WEAPON_CUES) and any(t.lemma_.lower() == "strike" and t.pos_ == "NOUN" for t in sent) \
            and has_cue(text_of(sent.doc)[:sent.start_char], "air"):
        cues = cues | {"air"}  # "killed in a strike on a house" in a story of drone strikes
    if YIELDED.search(sent.text):
        cues = cues | {"yielded"}  # "seized the town after the troops pulled out"
    if under_attack(trigger):
        cues = cues - {"protest"}  # "the caravan came under fire on its way to a rally": an attack
    lemma = trigger.lemma_.lower()
    if lemma == "release" and any(c.dep_ == "dobj" and c.lemma_.lower() in RELEASED_THINGS for c in trigger.children):
        return "no event type"  # "released a video", not hostages
    if any(a.lemma_.lower() in ("anniversary", "commemoration", "memorial") for a in trigger.ancestors):
        return "background:anniversary"  # "marked the first anniversary of al-Shabab's deadliest attack"
    if lemma in CARRYING_VERBS and any(p.dep_ == "prep" and p.lower_ == "to" and any(
            o.lemma_.lower() in CARE_PLACES for o in p.children) for p in trigger.children):
        return "no event type"  # "they were taken by helicopter to a military hospital"
    if lemma == "march" and _PARADE.search(sent.text):
        return "no event type"  # "cadets march during the Bastille Day military parade"
    if _irrealis(trigger):
        return "irrealis"
    if trigger.dep_ == "pobj" and trigger.head.lower_ in ("on", "against") \
            and trigger.head.head.lemma_.lower() in BAN_WORDS:
        return "irrealis"  # "the ban on public protests was still in place"
    if not has_casualties and any(h.lemma_.lower() in FOILED_HEADS for h in list(trigger.ancestors)[:3]):
        return "irrealis:foiled"  # "foiled an attack by the rebels on their detachment"
    if _judged(trigger):
        return "background:judged"
    if _origin_of_situation(trigger):
        return "background:history"
    if _cumulative(sent, trigger, article):
        return "background:total"
    if has_casualties and (counts.fatalities and quoted.contains(counts.fatalities.provenance.start)):
        return "quoted toll"
    response = any(t.lemma_.lower() in RESPONSE_LEMMAS and t.pos_ in ("VERB", "NOUN")
                   and not quoted.contains(t.idx) for t in sent)
    similar = _similar(sent)
    # "the protests" can only point back when something came before it
    if has_prior and _anaphoric(trigger) and not has_casualties and not response and not similar:
        owner = claimant(trigger, article)
        if owner is None:
            where = _where_it_happened(sent, trigger, article, quoted)
            if where:
                # "the fighting erupted over the weekend in Sindangan town": where the event was
                return Mention(sent=sent, index=index, paragraph=paragraph, trigger=trigger, sub_event="Other",
                               strength=0, anaphoric=True, locations=where, last_paragraph=paragraph)
            return "re-mention"
        # not a new event: the claim names the perpetrator of the one just described
        return Mention(sent=sent, index=index, paragraph=paragraph, trigger=trigger, sub_event="Other",
                       strength=0, actor1=owner, anaphoric=True, last_paragraph=paragraph)
    if not has_casualties and any(c.lower_ in GENERIC_MODIFIERS for c in trigger.children):
        return "background:generic"  # "repeated attacks in the region"
    if _aggregated(trigger):
        return "background:trend"  # "an uptick in Boko Haram attacks"
    if _statistic(sent, trigger):
        return "background:total"  # "more than 18,000 air raids", "killed or wounded every week"
    # "60 people were injured in/after a clash between X and Y": the sides of what hurt them
    causes = [o for p in trigger.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"] \
        if trigger.lemma_.lower() in CASUALTY_WORDS else []
    sides = next((found for found in map(between_sides, triggers + causes) if found), None)
    if sides is not None and all(actor_at(side, article, 0.75) is None for side in sides):
        sides = None  # "another incident between Bhejji and Elarmadgu": two places, not two sides
    target = patient(trigger)
    if not has_casualties and _many_over_time(trigger, target):
        return "background:generic"  # "militias have ambushed several army convoys"
    if target is not None and _kin(target):
        return "ordinary crime"  # "an NRI killed his nephew by shooting him": a family's killing
    if _claims_control(trigger):
        lemma, cues = "take", cues | {"overtake"}  # "rebels claimed control of the town of Menaka"
    if lemma in ("march", "advance", "enter") and trigger.pos_ == "VERB":
        doer = agent(trigger)
        if doer is not None and doer.lower_ in ("they", "he", "she") and trigger.dep_ in SUBORDINATE:
            # "the M23 rebels claimed to have captured Kirumba, after they had marched on Kanyabayonga"
            head = trigger.head
            for _ in range(3):
                found = agent(head)
                if found is not None or head.head is head:
                    doer = found or doer
                    break
                head = head.head
        marcher = actor_at(doer, article, 0.75)
        if marcher is not None and marcher.kind in NON_STATE_ARMED | {STATE}:
            # "M23 fighters marched into Goma": an armed advance, not a protest march; into a
            # town it takes the town, elsewhere it is movement
            if not any(c.dep_ == "prep" and c.lower_ == "into" for c in trigger.children):
                return "no event type"
            lemma, cues = "take", (cues - {"protest"}) | {"overtake"}
    if lemma in TERRITORY_VERBS and "protest" in cues and lemma not in PROTEST_LEMMAS:
        taker = actor_at(agent(trigger), article, 0.75)
        if taker is not None and taker.kind in NON_STATE_ARMED | {STATE}:
            cues = cues - {"protest"}  # "rebels captured Kirumba after they had marched on Kanyabayonga"
    shooter = actor_at(agent(trigger), article, 0.75) if lemma in ("fire", "shoot", "attack", "ambush") else None
    if shooter is not None and shooter.kind in NON_STATE_ARMED \
            and ("protest" in cues or lemma in PROTEST_LEMMAS):
        # "gunmen opened fire on protesters": an armed group attacked the crowd; no police in it
        actor1, actor2 = shooter, actor_at(target, article, 0.75) if target is not None else None
    elif lemma in PROTEST_LEMMAS or "protest" in cues:
        actor1, actor2 = crowd_and_police(sent, article, trigger)
        doer = actor_at(agent(trigger), article, 0.7) if lemma in CROWD_VIOLENCE_VERBS else None
        if doer is not None and doer.kind in (PROTESTERS, "rioters"):
            cues = cues | {"riot"}  # "protesters attacked a U.N. compound and embassies"
    elif sides is not None:
        actor1, actor2 = actor_at(sides[0], article, 0.75), actor_at(sides[1], article, 0.75)
        if any(_one_person(side) for side in sides) and not any(
                a is not None and a.kind in NON_STATE_ARMED
                for a in (actor1, actor2)):
            return "ordinary crime"  # "a shootout between Kabul police and a man being evicted"
    else:
        doer = agent(trigger)
        actor1 = actor_at(doer, article, 0.75)
        actor2 = actor_at(target, article, 0.75)
        if actor2 is None and doer is not None and doer.conjuncts and lemma in ("clash", "fight", "battle", "agree", "sign"):
            actor2 = actor_at(doer.conjuncts[0], article, 0.7)  # "X and Y clashed", "X and Y have agreed"
        if response and actor1 is None:
            for t in sent:
                if t.lemma_.lower() in RESPONSE_LEMMAS:
                    actor1 = actor1 or actor_at(agent(t), article, 0.7)
    if actor2 is None and counts.victims:
        actor2 = counts.victims
    if actor1 is not None and actor1.kind == PROTESTERS and counts.victims is not None \
            and counts.victims.kind == PROTESTERS and "riot" not in cues:
        # "70 protesters were injured during the protests": force was used on the crowd
        cues = cues | {"force"}
    if not has_prior and lemma in BARE_DEATH_LEMMAS and not cues and actor1 is None:
        return "no violence told"  # "34 deaths were recorded", "54 people died in Morelos"
    if actor1 is not None and actor2 is not None and actor1.name == actor2.name and actor1.kind != CIVILIANS \
            and sides is None:
        actor2 = None
    # victims told only by their toll ("13 people were killed in fighting between armed
    # groups") are not a side of a clash; with the police as one side they are the crowd it fought
    side2 = None if unspecified_victims(actor2) and "clash" in cues and not (actor1 and actor1.kind == STATE) \
        else actor2
    captives = lemma in ("capture", "seize", "take") and target is not None \
        and not (actor1 is not None and actor1.kind == STATE) \
        and (target.ent_type_ == "NORP" or actor_at(target, article, 0.7) is not None)
    if captives:
        cues = cues | {"abduction"}  # "16 Americans were captured by the 400 Mawozo gang": people, not a town
    label = classify(cues, lemma, actor1 and actor1.kind, side2 and side2.kind,
                     counts.fatalities is not None or "dead" in counts.uncounted,
                     counts.injuries is not None or "hurt" in counts.uncounted,
                     target.lemma_.lower() if target is not None else None,
                     territory=_territory(target, sent) and not _briefly(trigger, target) and not captives)
    if label is None:
        return "disaster" if "disaster" in cues else "no event type"
    date, date_anaphoric = _date(sent, trigger, article)
    if date is None and not date_anaphoric:
        date = _days_before_now(trigger, article)
    if date is not None and _died_after(trigger):
        # "a boy died on Sunday after Houthi shelling": the shelling was that day or shortly before
        date = dataclasses.replace(date, start=date.start - dt.timedelta(days=DIED_AFTER_DAYS))
    days = _listed_days(sent, trigger, article)
    if days:
        date = EventDate(start=days[0].start, end=days[-1].end, text=days[0].text, provenance=days[0].provenance)
    why = nonevents.reason(sent, trigger, date is not None, has_casualties, _political(actor1, actor2))
    if why:
        return why  # a match report, or what keeps happening ("often target ...")
    locations = [p for p in place_candidates(sent, trigger, article) if not quoted.contains(p.provenance.start)
                 and not any(_overlaps(p.provenance, a.provenance) for a in (actor1, actor2) if a is not None)]
    sub_event, strength = label
    if event_type_of(sub_event) in (RIOTS, PROTESTS) and actor1 is not None and actor1.kind == STATE \
            and (actor2 is None or actor2.kind != STATE):
        # "police clashed with supporters", "police fired teargas at the crowd": ACLED puts
        # the rioters or protesters first
        actor1, actor2 = actor2, actor1
    if event_type_of(sub_event) in (PROTESTS, RIOTS):
        locations = [p for p in locations if not _cause_of_crowd(sent, p, trigger)]
        # "In Geneva, organisers reported 4,000 people marching ... a map of Gaza": the
        # place that opens the sentence is where the crowd is
        locations.sort(key=lambda p: not _opens_sentence(sent, p))
    if not has_casualties and trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in EXPERIENCE_VERBS \
            and _perfect(trigger.head):
        return "background:trend"  # "Sagaing has seen fierce fighting and bloody reprisals"
    if not has_casualties and date is None and trigger.head.lemma_.lower() in TREND_VERBS:
        return "background:trend"  # "Ukraine has intensified drone attacks"
    if not has_casualties and date is None and trigger.dep_ == "nsubj" and _perfect(trigger.head) \
            and trigger.head.lemma_.lower() in CAUSE_VERBS and not any(e.label_ == "DATE" for e in ents_in(sent)):
        return "background:cause"  # "An intense clash ... has triggered a wave of unrest": the story's cause
    if not has_casualties and date is None and trigger.pos_ == "NOUN" and any(
            c.lower_ in INDEFINITE_MANY for c in trigger.children if c.dep_ in ("amod", "det", "nummod")):
        return "background:generic"  # "has claimed responsibility for several rocket attacks"
    if date is not None and article.date is not None and (article.date - date.end).days > HISTORY_DAYS:
        return "background:history"  # "months of protests in 2022", "last year's demonstrations"
    snippet = article.date is None and len(article.text) <= SNIPPET_CHARS
    widest = SNIPPET_AGGREGATE_DAYS if snippet else AGGREGATE_DAYS
    month_only = article.date is not None and date is not None and not days and bool(_MONTH_ONLY.match(date.text or ""))
    if article.date is None and not snippet and date is None:
        # an undated article cannot place "Last November", but it still names no day
        month_only = any(e.label_ == "DATE" and _MONTH_ONLY.match(e.text) for e in ents_in(sent))
    wide = date is not None and (date.end - date.start).days > widest or date is None and has_casualties \
        and article.date is not None and any(_span_days(e, article) > widest for e in ents_in(sent) if e.label_ == "DATE")
    if (wide or month_only) and event_type_of(sub_event) != STRATEGIC:
        return "background:period"  # a total over months ("in the first six months of the year")
    if date is not None and (date.end - date.start).days > STRATEGIC_SPAN_DAYS and event_type_of(sub_event) == STRATEGIC:
        return "background:period"  # "has agreed to a ceasefire earlier this year": no day to code it on
    big = counts.fatalities is not None and counts.fatalities.value >= 50
    if big and any(_perfect_total(t) for t in sent if t.lemma_.lower() in ("kill", "injure", "wound", "claim", "leave", "die")):
        return "background:total"  # "drone strikes have killed hundreds of civilians"
    if counts.fatalities is not None and counts.fatalities.value >= TOTAL_TOLL and date is None:
        return "background:total"  # "the ministry reports 12,300 martyrs in the aggression": a war's count
    if sub_event == "Arrests" and _criminal(trigger, target):
        return "ordinary crime"
    if strength < 2 and not (has_casualties or date or locations or response or similar or actor1 or actor2):
        return "unanchored"  # a bare violent word with nothing to pin it down
    # a time the text gives, even one that cannot be placed without the article's date
    # ("on Thursday" in an undated snippet), makes a development news, not a state of affairs
    timed = date is not None or any(e.label_ in ("DATE", "TIME") and not _DURATION.match(e.text) for e in ents_in(sent))
    if event_type_of(sub_event) == STRATEGIC and not timed and _background(trigger, target, sub_event):
        return "background:state of affairs"
    if not timed and event_type_of(sub_event) not in (PROTESTS, RIOTS, STRATEGIC):
        lead = text_of(sent.doc)[:LEAD_SPAN]
        # "The massacre left 58 people dead", "The victims were killed with assault rifles" in
        # a story of the massacre's anniversary: what it remembers, told with no day, is history
        # (a march or an arrest on the day is the day's event); so is the act a court ruled on
        if _ANNIVERSARY.search(_opening(sent.doc)):
            return "background:anniversary"
        if _COURT_RULING.search(lead):
            return "background:judged"
    if _old_picture(sent, date, article):
        return "file picture"  # "Protesters use fires to block streets in Khartoum, Sudan, October 25, 2021."
    if sub_event == "Change to group/activity" and not timed and not _perfect(trigger):
        # (a present perfect tells news: "450 soldiers have defected to the Houthis")
        return "background:undated deployment"  # "Rwanda deployed troops the same year"
    return Mention(sent=sent, index=index, paragraph=paragraph, trigger=trigger,
                   sub_event=sub_event, strength=strength, actor1=actor1, actor2=actor2,
                   fatalities=counts.fatalities, injuries=counts.injuries, date=date,
                   date_anaphoric=date_anaphoric, locations=locations, response=response,
                   similar=similar, sentences=[sent], last_paragraph=paragraph, cues=cues,
                   separate=announces_other(sent.text) or earlier is not None,
                   days_before=earlier[1] if earlier is not None and date is None else None, days=days)


def _paragraphs(doc: Doc) -> list[int]:
    """Paragraph number of each sentence (blank lines separate paragraphs)."""
    numbers, current = [], 0
    for sent in sentences(doc):
        numbers.append(current)
        if "\n\n" in sent.text_with_ws[-4:] or sent.text_with_ws.endswith("\n\n"):
            current += 1
    return numbers


def find_events(article: Article, doc: Doc, non_events: list[NonEvent] | None = None) -> list[Event]:
    """All events reported in the article (outside quoted speech).

    Sentences with an event word that report no event are appended to
    ``non_events`` (when given) with the reason, for ``flashpoint eval --errors``.
    """
    quoted = QuotedSpans(article.text)
    paragraphs = _paragraphs(doc)
    mentions: list[Mention] = []
    story = None  # "crime" or "disaster" when the article's first event word told one: so do its details
    disaster_told = has_cue(text_of(doc), "disaster")  # the article speaks of a disaster somewhere
    for index, sent in enumerate(sentences(doc)):
        mention = _mention(sent, index, paragraphs[index], quoted, article, bool(mentions))
        if mention in ("crime", "disaster") and not mentions:
            story = mention
        elif story == "crime" and isinstance(mention, Mention) and not _political(mention.actor1, mention.actor2):
            mention = "crime"  # "police recovered a firearm and a mask" after the robbery
        elif isinstance(mention, Mention) and mention.actor1 is None and (
                story == "disaster" and not mention.cues & VIOLENCE_CUES
                or story in (None, "disaster") and disaster_told and _deaths_only(mention)):
            # "Qinghai province reports a death toll of 13" after the quake; "18 people have been
            # killed" in a story that goes on to tell of the earthquake that killed them
            mention = "disaster"
        if isinstance(mention, str):
            if mention in ("re-mention", "no event type") and mentions:
                _force_on_crowd(mentions[-1], sent, paragraphs[index])  # "the demonstration became heated"
            if non_events is not None:
                non_events.append(NonEvent(reason=mention, evidence=provenance(article, sent, sent.start_char,
                                                                               sent.end_char, 1.0)))
            continue
        if mention is None:
            if mentions:
                _force_on_crowd(mentions[-1], sent, paragraphs[index])
            continue
        prev = mentions[-1] if mentions else None
        dated = None if mention.days_before is None else next(
            (m for m in reversed(mentions) if m.date is not None and not m.date.inferred_from), None)
        if dated is not None:
            # "The ambush came a day after ...": counted back from the incident told last
            # with a day, over a sentence between that gave none ("two were also kidnapped")
            mention.date = shifted(dated.date, -mention.days_before)
        if mention.anaphoric:
            if prev is not None and mention.paragraph - prev.last_paragraph <= 2:
                prev.actor1 = prev.actor1 or mention.actor1
                if mention.locations:
                    # the town it took place in, told after a coarser "in a village in X province"
                    known = {p.text.lower() for p in prev.locations}
                    prev.locations = [p for p in mention.locations if p.text.lower() not in known] + prev.locations
                if mention.fatalities and (prev.fatalities is None or mention.fatalities.value > prev.fatalities.value):
                    prev.fatalities = mention.fatalities  # the updated toll
                prev.last_paragraph = mention.paragraph
            continue
        if mention.response or mention.similar or mention.date_anaphoric:
            earlier = referent(mentions, mention)
            if earlier is not None:
                follow_up(earlier, mention)
        total = mention.fatalities is not None and len(listed_places(mention.locations, article.text)) >= 3
        if prev is not None and not total and continues(prev, mention):
            absorb(prev, mention)
        else:
            mentions.append(mention)  # (a toll over several places stays apart, to be dropped as a total)
    events: list[Event] = []
    for m in mentions:
        listed = listed_places(m.locations, article.text)
        if m.fatalities is not None and len(listed) >= 3:
            # "70 fighters were killed in fighting in Paktia, Baghlan, Nangarhar and Logar": a total
            if non_events is not None:
                non_events.append(NonEvent("background:total over places", provenance(
                    article, m.sent, m.sent.start_char, m.sent.end_char, 1.0)))
            continue
        if not splits_by_place(m.sub_event, m.fatalities is not None):
            listed = []
        # "conducted on Wednesday and Friday": one event per day (ACLED's unit), unless a
        # toll is told for them all (it cannot be shared out) or it is fighting that went on
        # ("clashed on Tuesday and Wednesday": one battle over a span)
        days = m.days if m.fatalities is None and m.injuries is None and event_type_of(m.sub_event) != BATTLES else []
        for day in days or [None]:
            for places in ([p] for p in listed) if listed else [m.locations]:
                events.append(_to_event(article, m, len(events) + 1, places, day))
    return events


def _force_on_crowd(prev: Mention, sent: Span, paragraph: int) -> None:
    """"They were met by security forces who fired live ammunition and tear gas", told
    right after a protest with no event word of its own (or only one pointing back to it,
    "the demonstration escalated into clashes"): how the protest was met, or how it turned."""
    if event_type_of(prev.sub_event) != PROTESTS or paragraph - prev.last_paragraph > 1:
        return
    found = cues_in(sent.text)
    if found & {"riot", "clash"} and not found.intersection(WEAPON_CUES):
        # "rocks and bottles were thrown at officers", "the demonstration escalated into clashes
        # between protesters and police": the crowd turned violent (ACLED: violent demonstration)
        prev.sub_event, prev.strength = "Violent demonstration", 2
    elif "force" in found:
        prev.sub_event, prev.strength = "Excessive force against protesters", 2
    elif "crowd_control" in found and prev.sub_event == "Peaceful protest":
        prev.sub_event = "Protest with intervention"
    else:
        return
    prev.sentences.append(sent)
    prev.last_paragraph = paragraph


def _one_person(token: Token) -> bool:
    """"a man", "a woman", "a suspect": one private person, not a group or a force."""
    return token.tag_ == "NN" and token.lemma_.lower() in ("man", "woman", "person", "suspect", "resident",
                                                          "villager", "farmer", "youth", "driver") \
        and any(c.lower_ in ("a", "an") for c in token.children)


def _deaths_only(mention: Mention) -> bool:
    """The sentence tells deaths and injuries but no act of violence ("18 people have been killed")."""
    return not cues_in(_KILLED.sub(" ", mention.sent.text)) & VIOLENCE_CUES


_KILLED = re.compile(r"\bkill(?:s|ed|ing)?\b", re.I)


def _political(*actors) -> bool:
    """A named armed group or rebels take part: political violence even in a crime story
    (an unnamed "gang" or "gunmen" in a robbery is the crime's)."""
    return any(a is not None and a.kind in ARMED_GROUPS and not a.name.startswith("Unidentified") for a in actors)


def _confidence(m: Mention) -> float:
    score = 0.35 + 0.1 * m.strength
    score += 0.15 if (m.fatalities or m.injuries) else 0
    score += 0.1 if m.date else 0
    score += 0.1 if m.locations else 0
    score += 0.05 if m.actor1 else 0
    score += 0.05 if m.actor2 else 0
    score += 0.05 if len(m.sentences) > 1 else 0
    return round(min(score, 0.95), 3)


def _to_event(article: Article, m: Mention, n: int, locations: list, day: EventDate | None = None) -> Event:
    """The Event for a mention, at ``locations`` (all its places, or one of a list), on
    ``day`` (one of the days it lists) or its own date."""
    if locations is not m.locations or day is not None:
        m = copy.copy(m)  # one event per listed place or day: each gets its own copies to fill in
        m.actor1, m.actor2, m.date = copy.deepcopy((m.actor1, m.actor2, day or m.date))
    if event_type_of(m.sub_event) == RIOTS and m.actor1 is not None and m.actor1.kind == PROTESTERS:
        # a crowd that riots is coded as rioters
        m.actor1 = copy.copy(m.actor1)
        m.actor1.kind, m.actor1.name = "rioters", actor_name("rioters", m.actor1.country, False)
    confidence = _confidence(m)
    trig = m.trigger
    evidence = provenance(article, m.sent, trig.idx, trig.idx + len(trig.text), confidence)
    event = Event(
        id=f"{article.id}-e{n}",
        article_id=article.id,
        event_type=event_type_of(m.sub_event),
        sub_event_type=m.sub_event,
        evidence=evidence,
        confidence=confidence,
        trigger=trig.text,
        actor1=m.actor1,
        actor2=m.actor2,
        locations=locations,
        date=m.date,
        fatalities=m.fatalities,
        injuries=m.injuries,
    )
    event.sources = [Source(article_id=article.id, evidence=evidence, url=article.url,
                            fatalities=m.fatalities.value if m.fatalities else None,
                            injuries=m.injuries.value if m.injuries else None)]
    return event
