"""`flashpoint eval` end to end on a small JSON-lines gold set written here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from flashpoint.cli import cli
from flashpoint.errors import InputError

ARTICLE = (
    "Gunmen attacked the village of Bama in Borno state on Friday, killing 12 civilians, "
    'police said. "We will find those responsible," said police spokesman Abdul Yusuf.'
)


@pytest.fixture
def gold_file(tmp_path):
    rows = [
        {"id": "bama", "date": "2021-03-06", "text": ARTICLE,
         "events": [{"event_type": "Violence against civilians", "sub_event_type": "Attack",
                     "date": "2021-03-05", "location": {"name": "Bama", "admin1": "Borno", "country": "NG",
                                                        "lat": 11.522, "lon": 13.686},
                     "fatalities": 12}],
         "quotes": [{"speaker": "Abdul Yusuf", "starts": "We will find those responsible"}]},
        {"id": "calm", "text": "The two ministers signed a trade agreement in Abuja.", "event_class": None},
        {"id": "blank", "text": "   \n  ", "event_class": {"event_type": "Battles", "sub_event_type": "Armed clash"}},
    ]
    path = tmp_path / "mini.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    return path


def test_eval_json_report_is_consistent(gold_file):
    result = CliRunner().invoke(cli, ["eval", str(gold_file), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["articles"] == 3
    detection = report["events"]["detection"]
    assert detection["tp"] + detection["fn"] == 1 == report["events"]["gold"]
    assert detection["tp"] + detection["fp"] == report["events"]["predicted"]
    assert report["quotes"]["gold"] == 1
    assert report["classification"]["snippets"] == 2
    # "calm" is "no event" in gold; "blank" has no text, so it predicts nothing: a miss.
    assert report["classification"]["detection"]["tp"] == 0
    assert report["classification"]["detection"]["fn"] == 1


def test_eval_prints_a_table(gold_file):
    result = CliRunner().invoke(cli, ["eval", str(gold_file)])
    assert result.exit_code == 0, result.output
    for row in ("event detection: F1", "speaker accuracy, all gold quotes", "Snippet classification"):
        assert row in result.output


def test_eval_missing_gold_is_an_input_error(tmp_path):
    result = CliRunner().invoke(cli, ["eval", str(tmp_path / "missing.jsonl")])
    assert isinstance(result.exception, InputError)
    assert "missing.jsonl" in str(result.exception)


SEED = str(Path(__file__).resolve().parents[2] / "shared" / "gold" / "seed_article.gold.json")


@pytest.mark.skipif(not __import__("os").path.isfile(SEED), reason="shared seed gold not present")
def test_eval_on_the_seed_gold_prints_every_section():
    result = CliRunner().invoke(cli, ["eval", SEED])
    assert result.exit_code == 0, result.output
    for row in ("gold 4, predicted", "event detection: F1", "sub-event type: accuracy", "actor1 kind",
                "date within gold range", "fatalities within ±1", "location within 15 km",
                "speaker accuracy, all gold quotes", "debris strings removed"):
        assert row in result.output, row


def test_eval_errors_say_why_a_missed_events_sentences_were_not_coded(tmp_path):
    row = {"id": "plans", "date": "2021-03-06",
           "text": "The opposition plans a rally in Abuja on Friday. Police said the city was calm.",
           "events": [{"event_type": "Protests", "sub_event_type": "Peaceful protest", "date": "2021-03-05",
                       "location": {"name": "Abuja", "country": "NG"}}]}
    path = tmp_path / "plans.jsonl"
    path.write_text(json.dumps(row), encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", str(path), "--errors"])
    assert result.exit_code == 0, result.output
    assert "missed gold event ? (Peaceful protest) in plans" in result.output
    assert "not coded (irrealis): 'The opposition plans a rally in Abuja on Friday.'" in result.output
