"""A Spark standalone cluster on this machine (a master and N workers, separate processes).

For the cluster test (tests/test_spark_cluster.py) and the scale run
(benchmarks/spark_scale.py): starts Apache Spark's own Master and Worker
daemons from the installed pyspark (``bin/spark-class``, nothing downloaded),
bound to 127.0.0.1 on free ports, with their work and log folders under one
directory; submits with ``bin/spark-submit``; stops every process group it
started, also on failure::

    with StandaloneCluster(workdir, workers=2) as cluster:
        code, output = cluster.submit([submit_py, "in.jsonl", "out/"], conf={...})
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

MASTER_CLASS = "org.apache.spark.deploy.master.Master"
WORKER_CLASS = "org.apache.spark.deploy.worker.Worker"


def spark_home() -> Path:
    """The Spark distribution inside the installed pyspark package."""
    import pyspark

    return Path(pyspark.__file__).resolve().parent


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _processes() -> dict[int, tuple[int, int, str]]:
    """pid -> (parent pid, process group, command line) of every live process (Linux /proc)."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            # fields after the ")" that closes the command name: state ppid pgrp ...
            fields = stat[stat.rindex(")") + 2 :].split()
            if fields[0] == "Z":
                continue
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except (OSError, ValueError, IndexError):
            continue  # the process ended while we looked
        found[int(entry.name)] = (int(fields[1]), int(fields[2]), cmdline)
    return found


def process_tree(root: int) -> list[tuple[int, str]]:
    """(pid, command line) of ``root``, its process group and all their descendants.

    By parentage as well as group: PySpark's Python daemon moves itself and its
    workers into a process group of their own.
    """
    procs = _processes()
    members = {pid for pid, (_, pgid, _) in procs.items() if pgid == root or pid == root}
    grown = True
    while grown:
        children = {pid for pid, (ppid, _, _) in procs.items() if ppid in members} - members
        members |= children
        grown = bool(children)
    return [(pid, procs[pid][2]) for pid in sorted(members)]


