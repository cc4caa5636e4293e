"""`flashpoint learn`: build a learned folder from the user's ACLED exports.

The folder ($FLASHPOINT_CACHE/learned/NAME/) holds the sub-event classifier
with its fitted combination threshold, the actor and place dictionaries, and
a model card saying what it was trained on and how well it did.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Optional

from flashpoint.errors import InputError
from flashpoint.learn import classifier, combine, dictionaries
from flashpoint.learn.acled_csv import AcledRow, read_acled
from flashpoint.learn.notes import clean_note

Progress = Callable[[str, int, int], None]
CALIBRATION_NOTES = 600
MIN_NOTES = 20


def learned_root() -> Path:
    """Where learned folders live: ``$FLASHPOINT_CACHE/learned``."""
    cache = os.environ.get("FLASHPOINT_CACHE") or Path.home() / ".cache" / "flashpoint"
    return Path(cache) / "learned"


def learn(paths: list[str], name: str = "default", progress: Optional[Progress] = None,
          folder: Optional[Path] = None) -> dict:
    """Train from ACLED exports at ``paths``; write the learned folder and return its summary."""
    progress = progress or (lambda stage, done, total: None)
    folder = Path(folder) if folder else learned_root() / name
    rows: list[AcledRow] = []
    for path in paths:
        rows.extend(read_acled(path))
    notes = [(clean_note(r.notes), r.sub_event_type) for r in rows if r.notes and r.sub_event_type]
    classes = Counter(label for _, label in notes)
    if len(notes) < MIN_NOTES or len(classes) < 2:
        raise InputError(", ".join(map(str, paths)),
                         f"too little to learn from: {len(notes)} notes in {len(classes)} sub-event type(s) "
                         f"(need {MIN_NOTES}+ notes in 2+ types)")
    event_types = {r.sub_event_type: r.event_type for r in rows if r.sub_event_type}

    from flashpoint.learn.encoder import shared_encoder

    texts, labels = [t for t, _ in notes], [label for _, label in notes]
    embeddings = _encode(shared_encoder(), texts, progress)
    progress("cross-validating", 0, 1)
    oof_labels, oof_probability = classifier.cross_validated(embeddings, labels)
    progress("cross-validating", 1, 1)
    sample = _calibration_sample(labels)
    rule_labels = _rule_labels([texts[i] for i in sample], [rows_date(rows, texts[i]) for i in sample], progress)
    calibration = ([labels[i] for i in sample], rule_labels,
                   [oof_labels[i] for i in sample], [float(oof_probability[i]) for i in sample])
    threshold, rules_accuracy = combine.fit_fill_threshold(*calibration)
    max_chars = combine.fit_fill_max_chars([len(t) for t in texts])
    by_threshold = combine.override_f1(*calibration)
    progress("fitting", 0, 1)
    model = classifier.fit(embeddings, labels, event_types)
    progress("fitting", 1, 1)

    from flashpoint.geo.countries import country_code

    folder.mkdir(parents=True, exist_ok=True)
    actors = dictionaries.build_actors(rows, country_code)
    places = dictionaries.build_places(rows, country_code)
    dictionaries.write_actors(actors, folder / "actors.tsv")
    dictionaries.write_places(places, folder / "places.tsv")
    _save_model(model, threshold, max_chars, folder / "classifier.joblib")
    summary = _summary(paths, rows, classes, labels, oof_labels, sample, rule_labels, threshold,
                       rules_accuracy, by_threshold, len(actors), len(places), folder)
    summary["fill_max_chars"] = max_chars
    (folder / "card.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False), encoding="utf-8")
    (folder / "card.md").write_text(_card(summary), encoding="utf-8")
    return summary


def rows_date(rows: list[AcledRow], _text: str) -> None:
    # Notes are dated by their own words ("On 9 May 2020"), which clean_note removes;
    # the rules classify the sentence, so no article date is needed.
    return None


def _encode(encoder, texts: list[str], progress: Progress, chunk: int = 512):
    import numpy as np

    parts = []
    for start in range(0, len(texts), chunk):
        parts.append(encoder.encode(texts[start:start + chunk]))
        progress("encoding notes", min(start + chunk, len(texts)), len(texts))
    return np.vstack(parts)


def _calibration_sample(labels: list[str]) -> list[int]:
    # A fixed-seed sample, at most a fifth of each class, so every type is represented.
    rng = random.Random(0)
    by_class: dict[str, list[int]] = {}
    for i, label in enumerate(labels):
        by_class.setdefault(label, []).append(i)
    share = min(1.0, CALIBRATION_NOTES / len(labels))
    sample = []
    for indices in by_class.values():
        take = max(1, round(len(indices) * share))
        sample.extend(rng.sample(indices, min(take, len(indices))))
    return sorted(sample)


def _rule_labels(texts: list[str], dates, progress: Progress) -> list[Optional[str]]:
    """What the rules alone say about each note: the top event's sub-event type, or None."""
    from flashpoint.eval.score import top_event
    from flashpoint.pipeline import extract_articles
    from flashpoint.text import make_article

    articles = [make_article(text, date=date, source=f"note {i}") for i, (text, date) in enumerate(zip(texts, dates))]
    labels = []
    for done, document in enumerate(extract_articles(articles), start=1):
        event = top_event(document)
        labels.append(event.sub_event_type if event else None)
        progress("rules on a sample of notes", done, len(articles))
    return labels


