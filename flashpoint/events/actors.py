"""Recognising event actors in a parse and normalising them ACLED-style.

An actor phrase is a noun (with its modifiers) whose head says what kind of
party it is ("soldiers" -> state forces, "protesters" -> protesters), or a
named group from ``data/actors.tsv``, or a country acting as a state
("Turkey retaliated"). Its country comes from a demonym or country name in the
phrase ("Syrian government forces" -> SY). Names follow ACLED's habits:
"Military Forces of Syria", "Police Forces of Kenya", "Protesters (Chile)".
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from spacy.tokens import Span, Token

from flashpoint.geo import country_code
from flashpoint.geo.countries import actor_name, country_name  # noqa: F401 (re-exported)
from flashpoint.model import Actor, Article
from flashpoint.events.spans import dateline_end, ents_in, sentence_of, span_provenance, text_of

STATE, REBEL, POLITICAL, IDENTITY, RIOTERS, PROTESTERS, CIVILIANS, EXTERNAL = (
    "state forces", "rebel group", "political militia", "identity militia",
    "rioters", "protesters", "civilians", "external/other",
)

# Head lemma -> actor kind (data/head_kinds.tsv).
HEAD_KINDS = {
    word: kind for word, kind in (
        line.split("\t") for line in (Path(__file__).parent / "data" / "head_kinds.tsv").read_text(
            encoding="utf-8").splitlines() if line.strip() and not line.startswith("#"))
}
# What a force moves or holds, standing for the force: "a police convoy", "an army post".
UNIT_HEADS = {"convoy", "patrol", "vehicle", "checkpoint", "post", "outpost", "base", "camp", "station",
              "column", "truck", "barracks", "position"}
# Modifiers that make people an armed party.
ARMED_WORDS = {"armed", "masked", "gun-wielding", "heavily-armed", "militia", "uniformed"}
# Words for "some of X" whose X names the party.
PARTITIVES = {"member", "number", "handful", "majority", "scores", "dozens", "hundreds", "thousands", "some", "many", "several",
              "most", "all", "none", "one", "two", "three", "group", "unit", "company", "contingent",
              "battalion", "brigade", "squad", "detachment"}
# Heads that need a state word or country to count as state forces
# ("forces" alone may be anyone's).
# (a warplane, a helicopter or a jet in conflict news is a state's: non-state air power is a drone)
WEAK_STATE_HEADS = {"forces", "force", "guard", "personnel", "authority", "ministry",
                    "drone", "artillery", "coalition", "defence", "defense", "defences", "defenses"}
# Modifiers that make "forces" someone other than the state's.
NON_STATE_MODIFIERS = {"resistance", "rebel", "insurgent", "opposition", "guerrilla", "guerilla", "separatist",
                       "jihadist", "islamist", "anti-government", "anti-junta"}
STATE_WORDS = {"government", "army", "military", "security", "state", "national", "federal",
               "regime", "pro-government", "border", "armed", "defence", "defense", "air",
               "naval", "special", "police", "republican", "presidential", "coalition", "junta",
               "levies"}  # Balochistan's Levies, a police force
POLICE_WORDS = {"police", "policeman", "policemen", "policewoman", "cop", "gendarme",
                "gendarmerie", "riot", "constable"}


@functools.lru_cache(maxsize=1)
@functools.cache
def _generic_victim_words() -> frozenset[str]:
    lines = (Path(__file__).parent / "data" / "generic_victims.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(x.strip().lower() for x in lines if x.strip() and not x.startswith("#"))


def unspecified_victims(actor: Actor | None) -> bool:
    """Civilians only by default: victims the text calls "people", "others" or only by
    their nationality ("two Palestinians"), which says nothing of fighter or civilian."""
    said = (actor.text or "").split() if actor is not None else []
    if not said or actor.kind != CIVILIANS:
        return False
    return said[-1].lower() in _generic_victim_words() or (said[-1][:1].isupper() and country_code(said[-1]) is not None)


@functools.cache
def named_groups() -> dict[str, tuple[str, str, str | None]]:
    """alias (lower case) -> (name, kind, country) from data/actors.tsv (read once)."""
    table = {}
    path = Path(__file__).with_name("data") / "actors.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        alias, name, kind, country = (line.split("\t") + ["", "", ""])[:4]
        table[alias.strip()] = (name, kind, country.strip() or None)
    return table


def phrase(head: Token) -> Span:
    """The actor phrase around ``head``: its pre-modifiers, the head, and an "of X" tail."""
    skip = dateline_end(text_of(head.doc))
    inside = {t.i for t in head.subtree}
    left = head
    # Walk left over the head's own modifiers ("Syrian government forces"),
    # stopping at determiners, numbers and the dateline.
    start = sentence_of(head).start
    while left.i > start:
        prev = head.doc[left.i - 1]
        if prev.text == "-" and prev.i - 1 >= start and prev.i - 1 in inside and prev.idx == left.idx - 1:
            left = head.doc[prev.i - 1]  # a hyphenated modifier: "Saudi-led coalition"
            continue
        if prev.i not in inside or prev.idx < skip or prev.dep_ in (
                "det", "nummod", "quantmod", "predet", "punct", "cc", "prep"):
            break
        left = prev
    right = head
    tail = of_tail(head)
    if tail is not None:
        right = max(tail.subtree, key=lambda t: t.i)
    return head.doc[left.i:right.i + 1]


def of_tail(head: Token) -> Token | None:
    """The head's "of X" (its "of" preposition), or None. In "government forces and members
    of the NPA" the parser hangs "of the NPA" on "forces": past a conjunct it is the
    conjunct's, and a conjunct with none of its own takes it."""
    conj = next((c for c in head.children if c.dep_ == "conj"), None)
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            return None if conj is not None and conj.i < child.i else child
    if head.dep_ == "conj" and not any(c.dep_ == "prep" for c in head.children):
        return next((c for c in head.head.rights if c.dep_ == "prep" and c.lower_ == "of" and c.i > head.i), None)
    return None


