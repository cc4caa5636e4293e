"""The Spark job on a real standalone cluster: a master and two workers, separate JVMs, spark-submit.

The cluster is Apache Spark's own (pyspark's bin/spark-class), on 127.0.0.1 and
free ports, stopped at the end even when a test fails. The executors run this
venv's Python (``spark.pyspark.python``; the workers are on this machine, so the
path is the same; docs/cluster.md gives the ``--archives`` form a real cluster
needs). Output must equal the local pipeline's on the same articles, also when
one worker is killed while its executor is extracting.

Skipped when Java or pyspark is missing (scripts/install_java.sh installs Java).
"""

from __future__ import annotations

import json
import shutil
import signal
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.spark
pytest.importorskip("pyspark")
if shutil.which("java") is None:
    pytest.skip("no java on PATH (run scripts/install_java.sh)", allow_module_level=True)

import pyarrow.parquet as pq  # noqa: E402

from flashpoint.merge import merge_events  # noqa: E402
from flashpoint.model import to_dict  # noqa: E402
from flashpoint.spark import submit  # noqa: E402
from flashpoint.spark.standalone import StandaloneCluster, finish  # noqa: E402

CORPUS = Path(__file__).parent / "corpus"
DATA = Path(__file__).parent / "data" / "spark"
# One executor of one core per worker; small memory (the Python workers' memory is outside these).
OPTIONS = ["--total-executor-cores", "2", "--executor-cores", "1", "--executor-memory", "512m", "--driver-memory", "512m"]
SUBMIT_TIMEOUT = 900  # seconds; generous, the CI machine may be loaded


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    work = tmp_path_factory.mktemp("cluster")

    def interrupted(signum, frame):
        raise KeyboardInterrupt(f"signal {signum}")  # so that pytest still runs the teardown below

    previous = signal.signal(signal.SIGTERM, interrupted)
    try:
        with StandaloneCluster(work, workers=2, cores=1, memory="1g") as running:
            yield running  # leaving the block stops the master, workers, executors and Python workers
    finally:
        signal.signal(signal.SIGTERM, previous)


@pytest.fixture(scope="module")
def articles(tmp_path_factory):
    """tests/corpus as JSON lines, plus tests/data/spark (two unreadable records); and the local pipeline's documents."""
    from flashpoint import extract_articles, text

    corpus = []
    for path in text.iter_input_files([str(CORPUS)]):
        corpus.extend(r for r in text.read_records(path) if not isinstance(r, Exception))
    assert len(corpus) >= 15, "tests/corpus is missing articles"
    records = [
        {"id": f"corpus-{i}", "text": a.text, "date": a.date.isoformat() if a.date else None, "url": a.url, "title": a.title}
        for i, a in enumerate(corpus)
    ]
    records += [json.loads(line) for line in (DATA / "articles.jsonl").read_text().splitlines()]
    source = tmp_path_factory.mktemp("input") / "articles.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in records))
    own = [r for r in text.read_records(str(DATA / "articles.jsonl")) if not isinstance(r, Exception)]
    docs = list(extract_articles(corpus + own))
    return {"path": source, "records": records, "docs": docs}


def _conf(cluster, name: str) -> dict[str, str]:
    events = cluster.workdir / f"eventlog-{name}"
    events.mkdir()
    return {
        "spark.ui.enabled": "false",
        "spark.sql.shuffle.partitions": "2",
        # start only when both executors are there (each worker then gets tasks), however slow the machine
        "spark.scheduler.minRegisteredResourcesRatio": "1.0",
        "spark.scheduler.maxRegisteredResourcesWaitingTime": "300s",
        "spark.eventLog.enabled": "true",  # read back below: which executors and tasks were lost
        "spark.eventLog.dir": events.as_uri(),
        "spark.eventLog.compress": "false",
    }


def _sorted_json(rows) -> list[str]:
    return sorted(json.dumps(r, sort_keys=True) for r in rows)


