"""Gold readers: seed JSON, JSON lines (docs/gold-format.md), CASE 2021 TSV."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from flashpoint.errors import InputError
from flashpoint.eval.load import load_gold

SEED = Path(__file__).resolve().parents[2] / "shared" / "gold" / "seed_article.gold.json"


def write_jsonl(path: Path, rows: list) -> Path:
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8")
    return path


def test_jsonl_articles_events_quotes_and_classes(tmp_path):
    (tmp_path / "story.txt").write_text("Text from a file.", encoding="utf-8")
    gold = write_jsonl(tmp_path / "set.jsonl", [
        {"id": "one", "text": "Troops clashed.", "date": "2021-03-06",
         "events": [{"event_type": "Battles", "sub_event_type": "Armed clash",
                     "date_range": ["2021-03-01", "2021-03-02"],
                     "location": {"name": "Bama", "country": "NG", "lat": 11.5, "lon": 13.7},
                     "fatalities": 3}],
         "quotes": [{"speaker": "A B", "starts": "We"}]},
        {"article": "story.txt", "events": []},
        {"text": "Talks in Geneva.", "event_class": None},
        {"text": "Rockets hit.", "event_class": {"event_type": "Explosions/Remote violence",
                                                 "sub_event_type": "Shelling/artillery/missile attack"}},
    ])
    one, two, three, four = load_gold(gold)
    assert one.id == "one" and one.date == dt.date(2021, 3, 6)
    event = one.events[0]
    assert (event.start, event.end) == (dt.date(2021, 3, 1), dt.date(2021, 3, 2))
    assert event.location.precision == "town" and event.fatalities == 3
    assert one.quotes[0].speaker == "A B"
    assert two.text == "Text from a file." and two.events == [] and two.quotes is None
    assert two.id == "line-2"
    assert three.events is None and three.event_class.is_event is False
    assert four.event_class.sub_event_type == "Shelling/artillery/missile attack"


@pytest.mark.parametrize("line, reason", [
    ("{not json", "not valid JSON"),
    ('{"events": []}', 'needs "text" or "article"'),
    ('{"text": "x", "events": [{"sub_event_type": "Armed clash"}]}', "event_type"),
    ('{"text": "x", "events": [{"event_type": "Battles", "date": "5 March"}]}', "not an ISO date"),
    ('{"text": "x", "events": [{"event_type": "Battles", "fatalities": -2}]}', "not a count"),
])
def test_jsonl_errors_name_the_line(tmp_path, line, reason):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "fine"}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_gold(path)
    assert "bad.jsonl:2" in str(err.value) and reason in str(err.value)


def test_case_tsv_maps_labels_through_the_labels_file(tmp_path):
    (tmp_path / "mini_task2_labels.json").write_text(json.dumps({
        "acled": {"AIR_STRIKE": ["Explosions/Remote violence", "Air/drone strike"]},
        "outside_acled": {"DIPLO": "diplomatic action"},
    }), encoding="utf-8")
    tsv = tmp_path / "mini_task2_dev.tsv"
    tsv.write_text("id\tEventSnippet\tSubType\n1\tJets bombed a village\tAIR_STRIKE\n"
                   '2\tEnvoys were "expelled"\tDIPLO\n', encoding="utf-8")
    strike, diplo = load_gold(tsv)
    assert strike.event_class.sub_event_type == "Air/drone strike" and strike.event_class.original == "AIR_STRIKE"
    assert diplo.event_class.is_event is False and diplo.text == 'Envoys were "expelled"'
    tsv.write_text("id\tEventSnippet\tSubType\n1\tx\tUNKNOWN\n", encoding="utf-8")
    with pytest.raises(InputError, match="UNKNOWN"):
        load_gold(tsv)


def test_unknown_or_missing_files_are_input_errors(tmp_path):
    with pytest.raises(InputError, match="no such gold file"):
        load_gold(tmp_path / "nope.jsonl")
    (tmp_path / "gold.csv").write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="unknown gold format"):
        load_gold(tmp_path / "gold.csv")


@pytest.mark.skipif(not SEED.is_file(), reason="shared seed gold not present")
def test_seed_gold_loads_with_its_article_text():
    (article,) = load_gold(SEED)
    assert article.date == dt.date(2020, 2, 10)
    assert "Taftanaz" in article.text
    assert len(article.events) == 4 and len(article.quotes) == 10
    assert article.cleaning and article.cleaning["must_not_contain"]
