"""`flashpoint errors`: the inputs an ingest could not read, and why."""

from __future__ import annotations

import json

import click

from flashpoint.cli.ingest_cmd import DB_HELP


@click.command()
@click.option("--db", "db_url", default=None, help=DB_HELP)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def errors(db_url, fmt):
    """List the errors table: each input that could not be ingested, with the reason and when."""
    from flashpoint.store import open_store

    with open_store(db_url, create=False) as store:
        found = store.errors()
    if fmt == "json":
        click.echo(json.dumps(found, ensure_ascii=False, default=str, indent=1))
        return
    for row in found:
        click.echo(f"{str(row['created_at'])[:16]}  {row['source']}: {row['reason']}")
    click.echo(f"{len(found)} errors", err=True)
