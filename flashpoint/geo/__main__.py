"""``python -m flashpoint.geo [--rebuild] [NAME ...]``: build the index, print figures and lookups.

Prints where the index is, how long building or opening it took, the
process's peak memory and, for each NAME, the records found.
"""

from __future__ import annotations

import resource
import sys
import time

from flashpoint.geo.gazetteer import Gazetteer, ensure_index, index_path


def main(argv: list[str]) -> int:
    """Entry point; returns the exit status."""
    rebuild = "--rebuild" in argv
    names = [a for a in argv if a != "--rebuild"]
    path = index_path()
    if rebuild:
        path.unlink(missing_ok=True)
    built = not path.exists()
    started = time.perf_counter()
    ensure_index(path)
    gazetteer = Gazetteer(path)
    gazetteer.lookup("Aleppo")
    elapsed = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    size_mb = path.stat().st_size / 1e6
    print(f"index: {path} ({size_mb:.1f} MB)")
    print(f"{'built' if built else 'opened'} + first lookup: {elapsed:.2f} s; peak RSS {peak_mb:.0f} MB")
    print("records:", gazetteer.size())
    for name in names:
        for r in gazetteer.lookup(name)[:5]:
            print(f"  {name!r}: {r.name} [{r.precision}] {r.country} {r.admin1} "
                  f"{r.lat} {r.lon} pop={r.population} id={r.geonameid}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
