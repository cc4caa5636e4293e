"""Run the pipeline over a gold set and score what it extracts."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any, Optional

from flashpoint.errors import InputError
from flashpoint.eval.gold import GoldArticle
from flashpoint.eval.load import load_gold
from flashpoint.eval.score import score
from flashpoint.model import Article, Document


def predict(golds: list[GoldArticle], learned=None) -> list[Document]:
    """Clean each gold article's raw text and extract from all of them in one stream.

    An article with no text left after cleaning gets an empty Document (it
    predicts nothing) rather than stopping the whole evaluation.
    """
    import flashpoint
    from flashpoint.text import make_article

    articles: list[Optional[Article]] = []
    for g in golds:
        try:
            articles.append(make_article(g.text, date=g.date, url=g.url, title=g.title, source=f"gold:{g.id}"))
        except InputError:
            articles.append(None)
    extracted = iter(flashpoint.extract_articles((a for a in articles if a is not None), learned=learned))
    return [next(extracted) if a is not None else Document(Article(id=g.id, text=""))
            for g, a in zip(golds, articles)]


def evaluate(path: str | Path, learned=None) -> dict[str, Any]:
    """Load the gold set at ``path``, extract (with a learned model if given), and return the score report."""
    golds = load_gold(path)
    started = time.perf_counter()
    docs = predict(golds, learned=learned)
    seconds = time.perf_counter() - started
    report = {"gold_file": str(path), **score(golds, docs)}
    report["extraction_seconds"] = round(seconds, 3)
    return report
