#!/usr/bin/env bash
# The Spark standalone-cluster test on its own: a master and two workers
# (separate JVMs from pyspark's spark-class, 127.0.0.1, free ports), spark-submit
# of the job on tests/corpus compared with the local pipeline, then one worker
# killed mid-job. `scripts/test` (and so CI) runs the same test with the suite.
# Needs Java 17/21 (scripts/install_java.sh) and `scripts/install --dev`.
# The cluster is stopped by the test's fixture even when a check fails.
set -euo pipefail
cd "$(dirname "$0")/.."
exec .venv/bin/python -m pytest -q -p no:cacheprovider tests/test_spark_cluster.py "$@"