# "Indian-sponsored terrorists", "Iranian-backed militias": the country is the sponsor's, not the actor's.
_SPONSORED = re.compile(r"^-?(?:backed|sponsored|funded|supported|aligned|allied|armed|trained|financed)$", re.I)


def _sponsor(token: Token) -> bool:
    """The token names a sponsor in "X-backed": the word after it is a hyphen and a sponsoring participle."""
    doc = token.doc
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if nxt is None:
        return False
    if nxt.text == "-" and token.i + 2 < len(doc):
        return bool(_SPONSORED.match(doc[token.i + 2].text))
    return bool(_SPONSORED.match(nxt.text)) and nxt.text.startswith("-")


def _country_in(span: Span) -> str | None:
    for ent in ents_in(span):
        if ent.label_ in ("NORP", "GPE") and not _sponsor(ent[-1]):
            code = country_code(ent.text)
            if code:
                return code
    names = [t for t in span if t.pos_ in ("PROPN", "ADJ") and t.text[:1].isupper() and not _sponsor(t)]
    for token in names:
        code = country_code(token.text)
        if code:
            return code
    for first, second in zip(names, names[1:]):
        # "the United States military": the entity starts at "The", outside the phrase
        if second.i == first.i + 1:
            code = country_code(f"{first.text} {second.text}")
            if code:
                return code
    return None


@functools.cache
def _alias_pattern() -> re.Pattern:
    """Every alias longer than three letters as whole words, longest first; a hyphen
    counts as a boundary ("pro-Islamic State")."""
    long = sorted((a for a in named_groups() if len(a) > 3), key=len, reverse=True)
    return re.compile(r"(?<![\w'])(" + "|".join(map(re.escape, long)) + r")(?![\w'])")


def _named_group(span: Span) -> tuple[str, str, str | None] | None:
    """The named group the phrase names (its longest alias), or None."""
    groups = named_groups()
    text = span.text.lower()
    hits = [m.group(1) for m in _alias_pattern().finditer(text)]
    # short aliases ("TTP", "ADF") only as written, in capitals
    hits += [t.text.lower() for t in span if len(t.text) <= 3 and t.text.isupper() and t.text.lower() in groups]
    best = max(hits, key=len, default=None)
    return groups[best] if best else None


def _named_next(head: Token) -> tuple[str, str, str | None] | None:
    """The named group written right after a describing word, whatever the parse made of
    it ("the Sudanese paramilitary Rapid Support Forces": the group, not Sudan's forces)."""
    end = head.i + 1
    while end < len(head.doc) and end - head.i <= 6 and head.doc[end].text[:1].isupper():
        end += 1
    return _named_group(head.doc[head.i + 1:end]) if end > head.i + 1 and head.is_lower else None


