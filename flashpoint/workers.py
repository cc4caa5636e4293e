"""Extraction in worker processes, with a time budget per article.

The caller's process never runs the pipeline: a hostile article (quadratic
text, a parser blow-up) can then only cost its own worker, which is killed
when the article has made no progress for ``budget`` seconds; the article
becomes a ``Failure`` saying so and the run goes on with a fresh worker.
A server that waits on a worker keeps answering other requests.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import wait

from flashpoint.errors import FlashpointError
from flashpoint.model import Article, Document
from flashpoint.text.limits import EXTRACT_SECONDS

CHUNK = 8  # articles sent to a worker at a time (spaCy parses them as one batch)
_POLL = 0.5  # seconds between looks at the clock while waiting
PARENT_CHECK_SECONDS = 1.0  # how often an idle worker looks whether its parent still lives
_clock = time.monotonic


@dataclass
class Failure:
    """An article that could not be extracted, and why (one line)."""

    source: str
    reason: str


def label(article: Article) -> str:
    """How an article is named in errors: its source, URL or id."""
    return article.source or article.url or article.id


def _extract_all(extract: Callable | None, articles: list[Article]) -> Iterator[Document | Failure]:
    """Documents in order; when the pipeline raises, the rest one by one to isolate the bad one."""
    if extract is None:
        from flashpoint.pipeline import extract_articles as extract
    done = 0
    try:
        for document in extract(articles):
            yield document
            done += 1
        return
    except Exception:  # noqa: BLE001 - any extractor bug must not stop the run
        pass
    for article in articles[done:]:
        try:
            yield from extract([article])
        except Exception as exc:  # noqa: BLE001
            yield Failure(label(article), f"extraction failed: {type(exc).__name__}: {exc}")


def _serve(conn, extract: Callable | None, warm_up: bool) -> None:
    """Worker process: extract each job sent, reporting every article as it is done."""
    if warm_up:
        from flashpoint import nlp

        try:
            nlp.load()
        except Exception as exc:  # noqa: BLE001 - e.g. the model is missing: say so once
            conn.send(("failed", str(exc)))
            return
    conn.send(("ready",))
    parent = os.getppid()
    while True:
        # a parent killed outright (kill -9) sends no farewell, and forked siblings keep its end
        # of the pipe open: a worker whose parent is gone stops instead of waiting for ever
        while not conn.poll(PARENT_CHECK_SECONDS):
            if os.getppid() != parent:
                return
        job = conn.recv()
        if job is None:
            return
        for index, result in zip((i for i, _ in job), _extract_all(extract, [a for _, a in job])):
            conn.send(("done", index, result))


class _Worker:
    def __init__(self, context, extract: Callable | None, warm_up: bool):
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, extract, warm_up), daemon=True)
        self.process.start()
        child.close()
        self.ready = False
        self.job: list[tuple[int, Article]] = []  # what it still owes
        self.progress = 0.0  # clock time of its last start or finished article

    def kill(self) -> None:
        self.process.kill()
        self.process.join()
        self.conn.close()


class ExtractionPool:
    """Worker processes that extract articles, each article within ``budget`` seconds.

    ``extract`` replaces ``flashpoint.pipeline.extract_articles`` (a
    module-level function when processes are spawned); ``clock`` is read to
    judge the budget. Use as a context manager or call ``close()``.
    """

    def __init__(self, workers: int = 1, budget: float = EXTRACT_SECONDS, *, extract: Callable | None = None,
                 clock: Callable[[], float] | None = None, start_method: str | None = None, chunk: int | None = None):
        if start_method is None:  # fork starts fast; a threaded server must spawn
            start_method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        self.context = multiprocessing.get_context(start_method)
        if not budget > 0:
            raise ValueError(f"the time budget must be positive, not {budget}")
        self.size, self.budget, self.extract, self.chunk = max(1, workers), budget, extract, chunk or CHUNK
        self.clock = clock or _clock
        self.warm_up = extract is None
        self.workers: list[_Worker] = []

    def __enter__(self) -> ExtractionPool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Stop the workers."""
        for worker in self.workers:
            try:
                worker.conn.send(None)
            except OSError:
                pass
        for worker in self.workers:
            worker.process.join(timeout=5)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.conn.close()
        self.workers = []

    def _start(self) -> _Worker:
        worker = _Worker(self.context, self.extract, self.warm_up)
        self.workers.append(worker)
        return worker

    def _retire(self, worker: _Worker, reason: str, queue: deque, results: dict) -> None:
        """A worker over its budget or dead: kill it; its article fails, the rest are redone one by one."""
        worker.kill()
        self.workers.remove(worker)
        owed = worker.job
        if len(owed) == 1:
            index, article = owed[0]
            results[index] = Failure(label(article), reason)
        else:  # which of the batch was at fault is not known: each gets a budget of its own
            queue.extendleft(reversed([[item] for item in owed]))
        self._start()

    def run(self, articles: Iterable[Article]) -> Iterator[Document | Failure]:
        """A Document or a Failure per article, in input order (the input is read lazily)."""
        while len(self.workers) < self.size:
            self._start()
        source = enumerate(articles)
        queue: deque[list[tuple[int, Article]]] = deque()
        results: dict[int, Document | Failure] = {}
        next_out, taken, exhausted = 0, 0, False
        while True:
            # keep a bounded window of work ahead: memory stays flat on big inputs
            while not exhausted and len(queue) < 2 * self.size:
                job = [item for _, item in zip(range(self.chunk), source)]
                exhausted = len(job) < self.chunk
                if job:
                    queue.append(job)
                    taken += len(job)
            while next_out in results:
                yield results.pop(next_out)
                next_out += 1
            if exhausted and next_out == taken:
                return
            for worker in self.workers:
                if worker.ready and not worker.job and queue:
                    worker.job = queue.popleft()
                    worker.conn.send(worker.job)
                    worker.progress = self.clock()
            self._wait(queue, results)

    def _wait(self, queue: deque, results: dict) -> None:
        """Take what the workers have sent; retire the ones over budget or dead."""
        by_conn = {w.conn: w for w in self.workers}
        for conn in wait(list(by_conn), timeout=_POLL):
            worker = by_conn[conn]
            try:
                message = conn.recv()
            except (EOFError, OSError):
                if not worker.ready:
                    raise FlashpointError(f"extraction worker exited on start (exit code {worker.process.exitcode})")
                worker.process.join(timeout=30)  # EOF can come before the exit is reaped
                code = worker.process.exitcode
                self._retire(worker, f"extraction process died (exit code {code}); skipped", queue, results)
                continue
            if message[0] == "failed":
                raise FlashpointError(f"extraction worker: {message[1]}")
            if message[0] == "ready":
                worker.ready = True
            else:
                _, index, result = message
                results[index] = result
                worker.job = [item for item in worker.job if item[0] != index]
                worker.progress = self.clock()
        now = self.clock()
        for worker in list(self.workers):
            if worker.job and now - worker.progress > self.budget:
                self._retire(worker, f"extraction took longer than the {self.budget:g} s budget; skipped", queue, results)

