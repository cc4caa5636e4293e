"""`flashpoint learn` and `--learned`: ACLED exports in, a second opinion out."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from flashpoint.errors import InputError
from flashpoint.learn.acled_csv import parse_acled_date, read_acled
from flashpoint.learn.dictionaries import aliases_of
from flashpoint.learn.notes import clean_note

sys.path.insert(0, str(Path(__file__).parent))
from learn_fixture import write_export  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
FLASHPOINT = [sys.executable, "-m", "flashpoint.cli"]


@pytest.fixture(scope="module")
def learned(tmp_path_factory):
    from flashpoint.learn import learn

    folder = tmp_path_factory.mktemp("learn")
    old = write_export(folder / "old.csv", "old", 60)
    new = write_export(folder / "new.csv", "new", 40)
    summary = learn([str(old), str(new)], folder=folder / "model")
    return folder / "model", summary


@pytest.mark.parametrize("text,iso", [
    ("9-May-20", "2020-05-09"), ("21 March 2020", "2020-03-21"), ("31-12-19", "2019-12-31"),
    ("2021-01-02T00:00:00Z", "2021-01-02"), ("03 December 2020", "2020-12-03"), ("yesterday", None),
])
def test_acled_dates_in_every_layout(text, iso):
    got = parse_acled_date(text)
    assert (got.isoformat() if got else None) == iso


def test_notes_lose_their_boilerplate():
    assert clean_note("On 9 May 2020, medical interns protested in Haifa. [size=no report]") == \
        "Medical interns protested in Haifa."
    assert clean_note("09 January: In Wote, residents protested.") == "In Wote, residents protested."


def test_both_layouts_read(tmp_path):
    old = list(read_acled(write_export(tmp_path / "old.csv", "old", 8)))
    new = list(read_acled(write_export(tmp_path / "new.csv", "new", 8)))
    assert [r.sub_event_type for r in old] == [r.sub_event_type for r in new]
    assert old[0].date.isoformat() == "2021-03-01" == new[0].date.isoformat()
    assert old[1].inter1 == 2 and old[1].lat == pytest.approx(11.52)


def test_not_an_export_is_one_line_naming_it(tmp_path):
    bad = tmp_path / "orders.csv"
    bad.write_text("id,item,price\n1,tea,3\n", encoding="utf-8")
    with pytest.raises(InputError) as error:
        list(read_acled(bad))
    assert str(bad) in str(error.value) and "event_date" in str(error.value) and "\n" not in str(error.value)
    out = subprocess.run(FLASHPOINT + ["learn", str(bad)], capture_output=True, text=True, cwd=REPO, timeout=300)
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert out.stderr.strip().count("\n") == 0 and "orders.csv" in out.stderr


def test_aliases_from_acled_names():
    assert aliases_of("JNIM: Group for Support of Islam and Muslims") == (
        "JNIM: Group for Support of Islam and Muslims", "JNIM", "Group for Support of Islam and Muslims")
    assert aliases_of("Kivu Liberation Front (KLF)") == ("Kivu Liberation Front", "KLF")
    assert aliases_of("Military Forces of Kenya (2013-)") == ("Military Forces of Kenya",)


def test_learn_writes_a_model_card_and_dictionaries(learned):
    folder, summary = learned
    assert summary["rows_read"] == 100 and summary["notes_used"] == 100
    assert set(summary["per_class"]) == {"Peaceful protest", "Armed clash", "Remote explosive/landmine/IED"}
    assert 0.0 <= summary["cross_validated_weighted_f1"] <= 1.0
    card = (folder / "card.md").read_text(encoding="utf-8")
    assert "100 ACLED notes" in card and "old.csv" in card
    card_data = json.loads((folder / "card.json").read_text())
    assert card_data["fill_threshold"] == summary["fill_threshold"] and 0.3 <= summary["fill_threshold"] <= 1.01
    assert card_data["fill_max_chars"] == summary["fill_max_chars"] and "characters" in card
    actors = (folder / "actors.tsv").read_text(encoding="utf-8")
    assert "Kivu Liberation Front (KLF)\trebel group\tNG" in actors
    assert "Protesters (Testland)" not in actors  # generic names are the rules' job
    places = (folder / "places.tsv").read_text(encoding="utf-8").splitlines()
    assert any(line.startswith("Korvani\tLusa\tLusa North") for line in places)


def test_classifier_separates_the_fixture_types(learned):
    from flashpoint.learn import load_learned
    from flashpoint.learn.encoder import shared_encoder

    model = load_learned(str(learned[0]))
    said = model.classifier.predict(shared_encoder().encode([
        "Nurses marched through the capital demanding better pay.",
        "A bomb hidden on the roadside exploded as an army truck passed, killing two soldiers.",
    ]))
    assert [label for label, _ in said] == ["Peaceful protest", "Remote explosive/landmine/IED"]


def test_learned_dictionaries_name_actors_and_places(learned):
    import flashpoint

    plain = flashpoint.extract("KLF fighters attacked an army post in Tirga on Monday, killing four soldiers.",
                               date="2021-04-06")
    revised = flashpoint.extract("KLF fighters attacked an army post in Tirga on Monday, killing four soldiers.",
                                 date="2021-04-06", learned=str(learned[0]))
    assert revised.events, "the rules find the attack"
    event = revised.events[0]
    assert event.actor1 is not None and event.actor1.name == "Kivu Liberation Front (KLF)"
    assert event.actor1.kind == "rebel group" and event.actor1.country == "NG"
    assert event.place is not None and event.place.name == "Tirga" and event.place.admin1 == "Daro"
    assert plain.events and (plain.events[0].place is None or plain.events[0].place.name != "Tirga"
                             or plain.events[0].place.admin1 != "Daro")


def test_missing_learned_model_is_one_line(tmp_path):
    out = subprocess.run(FLASHPOINT + ["extract", "-", "--learned", "nothing-here"], input="Text.",
                         capture_output=True, text=True, cwd=REPO, timeout=300,
                         env={**__import__("os").environ, "FLASHPOINT_CACHE": str(tmp_path)})
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert "no learned model 'nothing-here'" in out.stderr


def test_acled_rows_become_acled_coded_events(tmp_path):
    from flashpoint.learn.acled_documents import acled_documents

    docs = list(acled_documents(write_export(tmp_path / "e.csv", "new", 4)))
    assert len(docs) == 4 and all(d.article.source == "ACLED" for d in docs)
    clash = docs[1].events[0]
    assert (clash.event_type, clash.sub_event_type) == ("Battles", "Armed clash")
    assert clash.actor1.name == "Kivu Liberation Front (KLF)" and clash.actor1.kind == "rebel group"
    assert clash.actor2.kind == "state forces" and clash.place.name == "Korvani"
    assert clash.date.start.isoformat() == "2021-03-02" and clash.fatalities.value == 3
    assert clash.classified_by == "ACLED"


def test_side_of_a_merged_event():
    from flashpoint.learn.compare import compare, side
    from flashpoint.model import Event, Provenance, Source

    ev = Provenance("a", "s", 0, 1, 0, 1, 1.0)

    def event(*ids):
        return Event(id=ids[0], article_id=ids[0], event_type="Battles", sub_event_type="Armed clash",
                     evidence=ev, confidence=1.0, sources=[Source(article_id=i) for i in ids])

    events = [event("acled:1", "news1"), event("acled:2"), event("news2"), event("news3", "news4")]
    assert [side(e) for e in events] == ["both", "acled", "extracted", "extracted"]
    report = compare(events)
    assert (report["both"], report["only_acled"], report["only_extracted"]) == (1, 1, 2)
    assert report["acled_events_found"] == 0.5 and report["extracted_events_in_acled"] == 0.333


def test_ingest_acled_then_compare(tmp_path):
    db = f"sqlite:///{tmp_path / 'events.db'}"
    export = write_export(tmp_path / "e.csv", "old", 6)
    article = tmp_path / "news.txt"
    article.write_text("date 2024-05-07\n\nGunmen killed four farmers in Zaria, Kaduna State, on Monday, "
                       "police said.\n", encoding="utf-8")
    run = lambda *args: subprocess.run(FLASHPOINT + list(args), capture_output=True, text=True,  # noqa: E731
                                       cwd=REPO, timeout=600)
    out = run("ingest", "--acled", str(export), "--db", db)
    assert out.returncode == 0, out.stderr
    assert "6 ACLED events new" in out.stdout
    again = run("ingest", "--acled", str(export), "--db", db)
    assert "0 ACLED events new, 6 already stored" in again.stdout
    assert run("ingest", str(article), "--db", db, "-q").returncode == 0
    out = run("compare", "--db", db, "--json")
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert report["only_acled"] + report["both"] == 6 and report["only_extracted"] >= 1  # six rows, six events
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    out = run("ingest", "--acled", str(bad), "--db", db)
    assert "bad.csv" in out.stderr and "Traceback" not in out.stderr and "1 files failed" in out.stdout


def test_ingest_with_learned_names_actors_in_worker_processes(learned, tmp_path):
    db = f"sqlite:///{tmp_path / 'events.db'}"
    article = tmp_path / "klf.txt"
    article.write_text("date 2021-04-06\n\nKLF fighters attacked an army post in Tirga on Monday, "
                       "killing four soldiers.\n", encoding="utf-8")
    out = subprocess.run(FLASHPOINT + ["ingest", str(article), "--db", db, "-q", "--workers", "2",
                                       "--learned", str(learned[0])],
                         capture_output=True, text=True, cwd=REPO, timeout=600)
    assert out.returncode == 0, out.stderr
    listed = subprocess.run(FLASHPOINT + ["events", "--db", db, "--format", "json"],
                            capture_output=True, text=True, cwd=REPO, timeout=300)
    assert "Kivu Liberation Front (KLF)" in listed.stdout and "Tirga" in listed.stdout


def test_combination_keeps_the_rules_and_fills_in_when_sure():
    from flashpoint.learn.combine import combined, fit_fill_threshold

    assert combined("Armed clash", "Attack", 0.99, 0.5) == "Armed clash"
    assert combined(None, "Attack", 0.6, 0.5) == "Attack"
    assert combined(None, "Attack", 0.4, 0.5) is None
    gold = ["A", "A", "B", "B"]
    # the rules are right on both notes they find an event in; the model is as sure-footed only from p 0.35
    threshold, accuracy = fit_fill_threshold(gold, ["A", None, "B", None], ["A", "B", "B", "B"], [0.9, 0.3, 0.7, 0.6])
    assert accuracy == 1.0 and threshold == 0.35


def test_fill_in_only_on_texts_as_short_as_the_notes():
    from flashpoint.learn.combine import fit_fill_max_chars, may_fill

    assert fit_fill_max_chars(list(range(1, 101))) == 99  # the 99th percentile of the note lengths
    assert may_fill("x" * 99, 99) and not may_fill("x" * 100, 99)
    assert may_fill("x" * 5000, None)  # a folder learned before the limit: no limit


def test_learned_fills_a_short_report_but_not_a_whole_article(learned):
    import dataclasses

    from flashpoint.learn import load_learned, revise
    from flashpoint.model import Article, Document

    model = dataclasses.replace(load_learned(str(learned[0])), threshold=0.0)  # the length limit alone
    assert model.max_fill_chars == learned[1]["fill_max_chars"] > 0
    report = "Nurses marched through the capital demanding better pay."
    article = " ".join([report] + ["The ministry published its annual budget figures on Tuesday."] * 40)
    short = revise(Document(article=Article(id="short", text=report)), model)
    long = revise(Document(article=Article(id="long", text=article)), model)
    assert [e.sub_event_type for e in short.events] == ["Peaceful protest"]
    assert short.events[0].classified_by == f"learned:{model.name}"
    assert long.events == []


def test_a_short_text_is_read_whole_not_cut_at_an_abbreviation():
    from flashpoint.learn.apply import _lead_end

    snippet = "Capt. Dieudonne said rebels took over four villages in the territory."
    assert _lead_end(snippet) == len(snippet)
    article = "First sentence here. " * 40
    assert article[:_lead_end(article)].endswith("here.") and _lead_end(article) <= 600


def test_an_unplaced_event_takes_an_acled_place_only_in_a_country_the_article_names(learned):
    from flashpoint.learn import load_learned
    from flashpoint.learn.apply import _place
    from flashpoint.model import Event, Provenance

    model = load_learned(str(learned[0]))
    tirga = next(p for p in model.places if p.location == "Tirga")
    sentence = "Residents protested in Tirga on Monday."

    def unplaced():
        return Event(id="e", article_id="a", event_type="Protests", sub_event_type="Peaceful protest",
                     evidence=Provenance("a", sentence, 0, len(sentence), 23, 28, 0.5), confidence=0.5)

    for named, placed in (({tirga.country}, True), ({"FR"}, False), (set(), True)):
        event = unplaced()
        _place(event, model, named)
        assert (event.place is not None and event.place.name == "Tirga") == placed, named
