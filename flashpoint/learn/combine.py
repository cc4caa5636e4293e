"""How the learned classifier and the rules are combined, fitted on the user's notes.

The rules stay the first opinion. The classifier's type is taken where the
rules find no event, and over the rules' type where its probability is at
least ``threshold``. The threshold is chosen on a sample of the user's own
notes, as the one giving the best weighted F1 there (not tuned by hand).
"""

from __future__ import annotations

from typing import Optional

GRID = tuple(round(0.30 + 0.05 * i, 2) for i in range(14)) + (1.01,)  # 1.01: never override


def combined(rule: Optional[str], model: str, probability: float, threshold: float) -> str:
    """The sub-event type the combination gives for one text."""
    if rule is None or (model != rule and probability >= threshold):
        return model
    return rule


def fit_threshold(gold: list[str], rules: list[Optional[str]], model: list[str],
                  probabilities: list[float]) -> tuple[float, dict[float, float]]:
    """The override threshold with the best weighted F1 on these texts, and every threshold's F1."""
    from sklearn.metrics import f1_score

    scores = {}
    for threshold in GRID:
        predicted = [combined(r, m, p, threshold) for r, m, p in zip(rules, model, probabilities)]
        scores[threshold] = round(float(f1_score(gold, predicted, average="weighted", zero_division=0)), 4)
    best = max(GRID, key=lambda t: (scores[t], t))
    return best, scores
