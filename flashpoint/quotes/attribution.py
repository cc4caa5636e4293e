"""Attributed direct quotes: the quoted words, who said them and in what role.

``extract_quotes(article, doc)`` pairs quote marks (``quote_marks``), looks
for an attribution next to each quote ("...," X said / X said: "..." /
according to X), and resolves the speaker to the full name first given in
the article (``quote_speakers``): "Celik added" -> "Omer Celik", "he said" ->
the most recent person named as a subject before it.

Role policy: a quote carries the role given in its own attribution, else the
role given at the first mention of that person that had one (a title before
the name or an apposition after it), so "he said" quotes keep the role too.
A common-noun speaker ("a resident told AFP") gives speaker None and the noun
phrase as role; documents ("the statement said") give neither.

Not quotes: fewer than 4 words ("intense"), or fewer than 8 words with no verb
("flagrant and provocative defiance"), empty leftovers (``" ".``).

Confidence (same on the quote and its provenances): 0.9 full name in the
attribution, 0.85 surname resolved to an earlier full name, 0.8 an
organisation or country, 0.75 an unresolved single name, 0.7 a pronoun
resolved to a named subject, 0.6 "it" resolved to an organisation or country
named as a subject in the same paragraph, 0.5 a pronoun resolved to a person
named but not as a subject, 0.5 a common-noun speaker, 0.6 a person who is
the subject of a speech verb earlier in the paragraph of an unattributed
quote; the previous quote's confidence x0.9 for a quote continuing the same
speaker in the same paragraph or over a paragraph break, x0.8 for a
quote-only paragraph following one. Unattributed: speaker None, 0.3.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from spacy.tokens import Doc, Token

from flashpoint.text.quote_marks import (QuoteSpan, SpanSet, find_quote_spans, hands_over, paragraph_spans,
                                         quoted_ranges, word_count)
from flashpoint.quotes.labels import ROLE_LABELS, caption_name, label_as_name, transcript_label
from flashpoint.quotes.people import MAX_LOOKBACK, PRONOUN_REACH, People as _People
from flashpoint.quotes.speakers import PERSON_TITLES, Mention, Names, collect_names, mention_at
from flashpoint.model import Article, Provenance, Quote

SPEAKING_PRONOUNS = {"i", "we", "our", "my", "us", "me", "you", "your", "ours"}
# Lemmas of verbs that introduce or follow a direct quote (data/speech_verbs.tsv).
SPEECH_VERBS = frozenset(
    line.strip() for line in (Path(__file__).with_name("data") / "speech_verbs.tsv").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
)
# Words after which a quote continues the writer's sentence even behind a comma.
EMBEDDING_WORDS = {"that", "as", "because", "if", "since", "while", "whether", "than"}
# How far (in word tokens) an attribution verb may sit from its quote.
MAX_AFTER_WORDS = 25
MAX_BEFORE_WORDS = 9
# A quote shorter than this needs a verb to count as speech.
MIN_CLAUSELESS_WORDS = 8

# A full stop, ! or ? (and a closing mark) before whitespace; ``_sentence_ends`` drops
# the stops of initials ("U.S.") and of abbreviations before names (data/abbreviations.tsv).
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019]?(?=\s|$)")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)$")
ABBREVIATIONS = frozenset(
    line.strip() for line in (Path(__file__).with_name("data") / "abbreviations.tsv").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
)


def _sentence_ends(text: str, start: int, end: int):
    """The sentence-end matches in ``text[start:end]``, in order."""
    for match in _SENTENCE_END.finditer(text, start, end):
        if text[match.start()] == ".":
            word = _WORD_BEFORE.search(text, max(0, match.start() - 12), match.start())
            if word is not None and (word.group(1) in ABBREVIATIONS
                                     or (len(word.group(1)) == 1 and word.group(1).isupper())):
                continue
        yield match


@dataclass
class _Attribution:
    speaker: Optional[str]
    role: Optional[str]
    confidence: float
    mention: Optional[Mention]  # the words naming the speaker
    carried: bool = False  # taken over from an earlier quote or sentence
    cue: Optional[str] = None  # how the speaker was found (Quote.speaker_cue)


def extract_quotes(article: Article, doc: Doc) -> list[Quote]:
    """Return the attributed direct quotes of ``article``, in text order.

    ``doc`` must be the spaCy parse of ``article.text`` (the whole cleaned
    text). Quotes shorter than four words (scare quotes) are skipped; a
    speaker that cannot be read from the text is None.
    """
    text = article.text
    paragraph_starts = [start for start, _ in paragraph_spans(text)]
    spans = [s for s in find_quote_spans(text)
             if hands_over(text, paragraph_starts[s.paragraph], s.open_mark, s.close_mark)
             or not _is_quoted_term(doc, text, s)]
    if not spans:
        return []
    paragraphs = paragraph_spans(text)
    inside = SpanSet(_merged([(s.open_mark, _outer_end(s)) for s in spans] + quoted_ranges(text)))
    context = _Context(doc, text, spans, paragraphs, inside, collect_names(doc, inside))

    quotes: list[Quote] = []
    found: list[_Attribution] = []
    for index, span in enumerate(spans):
        attribution = context.attribute(index, found)
        found.append(attribution)
        quotes.append(context.make_quote(article.id, len(quotes) + 1, span, attribution))
    for quote in quotes:  # one name per person across the article: "Obama" -> "Barack Obama"
        if quote.speaker and " " not in quote.speaker:
            full = context.book.only_full_name(quote.speaker)
            if full is not None:
                quote.speaker, quote.role = full, quote.role or context.book.role(full)
    return quotes


def _is_quoted_term(doc: Doc, text: str, span: QuoteSpan) -> bool:
    """A short quoted phrase with no verb ("flagrant and provocative defiance") is a term, not speech."""
    if word_count(text[span.start:span.end]) >= MIN_CLAUSELESS_WORDS:
        return False
    words = doc.char_span(span.start, span.end, alignment_mode="expand")
    # first and second persons speak even where the tagger misses the verb ("hardens our resolve")
    return words is not None and not any(t.pos_ in ("VERB", "AUX") or t.lower_ in SPEAKING_PRONOUNS for t in words)


def _starts_clause(token: Token) -> bool:
    """True for a verb heading a new clause, not one inside a noun phrase
    ("the states suing the EPA") or a mistagged name ("Tulsa police Chief")."""
    return token.pos_ in ("VERB", "AUX") and not token.ent_type_ \
        and token.dep_ not in ("acl", "relcl", "amod", "compound", "appos") \
        and token.head.pos_ not in ("NOUN", "PROPN", "PRON")


def _merged(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted ranges with overlaps joined (SpanSet needs them disjoint)."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _outer_end(span: QuoteSpan) -> int:
    return span.close_mark + 1 if span.close_mark is not None else span.end


class _Context:
    """Everything needed to attribute the quotes of one article."""

    def __init__(self, doc: Doc, text: str, spans: list[QuoteSpan],
                 paragraphs: list[tuple[int, int]], inside: SpanSet, names: Names):
        self.doc = doc
        self.text = text
        self.spans = spans
        self.paragraphs = paragraphs
        self.paragraph_starts = [start for start, _ in paragraphs]
        self.inside = inside
        self.book = names.book
        self.subjects = names.subjects
        self.subject_starts = [m.start for m in self.subjects]
        self.group_subjects = names.group_subjects
        self.group_starts = [m.start for m in self.group_subjects]
        self.sentence_starts = self._sentence_starts()
        self.token_starts = [t.idx for t in doc]
        self.label_counts = Counter(found[0] for found in (transcript_label(text, s.start, s.end) for s in spans)
                                    if found is not None)
        self.people = _People(self, SPEECH_VERBS)
        self.people.read(names.people, self._pronoun_subjects(), names.described)

    # --- finding the attribution -------------------------------------------------

    def attribute(self, index: int, found: list[_Attribution]) -> _Attribution:
        """Work out who said quote ``index`` (``found`` holds the earlier quotes)."""
        span = self.spans[index]
        labelled = self._label(span)
        if labelled is not None:
            return labelled
        mention = self._after_mention(index) or self._before_mention(index)
        cue = None
        if mention is None:
            mention, cue = self._colon_intro(index), "colon"
        if mention is not None:
            attribution = self._resolve(mention)
            if attribution.speaker is not None or attribution.role is not None or mention.kind != "pronoun":
                attribution.cue = cue or attribution.cue
                return attribution
        return self._carry_over(index, found, span)

    def _label(self, span: QuoteSpan) -> Optional[_Attribution]:
        """A speaker given by a transcript label ("PENCE: ...") or a dash caption ("..." ― Ana Ruiz)."""
        found, cue = transcript_label(self.text, span.start, span.end), "label"
        if found is not None and found[0] not in ROLE_LABELS and self.label_counts[found[0]] < 2 \
                and not self.book.is_person_name(label_as_name(found[0])):
            found = None  # "BREAKING: ..." once is a heading; a transcript repeats its labels
        if found is None and span.close_mark is not None:
            p_end = self.paragraphs[span.paragraph][1]
            found, cue = caption_name(self.text, span.close_mark + 1, p_end), "caption"
        if found is None:
            return None
        label, start, end = found
        if label in ROLE_LABELS:
            return _Attribution(None, ROLE_LABELS[label], 0.5, None, cue=cue)
        name = label_as_name(label)
        full = self.book.full_name(name, start) or name
        words = self.doc.char_span(start, end, alignment_mode="expand")
        token = words.root if words is not None else self.doc[0]
        return _Attribution(full, self.book.role(full), 0.85, Mention("person", name, None, start, end, token),
                            cue=cue)

    def _is_quoted(self, idx: int) -> bool:
        return idx in self.inside

    def _tokens(self, start: int, end: int) -> list[Token]:
        if end <= start:
            return []
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return []
        return [t for t in span if start <= t.idx < end and not t.is_space]

    def _after_mention(self, index: int) -> Optional[Mention]:
        span = self.spans[index]
        if span.close_mark is None or self.text[span.end - 1] == ".":
            return None  # a quote ending its sentence is not followed by its attribution
        p_end = self.paragraphs[span.paragraph][1]
        limit = p_end
        if index + 1 < len(self.spans) and self.spans[index + 1].paragraph == span.paragraph:
            limit = self.spans[index + 1].open_mark
        start = span.close_mark + 1
        sentence_end = next(_sentence_ends(self.text, start, limit), None)
        if sentence_end:
            limit = sentence_end.end()
        words = [t for t in self._tokens(start, limit) if not t.is_punct]
        for position, token in enumerate(words[:MAX_AFTER_WORDS]):
            mention = self._mention_for_verb(token)
            if mention is not None and position > 0 and not start <= mention.start < token.idx:
                # "...," Flynn, a surrogate, said on "Fox and Friends": the parser put the
                # subject elsewhere; the name standing between quote and verb is the speaker
                mention = self._leading_mention(words[:position]) or mention
            mention = mention or self._according_to(token)
            if mention is not None:
                return mention
            if _starts_clause(token):
                return None  # another clause starts: "...," and troops left
        return None

    def _leading_mention(self, words: list[Token]) -> Optional[Mention]:
        """The name, pronoun or noun phrase opening ``words`` ("Flynn, a top surrogate, ...")."""
        first = words[0]
        if first.pos_ == "PRON":
            return mention_at(first) if first.lower_ in ("he", "she", "they", "it") else None
        head = first
        for token in words[1:]:
            if token.i != head.i + 1 or token.pos_ not in ("PROPN", "NOUN") or token.is_punct:
                break
            head = token
        if head.pos_ not in ("PROPN", "NOUN") and head.ent_type_ != "PERSON":
            return None
        return mention_at(head)

    def _before_mention(self, index: int) -> Optional[Mention]:
        span = self.spans[index]
        start = self.paragraphs[span.paragraph][0]
        if index > 0 and self.spans[index - 1].paragraph == span.paragraph:
            start = _outer_end(self.spans[index - 1])
        return self._mention_before(start, span.open_mark)

    def _mention_before(self, start: int, end: int) -> Optional[Mention]:
        """The speaker of the last speech verb of the sentence ending at ``end`` (from ``start`` on)."""
        for match in _sentence_ends(self.text, start, end):
            if not self._is_quoted(match.start()):
                start = match.end()
        words = [t for t in self._tokens(start, end) if not t.is_punct]
        for token in reversed(words[-MAX_BEFORE_WORDS:]):
            mention = self._mention_for_verb(token) or self._according_to(token)
            if mention is not None:
                return mention
        return None

    def _colon_intro(self, index: int) -> Optional[Mention]:
        """The speaker introduced at the end of the previous paragraph ("The Times reports:" / "He said:")
        of a quote that opens its paragraph."""
        span = self.spans[index]
        if span.paragraph == 0 or span.open_mark != self.paragraphs[span.paragraph][0]:
            return None
        p_start, p_end = self.paragraphs[span.paragraph - 1]
        if self.text[p_end - 1] != ":" or self._is_quoted(p_end - 1):
            return None
        return self._mention_before(p_start, p_end - 1)

    def _mention_for_verb(self, verb: Token) -> Optional[Mention]:
        """The speaker mention of a speech verb: its subject, an inverted subject, or its head's."""
        if verb.lemma_.lower() not in SPEECH_VERBS or verb.pos_ not in ("VERB", "AUX"):
            return None
        before = verb.doc[verb.i - 1] if verb.i > 0 else None
        if verb.tag_ == "VBG" and before is not None and before.pos_ == "PROPN" \
                and not any(c.dep_ == "nsubj" for c in verb.children):
            return mention_at(before)  # "footage of Ana Ruiz asking, “...”"
        for _ in range(3):
            for child in verb.children:
                if child.dep_ == "nsubj" and not child.is_punct and not self._is_quoted(child.idx):
                    return mention_at(child)
            following = verb.nbor(1) if verb.i + 1 < len(self.doc) else None
            if following is not None and (following.pos_ == "PROPN" or following.lower_ in ("he", "she", "they")):
                while following.dep_ in ("compound", "flat") and following.head.i > following.i:
                    following = following.head
                return mention_at(following)
            if verb.dep_ not in ("advcl", "conj", "xcomp") or verb.head.i == verb.i or self._is_quoted(verb.head.idx):
                return None
            verb = verb.head
        return None

    def _according_to(self, token: Token) -> Optional[Mention]:
        if token.lower_ != "according" or token.i + 1 >= len(self.doc):
            return None
        to = token.nbor(1)
        if to.lower_ != "to":
            return None
        for child in to.children:
            if child.dep_ == "pobj":
                return mention_at(child)
        return None

    # --- resolving the speaker ---------------------------------------------------

    def _resolve(self, mention: Mention) -> _Attribution:
        if mention.kind == "pronoun":
            return self._antecedent(mention)
        if mention.kind == "common":
            known = self._titled_person(mention)
            if known is not None:  # "the Ukrainian president said", after "President Volodymyr Zelenskiy"
                return _Attribution(known, mention.role, 0.6, mention)
            recent = self._described_person(mention)
            if recent is not None:  # "Zelenskiy appealed ... “...,” the Ukrainian president said"
                return _Attribution(recent, mention.role, 0.5, mention)
            return _Attribution(None, mention.role, 0.5, mention)
        name = mention.name or ""
        full = self.book.full_name(name, mention.start)
        if mention.kind == "group" and full is None:
            return _Attribution(mention.name, mention.role, 0.8, mention)
        if full is not None:
            return _Attribution(full, mention.role or self.book.role(full), 0.85, mention)
        confidence = 0.9 if len(name.split()) > 1 else 0.75
        return _Attribution(name, mention.role or self.book.role(name), confidence, mention)

    def _titled_person(self, mention: Mention) -> Optional[str]:
        """The one person named earlier whose role has the same title word as a
        description like "the Ukrainian president"; None when none or several do."""
        words = {w.lower() for w in (mention.role or "").split()} & PERSON_TITLES
        if not words:
            return None
        found = {p.name for p in self.book.people.values() if p.first_start < mention.start and p.role
                 and words <= {w.lower() for w in p.role.split()}}
        return found.pop() if len(found) == 1 else None

    def _described_person(self, mention: Mention) -> Optional[str]:
        """For "the <title> said" with no one given that title: the person the previous
        sentence is about (its speaking or grammatical subject), when that sentence is in
        the same paragraph; None for "a spokesman" or when no such person is there."""
        words = {w.lower() for w in (mention.role or "").split()}
        first = mention.token.doc[mention.token.left_edge.i].lower_
        if first != "the" or not words & PERSON_TITLES:
            return None
        found = self.people.resolve(mention.start, "they", same_paragraph=True, subjects_only=True)
        return found[0] if found is not None else None

    def _paragraph_of(self, idx: int) -> int:
        number = bisect.bisect_right(self.paragraph_starts, idx) - 1
        return max(0, number)

    def _antecedent(self, pronoun: Mention) -> _Attribution:
        """The person a "he/she/they said" stands for (see ``people``)."""
        if pronoun.token.lower_ == "it":
            earliest = self.paragraphs[max(0, self._paragraph_of(pronoun.start) - PRONOUN_REACH)][0]
            return self._group_antecedent(pronoun, earliest)
        found = self.people.lookup(pronoun.token)
        if found is None:
            return _Attribution(None, None, 0.3, pronoun)
        name, confidence, role = found
        if name is None:  # "a local official said ... “...,” he said"
            return _Attribution(None, role, confidence, pronoun)
        return _Attribution(name, self.book.role(name), confidence, pronoun)

    def _group_antecedent(self, pronoun: Mention, earliest: int) -> _Attribution:
        """For "it said": the organisation or country last named as a subject, in this
        paragraph or the one before ("..., the Times wrote. / “...,” it further wrote")."""
        earliest = max(earliest, self.paragraphs[max(0, self._paragraph_of(pronoun.start) - 1)][0])
        position = bisect.bisect_left(self.group_starts, pronoun.start) - 1
        if position < 0 or self.group_subjects[position].start < earliest:
            return _Attribution(None, None, 0.3, pronoun)
        return _Attribution(self.group_subjects[position].name, None, 0.6, pronoun)

    def _sentence_starts(self) -> list[int]:
        """Where each sentence starts (paragraph starts and ends of sentences outside quotes)."""
        starts = set(self.paragraph_starts)
        for match in _sentence_ends(self.text, 0, len(self.text)):
            if not self._is_quoted(match.start()):
                starts.add(match.end())
        return sorted(starts)

    def sentence_of(self, idx: int) -> int:
        """The number of the sentence holding character ``idx``."""
        return bisect.bisect_right(self.sentence_starts, idx) - 1

    def paragraph_of(self, idx: int) -> int:
        """The number of the paragraph holding character ``idx``."""
        return self._paragraph_of(idx)

    def _pronoun_subjects(self) -> list[Token]:
        return [t for t in self.doc if t.lower_ in ("he", "she", "they") and t.pos_ == "PRON"
                and t.dep_ in ("nsubj", "nsubjpass") and not self._is_quoted(t.idx)]

    def _carry_over(self, index: int, found: list[_Attribution], span: QuoteSpan) -> _Attribution:
        """Speaker of an unattributed quote from the quote or subject just before it."""
        previous = self.spans[index - 1] if index > 0 else None
        last = found[index - 1] if index > 0 else None
        p_start = self.paragraphs[span.paragraph][0]
        if previous is not None and previous.paragraph == span.paragraph:
            newer_subjects = [m for m in self._speaking_subjects(_outer_end(previous), span.open_mark)
                              if last.mention is None or m.start != last.mention.start]
            if newer_subjects:
                subject = newer_subjects[-1]
                return _Attribution(subject.name, self.book.role(subject.name or ""), 0.6, subject, carried=True)
            if last is not None and last.speaker is not None:
                return _Attribution(last.speaker, last.role, round(last.confidence * 0.9, 3), last.mention, carried=True)
        if previous is not None and previous.paragraph == span.paragraph - 1 and last is not None \
                and last.speaker is not None and span.open_mark == p_start \
                and (span.continues_previous or self._only_quotes(span.paragraph)):
            factor = 0.9 if span.continues_previous else 0.8
            return _Attribution(last.speaker, last.role, round(last.confidence * factor, 3), last.mention, carried=True)
        subject = self._last_speaking_subject(p_start, span.open_mark)
        if subject is not None:
            return _Attribution(subject.name, self.book.role(subject.name or ""), 0.6, subject, carried=True)
        return _Attribution(None, None, 0.3, None)

    def _only_quotes(self, paragraph: int) -> bool:
        """True when the paragraph has no words outside its quotes."""
        start, end = self.paragraphs[paragraph]
        ranges = self.inside.ranges
        position = bisect.bisect_right(self.inside.starts, start) - 1
        outside, cursor = [], start
        for lo, hi in ranges[max(position, 0):]:
            if lo >= end:
                break
            if hi <= cursor:
                continue
            outside.append(self.text[cursor:max(lo, cursor)])
            cursor = max(cursor, hi)
        outside.append(self.text[cursor:end])
        return word_count("".join(outside)) == 0

    def _last_speaking_subject(self, start: int, end: int) -> Optional[Mention]:
        """The last person subject of a speech verb between ``start`` and ``end`` (a bounded
        look back, so a huge paragraph stays linear)."""
        lo, hi = bisect.bisect_left(self.subject_starts, start), bisect.bisect_left(self.subject_starts, end)
        for j in range(hi - 1, max(lo, hi - MAX_LOOKBACK) - 1, -1):
            if self.subjects[j].token.head.lemma_.lower() in SPEECH_VERBS:
                return self.subjects[j]
        return None

    def _speaking_subjects(self, start: int, end: int) -> list[Mention]:
        """Person subjects of speech verbs between ``start`` and ``end`` ("Celik said the talks ...")."""
        lo, hi = bisect.bisect_left(self.subject_starts, start), bisect.bisect_left(self.subject_starts, end)
        return [m for m in self.subjects[lo:hi] if m.token.head.lemma_.lower() in SPEECH_VERBS]

    # --- building the output -----------------------------------------------------

    def _sentence(self, lo: int, hi: int) -> tuple[int, int]:
        """The sentence span (within one paragraph) around text[lo:hi], quotes kept whole."""
        p_start, p_end = self.paragraphs[self._paragraph_of(lo)]
        starts = self.sentence_starts
        start = max(p_start, starts[max(0, bisect.bisect_right(starts, lo) - 1)])
        following = bisect.bisect_right(starts, hi)
        end = min(p_end, starts[following]) if following < len(starts) else p_end
        while end > start and self.text[end - 1].isspace():
            end -= 1
        while start < end and self.text[start].isspace():
            start += 1
        return start, max(end, min(hi, p_end))

    def _provenance(self, article_id: str, lo: int, hi: int, start: int, end: int,
                    confidence: float) -> Provenance:
        s_start, s_end = self._sentence(lo, hi)
        return Provenance(article_id, self.text[s_start:s_end], s_start, s_end, start, end, confidence)

    def make_quote(self, article_id: str, number: int, span: QuoteSpan,
                   attribution: _Attribution) -> Quote:
        """Assemble the Quote for ``span``."""
        lo, hi = span.open_mark, _outer_end(span)
        mention = attribution.mention
        if mention is not None and not attribution.carried \
                and self._paragraph_of(mention.start) == span.paragraph:
            lo, hi = min(lo, mention.start), max(hi, mention.end)
        confidence = attribution.confidence
        speaker_provenance = None
        if mention is not None:
            speaker_provenance = self._provenance(article_id, mention.start, mention.end,
                                                  mention.start, mention.end, confidence)
        return Quote(
            id=f"{article_id}-q{number}",
            article_id=article_id,
            text=self.text[span.start:span.end],
            provenance=self._provenance(article_id, lo, hi, span.start, span.end, confidence),
            confidence=confidence,
            speaker=attribution.speaker,
            role=attribution.role,
            speaker_provenance=speaker_provenance,
            speaker_cue=_cue(attribution),
            kind=self._kind(span, attribution),
        )

    def _kind(self, span: QuoteSpan, attribution: _Attribution) -> str:
        """"partial" for quoted words run into the writer's own sentence (a word, not
        punctuation, stands right before the mark: 'called it “a disaster”', 'said that
        “...”'), else "direct". A speech verb right before a capitalised quote
        ('Trump declared “I think ...”') and labelled or captioned quotes are direct."""
        if attribution.cue in ("label", "caption"):
            return "direct"
        before = span.open_mark - 1
        while before >= 0 and self.text[before] in " \t":
            before -= 1
        if before >= 0 and self.text[before] == ",":
            token = self._token_at(before - 1)  # 'said that, “...”', 'described him as, “...”'
            if token is not None and token.lower_ in EMBEDDING_WORDS:
                return "partial"
        if before >= 0 and self.text[before] in "-\u2013\u2014(" and self.text[span.start].islower():
            return "partial"  # 'welcomed the governor - "my new best friend."'
        if before < 0 or not (self.text[before].isalnum() or self.text[before] in "'\u2019"):
            return "direct"
        token = self._token_at(before)
        if token is not None and token.lemma_.lower() in SPEECH_VERBS and self.text[span.start].isupper():
            return "direct"
        return "partial"

    def _token_at(self, idx: int) -> Optional[Token]:
        position = bisect.bisect_right(self.token_starts, idx) - 1
        return self.doc[position] if position >= 0 else None


_CUE_OF_KIND = {"pronoun": "pronoun", "common": "description", "group": "organisation", "person": "named"}


def _cue(attribution: _Attribution) -> Optional[str]:
    """How the speaker was found, for Quote.speaker_cue (None when nothing points to one)."""
    if attribution.cue is not None:
        return attribution.cue
    if attribution.carried:
        return "carried"
    if attribution.mention is None:
        return None
    return _CUE_OF_KIND.get(attribution.mention.kind)
