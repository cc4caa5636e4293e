"""The `flashpoint` command line: a thin shell over the Python API.

Each sub-command lives in its own module and is imported only when used, so
`flashpoint --help` stays fast and one command's optional dependencies
(Spark, the web server) never slow another.
"""

from __future__ import annotations

import importlib
import sys

import click

from flashpoint.errors import FlashpointError

# command name -> "module:function" (modules under flashpoint.cli)
COMMANDS = {
    "extract": "extract_cmd:extract",
    "ingest": "ingest_cmd:ingest",
    "events": "events_cmd:events",
    "quotes": "events_cmd:quotes",
    "serve": "serve_cmd:serve",
    "eval": "eval_cmd:eval_",
    "learn": "learn_cmd:learn",
    "compare": "compare_cmd:compare",
    "spark-extract": "spark_cmd:spark_extract",
}


class LazyGroup(click.Group):
    """A click group that imports a sub-command's module on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        target = COMMANDS.get(name)
        if target is None:
            return None
        module_name, attr = target.split(":")
        try:
            module = importlib.import_module(f"flashpoint.cli.{module_name}")
        except ModuleNotFoundError as exc:
            if exc.name and exc.name.startswith("flashpoint.cli."):
                return None  # not built yet
            raise
        return getattr(module, attr)


@click.group(cls=LazyGroup)
@click.version_option(package_name="flashpoint")
def cli() -> None:
    """Turn news articles into a database of conflict events and quotes."""


def main() -> None:
    """Entry point: run the CLI, turning known errors into one-line messages."""
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except FlashpointError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
