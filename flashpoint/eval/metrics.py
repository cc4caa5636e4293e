"""Plain counting metrics: ratios, precision/recall/F1, multi-class F1."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Optional


@dataclass
class Ratio:
    """``hits`` out of ``total``; its value is None when there is nothing to count."""

    hits: int = 0
    total: int = 0

    def add(self, hit: bool) -> None:
        """Count one case."""
        self.total += 1
        self.hits += bool(hit)

    @property
    def value(self) -> Optional[float]:
        """hits / total, or None when total is 0."""
        return self.hits / self.total if self.total else None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"value": self.value, "hits": self.hits, "total": self.total}


def prf(tp: int, fp: int, fn: int) -> dict[str, Any]:
    """Precision, recall and F1 from counts (0.0 when undefined, as in sklearn)."""
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "fp": fp, "fn": fn}


def class_scores(gold: Sequence[str], pred: Sequence[str]) -> dict[str, Any]:
    """Accuracy, macro F1 and support-weighted F1 of paired labels.

    Macro F1 averages over every label seen in gold or predictions (a label
    only ever predicted scores F1 0); weighted F1 weights each gold label by
    its count. Both match sklearn's ``f1_score`` with its default label set.
    """
    if len(gold) != len(pred):
        raise ValueError("gold and predicted labels must pair up")
    n = len(gold)
    if n == 0:
        return {"n": 0, "accuracy": None, "macro_f1": None, "weighted_f1": None, "per_class": {}}
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for g, p in zip(gold, pred):
        if g == p:
            tp[g] += 1
        else:
            fp[p] += 1
            fn[g] += 1
    support = Counter(gold)
    per_class = {label: prf(tp[label], fp[label], fn[label])["f1"] for label in sorted(set(gold) | set(pred))}
    return {
        "n": n,
        "accuracy": sum(tp.values()) / n,
        "macro_f1": sum(per_class.values()) / len(per_class),
        "weighted_f1": sum(per_class[label] * count for label, count in support.items()) / n,
        "per_class": per_class,
    }
