"""The sub-event classifier: MiniLM sentence embeddings + logistic regression.

Trained on the notes of the user's ACLED export (class-balanced), so it
speaks the user's region; the rules stay the first opinion (see combine.py).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass
class SubEventClassifier:
    """A fitted classifier: sub-event type names and a scikit-learn model over embeddings."""

    model: object  # sklearn LogisticRegression
    event_types: dict[str, str]  # sub-event type -> event type

    @property
    def classes(self) -> list[str]:
        """The sub-event types it can predict."""
        return list(self.model.classes_)

    def predict(self, embeddings: np.ndarray) -> list[tuple[str, float]]:
        """(sub-event type, probability) of the most likely class for each embedding."""
        if len(embeddings) == 0:
            return []
        proba = self.model.predict_proba(embeddings)
        best = proba.argmax(1)
        return [(self.model.classes_[i], float(p[i])) for i, p in zip(best, proba)]


def fit(embeddings: np.ndarray, labels: list[str], event_types: dict[str, str]) -> SubEventClassifier:
    """Fit a class-balanced multinomial logistic regression."""
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=1.0, class_weight="balanced", max_iter=3000)
    model.fit(embeddings, labels)
    return SubEventClassifier(model=model, event_types=event_types)


def cross_validated(embeddings: np.ndarray, labels: list[str], folds: int = 5) -> tuple[list[str], np.ndarray]:
    """Out-of-fold predictions and their probabilities (stratified folds, fixed seed)."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    counts = {label: labels.count(label) for label in set(labels)}
    folds = max(2, min(folds, min(counts.values())))
    model = LogisticRegression(C=1.0, class_weight="balanced", max_iter=3000)
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=0)
    proba = cross_val_predict(model, embeddings, labels, cv=splitter, method="predict_proba")
    classes = sorted(set(labels))
    return [classes[i] for i in proba.argmax(1)], proba.max(1)
