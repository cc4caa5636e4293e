"""How the learned classifier and the rules are combined, fitted on the user's notes.

The rules stay the first opinion: where they find an event, its type stands.
Where they find none, the classifier's reading is used when its probability
is at least ``fill_threshold``: the lowest probability from which the
classifier, on the user's notes (out of fold), is at least as accurate as the
rules are on the notes they find an event in.

The classifier reads only texts like the ones it learned from: a text longer
than ``fill_max_chars`` (the 99th percentile of the user's note lengths) is a
whole article, not a report of one event. There the rules have read every
sentence, and when they find no event the article reports none (background,
analysis, sport): the classifier, trained on events only, cannot say "no
event", so it does not fill in there.

Overriding the rules' type was measured too (``override_f1``): on ACLED's
own notes it looks good (the rules read the coders' terse summaries worse
than news), but on news snippets (CASE 2021 dev) every override threshold
fitted that way lost accuracy, so overrides are reported, not applied.
"""

from __future__ import annotations

from typing import Optional

FILL_LENGTH_PERCENTILE = 99
GRID = tuple(round(0.30 + 0.05 * i, 2) for i in range(14)) + (1.01,)  # 1.01: never


def combined(rule: Optional[str], model: str, probability: float, fill_threshold: float) -> Optional[str]:
    """The sub-event type the combination gives for one text (None: no event)."""
    if rule is None:
        return model if probability >= fill_threshold else None
    return rule


def fit_fill_max_chars(note_lengths: list[int]) -> int:
    """The longest text the classifier may fill in on: the 99th percentile of the notes' lengths."""
    import numpy as np

    return int(np.percentile(note_lengths, FILL_LENGTH_PERCENTILE)) if note_lengths else 0


def may_fill(text: str, max_chars: Optional[int]) -> bool:
    """Whether a text the rules found no event in is short enough for the classifier to read.

    ``max_chars`` None (a folder learned before the limit existed) means no limit.
    """
    return max_chars is None or len(text.strip()) <= max_chars


def fit_fill_threshold(gold: list[str], rules: list[Optional[str]], model: list[str],
                       probabilities: list[float]) -> tuple[float, float]:
    """(fill threshold, the rules' accuracy it was matched to) on these notes."""
    found = [(g, r) for g, r in zip(gold, rules) if r is not None]
    rules_accuracy = sum(g == r for g, r in found) / len(found) if found else 0.0
    for threshold in GRID:
        sure = [(g, m) for g, m, p in zip(gold, model, probabilities) if p >= threshold]
        if sure and sum(g == m for g, m in sure) / len(sure) >= rules_accuracy:
            return threshold, round(rules_accuracy, 4)
    return 1.01, round(rules_accuracy, 4)


def override_f1(gold: list[str], rules: list[Optional[str]], model: list[str],
                probabilities: list[float]) -> dict[float, float]:
    """Weighted F1 on these notes if the classifier also overrode the rules at each threshold."""
    from sklearn.metrics import f1_score

    scores = {}
    for threshold in GRID:
        predicted = [m if r is None or (m != r and p >= threshold) else r
                     for r, m, p in zip(rules, model, probabilities)]
        scores[threshold] = round(float(f1_score(gold, predicted, average="weighted", zero_division=0)), 4)
    return scores
