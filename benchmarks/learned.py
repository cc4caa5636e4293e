"""Speed and memory of extraction with a learned model (`--learned NAME`) against the rules alone.

    python benchmarks/learned.py NAME [--articles 200] [--rounds 2]

Runs ``flashpoint.extract_articles`` over the benchmark corpus (corpus.py)
with and without the learned model, in one process with one BLAS thread
(one core), twice over: whole articles (the classifier may fill in only on
texts as short as the user's notes, so it rarely runs there) and each
article's first 300 characters (short texts: the worst case, where every
text the rules find no event in is encoded). Keeps the best of ``--rounds``
runs of each and prints articles/s per CPU-second and peak RSS. Targets
(reported, not asserted): >= 20 articles/s on one core, peak RSS < 1.5 GiB.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import build_corpus  # noqa: E402
from run import clean_corpus, peak_rss_self_mib, warm_up  # noqa: E402

SNIPPET_CHARS = 300


def best_cpu_seconds(articles, learned, rounds: int) -> tuple[float, int]:
    """(best CPU seconds over ``rounds`` runs, events found) for one configuration."""
    import flashpoint

    best, events = float("inf"), 0
    for _ in range(max(1, rounds)):
        cpu = time.process_time()
        docs = list(flashpoint.extract_articles(articles, learned=learned))
        best, events = min(best, time.process_time() - cpu), sum(len(d.events) for d in docs)
    return best, events


def main() -> None:
    """Print articles/s (per CPU-second) with and without the learned model, and peak RSS."""
    from flashpoint.learn import load_learned
    from flashpoint.learn.encoder import shared_encoder
    from flashpoint.text import make_article

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("name", help="learned model name or folder")
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    learned = load_learned(args.name)
    warm_up()
    shared_encoder().encode(["warm-up"])
    articles = clean_corpus(build_corpus(args.articles))
    snippets = [make_article(a.text[:SNIPPET_CHARS], source=a.source) for a in articles]
    for label, texts in (("whole articles", articles), (f"first {SNIPPET_CHARS} chars", snippets)):
        for with_model in (None, learned):
            seconds, events = best_cpu_seconds(texts, with_model, args.rounds)
            print(f"{label:>20} {'--learned ' + learned.name if with_model else 'rules alone':>22}: "
                  f"{len(texts) / seconds:6.1f} articles/s per CPU-second, {events} events", flush=True)
    print(f"peak RSS {peak_rss_self_mib():.0f} MiB (target < 1536)")


if __name__ == "__main__":
    main()
