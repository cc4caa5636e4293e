"""The per-article extraction time budget, tested without wall-clock timing.

The stand-in pipeline blocks for ever on one article and leaves a marker file
naming its process when it starts blocking; the pool's stand-in clock moves on
by more than the budget at each look while that process is alive, and stands
still otherwise. The result is the same on a very fast and a very slow machine.
"""

from __future__ import annotations

import os
import sys
import time
import types
from pathlib import Path

import pytest

from flashpoint import workers
from flashpoint.model import Document
from flashpoint.store import open_store
from flashpoint.store.ingest import ingest
from flashpoint.text import make_article
from flashpoint.workers import ExtractionPool, Failure

BUDGET = 120.0


def _stand_in(markers: Path):
    def extract_articles(articles):
        for article in articles:
            if "HANG" in article.text:
                (markers / f"hang-{os.getpid()}").touch()
                time.sleep(3600)  # the pool kills this process
            if "DIE" in article.text:
                os._exit(3)
            yield Document(article=article)

    ticks = []

    def clock() -> float:
        # time passes (a budget per look) only while a blocked article's process is alive
        if any(_alive(int(m.name.split("-")[1])) for m in markers.iterdir()):
            ticks.append(1)
        return 1e9 * len(ticks)

    return extract_articles, clock


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def _articles(*texts: str):
    return [make_article(f"Article {i}: {t}.", source=f"a{i}.txt") for i, t in enumerate(texts)]


def test_an_article_over_budget_fails_alone_and_the_run_goes_on(tmp_path):
    extract, clock = _stand_in(tmp_path)
    articles = _articles("calm", "HANG", "quiet", "still")
    with ExtractionPool(1, BUDGET, extract=extract, clock=clock, chunk=1) as pool:
        results = list(pool.run(articles))
    assert [type(r).__name__ for r in results] == ["Document", "Failure", "Document", "Document"]
    assert [r.article.id for r in results if isinstance(r, Document)] == [articles[i].id for i in (0, 2, 3)]
    assert results[1] == Failure("a1.txt", "extraction took longer than the 120 s budget; skipped")


def test_a_dead_worker_fails_its_article_and_the_batch_is_redone_one_by_one(tmp_path):
    extract, clock = _stand_in(tmp_path)
    articles = _articles("calm", "DIE", "quiet")
    with ExtractionPool(2, BUDGET, extract=extract, clock=clock) as pool:  # all three in one batch
        results = list(pool.run(articles))
    assert [type(r).__name__ for r in results] == ["Document", "Failure", "Document"]
    assert results[1] == Failure("a1.txt", "extraction process died (exit code 3); skipped")


def test_ingest_records_the_article_over_budget(tmp_path, monkeypatch):
    markers = tmp_path / "markers"
    markers.mkdir()
    extract, clock = _stand_in(markers)
    # forked workers inherit the stand-in pipeline; the pool reads the stand-in clock
    monkeypatch.setitem(sys.modules, "flashpoint.pipeline", types.SimpleNamespace(extract_articles=extract))
    monkeypatch.setattr(workers, "_clock", clock)
    monkeypatch.setattr(workers, "CHUNK", 1)
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in (("a.txt", "Gunmen attacked a bank."), ("b.txt", "HANG here."), ("c.txt", "Police fired on crowds.")):
        (folder / name).write_text(text)
    with open_store(f"sqlite:///{tmp_path / 'x.db'}") as store:
        stats = ingest(store, [str(folder)], budget=BUDGET)
        assert (stats.articles, stats.errors) == (2, 1)
        [error] = store.errors()
    assert error["source"].endswith("b.txt")
    assert error["reason"] == "extraction took longer than the 120 s budget; skipped"


@pytest.mark.parametrize("budget", [-1.0, 0.0])
def test_a_budget_must_be_positive(budget):
    with pytest.raises(ValueError):
        ExtractionPool(1, budget)
