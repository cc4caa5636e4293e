"""`flashpoint extract FILE|-`: articles in, JSON events and quotes out (no database needed)."""

from __future__ import annotations

import json
import sys

import click

from flashpoint.cli.learn_cmd import learned_option


def _articles(path: str, date: str | None) -> list:
    """The input's articles (a .jsonl holds many), with ``--date`` applied.

    Raises the input's error when nothing in it can be read; a bad line among
    good ones is a warning on stderr (the other articles still count)."""
    import os

    from flashpoint import text
    from flashpoint.errors import InputError

    if path != "-" and os.path.isdir(path):
        raise InputError(path, "is a folder; give one file (ingest reads folders)")
    articles, problems = [], []
    for record in text.read_records(path):
        if isinstance(record, InputError):
            problems.append(record)
            continue
        if date is not None:
            record = text.make_article(record.text, date=date, url=record.url, title=record.title,
                                       source=record.source)
        articles.append(record)
    if not articles:
        raise problems[0] if problems else InputError("stdin" if path == "-" else path, "no articles found")
    for problem in problems:
        click.echo(f"warning: {problem}", err=True)
    return articles


def _print_summary(document) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console() if sys.stdout.isatty() else Console(width=200)
    title = document.article.title or document.article.source or document.article.id
    table = Table(title=f"{title}: {len(document.events)} events, {len(document.quotes)} quotes")
    for column in ("date", "type", "sub-event type", "actor 1", "actor 2", "location", "killed", "evidence"):
        table.add_column(column, overflow="fold")
    for e in document.events:
        table.add_row(
            e.date.start.isoformat() if e.date else "", e.event_type, e.sub_event_type,
            e.actor1.name if e.actor1 else "", e.actor2.name if e.actor2 else "",
            e.place.name if e.place else "", "" if e.fatalities is None else str(e.fatalities.value),
            e.evidence.sentence if e.evidence else "",
        )
    console.print(table)
    for q in document.quotes:
        console.print(f"  “{q.text}” — {q.speaker or 'unknown speaker'}")


@click.command()
@click.argument("path", metavar="FILE|-")
@click.option("--date", "date", default=None, help="Publication date (YYYY-MM-DD); overrides a date header.")
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "table"]), default=None,
              help="json: one indented document; jsonl: one line per article; table: a readable summary "
                   "[default: json for one article, jsonl for several].")
@click.option("--compact", is_flag=True, help="One line of JSON instead of indented output.")
@click.option("--no-text", is_flag=True, help="Leave the cleaned article text out of the output.")
@learned_option
def extract(path: str, date: str | None, fmt: str | None, compact: bool, no_text: bool, learned: str | None) -> None:
    """Extract events and quotes from the articles in a file (.txt, .html, .jsonl or - for stdin).

    A .jsonl file with many articles gives one JSON line per article, so a
    corpus can be extracted without a database.
    """
    from flashpoint import extract_articles
    from flashpoint.cli.learn_cmd import load

    articles = _articles(path, date)
    if fmt is None:
        fmt = "json" if len(articles) == 1 else "jsonl"
    for document in extract_articles(articles, learned=load(learned)):
        if fmt == "table":
            _print_summary(document)
            continue
        data = document.to_dict()
        if no_text:
            data["article"].pop("text", None)
        one_line = compact or fmt == "jsonl"
        click.echo(json.dumps(data, ensure_ascii=False, indent=None if one_line else 2))
