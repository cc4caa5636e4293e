"""The `flashpoint` command line: a thin shell over the Python API.

Each sub-command lives in its own module and is imported only when used, so
`flashpoint --help` stays fast and one command's optional dependencies
(Spark, the web server) never slow another.
"""

from __future__ import annotations

import importlib
import os
import sys

import click

from flashpoint.errors import FlashpointError

# command name -> "module:function" (modules under flashpoint.cli)
COMMANDS = {
    "extract": "extract_cmd:extract",
    "ingest": "ingest_cmd:ingest",
    "events": "events_cmd:events",
    "quotes": "events_cmd:quotes",
    "errors": "errors_cmd:errors",
    "serve": "serve_cmd:serve",
    "eval": "eval_cmd:eval_",
    "learn": "learn_cmd:learn",
    "compare": "compare_cmd:compare",
    "spark-extract": "spark_cmd:spark_extract",
    "geoparse": "geoparse_cmd:geoparse",
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
    except SystemExit as exc:
        # click turns a closed pipe (`| head`) into exit 1 after wrapping stdout; the reader
        # stopping early is not a failure (it breaks `set -o pipefail` scripts).
        if type(sys.stdout).__name__ == "_PacifyFlushWrapper":
            _quiet_stdout()
            sys.exit(0)
        raise
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
        sys.exit(getattr(exc, "exit_code", 1))  # 2 for a bad option value, as click does
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        sys.exit(130)
    except BrokenPipeError:
        _quiet_stdout()
        sys.exit(0)  # `flashpoint events ... | head` is a normal way to stop reading
    except Exception as exc:  # noqa: BLE001 - disk full, database gone: one line, not a traceback
        message = _environment_error(exc)
        if message is None:
            raise
        click.echo(f"error: {message}", err=True)
        sys.exit(1)
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _quiet_stdout()


def _environment_error(exc: Exception) -> str | None:
    """A one-line message for a failure of the machine rather than of flashpoint, else None."""
    import errno

    from sqlalchemy.exc import OperationalError

    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EIO):
        return f"{exc.filename or 'output'}: {exc.strerror}; what was committed before is intact"
    if isinstance(exc, OperationalError):
        reason = str(exc.orig).splitlines()[0] if exc.orig is not None else str(exc).splitlines()[0]
        return f"database: {reason}; what was committed before is intact"
    return None


def _quiet_stdout() -> None:
    """Point stdout at /dev/null so Python's exit-time flush cannot fail on the closed pipe."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
