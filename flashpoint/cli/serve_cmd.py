"""`flashpoint serve`: the REST API and the map page in one process."""

from __future__ import annotations

import click

from flashpoint.cli.learn_cmd import learned_option, use_everywhere


@click.command()
@click.option("--db", "db_url", default=None, help="Database URL or SQLite path [default: $FLASHPOINT_DB or flashpoint.db].")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option(
    "--tile-url",
    default=None,
    help="Optional online tile layer, e.g. https://tile.example.org/{z}/{x}/{y}.png [default: $FLASHPOINT_TILE_URL; "
    "offline borders only].",
)
@click.option("--private-reads", is_flag=True, default=None, help="Require FLASHPOINT_TOKEN for reads too.")
@click.option("--log-level", default="info", show_default=True, type=click.Choice(["debug", "info", "warning", "error"]))
@learned_option
def serve(db_url, host, port, tile_url, private_reads, log_level, learned):
    """Serve the REST API (/events, /quotes, /stats, POST /articles; docs at
    /docs) and the map page (/) over a flashpoint database.

    Writes need FLASHPOINT_TOKEN to be set (clients send it as a Bearer
    token); without it the server is read-only.
    """
    import uvicorn

    use_everywhere(learned)

    from flashpoint.api import Settings, create_app

    from flashpoint.store import database_url, open_store

    settings = Settings.from_env(db_url=db_url, tile_url=tile_url, private_reads=private_reads)
    # Open now so a bad --db fails here, with one line, not on the first request.
    with open_store(settings.db_url, create=False) as store:
        app = create_app(settings, store=store)
        shown = database_url(settings.db_url).split("@")[-1]  # no password in the log
        click.echo(f"flashpoint: serving {shown} on http://{host}:{port}/", err=True)
        if not settings.token:
            click.echo("flashpoint: FLASHPOINT_TOKEN is not set: POST /articles is disabled", err=True)
        uvicorn.run(app, host=host, port=port, log_level=log_level)
