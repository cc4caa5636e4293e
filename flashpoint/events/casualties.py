"""Fatality and injury counts, read off the parse.

A number counts only when it is tied to a casualty word: the object of
"killed", the subject of "died", the people "left dead", "the death toll rose
to N". Figures tied to anything else ("700,000 displaced", "3.6 million
refugees", "100 enemy targets") are context, never casualties.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from flashpoint.events.actors import HEAD_KINDS, actor_from
from flashpoint.events.lexicon import DEATH_WORDS, INJURY_WORDS
from flashpoint.events.nonevents import words
from flashpoint.events.numbers import VAGUE, count_at, is_number
from flashpoint.events.spans import dateline_end, provenance, sentence_of, text_of
from flashpoint.model import MAX_COUNT, Actor, Article, Count


@dataclass
class Casualties:
    """What one sentence says about the dead and the hurt."""

    fatalities: Count | None = None
    injuries: Count | None = None
    victims: Actor | None = None
    # "dead"/"hurt" told with no figure ("a number of people were injured"): the type may
    # say so, the toll stays unknown
    uncounted: frozenset[str] = frozenset()


def _a_couple(token: Token) -> bool:
    """"a (married) couple": two people, not "a couple of" some amount."""
    return token.lemma_.lower() == "couple" and not any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)


def _is_person(token: Token) -> bool:
    if token.ent_type_ in ("NORP", "PERSON") or token.lower_ in ("himself", "herself"):
        return True
    if _a_couple(token):
        return True  # "a married couple"
    lemma = token.lemma_.lower()
    if lemma in HEAD_KINDS or token.lower_ in HEAD_KINDS or lemma in words("one_person_roles.txt") \
            or lemma in ("other", "another", "year-old") \
            or token.lower_.endswith("-year-old"):
        return True
    # any other plural noun with a count ("three shepherds") unless it is a thing
    if token.tag_ == "NN" and lemma not in NOT_PEOPLE and any(c.lower_ in ("a", "an", "one") for c in token.children):
        return True  # "a jawan was killed": a single victim named by a word of no list
    return token.tag_ == "NNS" and lemma not in NOT_PEOPLE and any(
        c.dep_ in COUNT_DEPS and is_number(c) for c in token.children)


# Dependencies by which a number word counts a noun.
COUNT_DEPS = ("nummod", "compound")

# Amounts of people with no figure: "a number of people", "a handful of protesters".
AMOUNT_NOUNS = {"number", "lot", "host", "handful", "couple", "majority"}
# Plural nouns that are counted near casualty words but are not people.
NOT_PEOPLE = {"target", "vehicle", "car", "truck", "house", "home", "building", "shop", "position",
              "weapon", "drone", "missile", "rocket", "shell", "cattle", "cow", "goat", "sheep",
              "camel", "animal", "livestock", "hour", "day", "week", "month", "year", "minute",
              "kilometre", "kilometer", "mile", "meter", "metre", "round", "bullet", "structure",
              # things one "executes" or "carries out": a warrant, an order, a plan
              "warrant", "order", "plan", "operation", "search", "mission", "raid", "strike", "task",
              "sentence", "policy", "programme", "program", "project", "deal", "contract",
              # amounts, not one person: "left an unknown number of people dead"
              "series", "total", "spate"} | AMOUNT_NOUNS


def _of_people(amount: Token) -> bool:
    """"a number of people": the amount's "of" names people."""
    return any(o.dep_ == "pobj" and _is_person(o)
               for p in amount.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children)


