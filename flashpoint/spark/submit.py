"""spark-submit entry point: ``spark-submit [options] submit.py INPUT OUTPUT [--format F] [--partitions N]``.

The path of this file is printed by ``python -m flashpoint.spark.submit --path``.
The master, memory and cores come from spark-submit; see docs/cluster.md.
"""

from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, run the job in the session spark-submit set up, print the counts."""
    parser = argparse.ArgumentParser(prog="flashpoint-spark", description=__doc__.splitlines()[0])
    parser.add_argument("input", nargs="?", help="JSON lines or Parquet of articles (text, date, url, id)")
    parser.add_argument("output", nargs="?", help="output directory (Parquet)")
    parser.add_argument("--format", choices=("json", "parquet"), default=None)
    parser.add_argument("--partitions", type=int, default=None)
    parser.add_argument("--path", action="store_true", help="print this file's path (for spark-submit) and exit")
    args = parser.parse_args(argv)
    if args.path:
        print(__file__)
        return 0
    if not args.input or not args.output:
        parser.error("INPUT and OUTPUT are required")

    from flashpoint.errors import FlashpointError
    from flashpoint.spark.job import run_job
    from flashpoint.spark.session import get_session

    spark = get_session(master=None)
    try:
        summary = run_job(spark, args.input, args.output, input_format=args.format, partitions=args.partitions)
    except FlashpointError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        spark.stop()
    print(
        f"{summary.articles} articles -> {summary.events} events "
        f"({summary.article_events} before merge), {summary.quotes} quotes, "
        f"{summary.errors} errors; written to {summary.output}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
