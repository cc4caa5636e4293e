"""`flashpoint spark-extract`: the pipeline as a Spark job (needs the `spark` extra and Java)."""

from __future__ import annotations

import time

import click

from flashpoint.errors import InputError


@click.command("spark-extract")
@click.argument("input_path", metavar="INPUT")
@click.argument("output_path", metavar="OUTPUT")
@click.option("--master", default="local[2]", show_default=True, help="Spark master URL (local[N], yarn, k8s://..., spark://...).")
@click.option("--format", "input_format", type=click.Choice(["json", "parquet"]), default=None, help="Input format (default: from the path).")
@click.option("--partitions", type=int, default=None, help="Minimum input partitions (default: Spark's parallelism).")
@click.option("--conf", "confs", multiple=True, metavar="KEY=VALUE", help="Extra Spark setting; repeatable.")
def spark_extract(input_path: str, output_path: str, master: str, input_format: str | None, partitions: int | None, confs: tuple[str, ...]) -> None:
    """Extract events and quotes from INPUT (JSON lines or Parquet of articles with
    text, date, url, id) with Spark; write Parquet to OUTPUT: events/ and
    article_events/ (partitioned by month), quotes/, errors/."""
    try:
        import pyspark  # noqa: F401
    except ModuleNotFoundError as exc:
        raise click.ClickException("pyspark is not installed: pip install 'flashpoint[spark]'") from exc
    conf = {}
    for item in confs:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise InputError("--conf", f"expected KEY=VALUE, got {item!r}")
        conf[key] = value

    from flashpoint.spark.job import run_job
    from flashpoint.spark.session import get_session

    started = time.perf_counter()
    spark = get_session(master=master, conf=conf)
    try:
        summary = run_job(spark, input_path, output_path, input_format=input_format, partitions=partitions)
    finally:
        spark.stop()
    seconds = time.perf_counter() - started
    click.echo(
        f"{summary.articles} articles -> {summary.events} events "
        f"({summary.article_events} before merge), {summary.quotes} quotes, "
        f"{summary.errors} errors in {seconds:.1f} s; written to {summary.output}"
    )
