"""`flashpoint compare`: extracted events against ACLED events in the same database."""

from __future__ import annotations

import json

import click

from flashpoint.cli.ingest_cmd import DB_HELP


@click.command()
@click.option("--db", "db_url", default=None, help=DB_HELP)
@click.option("--country", default=None, help="ISO code or name.")
@click.option("--admin1", default=None, help="First-level region name.")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), default=None, help="From this date (YYYY-MM-DD).")
@click.option("--until", type=click.DateTime(["%Y-%m-%d"]), default=None, help="Up to this date (YYYY-MM-DD).")
@click.option("--list", "show", type=click.Choice(["both", "acled", "extracted"]), default=None,
              help="Also list the events of one side.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def compare(db_url, country, admin1, since, until, show, as_json):
    """For a region and period: events found both by extraction and in ACLED, only in ACLED, only extracted.

    Load ACLED events first with `flashpoint ingest --acled EXPORT.csv`.
    """
    from flashpoint.learn.compare import compare as run_compare
    from flashpoint.store import open_store
    from flashpoint.store.filters import EventFilter

    flt = EventFilter(country=country, admin1=admin1, since=since.date() if since else None,
                      until=until.date() if until else None)
    with open_store(db_url, create=False) as store:
        report = run_compare(store.events(flt))
    listed = report.pop("events")
    if as_json:
        if show:
            report["events"] = [_line(e) for e in listed[show]]
        click.echo(json.dumps(report, indent=2, ensure_ascii=False, default=str))
        return
    click.echo(f"both {report['both']}, only ACLED {report['only_acled']}, only extracted {report['only_extracted']}"
               f" (ACLED events found: {report['acled_events_found']}; extracted events in ACLED: "
               f"{report['extracted_events_in_acled']})")
    for kind, counts in report["by_event_type"].items():
        click.echo(f"  {kind}: both {counts['both']}, only ACLED {counts['only_acled']}, "
                   f"only extracted {counts['only_extracted']}")
    for event in listed.get(show, []) if show else []:
        click.echo("  " + _line(event))


def _line(event) -> str:
    when = event.date.start.isoformat() if event.date else "?"
    where = event.place.name if event.place else "?"
    return f"{when}  {event.sub_event_type}  {where}  {event.evidence.sentence[:100]}"


