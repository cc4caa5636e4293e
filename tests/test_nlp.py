"""The nlp stage: the pinned model is checked before use; paragraphs end sentences."""

import pytest

from flashpoint.nlp import load, parse
from flashpoint.nlp.model import ModelError, verify_meta


def test_installed_model_is_the_pinned_one():
    nlp = load()
    verify_meta(nlp.meta)  # raises if the package is not en_core_web_sm 3.8.0
    assert nlp.meta["version"] == "3.8.0"
    assert load() is nlp  # loaded once per process


@pytest.mark.parametrize("key,value", [("author", "Someone Else"), ("version", "3.7.1"),
                                       ("spacy_git_version", "deadbeef")])
def test_a_different_model_is_refused(key, value):
    meta = dict(load().meta)
    meta[key] = value
    with pytest.raises(ModelError):
        verify_meta(meta)


def test_paragraph_break_always_ends_a_sentence():
    text = '"We will stay," he said\n\nThe army withdrew on Monday.'
    (doc,) = parse([text])
    starts = [s.text.strip() for s in doc.sents]
    assert starts[-1] == "The army withdrew on Monday."


def test_parse_keeps_order_in_batches():
    texts = [f"Story number {i} is here." for i in range(40)]
    docs = list(parse(texts, batch_size=7))
    assert [d.text for d in docs] == texts


def test_a_short_unpunctuated_paragraph_is_one_sentence():
    from flashpoint import nlp
    from flashpoint.events.spans import sentences

    doc = next(nlp.parse(["International\n\nSuicide bombing kills at least 8 people in Pakistan\n\n"
                          "A suicide bomber struck a checkpoint. It killed eight."]))
    assert [s.text.strip() for s in sentences(doc)] == [
        "International", "Suicide bombing kills at least 8 people in Pakistan",
        "A suicide bomber struck a checkpoint.", "It killed eight."]
