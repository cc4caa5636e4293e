"""Toponym candidates for an event, for the geo stage to resolve.

A candidate is a place-like entity used as a location ("in Taftanaz", "on
Saraqeb", "near Gao"), not as an actor ("Turkey responded") and not the
dateline ("Ankara, Turkey –"). "province of Idlib" / "Borno State" ask for
admin1 precision; a reference point ("south of Taftanaz") is kept last, at
admin1 precision, because the event is near it, not in it.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from flashpoint.events.spans import dateline_end, ents_in, span_provenance, text_of, tree_distance
from flashpoint.geo.countries import country_code, names_border
from flashpoint.geo.names import starts_like_a_name
from flashpoint.model import Article, Place

# A place given only as a reference point ("south of Taftanaz") is this sure.
REFERENCE_CONFIDENCE = 0.5
LOCATIVE = {"in", "on", "at", "near", "outside", "around", "across", "into", "inside",
            "throughout", "towards", "toward", "through", "from", "of", "within", "along", "over"}
ADMIN1_WORDS = {"province", "governorate", "state", "region", "oblast", "prefecture",
                "department", "county"}
SETTLEMENT_WORDS = {"city", "town", "village", "district", "area", "camp", "neighbourhood",
                    "neighborhood", "suburb", "outskirts", "countryside", "border", "capital"}
# "the left bank of Kiev", "the outskirts of Beledweyne"
PLACE_PARTS = {"bank", "outskirts", "centre", "center", "edge", "suburb", "suburbs", "heart", "north",
               "south", "east", "west", "part", "parts", "district", "quarter", "entrance", "port"}
# Entity labels that are never a place name.
NOT_PLACES = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}
DIRECTIONS = {"north", "south", "east", "west", "northeast", "northwest", "southeast",
              "southwest", "north-east", "north-west", "south-east", "south-west",
              "km", "kilometres", "kilometers", "miles", "mi"}
# "in cities including Berlin and Munich", "villages such as al-Qahira": the named
# places stand in the slot of the noun they exemplify.
EXAMPLE_WORDS = {"including", "like", "as"}


def _slot(root: Token) -> Token:
    """The token whose grammatical slot a place name fills: up through lists,
    appositions and compounds, and from an example to the noun it exemplifies."""
    token = root
    while token.head is not token:
        if token.dep_ in ("appos", "conj", "compound", "amod", "nmod"):  # "in Uruzgan and Badghis provinces"
            token = token.head
        elif token.dep_ == "pobj" and token.head.lower_ in EXAMPLE_WORDS and token.head.head is not token.head:
            token = token.head.head
            if token.lower_ == "such" and token.head is not token:  # "such as"
                token = token.head
        else:
            break
    return token


def _locative_head(root: Token) -> Token | None:
    """The preposition that makes ``root`` a location, following "province of X"."""
    token = _slot(root)
    if token.dep_ == "pobj" and token.head.lower_ in LOCATIVE:
        return token.head
    return None


def _targeted(ent: Span) -> bool:
    """"Russian forces struck Kharkiv": the place is the object of an attack verb."""
    slot = _slot(ent.root)
    return slot.dep_ == "dobj" and slot.head.lemma_.lower() in TARGETING_WORDS


def _after_strong_locative(ent: Span) -> bool:
    prep = _locative_head(ent.root)
    if prep is not None and prep.lower_ in ("in", "near", "outside", "at", "into"):
        return True
    if prep is not None and prep.lower_ == "of" and prep.head.lemma_.lower() in SETTLEMENT_WORDS | ADMIN1_WORDS:
        return True  # "the southern city of Zaporizhzhia"
    # "a strike on Kharkiv"
    on_target = prep is not None and prep.lower_ == "on" and prep.head.lemma_.lower() in TARGETING_WORDS
    return on_target or _targeted(ent)


# Words whose object is the place attacked ("struck Kharkiv", "a strike on Kharkiv").
TARGETING_WORDS = {"strike", "attack", "airstrike", "shell", "shelling", "bomb", "bombing",
                   "bombard", "hit", "pound", "target", "raid", "storm", "assault", "offensive",
                   "capture", "seize", "recapture", "retake", "overrun", "besiege"}


POSSESSIVE = {"'s", "’s"}
# "the embassy of Kenya": what a country owns, not a place in it ("those of Rwanda": embassies)
OWNED_WORDS = {"embassy", "consulate", "mission", "ambassador", "government", "president", "army", "parliament",
               "ministry", "flag", "those", "that", "citizen", "national", "leader", "king", "people"}


def _after_possessor(ent: Span) -> Span:
    """"Kashmir’s Srinagar" tagged as one entity: the place is what follows the possessive."""
    cut = next((t.i for t in ent[:-1] if t.lower_ in POSSESSIVE), None)
    if cut is None:
        return ent
    return Span(ent.doc, cut + 1, ent.end, label=ent.label_)


def _possessed_by_place(ent: Span) -> bool:
    """"Kashmir's Srinagar", "Moscow's district of Krasnogorsk": the possessor names the
    region the place lies in, so the possessed place is the finer one (and a location
    whatever slot the parser gives it)."""
    if any(c.dep_ == "poss" and c.ent_type_ in ("GPE", "LOC") for c in ent.root.children):
        return True
    before = ent.doc[ent.start - 1] if ent.start > 0 else None  # cut by _after_possessor
    return before is not None and before.lower_ in POSSESSIVE and before.head.ent_type_ in ("GPE", "LOC", "FAC")


BORDER_WORDS = {"border", "frontier", "borders", "frontiers"}
# Nouns whose "on X" is a subject of debate ("the party's stance on Gaza"), not a place
TOPIC_NOUNS = {"stance", "policy", "position", "view", "views", "silence", "decision", "debate", "talks",
               "remarks", "comments", "statement", "resolution", "vote", "sanctions", "deal", "bill", "law"}


CARE_WORDS = {"hospital", "hospitals", "clinic", "clinics", "morgue", "mortuary", "infirmary"}
MOVING_VERBS = {"bring", "take", "rush", "airlift", "evacuate", "transfer", "fly", "ferry", "carry", "admit"}


def _where_taken(ent: Span) -> bool:
    """"brought to the provincial hospital in Bayombong", "airlifted to Kabul": where the
    wounded or dead were taken, not where the event happened."""
    for token in (ent.root, *ent.root.ancestors):
        if token.lower_ in CARE_WORDS:
            return True
        if token.dep_ == "pobj" and token.head.lower_ == "to" and token.head.head.lemma_.lower() in MOVING_VERBS:
            return True
        if token.pos_ == "VERB":
            return False
    return False


def _headline_label(ent: Span, sent: Span) -> bool:
    """"Kabul: 95 killed and 158 injured in suicide bombing": a headline's opening place label."""
    doc = ent.doc
    return ent.start == sent.start and ent.end < len(doc) and doc[ent.end].text == ":" \
        and ent.label_ in ("GPE", "LOC") and sent.text.rstrip()[-1:] not in ".!?\"”"


