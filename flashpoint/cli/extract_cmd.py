"""`flashpoint extract FILE|-`: one article in, JSON events and quotes out."""

from __future__ import annotations

import json

import click

from flashpoint.cli.learn_cmd import learned_option


@click.command()
@click.argument("path", metavar="FILE|-")
@click.option("--date", "date", default=None, help="Publication date (YYYY-MM-DD); overrides a date header.")
@click.option("--compact", is_flag=True, help="One line of JSON instead of indented output.")
@click.option("--no-text", is_flag=True, help="Leave the cleaned article text out of the output.")
@learned_option
def extract(path: str, date: str | None, compact: bool, no_text: bool, learned: str | None) -> None:
    """Extract events and quotes from one article (.txt, .html, .jsonl or - for stdin)."""
    from flashpoint import extract_articles, text

    article = text.read_one(path)
    if date is not None:
        article = text.make_article(article.text, date=date, url=article.url,
                                    title=article.title, source=article.source)
    from flashpoint.cli.learn_cmd import load

    document = next(extract_articles([article], learned=load(learned)))
    data = document.to_dict()
    if no_text:
        data["article"].pop("text", None)
    click.echo(json.dumps(data, ensure_ascii=False, indent=None if compact else 2))
