"""Spark session for local runs and the settings the tests use."""

from __future__ import annotations

import os
import sys
from pathlib import Path

# Light settings for a shared 2-core machine: no UI, few shuffle partitions.
LIGHT_CONF = {
    "spark.ui.enabled": "false",
    "spark.sql.shuffle.partitions": "2",
    "spark.default.parallelism": "2",
    "spark.driver.memory": "1g",
    "spark.sql.session.timeZone": "UTC",
    "spark.python.worker.reuse": "true",  # keep spaCy loaded between tasks
}


def _package_root() -> str:
    import flashpoint

    return str(Path(flashpoint.__file__).resolve().parents[1])


def prepare_local_workers() -> None:
    """Make local Python workers run this interpreter and see this flashpoint checkout.

    Only for local masters: on a cluster the executors get flashpoint from
    their own environment (see docs/cluster.md).
    """
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    root = _package_root()
    paths = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    if root not in paths:
        os.environ["PYTHONPATH"] = os.pathsep.join([root, *paths])


def get_session(master: str | None = None, conf: dict[str, str] | None = None, app_name: str = "flashpoint"):
    """A SparkSession: ``master`` like ``local[2]`` for a local run, None under spark-submit.

    Local runs use LIGHT_CONF unless ``conf`` overrides a key.
    """
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName(app_name)
    settings = dict(conf or {})
    if master is not None:
        builder = builder.master(master)
        if master.startswith("local"):
            prepare_local_workers()
            settings = {**LIGHT_CONF, **settings}
    for key, value in settings.items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    return spark