def _precision(ent: Span) -> tuple[str, bool]:
    """(requested precision, is a reference point) for an entity."""
    doc = ent.doc
    after = doc[ent.end].lower_ if ent.end < len(doc) else ""
    words = {t.lower_ for t in ent}
    prep = _locative_head(ent.root)
    before = prep.head if prep is not None and prep.lower_ == "of" else None
    if before is not None and before.lower_ in DIRECTIONS:
        return "admin1", True
    slot = _slot(ent.root)
    if after in ADMIN1_WORDS or words & ADMIN1_WORDS or (before is not None and before.lower_ in ADMIN1_WORDS) \
            or slot is not ent.root and slot.lemma_.lower() in ADMIN1_WORDS:
        return "admin1", False  # also "in Uruzgan and Badghis provinces"
    return "town", False


def place_candidates(sent: Span, trigger: Token, article: Article) -> list[Place]:
    """Unresolved Places for the event in ``sent``, most likely first."""
    skip_before = dateline_end(article.text)
    found: list[tuple[tuple[int, int], Place]] = []
    for ent in map(_after_possessor, ents_in(sent)):
        if ent.label_ in NOT_PLACES:
            continue
        if ent.label_ not in ("GPE", "LOC", "FAC", "ORG") and not _after_strong_locative(ent):
            continue  # the small model labels unfamiliar towns as people, peoples, even works of art
        if ent.end_char <= skip_before:
            continue
        if not starts_like_a_name(ent.text) or _where_taken(ent) \
                or names_border(text_of(ent.doc), ent.start_char, ent.end_char):  # "near the border with Nigeria"
            continue
        prep = _locative_head(ent.root)
        if prep is not None and prep.lower_ == "from" and prep.head.lower_ == "away":
            continue  # "in Uraba, hundreds of miles away from Boyacá": the place it is not
        if prep is not None and prep.lower_ == "of" and prep.head.lemma_.lower() in OWNED_WORDS:
            continue  # "the embassy of Kenya", "those of Rwanda and France": whose, not where
        if prep is not None and prep.lower_ in ("on", "over", "about", "against") and (
                prep.head.lemma_.lower() in TOPIC_NOUNS or prep.i > 0 and prep.nbor(-1).lemma_.lower() in TOPIC_NOUNS):
            continue  # "to protest the party's stance on Gaza": what it is about, not where
        if prep is not None and prep.lower_ == "of" and ent.label_ not in ("GPE", "LOC") \
                and prep.head.lemma_.lower() not in SETTLEMENT_WORDS | ADMIN1_WORDS | PLACE_PARTS | TARGETING_WORDS:
            continue  # "sons of El Chapo", "members of Hamas": of a person or a group, not a place
        possessed = _possessed_by_place(ent)
        if prep is None and not _targeted(ent) and not possessed and not _headline_label(ent, sent):
            after = ent.doc[ent.end].lower_ if ent.end < len(ent.doc) else ""
            if not (ent.label_ in ("GPE", "LOC") and after in ADMIN1_WORDS | SETTLEMENT_WORDS):
                continue
        precision, reference = _precision(ent)
        text = re.sub(r"^(the)\s+", "", ent.text, flags=re.I)
        if reference and country_code(text):
            continue  # "the western half of New Guinea island, just north of Australia": not in it
        bare = re.sub(r"\s+(provinces?|governorates?|states?|regions?|oblasts?)$", "", text, flags=re.I)
        text = text if bare != text and country_code(bare) else bare  # "Niger State" is no Niger
        confidence = REFERENCE_CONFIDENCE if reference else 0.75
        prov = span_provenance(article, ent, confidence)
        prov.start = ent.start_char + ent.text.find(text)
        prov.end = prov.start + len(text)
        place = Place(name=text, text=text, precision=precision, provenance=prov)
        found.append(((1 if reference else 0, 0 if possessed else 1,
                       tree_distance(ent.root, trigger)), place))
    found.extend(_unlabelled(sent, trigger, article, skip_before))
    found.sort(key=lambda item: item[0])
    spans = [(p.provenance.start, p.provenance.end) for _, p in found]
    # a part of a longer name found too ("Leon" of "Leon Postigo") is not a place of its own
    return [place for _, place in found if not any(
        lo <= place.provenance.start and place.provenance.end <= hi and (lo, hi) != (place.provenance.start,
                                                                                    place.provenance.end)
        for lo, hi in spans)]


