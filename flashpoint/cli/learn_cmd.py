"""`flashpoint learn EXPORT.csv…`: build a learned model from the user's ACLED exports."""

from __future__ import annotations

import click

LEARNED_HELP = "A learned model (name under $FLASHPOINT_CACHE/learned, or a folder) [default: $FLASHPOINT_LEARNED]."


def learned_option(function):
    """The shared `--learned NAME` option (also read from $FLASHPOINT_LEARNED)."""
    return click.option("--learned", "learned", default=None, envvar="FLASHPOINT_LEARNED", help=LEARNED_HELP)(function)


def use_everywhere(name: str | None) -> None:
    """Check a learned model loads, then hand it to every extraction (worker processes too) by its env var."""
    import os

    if name:
        load(name)
        os.environ["FLASHPOINT_LEARNED"] = name


def load(name: str | None):
    """The learned model named on the command line, loaded once, or None."""
    if not name:
        return None
    from flashpoint.learn import load_learned

    return load_learned(name)


@click.command()
@click.argument("exports", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--name", default="default", show_default=True, help="Name of the learned model.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def learn(exports: tuple[str, ...], name: str, quiet: bool) -> None:
    """Learn a sub-event classifier and actor/place dictionaries from ACLED export CSV files.

    The result goes to $FLASHPOINT_CACHE/learned/NAME/ (with a model card);
    use it with `--learned NAME` on extract, ingest, serve and eval.
    """
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from flashpoint.learn import learn as run_learn

    progress = Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                        TimeElapsedColumn(), console=Console(stderr=True), disable=quiet)
    tasks: dict[str, int] = {}

    def report(stage: str, done: int, total: int) -> None:
        if stage not in tasks:
            tasks[stage] = progress.add_task(stage, total=total)
        progress.update(tasks[stage], completed=done, total=total)

    with progress:
        summary = run_learn(list(exports), name=name, progress=report)
    click.echo(f"learn: {summary['rows_read']} rows read, {summary['notes_used']} notes in "
               f"{len(summary['per_class'])} sub-event types; cross-validated weighted F1 "
               f"{summary['cross_validated_weighted_f1']:.3f}; fill threshold {summary['fill_threshold']}; "
               f"{summary['actors']} actors, {summary['places']} places -> {summary['folder']}")
    for label, count in summary["per_class"].items():
        click.echo(f"  {count:6d}  {label}")
