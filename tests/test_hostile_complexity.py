"""Extraction cost grows linearly on hostile text (issue 12), checked by counting
function calls with cProfile, not by timing: the count is the same on a fast or a
loaded machine. Doubling the input may at most multiply the calls by 2.5."""

from __future__ import annotations

import cProfile
import importlib
import pstats
import subprocess
import sys

import pytest

import flashpoint
from flashpoint import nlp
from flashpoint.nlp.model import windows
from flashpoint.text.limits import MAX_SENTENCE_TOKENS

HOSTILE = {
    "capitalised run": "Gunmen Attacked Kano Village Police ",
    "one long word": "A",
    "no sentence end": "the gunmen attacked the village and killed two people and ",
    "quote marks": '" ',
    "entity dense": "Kabul, Herat, Kano, Idlib and Aleppo were shelled. ",
    "quotes in one paragraph": '"Gunmen killed 3 people," he said. ',
}


def _calls(text: str) -> int:
    profile = cProfile.Profile()
    profile.enable()
    flashpoint.extract(text, "2020-02-10")
    profile.disable()
    return pstats.Stats(profile).total_calls


@pytest.mark.parametrize("name", list(HOSTILE))
def test_doubling_a_hostile_text_at_most_doubles_the_work(name):
    unit = HOSTILE[name]
    flashpoint.extract("Gunmen killed 3 people.", "2020-02-10")  # load everything first
    small, large = ((unit * n)[:n] for n in (6000, 12000))
    assert _calls(large) <= 2.5 * _calls(small)


def test_no_sentence_is_longer_than_the_cut():
    text = "the gunmen attacked the village and " * 400
    doc = next(nlp.parse([text]))
    assert max(len(s) for s in doc.sents) <= MAX_SENTENCE_TOKENS
    assert doc.text == text


def test_long_texts_are_parsed_in_windows_with_the_same_text(monkeypatch):
    text = "".join(f"Paragraph {i}: gunmen attacked a village near Kano.\n\n" for i in range(60))
    pieces = windows(text, 500)
    assert "".join(pieces) == text and max(map(len, pieces)) <= 500 and len(pieces) > 4
    assert all(p.endswith("\n\n") for p in pieces[:-1])  # cut at paragraph breaks
    assert "".join(windows("x" * 1234, 100)) == "x" * 1234  # no break at all: hard cuts
    monkeypatch.setattr("flashpoint.nlp.model.PARSE_WINDOW_CHARS", 500)
    [windowed] = nlp.parse([text])
    assert windowed.text == text
    assert [t.text for t in windowed] == [t.text for t in nlp.load()(text)]


def test_a_text_over_spacys_length_limit_is_parsed_not_refused(monkeypatch):
    # the real limit is 1,000,000 characters; shrunk here so the test stays fast
    monkeypatch.setattr(nlp.load(), "max_length", 2000)
    monkeypatch.setattr("flashpoint.nlp.model.PARSE_WINDOW_CHARS", 1000)
    text = "Gunmen attacked a village near Kano on Monday.\n" * 200  # 9,400 characters
    document = flashpoint.extract(text, "2020-02-10")
    assert len(document.article.text) > 9000
    assert document.events


def test_the_admin_region_cue_is_linear_on_a_long_capitalised_run():
    # Quadratic before: 20,000 capitals took 23 s, so 200,000 would take over half an hour.
    code = ("import importlib; r = importlib.import_module('flashpoint.geo.resolve'); "
            "[c.findall('A' * 200000) for c in r._ADMIN_CUES]")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=300)
    resolve = importlib.import_module("flashpoint.geo.resolve")
    assert resolve._ADMIN_CUES[1].findall("the Idlib province and the al-Bab province") == ["Idlib", "Bab"]