def _save_model(model: classifier.SubEventClassifier, threshold: float, max_chars: int, path: Path) -> None:
    import joblib

    joblib.dump({"classifier": model, "threshold": threshold, "max_fill_chars": max_chars, "format": 3}, path)


def _summary(paths, rows, classes, labels, oof_labels, sample, rule_labels, threshold, rules_accuracy,
             by_threshold, n_actors, n_places, folder) -> dict:
    from sklearn.metrics import f1_score

    gold = [labels[i] for i in sample]
    rules_f1 = f1_score(gold, [r or "none" for r in rule_labels], average="weighted", zero_division=0)
    return {
        "trained": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "folder": str(folder),
        "exports": [str(p) for p in paths],
        "rows_read": len(rows),
        "notes_used": len(labels),
        "countries": len({r.country for r in rows}),
        "dates": [str(min((r.date for r in rows if r.date), default="")),
                  str(max((r.date for r in rows if r.date), default=""))],
        "per_class": dict(classes.most_common()),
        "features": "all-MiniLM-L6-v2 sentence embeddings (numpy forward pass) of the cleaned note",
        "classifier": "multinomial logistic regression, class-balanced, C=1",
        "cross_validated_weighted_f1": round(float(f1_score(labels, oof_labels, average="weighted")), 4),
        "cross_validated_macro_f1": round(float(f1_score(labels, oof_labels, average="macro")), 4),
        "calibration_notes": len(sample),
        "rules_weighted_f1_on_calibration": round(float(rules_f1), 4),
        "rules_accuracy_where_they_find_an_event": rules_accuracy,
        "fill_threshold": threshold,
        "override_weighted_f1_on_notes_by_threshold (not applied)": {str(k): v for k, v in by_threshold.items()},
        "actors": n_actors,
        "places": n_places,
        "terms": "Built from the user's own ACLED export: ACLED's terms of use apply to this folder; "
                 "do not redistribute it.",
    }


def _card(s: dict) -> str:
    lines = [
        f"# Learned model `{Path(s['folder']).name}`", "",
        f"Trained {s['trained']} on {s['notes_used']} ACLED notes ({s['rows_read']} rows, "
        f"{s['countries']} countries, {s['dates'][0]} to {s['dates'][1]}) from:", "",
        *[f"- {p}" for p in s["exports"]], "",
        f"Features: {s['features']}. Classifier: {s['classifier']}.", "",
        f"Cross-validated (5-fold) weighted F1 {s['cross_validated_weighted_f1']}, "
        f"macro F1 {s['cross_validated_macro_f1']}.", "",
        f"Combination with the rules: the rules' type stands where they find an event; where they find "
        f"none, the classifier's type is used when its probability is at least {s['fill_threshold']} "
        f"(fitted on {s['calibration_notes']} notes: from there the classifier is at least as accurate as "
        f"the rules, {s['rules_accuracy_where_they_find_an_event']}, where they find an event), and only "
        f"on texts of at most {s['fill_max_chars']} characters (99% of the notes are no longer; a longer "
        f"text is a whole article, whose sentences the rules have all read).", "",
        f"Dictionaries: {s['actors']} actors, {s['places']} places.", "",
        "Notes per sub-event type:", "",
        *[f"- {k}: {v}" for k, v in s["per_class"].items()], "",
        s["terms"], "",
    ]
    return "\n".join(lines)
