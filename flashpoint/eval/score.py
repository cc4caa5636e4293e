"""Score extracted Documents against gold articles (no spaCy needed).

``score(golds, docs)`` returns a JSON-ready report; each section is present
only when the gold set annotates it (events, quotes, snippet classes,
cleaning checks). Definitions are in docs/eval.md.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Optional

from flashpoint.eval.gold import NO_EVENT, GoldActor, GoldArticle, GoldEvent
from flashpoint.eval.match import (
    DATE_TOLERANCE,
    gold_dates,
    match_events,
    predicted_dates,
    predicted_place,
    within_km,
)
from flashpoint.eval.metrics import Ratio, class_scores, prf
from flashpoint.eval.names import same_admin1
from flashpoint.eval.quotes import find_quote, speaker_correct
from flashpoint.model import Actor, Document, Event

FIELDS = (
    "sub_event_type",
    "actor1_kind", "actor1_country", "actor2_kind", "actor2_country",
    "date_exact", "date_within_range",
    "fatalities_exact", "fatalities_within_1", "injuries_exact",
    "location_within_15km", "location_admin1", "location_country",
)


def score(golds: list[GoldArticle], docs: list[Document]) -> dict[str, Any]:
    """Compare each Document with the gold article at the same position."""
    if len(golds) != len(docs):
        raise ValueError(f"{len(golds)} gold articles but {len(docs)} documents")
    report: dict[str, Any] = {"articles": len(golds)}
    with_events = [(g, d) for g, d in zip(golds, docs) if g.events is not None]
    if with_events:
        report["events"] = score_events(with_events)
    with_quotes = [(g, d) for g, d in zip(golds, docs) if g.quotes is not None]
    if with_quotes:
        report["quotes"] = score_quotes(with_quotes)
    with_class = [(g, d) for g, d in zip(golds, docs) if g.event_class is not None]
    if with_class:
        report["classification"] = score_classes(with_class)
    with_cleaning = [(g, d) for g, d in zip(golds, docs) if g.cleaning]
    if with_cleaning:
        report["cleaning"] = score_cleaning(with_cleaning)
    return report


def _actor_checks(fields: dict[str, Ratio], key: str, pred: Optional[Actor], gold: Optional[GoldActor]) -> None:
    if gold is None:
        return
    if gold.kind:
        fields[f"{key}_kind"].add(pred is not None and pred.kind == gold.kind)
    if gold.country:
        fields[f"{key}_country"].add(pred is not None and pred.country == gold.country)


def _within(pred: Optional[tuple], gold: tuple) -> bool:
    return pred is not None and gold[0] - DATE_TOLERANCE <= pred[0] and pred[1] <= gold[1] + DATE_TOLERANCE


def _exact_date(pred: Event, gold: tuple) -> bool:
    """A gold day is matched by the predicted event's coded day (ACLED's event_date: the
    day told, or the publication day of a report that names none); a gold range by the
    same range."""
    if gold[0] == gold[1]:
        return pred.date is not None and pred.date.day == gold[0]
    return predicted_dates(pred) == gold


def field_checks(pairs: list[tuple[Event, GoldEvent]]) -> dict[str, Ratio]:
    """Per-field agreement over matched pairs; a field counts only where gold knows it."""
    fields = {name: Ratio() for name in FIELDS}
    for pred, gold in pairs:
        if gold.sub_event_type:
            fields["sub_event_type"].add(pred.sub_event_type == gold.sub_event_type)
        _actor_checks(fields, "actor1", pred.actor1, gold.actor1)
        _actor_checks(fields, "actor2", pred.actor2, gold.actor2)
        want_dates = gold_dates(gold)
        if want_dates is not None:
            fields["date_exact"].add(_exact_date(pred, want_dates))
            fields["date_within_range"].add(_within(predicted_dates(pred), want_dates))
        if gold.fatalities is not None:
            got = pred.fatalities.value if pred.fatalities else None
            fields["fatalities_exact"].add(got == gold.fatalities)
            fields["fatalities_within_1"].add(got is not None and abs(got - gold.fatalities) <= 1)
        if gold.injuries is not None:
            fields["injuries_exact"].add(pred.injuries is not None and pred.injuries.value == gold.injuries)
        place, loc = predicted_place(pred), gold.location
        if loc is None:
            continue
        if loc.precision == "town" and loc.lat is not None and loc.lon is not None:
            fields["location_within_15km"].add(bool(within_km(place, loc)))
        if loc.admin1 and loc.precision in ("town", "admin1"):
            fields["location_admin1"].add(place is not None and (
                same_admin1(place.admin1, loc.admin1)
                or (place.precision == "admin1" and same_admin1(place.name, loc.admin1))
            ))
        if loc.country:
            fields["location_country"].add(place is not None and place.country == loc.country)
    return fields


def _pair_detail(article: GoldArticle, pred: Event, gold: GoldEvent) -> dict[str, Any]:
    return {"article": article.id, "gold": gold.id, "predicted": pred.id, "evidence": pred.evidence.sentence}


def score_events(items: list[tuple[GoldArticle, Document]]) -> dict[str, Any]:
    """Detection P/R/F1 (typed and any-type), type/sub-type agreement, field scores."""
    typed: list[tuple[Event, GoldEvent]] = []
    untyped: list[tuple[Event, GoldEvent]] = []
    n_gold = n_pred = 0
    matched_detail, missed, spurious = [], [], []
    for article, doc in items:
        golds, preds = article.events or [], doc.events
        n_gold, n_pred = n_gold + len(golds), n_pred + len(preds)
        pairs = match_events(preds, golds, require_type=True)
        typed += [(preds[i], golds[j]) for i, j in pairs]
        untyped += [(preds[i], golds[j]) for i, j in match_events(preds, golds, require_type=False)]
        matched_detail += [_pair_detail(article, preds[i], golds[j]) for i, j in pairs]
        unmatched = sorted(set(range(len(golds))) - {j for _, j in pairs})
        missed += [{"article": article.id, "gold": golds[j].id, "sub_event_type": golds[j].sub_event_type,
                    # sentences of that article the rules judged no event, and why
                    "not_coded": [{"reason": n.reason, "sentence": n.evidence.sentence} for n in doc.non_events]}
                   for j in unmatched]
        spurious += [
            {"article": article.id, "predicted": preds[i].id, "event_type": preds[i].event_type,
             "evidence": preds[i].evidence.sentence}
            for i in sorted(set(range(len(preds))) - {i for i, _ in pairs})
        ]
    sub_pairs = [(g.sub_event_type, p.sub_event_type or NO_EVENT) for p, g in typed if g.sub_event_type]
    return {
        "gold": n_gold,
        "predicted": n_pred,
        "detection": prf(len(typed), n_pred - len(typed), n_gold - len(typed)),
        "detection_any_type": prf(len(untyped), n_pred - len(untyped), n_gold - len(untyped)),
        "event_type": _agreement([g.event_type for _, g in untyped], [p.event_type for p, _ in untyped]),
        "sub_event_type": _agreement([g for g, _ in sub_pairs], [p for _, p in sub_pairs]),
        "fields": {name: ratio.to_dict() for name, ratio in field_checks(typed).items()},
        "matched": matched_detail,
        "missed": missed,
        "spurious": spurious,
    }


def _agreement(gold: list[str], pred: list[str]) -> dict[str, Any]:
    scores = class_scores(gold, pred)
    return {"pairs": scores["n"], "accuracy": scores["accuracy"], "macro_f1": scores["macro_f1"]}


def score_quotes(items: list[tuple[GoldArticle, Document]]) -> dict[str, Any]:
    """Gold quotes found, speaker accuracy, and share of predicted quotes that are gold."""
    found, speaker_all, speaker_found, precision = Ratio(), Ratio(), Ratio(), Ratio()
    details = []
    for article, doc in items:
        used = set()
        for gold in article.quotes or []:
            pred = find_quote(gold, doc.quotes)
            found.add(pred is not None)
            right = speaker_correct(gold, pred)
            speaker_all.add(right)
            if pred is not None:
                used.add(id(pred))
                speaker_found.add(right)
            details.append({"article": article.id, "starts": gold.starts, "gold_speaker": gold.speaker,
                            "predicted_speaker": pred.speaker if pred else None, "correct": right})
        for quote in doc.quotes:
            precision.add(id(quote) in used)
    return {
        "gold": found.total,
        "predicted": precision.total,
        "found": found.to_dict(),
        "precision": precision.to_dict(),
        "speaker_accuracy": speaker_all.to_dict(),
        "speaker_accuracy_found": speaker_found.to_dict(),
        "details": details,
    }


def top_event(doc: Document) -> Optional[Event]:
    """The highest-confidence event (the first one on ties), or None."""
    best = None
    for event in doc.events:
        if best is None or event.confidence > best.confidence:
            best = event
    return best


def score_classes(items: list[tuple[GoldArticle, Document]]) -> dict[str, Any]:
    """Snippet classification: the top event's (sub-)type against the gold class."""
    gold_sub, pred_sub, gold_type, pred_type = [], [], [], []
    tp = fp = fn = 0
    for article, doc in items:
        want, got = article.event_class, top_event(doc)
        gold_sub.append((want.sub_event_type or NO_EVENT) if want.is_event else NO_EVENT)
        gold_type.append(want.event_type if want.is_event else NO_EVENT)
        pred_sub.append(got.sub_event_type if got else NO_EVENT)
        pred_type.append(got.event_type if got else NO_EVENT)
        tp += want.is_event and got is not None
        fp += not want.is_event and got is not None
        fn += want.is_event and got is None
    sub, typ = class_scores(gold_sub, pred_sub), class_scores(gold_type, pred_type)
    confusions = Counter((g, p) for g, p in zip(gold_sub, pred_sub) if g != p)
    # Comparable with CASE 2021's "25 ACLED classes" results: snippets whose gold
    # is an ACLED class only (a prediction of "no event" still counts as wrong).
    acled = [(g, p) for g, p in zip(gold_sub, pred_sub) if g != NO_EVENT]
    return {
        "snippets": len(items),
        "sub_event_type_acled_only": class_scores([g for g, _ in acled], [p for _, p in acled]),
        "confusions": [[list(pair), count] for pair, count in confusions.most_common()],
        "detection": prf(tp, fp, fn),
        "sub_event_type": sub,
        "event_type": typ,
    }


def score_cleaning(items: list[tuple[GoldArticle, Document]]) -> dict[str, Any]:
    """The seed gold's cleaning checks: debris removed, subheading kept on its own line."""
    absent, subheading = Ratio(), Ratio()
    for article, doc in items:
        text = doc.article.text
        for debris in article.cleaning.get("must_not_contain", []):
            absent.add(debris not in text)
        line = article.cleaning.get("title_like_line")
        if line:
            lines = {x.strip() for x in text.splitlines()}
            subheading.add(line in lines or (doc.article.title or "").strip() == line)
    return {"debris_removed": absent.to_dict(), "subheading_on_own_line": subheading.to_dict()}
