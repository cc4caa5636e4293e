"""`flashpoint eval GOLD`: extract over a gold set and print the scores."""

from __future__ import annotations

import json

import click

from flashpoint.cli.learn_cmd import learned_option


@click.command("eval")
@click.argument("gold", type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the full report (with per-item details) as JSON.")
@click.option("--errors", is_flag=True, help="After the table, list missed/spurious events, wrong speakers, confusions.")
@learned_option
def eval_(gold: str, as_json: bool, errors: bool, learned: str | None) -> None:
    """Score extraction against GOLD (seed .json, .jsonl, or CASE 2021 .tsv).

    Matching and metric definitions: docs/eval.md; gold formats: docs/gold-format.md.
    """
    from flashpoint.eval.run import evaluate

    from flashpoint.cli.learn_cmd import load

    report = evaluate(gold, learned=load(learned))
    if as_json:
        click.echo(json.dumps(report, indent=2, ensure_ascii=False))
        return
    from rich.console import Console

    from flashpoint.eval.report import error_lines, report_table

    console = Console()
    if not console.is_terminal:
        console = Console(width=110)  # pipes and files get the whole table unwrapped
    console.print(report_table(report))
    if errors:
        for line in error_lines(report):
            click.echo(line)
    click.echo(f"extraction took {report['extraction_seconds']:.2f} s")
