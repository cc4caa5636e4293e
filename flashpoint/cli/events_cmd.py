"""`flashpoint events` and `flashpoint quotes`: query the event database."""

from __future__ import annotations

import json
import sys

import click

from flashpoint.cli.ingest_cmd import DB_HELP

FORMATS = ["table", "csv", "json", "geojson", "parquet"]


def _near(ctx, param, value):
    if value is None:
        return None
    try:
        lat, lon, km = (float(part) for part in value.split(","))
    except ValueError:
        raise click.BadParameter("expected LAT,LON,KM, e.g. 36.0,36.78,25") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and km > 0):
        raise click.BadParameter("latitude in [-90, 90], longitude in [-180, 180], km > 0")
    return lat, lon, km


def _date(ctx, param, value):
    return value.date() if value is not None else None


def _console():
    from rich.console import Console

    # Piped output has no terminal width; do not squeeze columns into 80.
    return Console() if sys.stdout.isatty() else Console(width=240)


def _print_table(events) -> None:
    from rich.table import Table

    table = Table(show_lines=False)
    for column in ("date", "type", "sub-event type", "location", "country", "killed", "sources", "actor 1", "actor 2", "id"):
        table.add_column(column, justify="right" if column in ("killed", "sources") else "left")
    for e in events:
        place = e.place
        table.add_row(
            e.date.start.isoformat() if e.date else "",
            e.event_type,
            e.sub_event_type,
            place.name if place else "",
            place.country or "" if place else "",
            "" if e.fatalities is None else f"{e.fatalities.value}",
            str(len(e.sources)),
            e.actor1.name if e.actor1 else "",
            e.actor2.name if e.actor2 else "",
            e.id,
        )
    _console().print(table)


@click.command()
@click.option("--db", "db_url", default=None, help=DB_HELP)
@click.option("--country", help="ISO code or English name, e.g. SY or Syria.")
@click.option("--admin1", help="First-level region, e.g. Idlib.")
@click.option("--type", "event_type", help="ACLED event type or sub-event type, e.g. Protests.")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), callback=_date, help="From this date (YYYY-MM-DD).")
@click.option("--until", type=click.DateTime(["%Y-%m-%d"]), callback=_date, help="Up to this date (YYYY-MM-DD).")
@click.option("--actor", help="Part of an actor's name or wording.")
@click.option("--near", callback=_near, metavar="LAT,LON,KM", help="Within KM kilometres of a point.")
@click.option("--min-fatalities", type=click.IntRange(0), help="At least this many killed.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), help="Write to a file [default: stdout].")
@click.option("--limit", type=click.IntRange(1), help="At most this many events.")
def events(db_url, country, admin1, event_type, since, until, actor, near, min_fatalities, fmt, output, limit):
    """List merged events, filtered, as a table or CSV (ACLED columns), JSON, GeoJSON or Parquet."""
    from flashpoint.store import EventFilter, open_store
    from flashpoint.store import export

    flt = EventFilter(
        country=country,
        admin1=admin1,
        event_type=event_type,
        since=since,
        until=until,
        actor=actor,
        near=near,
        min_fatalities=min_fatalities,
    )
    with open_store(db_url, create=False) as store:
        found = store.events(flt, limit=limit)
    if fmt == "table":
        _print_table(found)
        return
    if fmt == "parquet":
        if output is None and sys.stdout.isatty():
            raise click.UsageError("Parquet is binary: give --output FILE or redirect stdout.")
        target = output if output else sys.stdout.buffer
        export.write_parquet(found, target)
        return
    writer = {"csv": export.write_csv, "json": export.write_json, "geojson": export.write_geojson}[fmt]
    if output:
        writer(found, output)
    else:
        writer(found, sys.stdout)


@click.command()
@click.option("--db", "db_url", default=None, help=DB_HELP)
@click.option("--speaker", help="Part of the speaker's name.")
@click.option("--article", "article_id", help="Only quotes from this article id.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--limit", type=click.IntRange(1), help="At most this many quotes.")
def quotes(db_url, speaker, article_id, fmt, limit):
    """List attributed quotes, optionally by speaker."""
    from flashpoint.model import to_dict
    from flashpoint.store import open_store

    with open_store(db_url, create=False) as store:
        found = store.quotes(speaker=speaker, article_id=article_id, limit=limit)
    if fmt == "json":
        click.echo(json.dumps(to_dict(found), ensure_ascii=False, indent=1))
        return
    from rich.table import Table

    table = Table()
    for column in ("speaker", "role", "quote", "article"):
        table.add_column(column)
    for q in found:
        table.add_row(q.speaker or "", q.role or "", q.text, q.article_id)
    _console().print(table)
