"""Who is named where: speaker mentions, their roles, and full-name lookup.

Works on a spaCy ``Doc`` of the whole article. A *mention* is a noun phrase
that can say something: a person's name ("Turkish Foreign Minister Mevlut
Cavusoglu"), a pronoun ("he"), an organisation ("the defense ministry") or a
common noun ("a witness"). ``NameBook`` remembers every full person name with
the role given for it, so "Celik" or "he" later can be turned into
"Omer Celik, spokesman for ...".
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from spacy.tokens import Doc, Span, Token

from flashpoint.quotes.gender import is_given_name
from flashpoint.text.quote_marks import SpanSet

PRONOUNS = {"he", "she", "they", "it"}  # "it" stands for an organisation or country


def _read_titles() -> tuple[frozenset[str], frozenset[str]]:
    """(title words, person-only title words) from data/title_words.tsv."""
    rows = [line.split("\t") for line in (Path(__file__).with_name("data") / "title_words.tsv")
            .read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]
    return frozenset(r[0] for r in rows), frozenset(r[0] for r in rows if r[1].strip() == "1")


# Capitalised words that are titles, not names, before a name; and those only a person bears.
TITLE_WORDS, PERSON_TITLES = _read_titles()
MAX_TITLE_WORDS = 8
# After these the next word is a name even when it is also a title word ("Mr. King", "Dr. Major").
COURTESY_TITLES = {"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame"}
# Things that "say" on someone's behalf: not a speaker or a role themselves.
DOCUMENT_NOUNS = {"statement", "report", "communique", "communiqué", "letter", "post", "tweet",
                  "release", "document", "video", "message", "announcement", "source", "memo"}
_LEADING_ARTICLES = {"a", "an", "the"}
# Lower-case words that may sit inside a name ("Ursula von der Leyen", "Bashar al-Assad").
NAME_PARTICLES = {"von", "van", "der", "den", "de", "del", "della", "da", "dos", "du", "la", "le",
                  "al", "el", "bin", "ibn", "bint", "abu", "ben"}


@dataclass
class Mention:
    """A phrase naming a (possible) speaker.

    ``kind`` is "person", "pronoun", "group" (an organisation or country) or
    "common" (a common noun such as "a witness"). ``name`` is the name as
    written here (None for pronouns and common nouns); ``role`` is the title
    or apposition given at this mention.
    """

    kind: str
    name: Optional[str]
    role: Optional[str]
    start: int  # char offsets of the words naming the speaker
    end: int
    token: Token
    subject: bool = False  # a grammatical subject where it stands


def _entity_bounds(token: Token) -> tuple[int, int]:
    """Token indexes [start, end) of the entity ``token`` sits in (walks IOB tags; Doc.ents is slow)."""
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return start, end


def _group_entity(token: Token) -> Optional[Span]:
    """The ORG/GPE/NORP entity ``token`` sits in, when it has no PERSON words next to it."""
    if token.ent_type_ not in ("ORG", "GPE", "NORP", "FAC", "LOC"):
        return None
    start, end = _entity_bounds(token)
    if start > 0 and token.doc[start - 1].ent_type_ == "PERSON":
        return None  # a person's name cut in two by the model ("Ursula von der" + "Leyen")
    return token.doc[start:end]


def _name_tokens(head: Token) -> list[Token]:
    """The tokens of the name whose last word is ``head`` (titles included, split later).

    Takes the run of proper nouns (and particles such as "von", "al") ending
    at ``head``, plus the rest of a PERSON entity it sits in: the small model
    sometimes cuts a name in two ("Ursula von der" PERSON + "Leyen" GPE).
    """
    doc = head.doc
    organisation = _group_entity(head)
    if organisation is not None:
        return [t for t in organisation if t.lower_ not in _LEADING_ARTICLES or t.i > organisation.start]
    tokens = [head]
    i = head.i - 1
    while i >= 0:
        token = doc[i]
        in_person = token.ent_type_ == "PERSON" and head.i - i <= 6
        untyped_proper = token.pos_ == "PROPN" and not token.ent_type_  # not "New York" in a title
        if in_person or untyped_proper or (token.lower_ in NAME_PARTICLES and i > 0):
            tokens.insert(0, token)
            i -= 1
            continue
        break
    while tokens and (tokens[0].lower_ in NAME_PARTICLES or tokens[0].lower_ in _LEADING_ARTICLES):
        tokens.pop(0)
    return [t for t in tokens if not t.is_punct and t.tag_ != "POS"]


def _is_group(tokens: list[Token]) -> bool:
    """True when the name is an organisation or place rather than a person (a name
    opening with a common given name is a person whatever the tagger says)."""
    kinds = {t.ent_type_ for t in tokens}
    if len(tokens) >= 2 and is_given_name(tokens[0].text):
        return False
    return "PERSON" not in kinds and bool(kinds - {""})


def _after_the(name: list[Token], titles: list[Token]) -> bool:
    """True for a proper name right after "the" ("the Valley Courier"): a thing, not a person."""
    first = (titles or name)[0]
    return first.i > 0 and first.doc[first.i - 1].lower_ == "the" and \
        not any(t.ent_type_ == "PERSON" for t in name)


def _split_title(tokens: list[Token]) -> tuple[list[Token], list[Token]]:
    """Split leading title words off a name: (title tokens, name tokens)."""
    cut = 0
    while cut < len(tokens) - 1 and tokens[cut].lower_ in TITLE_WORDS:
        cut += 1
    # "Zamfara Governor Dauda Lawal", "Information Minister Michael Makuei": the title
    # ends at its last title word when a name of one or more words follows it
    for j in range(len(tokens) - 2, cut - 1, -1):
        if tokens[j].lower_ in TITLE_WORDS and all(t.text[:1].isupper() and t.lower_ not in TITLE_WORDS
                                                   for t in tokens[j + 1:]):
            return tokens[:j + 1], tokens[j + 1:]
    return tokens[:cut], tokens[cut:]


def _text(doc: Doc, tokens: list[Token]) -> Optional[str]:
    if not tokens:
        return None
    return doc[tokens[0].i : tokens[-1].i + 1].text


def _pre_name_title(name_start: Token) -> list[Token]:
    """The title words directly before a name ("Turkish Foreign Minister", "U.S. Secretary of State").

    Read by word class rather than by parse, which is unreliable on long
    titles: adjectives, nouns and proper nouns (and "of" between them) going
    left from the name, up to MAX_TITLE_WORDS.
    """
    doc = name_start.doc
    tokens: list[Token] = []
    i = name_start.i - 1
    while i >= 0 and len(tokens) < MAX_TITLE_WORDS:
        token = doc[i]
        joins = token.lower_ == "of" or (token.text == "-" and not token.whitespace_)
        if joins and i > 0 and doc[i - 1].pos_ in ("NOUN", "PROPN"):
            pass  # "Secretary of State", "Secretary-General"
        elif token.is_punct or token.is_space or token.pos_ not in ("ADJ", "NOUN", "PROPN"):
            break
        elif token.tag_ == "POS":
            break
        tokens.insert(0, token)
        i -= 1
    while tokens and (tokens[0].lower_ == "of" or tokens[0].text == "-"):
        tokens.pop(0)
    return tokens


def _apposition(head: Token) -> Optional[Token]:
    for child in head.rights:
        if child.dep_ == "appos":
            return child
    return None


def _phrase_tokens(head: Token) -> list[Token]:
    """The apposition or noun phrase under ``head``, cut at its own comma."""
    doc = head.doc
    end = head.right_edge.i
    for child in head.rights:
        if child.dep_ == "punct" and child.text == ",":
            end = min(end, child.i - 1)
            break
        if child.dep_ in ("relcl", "appos"):
            end = min(end, child.left_edge.i - 1)
            break
    tokens = [t for t in doc[head.left_edge.i : end + 1]]
    while tokens and (tokens[0].lower_ in _LEADING_ARTICLES or tokens[0].is_punct):
        tokens.pop(0)
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens.pop()
    return tokens


def _is_name_token(token: Token) -> bool:
    return token.pos_ == "PROPN" or token.ent_type_ == "PERSON"


def mention_at(token: Token) -> Optional[Mention]:
    """Read the speaker mention headed by ``token`` (a subject or agent), or None."""
    doc = token.doc
    if token.lower_ in PRONOUNS and token.pos_ == "PRON":
        return Mention("pronoun", None, None, token.idx, token.idx + len(token), token)
    if _is_name_token(token):
        titles, name = _split_title(_name_tokens(token))
        if not name:
            return None
        courtesy = bool(titles) and titles[-1].lower_.rstrip(".") in COURTESY_TITLES
        if len(name) == 1 and name[0].lower_ in TITLE_WORDS and not courtesy:
            # only a title ("Saudi Arabia's Minister of State ... said"): described, not named
            phrase = _phrase_tokens(token)
            return Mention("common", None, _text(doc, phrase), phrase[0].idx,
                           phrase[-1].idx + len(phrase[-1]), token) if phrase else None
        # a personal title before two or more name words makes a person, whatever the
        # model's label ("Zamfara Governor Dauda Lawal" is tagged ORG)
        titled = any(t.lower_ in PERSON_TITLES for t in titles) and len(name) >= 2
        kind = "group" if (_is_group(name) or _after_the(name, titles)) and not titled else "person"
        titles = _pre_name_title((titles or name)[0]) + titles
        appos = _apposition(token)
        role_tokens = titles or (_phrase_tokens(appos) if appos is not None else [])
        if role_tokens and all(t.like_num or t.is_punct for t in role_tokens):
            role_tokens = []  # "Um Khaled, 45, said": an age, not a role
        return Mention(kind, _text(doc, name), _text(doc, role_tokens), name[0].idx,
                       name[-1].idx + len(name[-1]), token)
    if token.pos_ == "NOUN" and token.lemma_.lower() in DOCUMENT_NOUNS:
        # "the IMF report stated", "the ministry's statement said": the issuer speaks
        for child in token.lefts:
            if child.dep_ in ("compound", "poss") and child.pos_ == "PROPN":
                issuer = mention_at(child)
                if issuer is not None and issuer.kind in ("group", "person"):
                    return issuer
        # "a statement from the police said" / "according to a statement by Hamas"
        for prep in token.rights:
            if prep.dep_ == "prep" and prep.lower_ in ("from", "by", "of"):
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        return mention_at(pobj)
        return Mention("common", None, None, token.idx, token.idx + len(token), token)
    if token.pos_ == "NOUN":
        appos = _apposition(token)
        if appos is not None and _is_name_token(appos):
            inner = mention_at(appos)
            if inner is not None and inner.kind == "person":
                inner.role = inner.role or _text(doc, _phrase_tokens_without(token, appos))
                return inner
        phrase = _phrase_tokens(token)
        return Mention("common", None, _text(doc, phrase), phrase[0].idx if phrase else token.idx,
                       (phrase[-1].idx + len(phrase[-1])) if phrase else token.idx + len(token), token)
    return None


def _phrase_tokens_without(head: Token, appos: Token) -> list[Token]:
    tokens = [t for t in _phrase_tokens(head) if t.i < appos.left_edge.i]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens.pop()
    return tokens


@dataclass
class KnownPerson:
    """A full name seen in the article, where, and the first role given for it."""

    name: str
    first_start: int
    role: Optional[str]


class NameBook:
    """Full person names of one article, for turning "Celik" into "Omer Celik".

    Indexed by last word, so a look-up costs the number of people sharing a
    surname, not the number of people in the article.
    """

    def __init__(self) -> None:
        self.people: dict[str, KnownPerson] = {}
        self._by_surname: dict[str, list[KnownPerson]] = {}

    def add(self, name: str, start: int, role: Optional[str]) -> None:
        """Remember a full name (two words or more) and its role, first one wins."""
        if len(name.split()) < 2:
            return
        known = self.people.get(name)
        if known is None:
            known = self.people[name] = KnownPerson(name, start, role)
            self._by_surname.setdefault(name.split()[-1], []).append(known)
        elif known.role is None and role:
            known.role = role

    def full_name(self, name: str, position: int) -> Optional[str]:
        """The full name ``name`` is short for (its last words), preferring one seen before ``position``."""
        words = name.split()
        if not words:
            return None
        matches = [p for p in self._by_surname.get(words[-1], [])
                   if p.name.split()[-len(words):] == words and len(p.name.split()) > len(words)]
        if not matches:
            return None
        before = [p for p in matches if p.first_start < position]
        if before:
            return max(before, key=lambda p: p.first_start).name
        return min(matches, key=lambda p: p.first_start).name

    def only_full_name(self, surname: str) -> Optional[str]:
        """The full name of the one person in the article with this surname, None if none or several."""
        matches = self._by_surname.get(surname, [])
        return matches[0].name if len(matches) == 1 else None

    def is_person_name(self, name: Optional[str]) -> bool:
        """True when ``name`` is, or ends with, the surname of a full name seen so far
        ("Rendell" after "Ed Rendell", "Ivanka Trump" after "Donald Trump")."""
        words = (name or "").split()
        return 0 < len(words) <= 3 and words[-1] in self._by_surname

    def role(self, name: str) -> Optional[str]:
        """The first role recorded for the full name ``name``."""
        known = self.people.get(name)
        return known.role if known else None


@dataclass
class Names:
    """What ``collect_names`` finds: the name book and the mentions that can be antecedents."""

    book: NameBook
    subjects: list[Mention]  # persons that are grammatical subjects ("he said" antecedents)
    group_subjects: list[Mention]  # organisations and countries as subjects ("it said")
    people: list[Mention]  # every person mention outside quotes, subject or not, in text order
    described: list[Mention]  # common-noun subjects ("a local official said ..."), in text order


def collect_names(doc: Doc, excluded: SpanSet) -> Names:
    """Scan the article outside quotes for person names and their roles.

    Person mentions are subjects, the last words of PERSON entities, and
    proper nouns that repeat the surname of a full name seen before (the small
    model tags many lone surnames as organisations). Each mention's name is
    the full name when one is known.
    """
    book = NameBook()
    subjects: list[Mention] = []
    group_subjects: list[Mention] = []
    people: list[Mention] = []
    described: list[Mention] = []

    seen_heads: set[int] = set()
    for token in doc:
        if token.idx in excluded or token.i in seen_heads:
            continue
        is_subject = token.dep_ in ("nsubj", "nsubjpass")
        last_of_run = token.i + 1 >= len(doc) or doc[token.i + 1].ent_iob_ != "I"
        is_person_ent = token.ent_type_ == "PERSON" and token.ent_iob_ in ("B", "I") and last_of_run
        is_known_surname = token.pos_ == "PROPN" and book.is_person_name(token.text) and (
            token.i + 1 >= len(doc) or doc[token.i + 1].pos_ != "PROPN")
        if not (is_subject or is_person_ent or is_known_surname):
            continue
        mention = mention_at(token)
        if mention is not None and mention.kind == "common" and is_subject and mention.role and _indefinite(token):
            mention.subject = True
            described.append(mention)
            continue
        if mention is None or mention.name is None:
            continue
        if mention.kind == "group" and book.is_person_name(mention.name):
            mention.kind = "person"  # "Rendell" tagged ORG after "Ed Rendell"
        if mention.kind == "group":
            if is_subject:
                group_subjects.append(mention)
            continue
        if mention.kind != "person":
            continue
        seen_heads.add(token.i)
        full = book.full_name(mention.name, mention.start) or mention.name
        book.add(full, mention.start, mention.role)
        mention.name = full
        mention.subject = is_subject
        people.append(mention)
        if is_subject:
            subjects.append(mention)
    return Names(book, subjects, group_subjects, people, described)


def _indefinite(token: Token) -> bool:
    """True for a noun phrase that brings in someone new ("a local official", "one witness");
    "the nominee" points back to someone already named."""
    return any(child.dep_ in ("det", "nummod") and child.lower_ in ("a", "an", "one", "another")
               for child in token.children)


def depth(token: Token) -> int:
    """Number of head steps from ``token`` up to its sentence root."""
    steps = 0
    while token.head.i != token.i and steps < 50:
        token = token.head
        steps += 1
    return steps
