"""The Spark job: articles (JSON lines or Parquet) in, events, quotes and errors as Parquet out.

Output layout under OUTPUT::

    events/month=YYYY-MM/       merged events (cross-article dedup), month=unknown when undated
                                (a partitioned folder with no rows holds only _SUCCESS)
    article_events/month=.../   every article's own events before the merge (to re-run the merge)
    quotes/                     attributed quotes
    articles/                   every article read: content-hash id, the record's id, url, title, date
    errors/                     records that could not be read or extracted
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from flashpoint.errors import InputError
from flashpoint.spark.partition import extract_partition
from flashpoint.spark.rows import (
    ARTICLE_COLUMNS,
    ERROR_COLUMNS,
    EVENT_COLUMNS,
    QUOTE_COLUMNS,
    as_tuple,
    event_row,
)

INPUT_COLUMNS = ("id", "text", "date", "url", "title")
CORRUPT = "_corrupt_record"  # the raw line of a JSON line Spark could not parse
FORMATS = ("json", "parquet")


@dataclass
class JobSummary:
    """Counts from one run (what the CLI prints)."""

    articles: int  # read (the rest are errors)
    article_events: int
    events: int
    quotes: int
    errors: int
    output: str


def guess_format(path: str) -> str:
    """``parquet`` for a .parquet path or a directory of Parquet files, else ``json`` (JSON lines)."""
    stripped = path.rstrip("/")
    if stripped.endswith(".parquet"):
        return "parquet"
    if os.path.isdir(stripped):
        names = os.listdir(stripped)
        if any(n.endswith(".parquet") for n in names):
            return "parquet"
    return "json"


def read_articles(spark, path: str, input_format: str | None = None):
    """A DataFrame of input records: id, text, date, url, title (missing ones null), _corrupt_record.

    JSON lines are read with a fixed schema (a file without ``text`` gives an
    error row per record); Parquet must have a ``text`` column.
    """
    from pyspark.sql import functions as F
    from pyspark.sql.utils import AnalysisException

    fmt = input_format or guess_format(path)
    if fmt not in FORMATS:
        raise InputError(path, f"unknown input format {fmt!r} (use json or parquet)")
    try:
        if fmt == "parquet":
            frame = spark.read.parquet(path)
        else:
            # A fixed schema saves a full pass over the input to infer one; non-string
            # JSON values (an integer id) are read as their JSON text.
            schema = ", ".join(f"`{name}` string" for name in (*INPUT_COLUMNS, CORRUPT))
            frame = spark.read.schema(schema).option("columnNameOfCorruptRecord", CORRUPT).json(path)
    except AnalysisException as exc:
        raise InputError(path, str(exc).splitlines()[0]) from exc
    if "text" not in frame.columns:
        raise InputError(path, f"no 'text' column (found: {', '.join(frame.columns) or 'none'})")
    types = dict(frame.dtypes)

    def column(name):
        if name not in frame.columns:
            return F.lit(None).cast("string").alias(name)
        if name == "date" and (types[name] == "date" or types[name].startswith("timestamp")):
            return F.date_format(F.col(name), "yyyy-MM-dd").alias(name)  # a day, not a time
        return F.col(name).cast("string").alias(name)

    return frame.select(*[column(name) for name in (*INPUT_COLUMNS, CORRUPT)])


def _frame(spark, rdd, columns):
    from flashpoint.spark.schema import struct

    return spark.createDataFrame(rdd.map(lambda row: as_tuple(row, columns)), struct(columns))


def run_job(
    spark,
    input_path: str,
    output_path: str,
    *,
    input_format: str | None = None,
    partitions: int | None = None,
    mode: str = "overwrite",
) -> JobSummary:
    """Extract, dedup and write; returns counts. ``partitions`` defaults to Spark's parallelism."""
    from pyspark import StorageLevel

    records = read_articles(spark, input_path, input_format)
    wanted = partitions or spark.sparkContext.defaultParallelism
    if records.rdd.getNumPartitions() < wanted:
        records = records.repartition(wanted)

    tagged = records.rdd.mapPartitions(extract_partition).persist(StorageLevel.MEMORY_AND_DISK)

    def rows(kind):
        return tagged.filter(lambda item: item[0] == kind).map(lambda item: item[1])

    article_events = _frame(spark, rows("event"), EVENT_COLUMNS).persist(StorageLevel.MEMORY_AND_DISK)
    quotes = _frame(spark, rows("quote"), QUOTE_COLUMNS)
    errors = _frame(spark, rows("error"), ERROR_COLUMNS)
    read = _frame(spark, rows("article"), ARTICLE_COLUMNS)

    from flashpoint.spark.dedup import dedup_events

    merged_rows = dedup_events(article_events.rdd.map(lambda row: row["event_json"])).map(event_row)
    events = _frame(spark, merged_rows, EVENT_COLUMNS).persist(StorageLevel.MEMORY_AND_DISK)

    out = output_path.rstrip("/")
    article_events.write.mode(mode).partitionBy("month").parquet(f"{out}/article_events")
    events.write.mode(mode).partitionBy("month").parquet(f"{out}/events")
    quotes.write.mode(mode).parquet(f"{out}/quotes")
    errors.write.mode(mode).parquet(f"{out}/errors")
    read.write.mode(mode).parquet(f"{out}/articles")

    counts = tagged.map(lambda item: item[0]).countByValue()  # on the cached extraction
    summary = JobSummary(
        articles=counts.get("article", 0),
        article_events=counts.get("event", 0),
        events=events.count(),
        quotes=counts.get("quote", 0),
        errors=counts.get("error", 0),
        output=out,
    )
    events.unpersist()
    article_events.unpersist()
    tagged.unpersist()
    return summary
