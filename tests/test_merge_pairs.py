"""The pairwise merge scorer (flashpoint.eval.merge_pairs) on a small set written here:
which pairs count as merged, correct, scorable and recalled."""

from __future__ import annotations

import json

import pytest
from test_merge import make_event, region

from flashpoint.errors import InputError
from flashpoint.eval.merge_pairs import load_merge_set, matches, score_pairs
from flashpoint.merge import merge_events
from flashpoint.model import Place


def _write(folder, name, rows):
    (folder / name).write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


@pytest.fixture()
def merge_set(tmp_path):
    _write(tmp_path, "articles.jsonl", [{"id": i, "url": f"https://x.example/{i}", "text": "..."} for i in "abcde"])
    _write(tmp_path, "incidents.jsonl", [
        {"id": "taftanaz", "date": "2020-03-02", "country": "SY", "lat": 35.998, "lon": 36.785, "family": "political violence"},
        {"id": "taftanaz-next-day", "date": "2020-03-04", "country": "SY", "lat": 35.998, "lon": 36.785, "family": "political violence"},
    ])
    _write(tmp_path, "gold.jsonl", [{"article": a, "incident": "taftanaz"} for a in "abc"] + [{"article": e, "incident": "taftanaz-next-day"} for e in "de"])
    return load_merge_set(tmp_path)


def test_pairs_merged_correct_and_recalled(merge_set):
    reports = [
        make_event("a", killed=3), make_event("b", killed=4),  # merged: one correct pair
        make_event("c", day="2020-03-03"),  # its own event: a missed gold pair with a and with b
        make_event("d", day="2020-03-04"), make_event("e", day="2020-03-04"),  # merged: correct
    ]
    events = merge_events(reports)
    assert len(events) == 3
    result = score_pairs(events, {x: x for x in "abcde"}, merge_set)
    assert (result.merged, result.correct) == (2, 2)
    assert (result.scorable, result.recalled, result.unscorable) == (4, 2, 0)
    assert sorted(result.misses) == [("taftanaz", "a", "c"), ("taftanaz", "b", "c")]
    assert result.precision == 1.0 and result.recall == 0.5


def test_a_wrong_merge_and_an_unscorable_pair(merge_set):
    # c and d report different days: merged (by a range) they are a wrong pair
    events = merge_events([make_event("c", day="2020-03-02", until="2020-03-05"), make_event("d", day="2020-03-04")])
    result = score_pairs(events, {x: x for x in "cd"}, merge_set)
    assert (result.merged, result.correct) == (1, 0) and result.precision == 0.0
    assert result.wrong[0][1:] == ("c", "d", [])
    # a, b and e gave no stored event: none of the 4 gold pairs is scorable (the merged
    # event is dated March 4, d's exact day, so it does not match c's incident either)
    assert (result.unscorable, result.scorable) == (4, 0)


def test_what_matches_an_incident(merge_set):
    taftanaz = merge_set.incidents["taftanaz"]
    assert matches(make_event("a"), taftanaz)
    assert matches(make_event("a", day="2020-03-03"), taftanaz)  # a day's slack
    assert not matches(make_event("a", day="2020-03-04"), taftanaz)
    damascus = Place("Damascus", "Damascus", "town", "SY", "Damascus", 33.51, 36.29)
    assert not matches(make_event("a", place=damascus), taftanaz)  # ~280 km away
    assert matches(make_event("a", place="Aleppo"), taftanaz)  # ~40 km: a city named for a village
    assert not matches(make_event("a", place="Sirwah"), taftanaz)
    assert matches(make_event("a", place=region("Idlib")), taftanaz)  # a region fits by its country
    assert not matches(make_event("a", kind="protest"), taftanaz)


def test_a_gold_row_naming_an_unknown_incident_is_one_error(tmp_path):
    _write(tmp_path, "articles.jsonl", [{"id": "a", "text": "..."}])
    _write(tmp_path, "incidents.jsonl", [])
    _write(tmp_path, "gold.jsonl", [{"article": "a", "incident": "nowhere"}])
    with pytest.raises(InputError, match="unknown incident"):
        load_merge_set(tmp_path)
