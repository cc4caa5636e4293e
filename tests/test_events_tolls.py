"""Casualty tolls read off sentences written here."""

import flashpoint


def _tolls(text: str):
    return [(e.fatalities and e.fatalities.value, e.injuries and e.injuries.value)
            for e in flashpoint.extract(text, date="2024-05-20").events]


def test_capitalised_number_word_parsed_as_compound_still_counts():
    text = "Eleven guards were killed, some of their bodies still inside the burning trucks when gunmen attacked the depot."
    assert _tolls(text)[0][0] == 11


def test_a_single_victim_named_by_an_unlisted_noun_counts_one():
    text = "A herder was killed and two others wounded when gunmen attacked a village in Plateau on Monday."
    assert _tolls(text) == [(1, 2)]