def _check_output(out: Path, articles) -> None:
    """events, article_events, quotes, articles and errors under ``out`` equal the local pipeline's."""
    docs = articles["docs"]
    local_events = merge_events(e for d in docs for e in d.events)
    assert len(local_events) >= 5 and any(len(e.sources) >= 2 for e in local_events), "too few events to compare"
    events = pq.read_table(out / "events").to_pylist()
    assert _sorted_json(json.loads(r["event_json"]) for r in events) == _sorted_json(to_dict(e) for e in local_events)

    article_events = pq.read_table(out / "article_events").to_pylist()
    assert _sorted_json(json.loads(r["event_json"]) for r in article_events) == _sorted_json(
        to_dict(e) for d in docs for e in d.events
    )
    quotes = pq.read_table(out / "quotes").to_pylist()
    assert sorted((q["article_id"], q["text"], q["speaker"]) for q in quotes) == sorted(
        (q.article_id, q.text, q.speaker) for d in docs for q in d.quotes
    )
    read = pq.read_table(out / "articles").to_pylist()
    assert sorted(r["article_id"] for r in read) == sorted(d.article.id for d in docs)
    errors = {r["article_id"]: r for r in pq.read_table(out / "errors").to_pylist()}
    assert set(errors) == {"no-text", "bad-date"}  # bad records are rows, not a failed job
    assert errors["no-text"]["stage"] == "read" and "bad date" in errors["bad-date"]["error"]


def _events_of(eventlog: Path) -> list[dict]:
    files = [f for f in eventlog.rglob("*") if f.is_file() and not f.name.startswith(".")]
    return [json.loads(line) for f in files for line in f.read_text().splitlines() if line.strip()]


def test_spark_submit_on_two_workers_equals_the_local_pipeline(cluster, articles):
    out = cluster.workdir / "out-clean"
    conf = _conf(cluster, "clean")
    code, output = cluster.submit([submit.__file__, str(articles["path"]), str(out)], conf, OPTIONS, SUBMIT_TIMEOUT)
    assert code == 0, output[-4000:]
    n = len(articles["docs"])
    assert f"{n} articles ->" in output and "2 errors" in output
    _check_output(out, articles)
    log = _events_of(Path(conf["spark.eventLog.dir"][len("file://") :]))
    executors = {e["Executor ID"] for e in log if e["Event"] == "SparkListenerExecutorAdded"}
    assert len(executors) == 2, f"expected an executor on each worker, got {executors}"
    ran_on = {e["Task Info"]["Executor ID"] for e in log if e["Event"] == "SparkListenerTaskEnd"}
    assert ran_on == executors  # both workers did work


def test_a_worker_killed_mid_extraction_changes_nothing(cluster, articles):
    """SIGKILL one worker (with its executor and Python workers) once it runs Python tasks; the job still equals local."""
    out = cluster.workdir / "out-fault"
    conf = _conf(cluster, "fault")
    proc = cluster.launch([submit.__file__, str(articles["path"]), str(out)], conf, OPTIONS, cluster.workdir / "logs" / "fault.log")
    killed = None
    deadline = time.monotonic() + SUBMIT_TIMEOUT
    try:
        while killed is None and proc.poll() is None and time.monotonic() < deadline:
            for worker in range(cluster.workers):
                if cluster.python_workers(worker):  # its executor has started a Python (extraction) task
                    cluster.kill_worker(worker)
                    killed = worker
                    break
            time.sleep(0.1)
        code = finish(proc, max(1.0, deadline - time.monotonic()))
    finally:
        if proc.poll() is None:
            finish(proc, 1)
    output = (cluster.workdir / "logs" / "fault.log").read_text(errors="replace")
    assert killed is not None, "no Python task was seen on a worker before the job ended:\n" + output[-3000:]
    assert code == 0, output[-4000:]
    _check_output(out, articles)
    log = _events_of(Path(conf["spark.eventLog.dir"][len("file://") :]))
    removed = [e for e in log if e["Event"] == "SparkListenerExecutorRemoved"]
    lost = [
        e for e in log
        if e["Event"] == "SparkListenerTaskEnd" and e["Task End Reason"]["Reason"] == "ExecutorLostFailure"
    ]
    assert removed, "the driver never saw the executor go"
    assert lost, "no task was running on the killed worker (so none was retried)"
    state = cluster.state()
    assert state.get("aliveworkers") == cluster.workers - 1