class StandaloneCluster:
    """A master and ``workers`` workers (``cores`` and ``memory`` each) as separate JVMs."""

    def __init__(self, workdir: Path, workers: int = 2, cores: int = 1, memory: str = "1g", daemon_memory: str = "256m"):
        self.workdir = Path(workdir)
        self.workers = workers
        self.cores = cores
        self.memory = memory
        self.daemon_memory = daemon_memory
        self.port = free_port()
        self.ui_port = free_port()
        self.master_url = f"spark://127.0.0.1:{self.port}"
        self.procs: dict[str, subprocess.Popen] = {}

    def env(self) -> dict[str, str]:
        """The environment of the daemons and of spark-submit: loopback only, folders under workdir."""
        env = dict(os.environ)
        env.update(
            SPARK_HOME=str(spark_home()),
            SPARK_LOCAL_IP="127.0.0.1",
            SPARK_LOCAL_DIRS=str(self.workdir / "local"),
            SPARK_LOG_DIR=str(self.workdir / "logs"),
            SPARK_DAEMON_MEMORY=self.daemon_memory,
            SPARK_NO_DAEMONIZE="1",
        )
        return env

    def _spawn(self, name: str, args: list[str]) -> None:
        log = (self.workdir / "logs" / f"{name}.log").open("wb")
        self.procs[name] = subprocess.Popen(
            [str(spark_home() / "bin" / "spark-class"), *args],
            env=self.env(),
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,  # its own process group: executors and Python workers die with it
        )
        log.close()

    def start(self, timeout: float = 240.0) -> StandaloneCluster:
        """Start the master, then the workers; return once all workers are ALIVE at the master."""
        for sub in ("local", "logs"):
            (self.workdir / sub).mkdir(parents=True, exist_ok=True)
        self._spawn("master", [MASTER_CLASS, "--host", "127.0.0.1", "--port", str(self.port), "--webui-port", str(self.ui_port)])
        self.wait(lambda state: state.get("status") == "ALIVE", timeout, "the master to start")
        for i in range(self.workers):
            work = self.workdir / f"worker{i}"
            work.mkdir(exist_ok=True)
            self._spawn(
                f"worker{i}",
                [
                    WORKER_CLASS, "--host", "127.0.0.1", "--cores", str(self.cores), "--memory", self.memory,
                    "--webui-port", str(free_port()), "--work-dir", str(work), self.master_url,
                ],
            )
        self.wait(lambda state: state.get("aliveworkers", 0) >= self.workers, timeout, f"{self.workers} workers")
        return self

    def state(self) -> dict:
        """The master's JSON status (workers, apps), or {} when it does not answer."""
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.ui_port}/json/", timeout=5) as resp:
                return json.load(resp)
        except (OSError, ValueError):
            return {}

    def wait(self, ready, timeout: float, what: str) -> dict:
        """Poll the master's status until ``ready(state)``; raise with the logs' tail after ``timeout`` s."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for name, proc in self.procs.items():
                if proc.poll() is not None:
                    raise RuntimeError(f"spark {name} exited ({proc.returncode}) waiting for {what}:\n{self.log_tail(name)}")
            state = self.state()
            if state and ready(state):
                return state
            time.sleep(0.5)
        raise TimeoutError(f"waited {timeout:.0f} s for {what}:\n{self.log_tail('master')}")

    def log_tail(self, name: str, lines: int = 30) -> str:
        """The last lines of a daemon's log."""
        path = self.workdir / "logs" / f"{name}.log"
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:]) if path.exists() else ""

    def python_workers(self, worker: int) -> list[int]:
        """Pids of the PySpark Python processes under worker ``worker`` (its executor's Python workers)."""
        proc = self.procs[f"worker{worker}"]
        return [pid for pid, cmd in process_tree(proc.pid) if "pyspark.daemon" in cmd or "pyspark.worker" in cmd]

    def kill_worker(self, worker: int) -> None:
        """SIGKILL a worker with its executor and Python workers (a machine lost mid-job)."""
        proc = self.procs[f"worker{worker}"]
        _kill_tree(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)

    def submit_command(self, app: list[str], conf: dict[str, str] | None = None, options: list[str] | None = None) -> list[str]:
        """The spark-submit command line for ``app`` (a .py file and its arguments) on this cluster."""
        settings = {
            "spark.pyspark.python": sys.executable,  # see docs/cluster.md: same path on every worker
            "spark.pyspark.driver.python": sys.executable,
            "spark.sql.session.timeZone": "UTC",
            **(conf or {}),
        }
        command = [str(spark_home() / "bin" / "spark-submit"), "--master", self.master_url, *(options or [])]
        for key, value in settings.items():
            command += ["--conf", f"{key}={value}"]
        return [*command, *app]

    def launch(self, app: list[str], conf=None, options=None, log: Path | None = None) -> subprocess.Popen:
        """Start spark-submit in the background, in its own process group; output to ``log``."""
        log = log or self.workdir / "logs" / "submit.log"
        with log.open("wb") as out:
            return subprocess.Popen(
                self.submit_command(app, conf, options), env=self.env(), stdout=out, stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL, start_new_session=True,
            )

    def submit(self, app: list[str], conf=None, options=None, timeout: float = 900.0, log: Path | None = None):
        """Run spark-submit to the end; return (exit code, its output). Killed after ``timeout`` s."""
        log = log or self.workdir / "logs" / "submit.log"
        proc = self.launch(app, conf, options, log)
        return finish(proc, timeout), log.read_text(errors="replace")

    def stop(self) -> None:
        """Stop the workers, then the master: SIGTERM to each process group, SIGKILL if still there."""
        for name in sorted(self.procs, reverse=True):  # worker1, worker0, master
            _kill_tree(self.procs[name].pid, signal.SIGTERM)
        deadline = time.monotonic() + 20
        for proc in self.procs.values():
            try:
                proc.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                pass
        for proc in self.procs.values():
            _kill_tree(proc.pid, signal.SIGKILL)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                pass

    def __enter__(self) -> StandaloneCluster:
        try:
            return self.start()
        except BaseException:
            self.stop()
            raise

    def __exit__(self, *exc) -> None:
        self.stop()


def _kill_group(pgid: int, sig: int) -> None:
    try:
        os.killpg(pgid, sig)
    except (ProcessLookupError, PermissionError):
        pass


def _kill_tree(root: int, sig: int) -> None:
    """Signal ``root``'s process group and every descendant (see process_tree)."""
    pids = [pid for pid, _ in process_tree(root)]
    _kill_group(root, sig)
    for pid in pids:
        try:
            os.kill(pid, sig)
        except (ProcessLookupError, PermissionError):
            pass


def finish(proc: subprocess.Popen, timeout: float) -> int:
    """Wait for a process started in its own group; kill the group on timeout (or any error); its exit code."""
    try:
        proc.wait(timeout=timeout)
    finally:
        _kill_tree(proc.pid, signal.SIGKILL)  # leftovers, or all of it on timeout
        proc.wait()
    return proc.returncode
