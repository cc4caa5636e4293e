"""Ingest inputs into a store: read, skip what is stored, extract (in N processes), write in batches.

The main process does all the writing, one transaction per batch, so a killed
run loses no committed article and leaves no half-written one; running again
skips the stored articles and finishes the rest.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from flashpoint.errors import InputError
from flashpoint.model import Article, Document
from flashpoint.store.store import IngestStats, Store, batched

EXTRACT_CHUNK = 8  # articles sent to a worker at a time (spaCy batches them)


@dataclass
class Failure:
    """An article whose extraction raised."""

    source: str
    reason: str


def _label(article: Article) -> str:
    return article.source or article.url or article.id


def _extract_chunk(articles: list[Article]) -> list[Document | Failure]:
    """Extract a chunk; if it fails, redo it one article at a time to isolate the bad one."""
    from flashpoint.pipeline import extract_articles

    try:
        return list(extract_articles(articles))
    except Exception:  # noqa: BLE001 - any extractor bug must not stop the run
        pass
    out: list[Document | Failure] = []
    for article in articles:
        try:
            out.extend(extract_articles([article]))
        except Exception as exc:  # noqa: BLE001
            out.append(Failure(_label(article), f"extraction failed: {type(exc).__name__}: {exc}"))
    return out


def _warm_up() -> None:
    """Pool initializer: load spaCy once per worker process."""
    from flashpoint import nlp

    nlp.load()


def extract_parallel(articles: Iterable[Article], workers: int) -> Iterator[Document | Failure]:
    """Documents (or Failures) for the articles, in input order, using ``workers`` processes."""
    chunks = batched(articles, EXTRACT_CHUNK)
    if workers <= 1:
        for chunk in chunks:
            yield from _extract_chunk(chunk)
        return
    context = multiprocessing.get_context("spawn")
    with context.Pool(workers, initializer=_warm_up) as pool:
        pending: deque = deque()
        for chunk in chunks:
            pending.append(pool.apply_async(_extract_chunk, (chunk,)))
            # A bounded window keeps memory flat on big inputs.
            while len(pending) > 2 * workers:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()


def records(paths: Iterable[str]) -> Iterator[Article | InputError]:
    """Every article (or InputError) in the given files, folders or ``-``."""
    from flashpoint.text import iter_input_files, read_records

    problems: list[InputError] = []  # unreadable folders, FIFOs: found while walking
    for path in iter_input_files(paths, on_error=problems.append):
        yield from problems
        problems.clear()
        yield from read_records(path)
    yield from problems


def ingest(
    store: Store,
    paths: Iterable[str],
    *,
    workers: int = 1,
    batch_size: int = 32,
    on_article: Callable[[], None] | None = None,
) -> IngestStats:
    """Ingest files/folders/``-`` into the store; bad inputs go to its errors table.

    ``on_article`` is called once per input record handled (for progress bars).
    """
    stats = IngestStats()
    tick = on_article or (lambda: None)

    def fresh_articles() -> Iterator[Article]:
        for record in records(paths):
            if isinstance(record, InputError):
                store.record_error(record.name, record.reason)
                stats.errors += 1
                tick()
            elif store.has_article(record.id) or (record.url and store.has_url(record.url)):
                stats.skipped += 1
                tick()
            else:
                yield record

    batch: list[Document] = []
    for result in extract_parallel(fresh_articles(), workers):
        if isinstance(result, Failure):
            store.record_error(result.source, result.reason)
            stats.errors += 1
        else:
            batch.append(result)
            if len(batch) >= batch_size:
                stats += store.add_documents(batch, batch_size=batch_size)
                batch = []
        tick()
    if batch:
        stats += store.add_documents(batch, batch_size=batch_size)
    return stats
