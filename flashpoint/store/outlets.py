"""ACLED's ``source`` column: the outlets that reported an event."""

from __future__ import annotations

from urllib.parse import urlsplit

from flashpoint.model import Event


def outlets(event: Event) -> str | None:
    """The sources' outlet names ("; "-separated, sorted); a source with no named
    outlet is known by its web site (the URL's host), one with neither is left out."""
    names = []
    for source in event.sources:
        name = source.outlet
        if not name and source.url:
            name = (urlsplit(source.url).hostname or source.url).removeprefix("www.")
        if name and name not in names:
            names.append(name)
    return "; ".join(sorted(names)) or None
