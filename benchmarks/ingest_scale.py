"""How the store's merge cost grows with the database: replay extracted articles into a fresh store.

    .venv/bin/python benchmarks/ingest_scale.py extract --articles 20000 --workdir /tmp/fp-ingest
    .venv/bin/python benchmarks/ingest_scale.py store --workdir /tmp/fp-ingest [--limit 10000] [--profile-at 9000]

``extract`` writes the generated corpus (``flashpoint.spark.benchmark.write_corpus``,
the same as benchmarks/spark_scale.py: every article in 2021, a few dozen towns) and
extracts it once in two processes, keeping the Documents (``documents.pickle``).
``store`` adds them to a fresh SQLite store as ``flashpoint ingest`` does (batches of
32 documents, one transaction each) and prints the store's time per 1,000 articles:
the cost ``ingest`` pays in its writing process on top of extraction. With
``--profile-at N`` the batch that crosses N stored articles is run under cProfile.
``--events OUT`` writes the merged events (id, source report ids) as JSON lines, to
compare two versions of the merge. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pickle
import pstats
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def extract(args) -> None:
    from flashpoint.spark.benchmark import write_corpus
    from flashpoint.store.ingest import extract_parallel, records

    work = Path(args.workdir)
    work.mkdir(parents=True, exist_ok=True)
    source = work / "articles.jsonl"
    write_corpus(args.articles, source)
    started = time.perf_counter()
    documents = []
    for result in extract_parallel((r for r in records([str(source)]) if not hasattr(r, "reason")), args.workers):
        if hasattr(result, "events"):
            documents.append(result)
        if len(documents) % 1000 == 0 and documents:
            print(f"{len(documents)} documents, {time.perf_counter() - started:.0f} s", flush=True)
    with (work / "documents.pickle").open("wb") as out:
        pickle.dump(documents, out, protocol=pickle.HIGHEST_PROTOCOL)
    seconds = time.perf_counter() - started
    print(f"extracted {len(documents)} documents in {seconds:.0f} s ({len(documents) / seconds:.1f}/s)")


def store(args) -> None:
    from flashpoint.store import open_store

    work = Path(args.workdir)
    with (work / "documents.pickle").open("rb") as f:
        documents = pickle.load(f)
    if args.limit:
        documents = documents[: args.limit]
    db = work / (args.db or "store.db")
    db.unlink(missing_ok=True)
    figures = []
    with open_store(f"sqlite:///{db}") as st:
        if args.cache is not None and hasattr(st, "_reports"):
            st._reports.size = args.cache
        done, slice_start, slice_s = 0, 0, 0.0
        looked, slowest = [], 0.0
        for i in range(0, len(documents), args.batch):
            batch = documents[i : i + args.batch]
            profile = args.profile_at and done < args.profile_at <= done + len(batch)
            profiler = cProfile.Profile() if profile else None
            started = time.perf_counter()
            if profiler:
                profiler.enable()
            st.add_documents(batch, batch_size=args.batch)
            if profiler:
                profiler.disable()
            seconds = time.perf_counter() - started
            slice_s += seconds
            slowest = max(slowest, seconds)
            done += len(batch)
            remerged = getattr(st, "last_remerge", None)  # the incremental merge's counts (absent before it)
            if remerged is not None:
                looked.append(len(remerged.looked_at))
            if profiler:
                profiler.dump_stats(str(work / f"profile-{args.profile_at}.prof"))
                pstats.Stats(profiler).sort_stats("cumulative").print_stats(35)
            if done - slice_start >= args.every or done == len(documents):
                rate = (done - slice_start) / slice_s
                counts = st.counts()
                reach = f"; reports looked at per batch: mean {sum(looked) / len(looked):.0f}, max {max(looked)}" if looked else ""
                figures.append({"stored": done, "seconds": round(slice_s, 2), "articles_per_s": round(rate, 1),
                                "slowest_batch_s": round(slowest, 2), "events": counts["events"],
                                "reports": counts["event_sources"], "looked_at_max": max(looked, default=None)})
                print(f"{done:>6} articles stored: last {done - slice_start} in {slice_s:6.1f} s = {rate:7.1f} articles/s "
                      f"(slowest batch {slowest:.2f} s); {counts['event_sources']} reports, {counts['events']} events{reach}",
                      flush=True)
                slice_start, slice_s, looked, slowest = done, 0.0, [], 0.0
    if args.events:
        import sqlite3

        with sqlite3.connect(db) as conn:
            reports: dict[str, list[str]] = {}
            for event_id, report_id in conn.execute("select event_id, id from event_sources"):
                reports.setdefault(event_id, []).append(report_id)
            with Path(args.events).open("w", encoding="utf-8") as out:
                for event_id, data in conn.execute("select id, data from events order by id"):
                    out.write(json.dumps({"id": event_id, "reports": sorted(reports.get(event_id, [])), "data": data}) + "\n")
    (work / f"figures-{db.stem}.json").write_text(json.dumps(figures, indent=1))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    e = sub.add_parser("extract")
    e.add_argument("--articles", type=int, default=10000)
    e.add_argument("--workers", type=int, default=2)
    e.add_argument("--workdir", required=True)
    s = sub.add_parser("store")
    s.add_argument("--workdir", required=True)
    s.add_argument("--limit", type=int, default=0)
    s.add_argument("--batch", type=int, default=32)
    s.add_argument("--every", type=int, default=1000)
    s.add_argument("--profile-at", type=int, default=0)
    s.add_argument("--cache", type=int, default=None, help="parsed reports the store keeps (default: the store's)")
    s.add_argument("--db", default=None, help="file name in WORKDIR (default store.db)")
    s.add_argument("--events", default=None, help="write the merged events here (JSON lines)")
    args = parser.parse_args(argv)
    extract(args) if args.command == "extract" else store(args)


if __name__ == "__main__":
    main()