def _victim_tokens(pred: Token) -> list[Token]:
    """Tokens naming who died or was hurt, as seen from the casualty word."""
    lemma = pred.lemma_.lower()
    found: list[Token] = []
    if pred.tag_ == "VBN" and pred.dep_ in ("acl", "amod", "oprd") and lemma in ("injure", "wound", "kill"):
        # "leaving at least 30 people injured", "30 wounded villagers"
        return [pred.head] if pred.dep_ != "oprd" else [c for c in pred.head.children if c.dep_ == "dobj"]
    if pred.pos_ in ("VERB", "AUX") or pred.tag_ in ("VBN", "VBD", "VBG"):
        wanted = ("nsubj",) if lemma == "die" else ("dobj", "nsubjpass")
        if lemma in ("lose", "claim"):  # "lost their lives", "claimed 12 lives"
            lives = [c for c in pred.children if c.dep_ == "dobj" and c.lemma_.lower() == "life"]
            if not lives:
                return []
            if lemma == "claim":
                return [n for n in lives[0].children if n.dep_ == "nummod"]
            wanted = ("nsubj",)
        found = [c for c in pred.children if c.dep_ in wanted]
        if not found and pred.tag_ == "VBN" and lemma != "die":
            # "five were killed and three others injured": an elided "were"
            found = [c for c in pred.children if c.dep_ == "nsubj"]
        passive_conj = pred.dep_ == "conj" and any(c.dep_ == "auxpass" for c in pred.children)
        if not found and pred.tag_ == "VBN" and pred.dep_ == "conj" and (
                pred.head.lemma_ == "be" and pred.head.pos_ == "AUX" or passive_conj):
            # "A jawan ... was on Monday killed": the parser hangs the participle on "was"; "A member
            # of the NPA, earlier identified as a soldier, was killed": on "identified"
            subjects = [c for c in pred.head.children if c.dep_ in ("nsubj", "nsubjpass")]
            found = [c for c in subjects if _is_person(c)] or subjects[-1:]
    elif pred.pos_ == "ADJ":
        found = [c for c in pred.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not found and (pred.dep_ in ("oprd", "acomp", "xcomp")
                          or pred.dep_ == "advmod" and pred.head.lemma_.lower() == "shoot"):  # "shot dead a man"
            # "Two protesters were shot dead", "left 13 soldiers dead"
            found = [c for c in pred.head.children if c.dep_ in ("nsubjpass", "dobj")]
        if not found and (is_number(pred.head) or _is_person(pred.head)):
            found = [pred.head]
    elif pred.pos_ in ("NOUN", "PROPN"):
        verb = pred.head.head if pred.dep_ == "pobj" and pred.head.lower_ == "to" else None
        if lemma == "death" and verb is not None and verb.pos_ == "VERB":
            # "beat a man to death", "was stabbed to death", "two people burned to death"
            found = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")] or \
                [c for c in verb.children if c.dep_ == "nsubj"]
            return found
        if lemma == "toll":
            if pred.lower_ != "toll":
                return []
            scope = list(pred.head.subtree) if pred.dep_ in ("nsubj", "nsubjpass") else list(pred.subtree)
            return [t for t in scope if is_number(t)][:1]
        found = [c for c in pred.children if c.dep_ == "nummod"]
    if not found:
        prev = pred.nbor(-1) if pred.i > sentence_of(pred).start else None
        if prev is not None and is_number(prev):
            found = [prev]
    elif pred.pos_ in ("VERB", "AUX"):
        found += _killed_alongside(pred)
    return found


# Prepositions that add victims to a casualty verb's own ("killed alongside two civilians",
# "killed along with two civilians", "together with").
ALONGSIDE = {"alongside", "beside", "besides"}


def _killed_alongside(pred: Token) -> list[Token]:
    """Counted people under "alongside"/"along with" of a casualty verb: more victims."""
    extra = []
    for prep in pred.children:
        along = prep.lower_ in ALONGSIDE or (prep.lower_ == "with" and any(
            t.lower_ in ("along", "together") for t in (prep.nbor(-1), *pred.children) if t.i == prep.i - 1))
        if prep.dep_ != "prep" or not along:
            continue
        extra += [t for t in prep.subtree if t.pos_ in ("NOUN", "PROPN") and _is_person(t)
                  and any(c.dep_ in COUNT_DEPS and is_number(c) for c in t.children)]
    return extra


def _count_for(victim: Token, named: bool = False) -> tuple[int, str, int, int] | None:
    if is_number(victim):
        return count_at(victim)
    # "Thirteen officers": a capitalised number word is often parsed as a compound
    numbers = [c for c in victim.children if c.dep_ in COUNT_DEPS and is_number(c)]
    if numbers:
        return count_at(numbers[0])
    if victim.tag_ in ("NN", "NNP") and any(c.lower_ in ("a", "an", "one", "another") for c in victim.children) \
            and victim.lemma_.lower() != "couple" or victim.lower_ in ("another", "himself", "herself"):
        # "injured another"; "killing himself" (a suicide bomber counts among the dead, ACLED)
        return 1, "exact", victim.idx, victim.idx + len(victim.text)
    if _a_couple(victim):
        return 2, "exact", victim.idx, victim.idx + len(victim.text)  # "a married couple were killed"
    if named and victim.tag_ == "NN" and victim.lemma_.lower() in words("one_person_roles.txt") and any(
            c.dep_ in ("det", "poss") and c.lower_ not in ("no", "every", "each", "any") for c in victim.children):
        # "the commander of army air forces was killed": one person, by the role held (deaths only)
        return 1, "exact", victim.idx, victim.idx + len(victim.text)
    if named and victim.ent_type_ == "PERSON" and victim.pos_ == "PROPN" and victim.ent_iob_ in ("B", "I"):
        # "Maoists killed Anil Kumar, the contractor's supervisor": one person, named (the dead
        # only: "the injured Denis Popov" of a match report is no casualty)
        doc, first, last = victim.doc, victim.i, victim.i
        while doc[first].ent_iob_ == "I" and first > 0:
            first -= 1
        while last + 1 < len(doc) and doc[last + 1].ent_iob_ == "I":
            last += 1
        return 1, "exact", doc[first].idx, doc[last].idx + len(doc[last].text)
    return None


def _total(victims: list[Token], named: bool = False) -> tuple[int, str, int, int] | None:
    """Sum over "3 soldiers and 2 civilians"; None when no figure is given."""
    parts = []
    for victim in victims:
        for member in sorted({victim, *victim.conjuncts}, key=lambda t: t.i):
            if member is not victim and any(c.dep_ in ("acl", "amod") and c.tag_ == "VBN" for c in member.children):
                continue  # "95 killed and 158 injured": the second figure has its own participle
            if member is not victim and not is_number(member) and not any(
                    c.dep_ in COUNT_DEPS and is_number(c) for c in member.children) and not (
                    _is_person(member) and any(c.lower_ == "another" for c in member.children)):
                # "20 others, rescue workers and a war monitor said": not more victims; but
                # "a police chief and another officer" are two
                continue
            count = _count_for(member, named)
            if count and count not in parts:
                parts.append(count)
    if not parts:
        return None
    value = sum(p[0] for p in parts)
    qualifier = parts[0][1] if len({p[1] for p in parts}) == 1 else "at least"
    return value, qualifier, min(p[2] for p in parts), max(p[3] for p in parts)


def _vague(total: tuple[int, str, int, int], article: Article) -> bool:
    """The figure was read from a word ("dozens", "scores"), not a number."""
    words = article.text[total[2]:total[3]].lower().split()
    return bool(words) and words[-1] in VAGUE


def casualties(sent: Span, article: Article, exclude: set[int] = frozenset()) -> Casualties:
    """Fatalities, injuries and the victims' actor in one sentence; casualty words at the
    token indices ``exclude`` (a clause about another event) are not read."""
    result = Casualties()
    best: dict[str, tuple[int, str, int, int]] = {}
    skip = dateline_end(text_of(sent.doc))
    for pred in sent:
        if pred.i in exclude:
            continue
        lemma = pred.lemma_.lower()
        kind = "dead" if lemma in DEATH_WORDS else "hurt" if lemma in INJURY_WORDS or pred.lower_ in INJURY_WORDS else None
        if kind is None:
            continue
        # a dateline the parser glued on ("YAOUNDE, ... - Five soldiers ... were killed")
        raw = [a for v in _victim_tokens(pred) for a in
               ([c for c in v.children if c.dep_ == "appos"] if v.idx < skip else [v])]
        victims = [v for v in raw if is_number(v) or _is_person(v)]
        if not victims:
            if any(v.lemma_.lower() in AMOUNT_NOUNS and _of_people(v) for v in raw):
                result.uncounted = result.uncounted | {kind}
            continue
        if result.victims is None:
            person = next((v for v in victims if not is_number(v)), None)
            if person is None:  # "four of the attackers"
                person = next((o for v in victims for p in v.children if p.dep_ == "prep" and p.lower_ == "of"
                               for o in p.children if o.dep_ == "pobj" and _is_person(o)), None)
            if person is not None:
                result.victims = actor_from(person, article, 0.7)
        total = _total(victims, named=kind == "dead")
        if total and total[0] > MAX_COUNT:
            continue  # not a casualty count (see MAX_COUNT)
        if total and (kind not in best or (_vague(best[kind], article), -best[kind][0]) > (_vague(total, article), -total[0])):
            best[kind] = total  # the largest figure, but a number over a word ("Dozens killed ... killed 11")
    for kind, (value, qualifier, start, end) in best.items():
        confidence = 0.85 if qualifier == "exact" else 0.75
        count = Count(value=value, qualifier=qualifier, text=article.text[start:end],
                      provenance=provenance(article, sent, start, end, confidence))
        if kind == "dead":
            result.fatalities = count
        else:
            result.injuries = count
    return result
