"""Benchmark the pipeline against plain spaCy on the same texts, in one run.

    python benchmarks/run.py --articles 200 [--processes 1,2] [--json]

Prints articles/s and words/s for ``flashpoint.extract_articles`` and for
``nlp.pipe`` with the same loaded model over the same cleaned texts, their
ratio, peak RSS, and scaling over worker processes (each worker loads the
model once; timing starts when all workers are warm). Targets are reported,
not asserted: >= 20 articles/s on one core, >= 0.5x plain spaCy, < 1.5 GiB.
"""

from __future__ import annotations

import os

# One core means one BLAS thread too; set before numpy is imported.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import multiprocessing as mp  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import build_corpus  # noqa: E402

TARGET_ARTICLES_PER_S = 20.0
TARGET_SPACY_RATIO = 0.5
TARGET_RSS_MIB = 1536.0
WARMUP_TEXT = "date 2020-02-10\n\nFive soldiers were killed in shelling on Taftanaz on Monday, officials said."


def peak_rss_mib() -> float:
    """Peak resident set size of this process in MiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def clean_corpus(raw: list[tuple[str, str]]):
    """Articles via the text stage, as ``flashpoint.extract`` would build them."""
    from flashpoint.text import make_article

    return [make_article(text, source=name) for name, text in raw]


def warm_up() -> None:
    """Load the model and every lazily-built resource (gazetteer, lexicons) once."""
    import flashpoint
    from flashpoint.text import make_article

    list(flashpoint.extract_articles([make_article(WARMUP_TEXT, source="warm-up")]))


def _timed(fn):
    started = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - started


def _timed_cpu(fn):
    """(result, wall seconds, CPU seconds of this process)."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def single_process(articles, rounds: int = 2) -> dict:
    """Plain spaCy and the pipeline over the same texts in this process.

    The two alternate for ``rounds`` rounds and the best time of each is kept,
    so neither gains from running second on a warmer cache or a quieter machine.
    """
    import flashpoint
    from flashpoint.nlp import load

    nlp = load()
    texts = [a.text for a in articles]
    spacy_s, pipeline_s = [], []
    for _ in range(max(1, rounds)):
        spacy_s.append(_timed_cpu(lambda: sum(1 for _ in nlp.pipe(texts, batch_size=16)))[1:])
        docs, *seconds = _timed_cpu(lambda: list(flashpoint.extract_articles(articles)))
        pipeline_s.append(tuple(seconds))
    return {
        "spacy_seconds": min(w for w, _ in spacy_s),
        "pipeline_seconds": min(w for w, _ in pipeline_s),
        "spacy_cpu_seconds": min(c for _, c in spacy_s),
        "pipeline_cpu_seconds": min(c for _, c in pipeline_s),
        "events": sum(len(d.events) for d in docs),
        "quotes": sum(len(d.quotes) for d in docs),
    }


def peak_rss_self_mib() -> float:
    """This process's own peak RSS from /proc (VmHWM), unaffected by its parent."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return peak_rss_mib()


def _worker_init(barrier) -> None:
    warm_up()
    barrier.wait()


def _worker_extract(batch) -> float:
    """Extract a batch; returns the worker's peak RSS so far (MiB)."""
    import flashpoint

    for _ in flashpoint.extract_articles(batch):
        pass
    return peak_rss_self_mib()


def scaling(articles, processes: int, batch: int = 16) -> tuple[float, float]:
    """Seconds to extract all articles with ``processes`` spawned, pre-warmed
    workers, and the largest worker peak RSS in MiB."""
    ctx = mp.get_context("spawn")
    barrier = ctx.Barrier(processes + 1)
    batches = [articles[i : i + batch] for i in range(0, len(articles), batch)]
    with ctx.Pool(processes, initializer=_worker_init, initargs=(barrier,)) as pool:
        barrier.wait()  # every worker has loaded the model and warmed up
        peaks, seconds = _timed(lambda: list(pool.imap_unordered(_worker_extract, batches)))
    return seconds, max(peaks, default=0.0)


def _verdict(ok: bool) -> str:
    return "meets target" if ok else "below target"


