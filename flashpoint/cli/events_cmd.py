"""`flashpoint events` and `flashpoint quotes`: query the event database."""

from __future__ import annotations

import json
import os
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

    # Piped output has no terminal width: use $COLUMNS if set, else do not squeeze columns into 80.
    if sys.stdout.isatty():
        return Console()
    return Console(width=int(os.environ["COLUMNS"]) if os.environ.get("COLUMNS", "").isdigit() else 240)


# (heading, minimum terminal width to show it): narrow terminals keep the columns that identify an event.
_TABLE_COLUMNS = [("date", 0), ("sub-event type", 0), ("location", 0), ("country", 100), ("killed", 0),
                  ("sources", 140), ("actor 1", 120), ("actor 2", 140), ("id", 0)]


def _cells(e) -> dict[str, str]:
    place = e.place
    return {
        "date": e.date.start.isoformat() if e.date else "",
        "sub-event type": e.sub_event_type,
        "location": place.name if place else "",
        "country": place.country or "" if place else "",
        "killed": "" if e.fatalities is None else f"{e.fatalities.value}",
        "sources": str(len(e.sources)),
        "actor 1": e.actor1.name if e.actor1 else "",
        "actor 2": e.actor2.name if e.actor2 else "",
        "id": e.id,
    }


def _print_table(events) -> None:
    from rich.table import Table

    console = _console()
    shown = [name for name, width in _TABLE_COLUMNS if console.width >= width]
    id_width = max((len(e.id) for e in events), default=2)
    table = Table(show_lines=False, pad_edge=False, expand=False)
    for column in shown:
        if column == "id":  # never cut: it is what `flashpoint serve` and the API look events up by
            table.add_column(column, no_wrap=True, min_width=id_width, overflow="fold")
        else:
            table.add_column(column, justify="right" if column in ("killed", "sources") else "left",
                             overflow="fold", ratio=None)
    for e in events:
        cells = _cells(e)
        table.add_row(*(cells[c] for c in shown))
    console.print(table)
    click.echo(f"{len(events)} events", err=True)


def _plain_table(events) -> str:
    """The table as tab-separated text with every column (for --output FILE with --format table)."""
    names = [name for name, _ in _TABLE_COLUMNS]
    lines = ["\t".join(names)] + ["\t".join(_cells(e)[n] for n in names) for e in events]
    return "\n".join(lines) + "\n"


def format_from(output: str | None, fmt: str | None) -> str:
    """The output format: as given, else from the output file's extension, else a table."""
    if fmt:
        return fmt
    if output:
        ext = os.path.splitext(output)[1].lower().lstrip(".")
        by_ext = {"csv": "csv", "json": "json", "geojson": "geojson", "parquet": "parquet", "pq": "parquet"}
        if ext not in by_ext:
            raise click.UsageError(f"--output {output}: cannot tell the format from '.{ext}'; give --format "
                                   f"({', '.join(f for f in FORMATS if f != 'table')})")
        return by_ext[ext]
    return "table"


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
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Output format [default: from --output's extension, else table].")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), help="Write to a file [default: stdout].")
@click.option("--limit", type=click.IntRange(1), help="At most this many events.")
def events(db_url, country, admin1, event_type, since, until, actor, near, min_fatalities, fmt, output, limit):
    """List merged events, filtered, as a table or CSV (ACLED columns), JSON, GeoJSON or Parquet.

    The format follows --output's extension (events.csv, .json, .geojson, .parquet) unless --format is given.
    """
    from flashpoint.store import EventFilter, open_store
    from flashpoint.store import export

    fmt = format_from(output, fmt)
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
        if output:
            with open(output, "w", encoding="utf-8") as fh:
                fh.write(_plain_table(found))
            click.echo(f"wrote {len(found)} events to {output}", err=True)
            return
        _print_table(found)
        return
    if fmt == "parquet":
        if output is None and sys.stdout.isatty():
            raise click.UsageError("Parquet is binary: give --output FILE or redirect stdout.")
        target = output if output else sys.stdout.buffer
        n = export.write_parquet(found, target)
        if output:
            click.echo(f"wrote {n} events to {output} (parquet)", err=True)
        return
    writer = {"csv": export.write_csv, "json": export.write_json, "geojson": export.write_geojson}[fmt]
    if output:
        n = writer(found, output)
        click.echo(f"wrote {n} events to {output} ({fmt})", err=True)
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
