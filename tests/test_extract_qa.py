"""Extraction against articles and answers written by someone other than the rule
writer (tests/data/qa*/*/: 62 wire-style and scraped articles in three rounds, their expected
events written before the extractor was run on them). A floor under detection and field accuracy,
so a change that breaks real-looking articles fails here."""

import datetime as dt
import json
from pathlib import Path

import pytest

import flashpoint
from flashpoint.text import read_one, read_records

DATA = Path(__file__).parent / "data"
FOLDERS = sorted(p for root in ("qa", "qa2") for p in (DATA / root).iterdir() if p.is_dir())


def _range(date):
    if isinstance(date, dict):
        date = [date["start"], date.get("end", date["start"])]
    if isinstance(date, str):
        date = [date, date]
    return [dt.date.fromisoformat(d) for d in date]


def _expected(event):
    loc = event.get("location") or {}
    start, end = _range(event.get("date") or event.get("date_range"))
    return {"type": event["event_type"], "sub": event["sub_event_type"], "country": loc.get("country"),
            "start": start, "end": end, "fatalities": event.get("fatalities")}


def _matches(want, got):
    if got.event_type != want["type"] or got.date is None:
        return False
    if got.place is not None and want["country"] and got.place.country != want["country"]:
        return False
    one = dt.timedelta(days=1)
    return got.date.start <= want["end"] + one and want["start"] <= got.date.end + one


def _article(folder, name):
    """The article named in expected.json: NAME.txt / NAME.html, or FILE.jsonl:LINE."""
    if ".jsonl:" in name:
        file, line = name.rsplit(":", 1)
        return list(read_records(str(folder / file)))[int(line) - 1]
    path = next(folder / f"{name}{ext}" for ext in (".txt", ".html") if (folder / f"{name}{ext}").exists())
    return read_one(str(path))


@pytest.fixture(scope="module")
def scores():
    expected = found = matched = same_sub = fatal = fatal_ok = 0
    for folder in FOLDERS:
        for item in json.loads((folder / "expected.json").read_text()):
            doc = next(flashpoint.extract_articles([_article(folder, item["article"])]))
            wants = [_expected(e) for e in item["events"]]
            expected += len(wants)
            found += len(doc.events)
            free = list(doc.events)
            for want in wants:
                hit = next((g for g in free if _matches(want, g)), None)
                if hit is None:
                    continue
                free.remove(hit)
                matched += 1
                same_sub += hit.sub_event_type == want["sub"]
                if want["fatalities"]:
                    fatal += 1
                    fatal_ok += bool(hit.fatalities) and hit.fatalities.value == want["fatalities"]
    print(f"\nQA: expected {expected}, found {found}, matched {matched}, sub-event {same_sub}/{matched}, "
          f"fatalities {fatal_ok}/{fatal}")
    return {"recall": matched / expected, "precision": matched / found, "sub": same_sub / matched,
            "fatalities": fatal_ok / fatal}


def test_qa_event_detection(scores):
    assert scores["recall"] >= 0.80  # 85/99 = 0.86 when written
    assert scores["precision"] >= 0.75  # 85/109 = 0.78


def test_qa_fields(scores):
    assert scores["sub"] >= 0.85  # 79/85
    assert scores["fatalities"] >= 0.85  # 56/62
