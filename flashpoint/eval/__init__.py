"""Evaluation: score extracted Documents against gold sets (`flashpoint eval`).

``load_gold(path)`` reads a gold set, ``score(golds, docs)`` compares
Documents with it (no spaCy involved), and ``evaluate(path)`` does both around
a pipeline run. Matching rules: docs/eval.md; formats: docs/gold-format.md.
"""

from flashpoint.eval.load import load_gold
from flashpoint.eval.match import match_events
from flashpoint.eval.run import evaluate
from flashpoint.eval.score import score

__all__ = ["evaluate", "load_gold", "match_events", "score"]
