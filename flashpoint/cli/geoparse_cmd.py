"""`flashpoint geoparse FILE|-`: every place in a text, as JSON or GeoJSON;
`flashpoint geoparse --evaluate GOLD.xml ...`: the resolver's figures on geoparsing gold sets."""

from __future__ import annotations

import json
import sys

import click

from flashpoint.errors import InputError


def _read_text(path: str) -> str:
    name = "stdin" if path == "-" else path
    try:
        if path == "-":
            data = sys.stdin.buffer.read()
        else:
            with open(path, "rb") as f:
                data = f.read()
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except IsADirectoryError:
        raise InputError(name, "is a folder; give one text file") from None
    except OSError as exc:
        raise InputError(name, exc.strerror or "cannot be read") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(name, "is not UTF-8 text") from None


def _feature(place) -> dict:
    from flashpoint.model import to_dict

    properties = {k: v for k, v in to_dict(place).items() if k not in ("lat", "lon", "provenance")}
    if place.provenance is not None:
        properties.update(start=place.provenance.start, end=place.provenance.end,
                          confidence=place.provenance.confidence)
    geometry = None if place.lat is None else {"type": "Point", "coordinates": [place.lon, place.lat]}
    return {"type": "Feature", "geometry": geometry, "properties": properties}


def _print_evaluation(paths: tuple[str, ...]) -> None:
    from flashpoint.geo.evaluate import evaluate_file

    results = [(path, evaluate_file(path)[0]) for path in paths]  # bad input fails before any output
    click.echo(f"{'set':<22}{'toponyms':>9}{'answered':>9}{'acc@161':>9}{'overall':>9}"
               f"{'raw@161':>9}{'raw all':>9}{'mean km':>9}{'AUC':>7}{'conf AUC':>9}")
    for path, figures in results:
        name = path.rsplit("/", 1)[-1]
        click.echo(f"{name:<22}{figures['toponyms']:>9}{figures['answered']:>9.3f}"
                   f"{figures['acc161_answered']:>9.3f}{figures['acc161_all']:>9.3f}"
                   f"{figures['raw_acc161_answered']:>9.3f}{figures['raw_acc161_all']:>9.3f}"
                   f"{figures['mean_error_km'] or 0:>9.0f}{figures['auc']:>7.3f}"
                   f"{figures['confidence_auc'] or 0:>9.3f}")


@click.command("geoparse")
@click.argument("files", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(["json", "geojson"]), default="json", show_default=True,
              help="JSON list of places, or a GeoJSON FeatureCollection.")
@click.option("--evaluate", is_flag=True,
              help="FILES are GeoWebNews/TR-News gold XML: print the resolver's figures on them.")
def geoparse(files: tuple[str, ...], fmt: str, evaluate: bool) -> None:
    """Find and resolve every place named in FILE (or - for stdin); see docs/geo.md."""
    if evaluate:
        if not files:
            raise InputError("--evaluate", "give one or more gold XML files")
        _print_evaluation(files)
        return
    if len(files) > 1:
        raise InputError(" ".join(files), "give one file (or - for stdin)")
    from flashpoint.geo.parse import geoparse as run
    from flashpoint.model import to_dict

    places = run(_read_text(files[0] if files else "-"))
    if fmt == "geojson":
        out = {"type": "FeatureCollection", "features": [_feature(p) for p in places]}
    else:
        out = [to_dict(p) for p in places]
    click.echo(json.dumps(out, indent=2, ensure_ascii=False))
