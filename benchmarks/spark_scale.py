"""Scale run: N generated articles through a 2-worker Spark standalone cluster and through `flashpoint ingest --workers 2`.

    .venv/bin/python benchmarks/spark_scale.py --articles 10000 --workdir /tmp/fp-scale
    .venv/bin/python benchmarks/spark_scale.py --articles 1000 --archives fp.tar.gz   # ship a packed venv

The corpus is benchmarks/corpus.py's (the test and QA articles, then variants:
paragraphs recombined, places swapped, numbers changed, a fresh date), written
as JSON lines. Both runs are end to end as a user runs them, start-up included.
Memory is sampled once a second from /proc: per worker, the executor JVM plus
its Python workers; for ingest, all its processes. The merge join is then timed
on its own, on the cluster (``flashpoint.spark.dedup`` over ``article_events``)
and in one local process (``merge_events``), for a sample and for all events.
Prints figures (and writes them as JSON to WORKDIR/figures.json); asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from flashpoint.spark.benchmark import write_corpus  # noqa: E402  (one corpus writer for both benchmarks)


def rss_mb(pid: int) -> float:
    """Resident memory of one process in MB (0 if it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


class MemorySampler(threading.Thread):
    """Once a second, the RSS of each named process group; keeps each group's peak total and peak single process."""

    def __init__(self, groups: dict[str, int], every: float = 1.0):
        super().__init__(daemon=True)
        self.groups = groups
        self.every = every
        self.peak_total = {name: 0.0 for name in groups}
        self.peak_python = {name: 0.0 for name in groups}
        self.peak_jvm = {name: 0.0 for name in groups}
        self.done = threading.Event()

    def run(self) -> None:
        from flashpoint.spark.standalone import process_tree

        while not self.done.is_set():
            for name, root in self.groups.items():
                total = 0.0
                for pid, cmd in process_tree(root):
                    if "deploy.worker.Worker" in cmd or "deploy.master.Master" in cmd:
                        continue  # the daemons themselves are not the executor
                    mb = rss_mb(pid)
                    total += mb
                    if "java" in cmd.split(" ")[0]:
                        self.peak_jvm[name] = max(self.peak_jvm[name], mb)
                    else:
                        self.peak_python[name] = max(self.peak_python[name], mb)
                self.peak_total[name] = max(self.peak_total[name], total)
            self.done.wait(self.every)


def du_mb(path: Path) -> float:
    """Size of a file or folder tree in MB."""
    if path.is_file():
        return path.stat().st_size / 2**20
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 2**20


def run_ingest(source: Path, work: Path, workers: int) -> dict:
    """`flashpoint ingest --workers N` into a fresh SQLite file: seconds, peak memory, database size."""
    db = work / "ingest.db"
    db.unlink(missing_ok=True)
    command = [sys.executable, "-c", "from flashpoint.cli import main; main()", "ingest", "-q", "--workers", str(workers), "--db", str(db), str(source)]
    log = work / "ingest.log"
    started = time.perf_counter()
    with log.open("wb") as out:
        proc = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        sampler = MemorySampler({"ingest": proc.pid})
        sampler.start()
        code = proc.wait()
        sampler.done.set()
    seconds = time.perf_counter() - started
    if code != 0:
        raise SystemExit(f"ingest failed:\n{log.read_text()[-3000:]}")
    return {
        "seconds": seconds,
        "peak_rss_mb_all_processes": sampler.peak_total["ingest"],
        "peak_rss_mb_one_process": sampler.peak_python["ingest"],
        "db_mb": du_mb(db),
        "summary": log.read_text().strip().splitlines()[-1:],
    }


def spark_options(args, archives: str | None) -> tuple[list[str], dict[str, str]]:
    """spark-submit options and --conf settings for the 2-worker run."""
    options = ["--total-executor-cores", str(args.workers), "--executor-cores", "1",
               "--executor-memory", "1g", "--driver-memory", "1g"]
    conf = {
        "spark.ui.enabled": "false",
        "spark.sql.shuffle.partitions": str(max(2, args.workers * 2)),
        "spark.python.worker.reuse": "true",
    }
    if archives:
        options += ["--archives", f"{archives}#fp"]
        conf["spark.pyspark.python"] = "./fp/bin/python"  # unpacked in each executor's work dir
        # The packed venv's site-packages, not this checkout (which the workers would inherit).
        conf["spark.executorEnv.PYTHONPATH"] = ""
    return options, conf


def run_cluster(source: Path, work: Path, args) -> dict:
    """The job on a 2-worker standalone cluster: seconds, peak memory per executor, output size, counts."""
    from flashpoint.spark import submit
    from flashpoint.spark.standalone import StandaloneCluster

    out = work / "spark-out"
    figures: dict = {}
    cluster = StandaloneCluster(work / "cluster", workers=args.workers, cores=1, memory="2g")
    with cluster:
        options, conf = spark_options(args, args.archives)
        partitions = args.partitions or max(4, args.articles // 500)
        app = [submit.__file__, str(source), str(out), "--partitions", str(partitions)]
        sampler = MemorySampler({f"worker{i}": cluster.procs[f"worker{i}"].pid for i in range(args.workers)})
        sampler.start()
        started = time.perf_counter()
        code, output = cluster.submit(app, conf, options, timeout=args.timeout, log=work / "spark-submit.log")
        seconds = time.perf_counter() - started
        sampler.done.set()
        if code != 0:
            raise SystemExit(f"spark-submit failed:\n{output[-4000:]}")
        figures.update(
            seconds=seconds,
            partitions=partitions,
            peak_rss_mb_per_executor=sampler.peak_total,
            peak_rss_mb_executor_jvm=sampler.peak_jvm,
            peak_rss_mb_python_worker=sampler.peak_python,
            output_mb={p.name: round(du_mb(p), 2) for p in sorted(out.iterdir()) if p.is_dir()},
            summary=[line for line in output.splitlines() if " articles -> " in line],
            archives=args.archives,
        )
        if not args.skip_merge:
            figures["merge_join"] = []
            for fraction in args.merge_fractions:
                merge_app = [str(Path(__file__).resolve()), "--merge-app", str(out / "article_events"), "--fraction", str(fraction)]
                code, output = cluster.submit(merge_app, conf, options, timeout=args.timeout, log=work / f"merge-{fraction}.log")
                lines = [json.loads(line[len("MERGE ") :]) for line in output.splitlines() if line.startswith("MERGE ")]
                if code != 0 or not lines:
                    raise SystemExit(f"merge app failed:\n{output[-4000:]}")
                figures["merge_join"].append({**lines[0], **local_merge(out / "article_events", fraction)})
    return figures


def _sampled(article_id: str, fraction: float) -> bool:
    return int(article_id[:8], 16) < fraction * 16**8  # the article id is a hex content hash


def local_merge(article_events: Path, fraction: float) -> dict:
    """Time ``merge_events`` in this one process over the sampled events."""
    import pyarrow.parquet as pq

    from flashpoint.merge import merge_events
    from flashpoint.spark.dedup import parse_event

    rows = pq.read_table(article_events, columns=["article_id", "event_json"]).to_pylist()
    events = [parse_event(r["event_json"]) for r in rows if _sampled(r["article_id"], fraction)]
    started = time.perf_counter()
    merged = merge_events(events)
    return {"local_merge_seconds": time.perf_counter() - started, "local_merged": len(merged)}


def merge_app(article_events: str, fraction: float) -> None:
    """Under spark-submit: time the Spark merge join over the sampled events of ``article_events``."""
    from flashpoint.spark.dedup import dedup_events
    from flashpoint.spark.session import get_session

    spark = get_session(master=None, app_name="flashpoint-merge-join")
    rows = spark.read.parquet(article_events).select("article_id", "event_json").rdd
    events = rows.filter(lambda r: _sampled(r["article_id"], fraction)).map(lambda r: r["event_json"]).cache()
    n = events.count()  # read and cache first: the timing below is the merge join alone
    started = time.perf_counter()
    merged = dedup_events(events).count()
    seconds = time.perf_counter() - started
    spark.stop()
    print("MERGE " + json.dumps({"fraction": fraction, "events": n, "merged": merged, "spark_merge_seconds": seconds}))


def main(argv: list[str] | None = None) -> None:
    """Generate the corpus, run ingest and the cluster, print and save the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/fp-spark-scale"))
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--partitions", type=int, default=None, help="default: articles / 500, at least 4")
    parser.add_argument("--archives", default=None, help="a venv-pack tar.gz to ship to the executors (--archives X#fp)")
    parser.add_argument("--skip-ingest", action="store_true")
    parser.add_argument("--skip-merge", action="store_true")
    parser.add_argument("--merge-fractions", type=lambda s: [float(x) for x in s.split(",")], default=[0.1, 1.0])
    parser.add_argument("--timeout", type=float, default=6 * 3600)
    parser.add_argument("--merge-app", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--fraction", type=float, default=1.0, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.merge_app:
        merge_app(args.merge_app, args.fraction)
        return

    args.workdir.mkdir(parents=True, exist_ok=True)
    source = args.workdir / f"articles-{args.articles}.jsonl"
    figures: dict = {"articles": args.articles, "load_before": os.getloadavg()}
    if not source.exists():
        figures["words"] = write_corpus(args.articles, source)
    figures["input_mb"] = du_mb(source)
    if not args.skip_ingest:
        figures["ingest"] = run_ingest(source, args.workdir, args.workers)
        print("ingest:", json.dumps(figures["ingest"]), flush=True)
    figures["cluster"] = run_cluster(source, args.workdir, args)
    figures["load_after"] = os.getloadavg()
    for kind in ("ingest", "cluster"):
        if kind in figures:
            figures[kind]["articles_per_s"] = args.articles / figures[kind]["seconds"]
    (args.workdir / "figures.json").write_text(json.dumps(figures, indent=2))
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