def actor_from(head: Token, article: Article, confidence: float = 0.7) -> Actor | None:
    """An Actor for the noun (or country name) ``head``, or None when it is not a party."""
    span = phrase(head)
    named = _named_group(span) or _named_next(head)
    prov = span_provenance(article, span, confidence)
    if named:
        name, kind, country = named
        return Actor(name=name, text=span.text, kind=kind, country=country, provenance=prov)
    if head.ent_type_ == "GPE" and head.pos_ == "PROPN":
        code = country_code(head.text)
        if code and len(span) <= 3:
            # A country acting ("Turkey retaliated") is its state's forces.
            return Actor(name=actor_name(STATE, code, False), text=span.text, kind=STATE,
                         country=code, provenance=prov)
        return None
    lemma = head.lemma_.lower()
    if head.ent_type_ == "NORP" and head.tag_ in ("NNPS", "NNS") and country_code(head.text):
        # "Colombians", "Palestinians": people of a country, civilians unless shown otherwise
        code = country_code(head.text)
        return Actor(name=actor_name(CIVILIANS, code, False), text=span.text, kind=CIVILIANS,
                     country=code, provenance=prov)
    if lemma == "group" and any(c.lower_ in ARMED_WORDS for c in head.children):
        # "an armed group", "a pro-government armed group": unnamed, an Unidentified Armed Group
        country = _country_in(span)
        return Actor(name=actor_name(POLITICAL, country, False), text=span.text, kind=POLITICAL,
                     country=country, provenance=prov)
    if lemma in PARTITIVES or head.lower_ in PARTITIVES:
        # "members of the security forces", "scores of terrorists": the group decides
        tail = of_tail(head)
        for obj in tail.children if tail is not None else ():
            if obj.dep_ == "pobj":
                return actor_from(obj, article, confidence)
        if lemma == "member":
            for child in head.children:
                if child.dep_ == "compound" and (HEAD_KINDS.get(child.lemma_.lower()) or child.lower_ in STATE_WORDS):
                    return actor_from(child, article, confidence)
    if lemma in ("man", "men") and any(c.dep_ == "compound" and HEAD_KINDS.get(c.lemma_.lower()) == STATE
                                       for c in head.children):
        # "Levies men", "army men", "security men": the force's men (not "armed men")
        police = any(c.lower_ in POLICE_WORDS for c in head.children)
        country = _country_in(span)
        return Actor(name=actor_name(STATE, country, police), text=span.text, kind=STATE,
                     country=country, provenance=prov)
    if lemma in UNIT_HEADS:
        # "a police convoy", "an army patrol", "a military base": the force it belongs to
        for child in head.children:
            if child.dep_ in ("compound", "amod") and (
                    HEAD_KINDS.get(child.lemma_.lower()) == STATE or child.lower_ in STATE_WORDS - {"national", "state"}):
                police = child.lower_ in POLICE_WORDS
                country = _country_in(span)
                return Actor(name=actor_name(STATE, country, police), text=span.text, kind=STATE,
                             country=country, provenance=prov)
    kind = HEAD_KINDS.get(lemma) or HEAD_KINDS.get(head.lower_)
    if kind is None:
        return None
    words = {t.lower_ for t in span} | {t.lemma_.lower() for t in span}
    # the head's own modifiers count even past a model number ("a junta MI-35 helicopter")
    words |= {c.lower_ for c in head.children if c.dep_ in ("amod", "compound", "nmod")}
    country = _country_in(span)
    if kind == STATE and lemma in WEAK_STATE_HEADS and words & NON_STATE_MODIFIERS:
        kind = REBEL  # "local resistance forces", "opposition fighters' forces": not the state's
    elif kind == STATE and lemma in WEAK_STATE_HEADS and not (words & STATE_WORDS) and not country:
        return None
    if kind == STATE and lemma == "personnel" and not (words & (STATE_WORDS | POLICE_WORDS)):
        return None
    if kind in (CIVILIANS, RIOTERS) and words & ARMED_WORDS:
        kind = POLITICAL  # "armed men", "masked men": an unidentified armed group
    police = bool(words & POLICE_WORDS) or lemma == "officer" and not words & STATE_WORDS
    return Actor(name=actor_name(kind, country, police), text=span.text, kind=kind,
                 country=country, provenance=prov)
