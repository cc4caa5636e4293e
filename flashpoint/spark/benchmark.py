"""Throughput of the Spark job in local[N] against the local N-process ingest, same articles.

    .venv/bin/python -m flashpoint.spark.benchmark --articles 400      # corpus from benchmarks/corpus.py
    .venv/bin/python -m flashpoint.spark.benchmark --input articles.jsonl

Both are run end to end as a user would (``flashpoint ingest --workers N`` into a
fresh SQLite file; ``flashpoint spark-extract --master local[N]``), so both
include start-up and model loading. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def write_corpus(n: int, path: Path) -> int:
    """Write ``n`` benchmark articles (benchmarks/corpus.py) as JSON lines; return the word count."""
    sys.path.insert(0, str(REPO))
    from benchmarks.corpus import build_corpus

    words = 0
    with path.open("w", encoding="utf-8") as out:
        for i, (name, text) in enumerate(build_corpus(n)):
            words += len(text.split())
            out.write(json.dumps({"id": f"{i}:{name}", "text": text}) + "\n")
    return words


def _run(args: list[str]) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{done.stderr[-3000:]}")
    return seconds, done.stdout.strip().splitlines()[-1]


def main(argv: list[str] | None = None) -> None:
    """Run both and print articles/s."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--input", type=Path, default=None, help="JSON lines of articles instead of the generated corpus")
    parser.add_argument("--workers", type=int, default=2, help="ingest processes and Spark local[N] cores")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="fp-spark-bench-"))
    source = args.input or work / "articles.jsonl"
    if args.input is None:
        write_corpus(args.articles, source)
    n = sum(1 for line in source.open(encoding="utf-8") if line.strip())
    flashpoint = [sys.executable, "-c", "from flashpoint.cli import main; main()"]

    db = work / "ingest.db"
    ingest_s, ingest_line = _run([*flashpoint, "ingest", "-q", "--workers", str(args.workers), "--db", str(db), str(source)])
    with sqlite3.connect(db) as conn:
        tables = {r[0] for r in conn.execute("select name from sqlite_master where type='table'")}
        stored = conn.execute("select count(*) from events").fetchone()[0] if "events" in tables else None

    spark_s, spark_line = _run(
        [*flashpoint, "spark-extract", str(source), str(work / "out"), "--master", f"local[{args.workers}]"]
    )
    print(f"articles: {n} ({source})")
    print(f"ingest --workers {args.workers}: {ingest_s:.1f} s, {n / ingest_s:.1f} articles/s | {ingest_line}")
    print(f"spark local[{args.workers}]:     {spark_s:.1f} s, {n / spark_s:.1f} articles/s | {spark_line}")
    print(f"spark / ingest throughput: {ingest_s / spark_s:.2f}; events table rows after ingest: {stored}")


if __name__ == "__main__":
    main()