def main(argv: list[str] | None = None) -> dict:
    """Run the benchmark and print its figures; returns them as a dict."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--processes", default="1,2", help="comma-separated worker counts for scaling")
    parser.add_argument("--rounds", type=int, default=2,
                        help="alternating spaCy/pipeline rounds, and runs per process count (best kept)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON instead")
    args = parser.parse_args(argv)

    raw = build_corpus(args.articles)
    from flashpoint.nlp import load

    _, load_s = _timed(load)
    warm_up()
    articles, clean_s = _timed(lambda: clean_corpus(raw))
    words = sum(len(a.text.split()) for a in articles)
    n = len(articles)
    single = single_process(articles, args.rounds)
    rss_single = peak_rss_self_mib()

    per_proc, rss_workers = {}, 0.0
    for procs in [int(p) for p in args.processes.split(",") if p.strip()]:
        runs = [scaling(articles, procs) for _ in range(max(1, args.rounds))]  # best of rounds
        per_proc[procs] = min(seconds for seconds, _ in runs)
        rss_workers = max([rss_workers] + [peak for _, peak in runs])

    pipeline_rate = n / single["pipeline_seconds"]
    spacy_rate = n / single["spacy_seconds"]
    pipeline_cpu_rate = n / single["pipeline_cpu_seconds"]
    spacy_cpu_rate = n / single["spacy_cpu_seconds"]
    figures = {
        "articles": n,
        "words": words,
        "real_articles": sum(1 for name, _ in raw if not name.startswith("variant-")),
        "model_load_seconds": round(load_s, 3),
        "cleaning_articles_per_s": round(n / clean_s, 1),
        "pipeline_articles_per_s": round(pipeline_rate, 2),
        "pipeline_words_per_s": round(words / single["pipeline_seconds"]),
        "spacy_articles_per_s": round(spacy_rate, 2),
        "spacy_words_per_s": round(words / single["spacy_seconds"]),
        "ratio_to_spacy": round(pipeline_rate / spacy_rate, 3),
        # Per CPU-second of this process: what one core gives when the
        # machine is shared and wall time includes waiting for a CPU.
        "pipeline_articles_per_cpu_s": round(pipeline_cpu_rate, 2),
        "spacy_articles_per_cpu_s": round(spacy_cpu_rate, 2),
        "ratio_to_spacy_cpu": round(pipeline_cpu_rate / spacy_cpu_rate, 3),
        "load_average": round(os.getloadavg()[0], 2),
        "events": single["events"],
        "quotes": single["quotes"],
        "peak_rss_mib": round(rss_single, 1),
        "peak_rss_worker_mib": round(rss_workers, 1),
        "scaling": {
            str(p): {"articles_per_s": round(n / s, 2), "speedup": round(per_proc[min(per_proc)] / s, 2)}
            for p, s in per_proc.items()
        },
    }
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        print_figures(figures)
    return figures


def print_figures(f: dict) -> None:
    """The human-readable report, one figure per line."""
    print(f"corpus: {f['articles']} articles ({f['real_articles']} real, rest generated), {f['words']} words")
    print(f"model load: {f['model_load_seconds']:.2f} s; cleaning: {f['cleaning_articles_per_s']:.1f} articles/s")
    print(f"pipeline (1 process): {f['pipeline_articles_per_s']:.2f} articles/s, {f['pipeline_words_per_s']} words/s"
          f" ({f['events']} events, {f['quotes']} quotes)")
    print(f"plain spaCy nlp.pipe: {f['spacy_articles_per_s']:.2f} articles/s, {f['spacy_words_per_s']} words/s")
    print(f"ratio pipeline/spaCy: {f['ratio_to_spacy']:.3f}x")
    print(f"per CPU-second: pipeline {f['pipeline_articles_per_cpu_s']:.2f} articles, spaCy"
          f" {f['spacy_articles_per_cpu_s']:.2f} articles, ratio {f['ratio_to_spacy_cpu']:.3f}x"
          f" (1-min load average {f['load_average']:.2f})")
    print(f"peak RSS: {f['peak_rss_mib']:.1f} MiB (main process), {f['peak_rss_worker_mib']:.1f} MiB (largest worker)")
    for procs, s in f["scaling"].items():
        print(f"scaling: {procs} process(es): {s['articles_per_s']:.2f} articles/s, speedup {s['speedup']:.2f}x")
    print("targets:")
    print(f"  >= {TARGET_ARTICLES_PER_S:g} articles/s on one core: {f['pipeline_articles_per_s']:.2f} wall"
          f" ({_verdict(f['pipeline_articles_per_s'] >= TARGET_ARTICLES_PER_S)}),"
          f" {f['pipeline_articles_per_cpu_s']:.2f} per CPU-second"
          f" ({_verdict(f['pipeline_articles_per_cpu_s'] >= TARGET_ARTICLES_PER_S)})")
    print(f"  >= {TARGET_SPACY_RATIO:g}x plain spaCy: {f['ratio_to_spacy']:.3f}x"
          f" ({_verdict(f['ratio_to_spacy'] >= TARGET_SPACY_RATIO)})")
    peak = max(f["peak_rss_mib"], f["peak_rss_worker_mib"])
    print(f"  peak RSS < {TARGET_RSS_MIB / 1024:g} GiB: {peak:.1f} MiB ({_verdict(peak < TARGET_RSS_MIB)})")


if __name__ == "__main__":
    main()
