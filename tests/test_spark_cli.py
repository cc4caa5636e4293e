"""`flashpoint spark-extract` and the spark-submit entry point."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from flashpoint.cli import cli

DATA = Path(__file__).parent / "data" / "spark"


def test_bad_conf_is_reported_before_spark_starts(tmp_path):
    pytest.importorskip("pyspark")
    result = CliRunner().invoke(cli, ["spark-extract", str(DATA / "articles.jsonl"), str(tmp_path), "--conf", "novalue"])
    assert result.exit_code != 0
    assert "--conf: expected KEY=VALUE" in str(result.exception)


def test_submit_entry_point_prints_its_path():
    done = subprocess.run(
        [sys.executable, "-m", "flashpoint.spark.submit", "--path"], capture_output=True, text=True, check=True
    )
    path = Path(done.stdout.strip())
    assert path.name == "submit.py" and path.is_file()
    assert "def main" in path.read_text()


@pytest.mark.spark
def test_spark_extract_writes_parquet_and_prints_counts(tmp_path):
    pytest.importorskip("pyspark")
    if shutil.which("java") is None:
        pytest.skip("no java on PATH (run scripts/install_java.sh)")
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli, ["spark-extract", str(DATA / "articles.jsonl"), str(out), "--master", "local[2]", "--partitions", "2"]
    )
    assert result.exit_code == 0, result.output
    assert "6 articles ->" in result.output and "2 errors" in result.output
    for folder in ("events", "article_events", "quotes", "articles", "errors"):
        assert any((out / folder).rglob("*.parquet")), folder
    import pyarrow.parquet as pq

    events = pq.read_table(out / "events").to_pylist()
    assert events and all(json.loads(e["event_json"])["id"] == e["event_id"] for e in events)
    assert f"{len(events)} events" in result.output
