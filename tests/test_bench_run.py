"""benchmarks/: the corpus builder, and run.py printing its figures (no timing asserted)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

from corpus import build_corpus, make_variant  # noqa: E402


def test_corpus_has_the_requested_size_and_is_reproducible():
    corpus = build_corpus(12)
    assert len(corpus) == 12
    assert corpus == build_corpus(12)
    names = [name for name, _ in corpus]
    assert len(set(names)) == 12
    assert len({text for _, text in corpus}) == 12  # variants are distinct texts


def test_variants_keep_a_date_header_and_real_paragraphs():
    import random

    base = ("date 2020-02-10\n\nFive soldiers were killed in Idlib on Monday, officials said today.\n\n"
            "Shelling hit 12 houses in Taftanaz and wounded 30 people, the ministry said.\n\n"
            "Talks between the two sides continued in Ankara for a third day without result.")
    variant = make_variant([base], random.Random(1))
    assert re.match(r"date 2021-\d\d-\d\d\n\n", variant)
    assert "2020-02-10" not in variant  # the old header is not a paragraph
    body = variant.split("\n\n", 1)[1]
    assert len(body.split()) >= 20


def test_run_prints_its_figures():
    out = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "run.py"), "--articles", "3", "--processes", "1", "--rounds", "1"],
        capture_output=True, text=True, timeout=600, cwd=REPO,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    text = out.stdout
    for pattern in (
        r"corpus: 3 articles",
        r"pipeline \(1 process\): [\d.]+ articles/s, \d+ words/s",
        r"plain spaCy nlp.pipe: [\d.]+ articles/s, \d+ words/s",
        r"ratio pipeline/spaCy: [\d.]+x",
        r"peak RSS: [\d.]+ MiB \(main process\), [\d.]+ MiB \(largest worker\)",
        r"scaling: 1 process\(es\): [\d.]+ articles/s",
        r">= 20 articles/s on one core: [\d.]+ wall \((meets|below) target\), [\d.]+ per CPU-second",
        r"per CPU-second: pipeline [\d.]+ articles, spaCy [\d.]+ articles, ratio [\d.]+x",
    ):
        assert re.search(pattern, text), (pattern, text)


def test_run_json_figures_are_consistent():
    out = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "run.py"), "--articles", "2", "--processes", "", "--rounds", "1",
         "--json"],
        capture_output=True, text=True, timeout=600, cwd=REPO,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    figures = json.loads(out.stdout)
    assert figures["articles"] == 2 and figures["words"] > 0
    assert figures["pipeline_articles_per_s"] > 0 and figures["spacy_articles_per_s"] > 0
    ratio = figures["pipeline_articles_per_s"] / figures["spacy_articles_per_s"]
    assert abs(ratio - figures["ratio_to_spacy"]) < 0.02
    assert figures["peak_rss_mib"] > 50  # the model alone is bigger than this
    assert figures["scaling"] == {}


def test_profile_prints_stage_times_and_top_costs():
    out = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "profile_pipeline.py"), "--articles", "2", "--top", "3"],
        capture_output=True, text=True, timeout=600, cwd=REPO,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert re.search(r"profiled 2 articles in [\d.]+ s wall", out.stdout), out.stdout
    for heading in ("time per stage", "spaCy parse", "events stage", "quotes stage", "geo stage",
                    "top 3 flashpoint functions by cumulative time", "top 3 functions by self time"):
        assert heading in out.stdout, (heading, out.stdout)