def _unlabelled(sent: Span, trigger: Token, article: Article, skip_before: int) -> list:
    """Proper nouns the model gave no entity label, in a plain place slot:
    "the southern city of Odesa", "in Kutum". The gazetteer decides if they are places."""
    found = []
    for token in sent:
        if token.ent_type_ or token.pos_ != "PROPN" or not token.text[:1].isupper() or token.idx < skip_before:
            continue
        targeted = token.dep_ == "dobj" and token.head.lemma_.lower() in TARGETING_WORDS or (
            token.dep_ == "pobj" and token.head.lower_ == "on" and token.head.head.lemma_.lower() in TARGETING_WORDS)
        # "in the Amhara region", "in the Bama area": the name before the place word
        named_area = token.dep_ in ("compound", "amod") \
            and token.head.lemma_.lower() in (ADMIN1_WORDS | SETTLEMENT_WORDS) - BORDER_WORDS \
            and token.i == token.head.i - 1 and token.head.dep_ == "pobj" \
            and token.head.head.lower_ in ("in", "near", "across", "throughout")
        if named_area:
            start = token.i  # the whole name: "Dupax del Sur town"
            # (a first word the small model took for a person's name is the place's: "Leon Postigo town")
            while start - 1 > sent.start and (token.doc[start - 1].pos_ == "PROPN" or token.doc[start - 1].lower_
                                              in ("del", "de", "al", "el", "la")) \
                    and token.doc[start - 1].ent_type_ in ("", "PERSON"):
                start -= 1
            span = token.doc[start:token.i + 1]
            precision = "admin1" if token.head.lemma_.lower() in ADMIN1_WORDS else "town"
            found.append(((0, 1, tree_distance(token, trigger)),
                          Place(name=span.text, text=span.text, precision=precision,
                                provenance=span_provenance(article, span, 0.6))))
            continue
        if not targeted and (token.dep_ != "pobj" or token.head.lower_ not in ("in", "of", "near")):
            continue
        if not targeted and token.head.lower_ == "of" and \
                token.head.head.lemma_.lower() not in SETTLEMENT_WORDS | ADMIN1_WORDS | PLACE_PARTS:
            continue
        start = min(t.i for t in token.subtree if t.dep_ == "compound" or t.i == token.i)
        span = token.doc[start:token.i + 1]
        prov = span_provenance(article, span, 0.6)
        place = Place(name=span.text, text=span.text, precision="town", provenance=prov)
        found.append(((0, 1, tree_distance(token, trigger)), place))
    return found
