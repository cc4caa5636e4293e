"""Who "he", "she" and "they" stand for: the people of an article in text order.

Every person mention outside quotes (named subjects, objects, PERSON entities,
repeated surnames) and every resolved subject pronoun becomes an antecedent.
Pronouns are resolved in text order, so a chain "Fowler said ... But he said
... “...,” he said" keeps pointing at Fowler even when other names come in
between as objects. A pronoun takes the nearest sentence (going back at most
``PRONOUN_REACH`` paragraphs) holding a person of agreeing gender, and within
it the subject of a speech verb first, then any subject or a person
introduced with an apposition, then the latest mention.

Gender comes from the words naming the person (``gender.person_gender``) and,
failing that, from a pronoun already resolved to them ("Fowler said he ...").
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Token

from flashpoint.quotes.gender import PRONOUN_GENDER, agrees, person_gender
from flashpoint.quotes.speakers import Mention, depth

# How many paragraphs back "he said" may look for its person.
PRONOUN_REACH = 3
# How many mentions back at most (keeps a huge paragraph of non-agreeing names linear).
MAX_LOOKBACK = 60


@dataclass
class Antecedent:
    """A person mention a later pronoun may point to."""

    start: int
    name: Optional[str]  # None for a described speaker ("a local official said ...")
    sentence: int
    rank: int  # 0 subject of a speech verb, 1 another subject or an apposition, 2 anything else
    depth: int  # head steps up to the sentence root (main clause first)
    role: Optional[str] = None  # the description of a described speaker


class People:
    """The antecedents of one article and the pronoun resolutions made so far."""

    def __init__(self, context, speech_verbs: frozenset[str]):
        self.context = context  # gives sentence_of(), paragraph_of(), paragraphs and book
        self.speech_verbs = speech_verbs
        self.entries: list[Antecedent] = []
        self.starts: list[int] = []
        self.genders: dict[str, Optional[str]] = {}
        self.resolved: dict[int, tuple] = {}  # pronoun token index -> (name, confidence, role)

    def read(self, mentions: list[Mention], pronouns: list[Token], described: list[Mention] = ()) -> None:
        """Take the person mentions, subject pronouns and described speakers (common-noun
        subjects of speech verbs), all outside quotes, in text order."""
        speaking = [m for m in described if m.token.head.lemma_.lower() in self.speech_verbs]
        events = sorted([(m.start, 0, m) for m in mentions] + [(t.idx, 1, t) for t in pronouns]
                        + [(m.start, 2, m) for m in speaking], key=lambda e: (e[0], e[1]))
        for start, kind, item in events:
            if kind == 1:
                found = self.resolve(start, item.lower_)
                if found is None:
                    continue
                self.resolved[item.i] = found
                name, role = found[0], found[2]
                if name is not None and self.gender(name) is None and item.lower_ in PRONOUN_GENDER:
                    self.genders[name] = PRONOUN_GENDER[item.lower_]
                self._add(start, name, item, subject=True, introduced=False, role=role)
            elif kind == 2:
                self._add(start, None, item.token, True, False, role=item.role)
            elif item.name:
                self._add(start, item.name, item.token, item.subject, _has_apposition(item.token))

    def _add(self, start: int, name: Optional[str], token: Token, subject: bool, introduced: bool,
             role: Optional[str] = None) -> None:
        while token.dep_ in ("appos", "compound", "flat") and token.head.i != token.i:
            token = token.head  # "Another resident, Peter Malgwui, said": the phrase's own head
        speaking = (subject and token.head.lemma_.lower() in self.speech_verbs) or _according_to(token)
        rank = 0 if speaking else 1 if (subject or introduced) else 2
        self.entries.append(Antecedent(start, name, self.context.sentence_of(start), rank, depth(token), role))
        self.starts.append(start)

    def gender(self, name: Optional[str], role: Optional[str] = None) -> Optional[str]:
        """The gender of ``name`` from its words and role, else as learned from pronouns
        (a described speaker: from the description, "spokeswoman")."""
        if name is None:
            return person_gender(None, role)
        if name not in self.genders:
            self.genders[name] = person_gender(name, self.context.book.role(name))
        return self.genders[name]

    def resolve(self, position: int, pronoun: str, same_paragraph: bool = False,
                subjects_only: bool = False) -> Optional[tuple[Optional[str], float, Optional[str]]]:
        """(name, confidence, role) of the person ``pronoun`` at ``position`` stands for, or
        None; the name is None (and the role the description) for a described speaker.
        ``same_paragraph``/``subjects_only`` narrow the search (for "the president said")."""
        paragraph = self.context.paragraph_of(position)
        earliest = self.context.paragraphs[max(0, paragraph - (0 if same_paragraph else PRONOUN_REACH))][0]
        best: Optional[Antecedent] = None
        sentence = None
        j = bisect.bisect_left(self.starts, position) - 1
        lowest = max(-1, j - MAX_LOOKBACK)
        while j > lowest and self.entries[j].start >= earliest:
            entry = self.entries[j]
            j -= 1
            if sentence is not None and entry.sentence != sentence:
                break
            if not agrees(pronoun, self.gender(entry.name, entry.role)) or (subjects_only and entry.rank > 1):
                continue
            sentence = entry.sentence
            if best is None or (entry.rank, entry.depth) < (best.rank, best.depth):
                best = entry
        if best is None:
            return None
        if best.name is None:
            return None, 0.5, best.role
        return best.name, 0.7 if best.rank <= 1 else 0.55, None

    def lookup(self, token: Token) -> Optional[tuple[Optional[str], float, Optional[str]]]:
        """The resolution made for the subject pronoun ``token``, else a fresh one."""
        return self.resolved.get(token.i) or self.resolve(token.idx, token.lower_)


def _according_to(token: Token) -> bool:
    """True for the source named in "according to X"."""
    head = token.head
    return token.dep_ == "pobj" and head.lower_ == "to" and head.i > 0 and token.doc[head.i - 1].lower_ == "according"


def _has_apposition(token: Token) -> bool:
    return any(child.dep_ == "appos" for child in token.rights)
