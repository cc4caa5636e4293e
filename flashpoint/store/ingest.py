"""Ingest inputs into a store: read, skip what is stored, extract (in N processes), write in batches.

The main process does all the writing, one transaction per batch, so a killed
run loses no committed article and leaves no half-written one; running again
skips the stored articles and finishes the rest.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from flashpoint.errors import InputError
from flashpoint.model import Article, Document
from flashpoint.store.store import IngestStats, Store
from flashpoint.text.limits import EXTRACT_SECONDS
from flashpoint.workers import ExtractionPool, Failure


def extract_parallel(articles: Iterable[Article], workers: int, budget: float = EXTRACT_SECONDS) -> Iterator[Document | Failure]:
    """Documents (or Failures) for the articles, in input order, from ``workers`` processes.

    An article that makes no progress for ``budget`` seconds becomes a Failure.
    """
    with ExtractionPool(workers, budget) as pool:
        yield from pool.run(articles)


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
    budget: float = EXTRACT_SECONDS,
) -> IngestStats:
    """Ingest files/folders/``-`` into the store; bad inputs go to its errors table.

    Extraction runs in ``workers`` processes; an article that makes no
    progress for ``budget`` seconds is recorded as an error and skipped.
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
    for result in extract_parallel(fresh_articles(), workers, budget):
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
