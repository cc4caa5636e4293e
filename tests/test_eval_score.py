"""The scorer on hand-made gold and predictions with scores worked out by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.eval.gold import GoldArticle, GoldClass, parse_event, parse_quote
from flashpoint.eval.report import error_lines
from flashpoint.eval.score import score
from flashpoint.model import Actor, Article, Count, Document, Event, EventDate, Place, Provenance, Quote

D = dt.date

GOLD_EVENTS = [
    {"id": "clash", "event_type": "Battles", "sub_event_type": "Armed clash", "date": "2021-03-05",
     "actor1": {"name": "Military Forces of Nigeria", "kind": "state forces", "country": "NG"},
     "actor2": {"name": "Boko Haram", "kind": "rebel group", "country": "NG"},
     "location": {"name": "Maiduguri", "admin1": "Borno", "country": "NG", "lat": 11.846, "lon": 13.160},
     "fatalities": 10},
    {"id": "strike", "event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike",
     "date_range": ["2021-03-01", "2021-03-03"],
     "actor1": {"name": "Military Forces of Nigeria", "kind": "state forces", "country": "NG"},
     "location": {"name": "Borno", "admin1": "Borno", "country": "NG", "precision": "admin1"},
     "fatalities": 4},
]
GOLD_QUOTES = [
    {"speaker": "Mevlüt Çavuşoğlu", "starts": "We will respond"},
    {"speaker": "Amina Bello", "starts": "The town is calm"},
]
TEXT = "A made-up article about Maiduguri."


def gold_article() -> GoldArticle:
    return GoldArticle(
        id="a1", text=TEXT, date=D(2021, 3, 6),
        events=[parse_event(e) for e in GOLD_EVENTS],
        quotes=[parse_quote(q) for q in GOLD_QUOTES],
    )


def prov(confidence: float = 0.9) -> Provenance:
    return Provenance("a1", TEXT, 0, len(TEXT), 0, 5, confidence)


def event(eid, event_type, sub, day, place=None, actor1=None, actor2=None, killed=None, confidence=0.9):
    start, end = day if isinstance(day, tuple) else (day, day)
    return Event(
        id=eid, article_id="a1", event_type=event_type, sub_event_type=sub, evidence=prov(confidence),
        confidence=confidence, actor1=actor1, actor2=actor2, place=place,
        date=EventDate(start, end) if start else None,
        fatalities=Count(killed) if killed is not None else None,
    )


def quote(qid, words, speaker):
    return Quote(id=qid, article_id="a1", text=words, provenance=prov(), confidence=0.9, speaker=speaker)


NG_ARMY = Actor("Military Forces of Nigeria", "Nigerian troops", "state forces", "NG")
BOKO_HARAM = Actor("Boko Haram", "Boko Haram", "rebel group", "NG")
MAIDUGURI = Place("Maiduguri", "Maiduguri", "town", "NG", "Borno", 11.846, 13.160)
BORNO = Place("Borno", "Borno", "admin1", "NG", "Borno")


def document(events, quotes) -> Document:
    return Document(Article(id="a1", text=TEXT), events=events, quotes=quotes)


def perfect() -> Document:
    return document(
        [
            event("p1", "Battles", "Armed clash", D(2021, 3, 5), MAIDUGURI, NG_ARMY, BOKO_HARAM, 10),
            event("p2", "Explosions/Remote violence", "Air/drone strike", (D(2021, 3, 1), D(2021, 3, 3)),
                  BORNO, NG_ARMY, None, 4),
        ],
        [quote("q1", "We will respond with force.", "Mevlut Cavusoglu"),
         quote("q2", "The town is calm now.", "Amina Bello")],
    )


def test_perfect_prediction_scores_one_everywhere():
    report = score([gold_article()], [perfect()])
    events = report["events"]
    assert events["detection"]["f1"] == 1.0
    assert events["detection_any_type"]["f1"] == 1.0
    assert events["event_type"]["accuracy"] == 1.0 and events["event_type"]["macro_f1"] == 1.0
    assert events["sub_event_type"]["accuracy"] == 1.0 and events["sub_event_type"]["macro_f1"] == 1.0
    for name, ratio in events["fields"].items():
        if ratio["total"]:
            assert ratio["value"] == 1.0, name
    # Only the Maiduguri event has a point location and actor2 in gold.
    assert events["fields"]["location_within_15km"]["total"] == 1
    assert events["fields"]["actor2_kind"]["total"] == 1
    assert events["fields"]["location_admin1"]["total"] == 2
    assert report["quotes"]["found"]["value"] == 1.0
    assert report["quotes"]["speaker_accuracy"]["value"] == 1.0
    assert report["quotes"]["precision"]["value"] == 1.0
    assert {(m["gold"], m["predicted"]) for m in events["matched"]} == {("clash", "p1"), ("strike", "p2")}


def test_empty_prediction_scores_zero():
    report = score([gold_article()], [document([], [])])
    detection = report["events"]["detection"]
    assert (detection["precision"], detection["recall"], detection["f1"]) == (0.0, 0.0, 0.0)
    assert (detection["tp"], detection["fp"], detection["fn"]) == (0, 0, 2)
    # No pairs: field scores have nothing to count.
    assert all(r["total"] == 0 and r["value"] is None for r in report["events"]["fields"].values())
    assert report["quotes"]["found"]["value"] == 0.0
    assert report["quotes"]["speaker_accuracy"]["value"] == 0.0
    assert {m["gold"] for m in report["events"]["missed"]} == {"clash", "strike"}
    assert "missed gold event clash (Armed clash) in a1" in error_lines(report)


def test_half_right_prediction_scores_what_hand_counting_gives():
    # p1 is the Maiduguri clash, but placed ~5 km off, actor2 missing, 11 killed
    # instead of 10. p2 is a protest in Lagos the gold does not have (a false
    # positive: wrong type, and Lagos state is not Borno). The air strike is missed.
    # Detection: tp 1, fp 1, fn 1 -> P = R = F1 = 1/2.
    near_maiduguri = Place("Maiduguri", "Maiduguri", "town", "NG", "Borno State", 11.80, 13.14)
    lagos = Place("Lagos", "Lagos", "town", "NG", "Lagos", 6.455, 3.394)
    predicted = document(
        [
            event("p1", "Battles", "Armed clash", D(2021, 3, 5), near_maiduguri, NG_ARMY, None, 11),
            event("p2", "Protests", "Peaceful protest", D(2021, 3, 5), lagos),
        ],
        # The first quote is found and its speaker matches by surname; the
        # second is found but given to the wrong person -> speaker accuracy 1/2.
        [quote("q1", "\u201cWe will respond with force,\u201d", "Cavusoglu"),
         quote("q2", "The town is calm now.", "Ibrahim Musa")],
    )
    report = score([gold_article()], [predicted])
    events = report["events"]
    assert events["detection"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "tp": 1, "fp": 1, "fn": 1}
    # Without the type condition the protest still matches nothing (2021-03-05 is
    # more than a day after the strike's 03-01..03-03 range, and Lagos is not Borno).
    assert events["detection_any_type"]["tp"] == 1
    fields = {name: (r["hits"], r["total"]) for name, r in events["fields"].items()}
    # Over the single pair (p1, clash):
    assert fields == {
        "sub_event_type": (1, 1),
        "actor1_kind": (1, 1), "actor1_country": (1, 1),
        "actor2_kind": (0, 1), "actor2_country": (0, 1),  # actor2 not predicted
        "date_exact": (1, 1), "date_within_range": (1, 1),
        "fatalities_exact": (0, 1), "fatalities_within_1": (1, 1),  # 11 vs 10
        "injuries_exact": (0, 0),  # gold gives no injuries
        "location_within_15km": (1, 1),  # about 5.4 km apart
        "location_admin1": (1, 1),  # "Borno State" == "Borno" once "State" is dropped
        "location_country": (1, 1),
    }
    assert report["quotes"]["found"]["value"] == 1.0
    assert report["quotes"]["speaker_accuracy"] == {"value": 0.5, "hits": 1, "total": 2}


def test_wrong_sub_type_lowers_sub_type_scores_only():
    # Both events matched; the air strike is called "Shelling/artillery/missile attack".
    # Sub-event accuracy 1/2. Macro F1 over {Armed clash, Air/drone strike, Shelling}:
    # Armed clash F1 1; Air/drone strike never predicted, F1 0; Shelling never gold, F1 0 -> 1/3.
    doc = perfect()
    doc.events[1].sub_event_type = "Shelling/artillery/missile attack"
    events = score([gold_article()], [doc])["events"]
    assert events["detection"]["f1"] == 1.0
    assert events["sub_event_type"]["accuracy"] == 0.5
    assert events["sub_event_type"]["macro_f1"] == pytest.approx(1 / 3)
    assert events["event_type"]["accuracy"] == 1.0


def test_wrong_event_type_is_a_miss_plus_a_false_positive_but_counts_in_type_accuracy():
    # Calling the clash "Violence against civilians": typed matching fails for it
    # (tp 1, fp 1, fn 1), any-type matching pairs it (tp 2) with type accuracy 1/2;
    # type macro F1 over {Battles, Explosions, VAC}: 0, 1, 0 -> 1/3.
    doc = perfect()
    doc.events[0].event_type = "Violence against civilians"
    events = score([gold_article()], [doc])["events"]
    assert (events["detection"]["tp"], events["detection"]["fp"], events["detection"]["fn"]) == (1, 1, 1)
    assert events["detection_any_type"]["tp"] == 2
    assert events["event_type"]["accuracy"] == 0.5
    assert events["event_type"]["macro_f1"] == pytest.approx(1 / 3)


def snippet(i, label) -> GoldArticle:
    if label is None:
        return GoldArticle(id=str(i), text="x", event_class=GoldClass(None, None, "DIPLO"))
    return GoldArticle(id=str(i), text="x", event_class=GoldClass(*label))


AIR = ("Explosions/Remote violence", "Air/drone strike")
CLASH = ("Battles", "Armed clash")
PEACE = ("Protests", "Peaceful protest")


def test_snippet_classification_uses_the_most_confident_event():
    golds = [snippet(1, AIR), snippet(2, CLASH), snippet(3, None), snippet(4, PEACE), snippet(5, AIR)]

    def doc(*labels_and_confidences):
        return document([event(f"e{n}", t, s, None, confidence=c)
                         for n, ((t, s), c) in enumerate(labels_and_confidences)], [])

    docs = [
        doc((CLASH, 0.4), (AIR, 0.8)),  # top event is the strike: right
        doc((AIR, 0.7)),  # clash called a strike: wrong
        doc((CLASH, 0.6)),  # an event where there is none: wrong, and a detection false positive
        doc((PEACE, 0.9)),  # right
        doc((AIR, 0.5)),  # right
    ]
    part = score(golds, docs)["classification"]
    # gold [Air, Clash, none, Peace, Air] vs predicted [Air, Air, Clash, Peace, Air]:
    # accuracy 3/5. Per-class F1: Air P 2/3 R 1 -> 0.8; Clash 0; none 0; Peace 1.
    # Macro (0.8 + 0 + 0 + 1) / 4 = 0.45; weighted by gold support (0.8*2 + 0 + 0 + 1) / 5 = 0.52.
    for level in ("sub_event_type", "event_type"):
        assert part[level]["accuracy"] == pytest.approx(0.6)
        assert part[level]["macro_f1"] == pytest.approx(0.45)
        assert part[level]["weighted_f1"] == pytest.approx(0.52)
    # Detection: gold events in snippets 1, 2, 4, 5; predictions in all five -> tp 4, fp 1, fn 0.
    assert (part["detection"]["tp"], part["detection"]["fp"], part["detection"]["fn"]) == (4, 1, 0)
    assert part["detection"]["f1"] == pytest.approx(2 * 0.8 * 1.0 / 1.8)
    # ACLED-class snippets only (1, 2, 4, 5): gold [Air, Clash, Peace, Air], predicted [Air, Air, Peace, Air]:
    # accuracy 3/4; Air F1 0.8 (support 2), Clash 0 (1), Peace 1 (1) -> weighted (1.6 + 0 + 1) / 4 = 0.65.
    acled = part["sub_event_type_acled_only"]
    assert acled["n"] == 4 and acled["accuracy"] == pytest.approx(0.75)
    assert acled["weighted_f1"] == pytest.approx(0.65)
    assert part["confusions"] == [[["Armed clash", "Air/drone strike"], 1], [["no event", "Armed clash"], 1]]
    assert error_lines({"classification": part})[0] == "  1 snippets: gold 'Armed clash' predicted 'Air/drone strike'"


def test_classification_all_empty_predictions_score_zero_on_events():
    golds = [snippet(1, AIR), snippet(2, CLASH)]
    part = score(golds, [document([], []), document([], [])])["classification"]
    assert part["sub_event_type"]["accuracy"] == 0.0
    assert part["detection"]["f1"] == 0.0


def test_cleaning_checks_look_at_the_cleaned_text():
    gold = GoldArticle(id="c", text="raw", cleaning={"must_not_contain": ["&#39;", "%MINIFY"],
                                                    "title_like_line": "A subheading"})
    clean = Document(Article(id="c", text="Body one.\n\nA subheading\n\nBody two."))
    dirty = Document(Article(id="c", text="Body &#39; one. A subheading Body two."))
    assert score([gold], [clean])["cleaning"]["debris_removed"]["value"] == 1.0
    assert score([gold], [clean])["cleaning"]["subheading_on_own_line"]["value"] == 1.0
    assert score([gold], [dirty])["cleaning"]["debris_removed"] == {"value": 0.5, "hits": 1, "total": 2}
    assert score([gold], [dirty])["cleaning"]["subheading_on_own_line"]["value"] == 0.0


def test_a_gold_day_is_matched_by_the_coded_day_of_a_date_inferred_from_publication():
    # the clash told with no day in an article of 2021-03-05: the window 03-04..03-05, coded
    # (ACLED's event_date) to the publication day, which is the gold day; one of 03-06 is not
    def clash(window, inferred):
        predicted = event("p1", "Battles", "Armed clash", window, MAIDUGURI, NG_ARMY, BOKO_HARAM, 10)
        predicted.date.inferred_from = "publication date" if inferred else None
        predicted.date.told_on = window[1] if inferred else None
        fields = score([gold_article()], [document([predicted], [])])["events"]["fields"]
        return fields["date_exact"]["hits"], fields["date_exact"]["total"]

    assert clash((D(2021, 3, 4), D(2021, 3, 5)), inferred=True) == (1, 1)
    assert clash((D(2021, 3, 5), D(2021, 3, 6)), inferred=True) == (0, 1)
    # a range the text told ("this week") has no coded day: never exact against a day
    assert clash((D(2021, 3, 4), D(2021, 3, 5)), inferred=False) == (0, 1)
