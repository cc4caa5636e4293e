"""`flashpoint ingest`: read articles into the event database."""

from __future__ import annotations

import click

from flashpoint.cli.learn_cmd import learned_option, use_everywhere

DB_HELP = "Database URL or SQLite path [default: $FLASHPOINT_DB or ./flashpoint.db]."


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", "db_url", default=None, help=DB_HELP)
@click.option("--workers", "-w", default=1, show_default=True, type=click.IntRange(1, 64), help="Extraction processes.")
@click.option("--batch-size", default=32, show_default=True, type=click.IntRange(1), help="Articles per transaction.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option("--acled", is_flag=True, help="PATHS are ACLED export CSV files: store their events as coded (source ACLED).")
@learned_option
def ingest(paths, db_url, workers, batch_size, quiet, acled, learned):
    """Extract events and quotes from files, folders (recursive) or - (stdin) into the database.

    Reads .txt, .html, .jsonl and .jsonl.gz. Articles already stored (same
    text, or same URL) are skipped, so re-running after an interruption
    finishes the rest. Unreadable inputs are recorded in the errors table.
    """
    if acled:
        return _ingest_acled(paths, db_url, batch_size)
    use_everywhere(learned)
    from rich.console import Console
    from rich.progress import Progress, ProgressColumn, SpinnerColumn, TextColumn, TimeElapsedColumn
    from rich.text import Text

    from flashpoint.store import database_url, open_store
    from flashpoint.store.ingest import ingest as run_ingest

    class RateColumn(ProgressColumn):
        def render(self, task) -> Text:
            elapsed = task.elapsed or 0
            rate = task.completed / elapsed if elapsed > 0 else 0.0
            return Text(f"{rate:.1f} articles/s")

    console = Console(stderr=True)
    progress = Progress(
        SpinnerColumn(),
        TextColumn("[bold]ingest[/] {task.completed} articles"),
        RateColumn(),
        TimeElapsedColumn(),
        console=console,
        disable=quiet,
        transient=False,
    )
    with open_store(db_url) as store, progress:
        task = progress.add_task("ingest", total=None)
        stats = run_ingest(
            store, paths, workers=workers, batch_size=batch_size, on_article=lambda: progress.advance(task)
        )
        merged = store.count_events()
        failed = _errors_of(store, paths) if stats.errors else []
    where = database_url(db_url).split("@")[-1]
    for row in failed[:10]:
        click.echo(f"error: {row['source']}: {row['reason']}", err=True)
    if len(failed) > 10:
        click.echo(f"... and {len(failed) - 10} more: flashpoint errors", err=True)
    click.echo(
        f"ingest: {stats.articles} articles new, {stats.skipped} skipped, {stats.errors} errors; "
        f"{stats.events} events extracted ({merged} merged events in {where}), {stats.quotes} quotes"
    )
    if stats.errors and not stats.articles and not stats.skipped:
        raise SystemExit(1)  # nothing could be read: a script must not carry on as if it had


def _errors_of(store, paths) -> list[dict]:
    """The recorded errors about these inputs (files named, or inside folders named)."""
    import os

    roots = [os.path.normpath(p) for p in paths]
    def ours(source: str) -> bool:
        source = os.path.normpath(source)
        return any(source == r or source.startswith(r + os.sep) for r in roots) or source == "stdin"
    return [row for row in store.errors() if ours(row["source"])]


def _ingest_acled(paths, db_url, batch_size) -> None:
    """ACLED exports into the database as ACLED-coded events; a bad file is recorded and skipped."""
    from flashpoint.errors import FlashpointError
    from flashpoint.learn.acled_documents import acled_documents
    from flashpoint.store import IngestStats, open_store

    stats, failed = IngestStats(), 0
    with open_store(db_url) as store:
        for path in paths:
            try:
                stats += store.add_documents(acled_documents(path), batch_size=batch_size)
            except FlashpointError as exc:
                failed += 1
                store.record_error(path, str(exc))
                click.echo(f"error: {exc}", err=True)
        merged = store.count_events()
    click.echo(f"ingest --acled: {stats.events} ACLED events new, {stats.skipped} already stored, "
               f"{failed} files failed; {merged} merged events in the database")
