"""Profile the pipeline with pyinstrument and print where the time goes.

(Not named profile.py: this folder is first on sys.path when a script here
runs, and a profile.py would shadow the standard library module cProfile needs.)

    python benchmarks/profile_pipeline.py --articles 60 [--top 15] [--html profile.html] [--tree]

The model is loaded and warmed up before profiling starts, so the figures are
steady-state extraction costs. Printed: time per stage (spaCy parse, extract,
geo), the functions with the most cumulative time inside flashpoint, and the
functions with the most self time anywhere (spaCy/thinc internals included).
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import sys  # noqa: E402
from collections import defaultdict  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import build_corpus  # noqa: E402

# (label, function name, path fragment) of each stage's entry point.
STAGES = (
    ("spaCy parse (nlp.pipe; + detached Cython frames)", "parse", "flashpoint/nlp/"),
    ("events stage", "find_events", "flashpoint/events/"),
    ("quotes stage", "extract_quotes", "flashpoint/quotes/"),
    ("geo stage", "resolve", "flashpoint/geo/"),
)


def _key(frame) -> tuple[str, str, int]:
    return (frame.function, frame.file_path or "", frame.line_no or 0)


def aggregate(root) -> tuple[dict, dict]:
    """Cumulative and self seconds per function over the whole call tree.

    Cumulative time counts a function once per call path: frames nested inside
    a frame of the same function (recursion) are not added again.
    """
    cumulative: dict = defaultdict(float)
    self_time: dict = defaultdict(float)

    def walk(frame, active: frozenset) -> None:
        key = _key(frame)
        if not frame.is_synthetic:
            self_time[key] += frame.total_self_time
            if key not in active:
                cumulative[key] += frame.time
                active = active | {key}
        for child in frame.children:
            walk(child, active)

    walk(root, frozenset())
    return cumulative, self_time


def detached_spacy_time(root) -> float:
    """Seconds in Cython frames (spaCy/thinc) that pyinstrument could not attach
    to their Python caller; they show up directly under the thread root."""
    return sum(
        child.time for child in root.children
        if not child.is_synthetic and any(p in (child.file_path or "") for p in ("spacy/", "thinc/", ".pyx", ".pxd"))
    )


def _where(key: tuple[str, str, int]) -> str:
    function, path, line = key
    short = path.split("site-packages/")[-1].split("/work/main/")[-1]
    return f"{function}  ({short}:{line})"


def main(argv: list[str] | None = None) -> None:
    """Profile extraction over a built corpus and print the top costs."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--interval", type=float, default=0.001, help="sampling interval, seconds")
    parser.add_argument("--clock", choices=("wall", "cpu"), default="wall",
                        help="sample by wall-clock time (default) or by this thread's CPU time (waiting "
                             "for a CPU is then not counted, but timing every call slows Python code "
                             "more than native code, which skews the split)")
    parser.add_argument("--html", help="also write pyinstrument's interactive HTML report here")
    parser.add_argument("--tree", action="store_true", help="also print pyinstrument's call tree")
    args = parser.parse_args(argv)

    from pyinstrument import Profiler

    import flashpoint
    from flashpoint.text import make_article

    articles = [make_article(text, source=name) for name, text in build_corpus(args.articles)]
    list(flashpoint.extract_articles(articles[:2]))  # load model, gazetteer, lexicons

    if args.clock == "cpu":
        import time

        from pyinstrument.stack_sampler import get_stack_sampler

        get_stack_sampler().timer_func = time.thread_time
    profiler = Profiler(interval=args.interval)
    profiler.start()
    docs = list(flashpoint.extract_articles(articles))
    profiler.stop()

    session = profiler.last_session
    root = session.root_frame()
    print(f"clock: {args.clock}")
    print(f"profiled {len(articles)} articles in {session.duration:.2f} s wall"
          f" ({len(articles) / session.duration:.1f} articles/s), "
          f"{sum(len(d.events) for d in docs)} events, {sum(len(d.quotes) for d in docs)} quotes")
    if root is None:
        print("no samples recorded")
        return
    cumulative, self_time = aggregate(root)
    total = root.time  # sampled seconds on the chosen clock; percentages are of this

    print(f"\ntime per stage ({total:.2f} s sampled on the {args.clock} clock; "
          f"run took {session.duration:.2f} s wall, {session.cpu_time:.2f} s CPU):")
    for label, function, fragment in STAGES:
        seconds = sum(t for (f, path, _), t in cumulative.items() if f == function and fragment in path)
        if fragment == "flashpoint/nlp/":
            seconds += detached_spacy_time(root)
        print(f"  {seconds:7.2f} s  {100 * seconds / total:5.1f}%  {label}")
    idle = root.total_self_time
    print(f"  {idle:7.2f} s  {100 * idle / total:5.1f}%  not attributed to a frame (native code between samples,"
          " GC; on the wall clock also waiting for a CPU)")

    print(f"\ntop {args.top} flashpoint functions by cumulative time:")
    ours = [(k, t) for k, t in cumulative.items() if "/flashpoint/" in k[1] and "pipeline.py" not in k[1]]
    for key, seconds in sorted(ours, key=lambda kt: -kt[1])[: args.top]:
        print(f"  {seconds:7.2f} s  {100 * seconds / total:5.1f}%  {_where(key)}")

    print(f"\ntop {args.top} functions by self time (anywhere):")
    for key, seconds in sorted(self_time.items(), key=lambda kt: -kt[1])[: args.top]:
        print(f"  {seconds:7.2f} s  {100 * seconds / total:5.1f}%  {_where(key)}")

    if args.tree:
        print(profiler.output_text(unicode=True, color=False, show_all=False))
    if args.html:
        Path(args.html).write_text(profiler.output_html(), encoding="utf-8")
        print(f"\nHTML report: {args.html}")


if __name__ == "__main__":
    main()
