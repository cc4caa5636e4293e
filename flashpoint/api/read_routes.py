"""GET endpoints: events (JSON, GeoJSON or CSV), one event, articles, quotes, stats, map views."""

from __future__ import annotations

from typing import Annotated, Any, Callable, Literal, Optional, Union

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, Response
from fastapi.security import HTTPAuthorizationCredentials

from flashpoint.api.auth import bearer, check_token
from flashpoint.api.filters import DIGITS, event_filter
from flashpoint.api.schemas import EventPage, FeatureCollection, MapView, Problem, QuotePage, Stats
from flashpoint.model import Article, Event
from flashpoint.store import EventFilter

MAX_PAGE = 1000
MAX_DOWNLOAD = 100_000  # csv and geojson pages: a whole selection as one file


def may_read(request: Request, credentials: Annotated[Optional[HTTPAuthorizationCredentials], Depends(bearer)]) -> None:
    """Reads are open unless the server was started with private reads."""
    check_token(request, credentials, write=False)


router = APIRouter(dependencies=[Depends(may_read)], responses={401: {"model": Problem}, 422: {"model": Problem}})
# Reads are open by default: the token is optional ({} = no security needed).
OPEN = {"security": [{}, {"HTTPBearer": []}]}

Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"page size (at most {MAX_PAGE})"), DIGITS]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="items to skip"), DIGITS]
Id = Annotated[str, Path(min_length=1, max_length=200)]


def using_store(request: Request, read: Callable[[Any], Any]) -> Any:
    """Run ``read(store)`` with the app's store, one request at a time."""
    holder = request.app.state.holder
    with holder.lock:
        return read(holder.get())


@router.get(
    "/events",
    response_model=Union[EventPage, FeatureCollection],
    summary="Events matching the filters, one page at a time",
    responses={200: {"content": {"text/csv": {}}}},
    openapi_extra=OPEN,
)
def list_events(
    request: Request,
    flt: Annotated[EventFilter, Depends(event_filter)],
    limit: Annotated[int, Query(ge=1, le=MAX_DOWNLOAD, description=f"page size (at most {MAX_PAGE} for json, "
                                                           f"{MAX_DOWNLOAD} for csv and geojson)"), DIGITS] = 100,
    offset: Offset = 0,
    format: Annotated[Literal["json", "geojson", "csv"],
                      Query(description="json (default), geojson or csv (ACLED's export columns)")] = "json",
) -> Any:
    """Merged events, newest first as the store orders them, with their sources.

    ``format=geojson`` returns a FeatureCollection (events without coordinates
    have a null geometry, as the exporter writes them) with ``total``,
    ``limit`` and ``offset`` as foreign members. ``format=csv`` returns the
    page as CSV with ACLED's export columns (as ``flashpoint events -o x.csv``),
    with the total in the ``X-Total-Count`` header."""

    if format == "json" and limit > MAX_PAGE:
        raise HTTPException(422, detail=f"limit: at most {MAX_PAGE} for json (csv and geojson take up to {MAX_DOWNLOAD})")

    def read(store):
        return store.count_events(flt), store.events(flt, limit=limit, offset=offset)

    total, events = using_store(request, read)
    next_offset = offset + len(events) if offset + len(events) < total else None
    if format == "csv":
        import io

        from flashpoint.store.export import write_csv

        buffer = io.StringIO()
        write_csv(events, buffer)
        headers = {"X-Total-Count": str(total), "Content-Disposition": 'attachment; filename="events.csv"'}
        return Response(buffer.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)
    if format == "geojson":
        from flashpoint.store.export import to_geojson

        collection = to_geojson(events)
        collection.update(total=total, limit=limit, offset=offset, next_offset=next_offset)
        return collection
    return EventPage(total=total, limit=limit, offset=offset, next_offset=next_offset, events=events)


@router.get("/events/{event_id}", response_model=Event, responses={404: {"model": Problem}}, openapi_extra=OPEN)
def get_event(request: Request, event_id: Id) -> Any:
    """One event with its evidence sentence, offsets and every source that reported it."""
    event = using_store(request, lambda store: store.event(event_id))
    if event is None:
        raise HTTPException(404, detail=f"event {event_id!r} not found")
    return event


@router.get("/articles/{article_id}", response_model=Article, responses={404: {"model": Problem}}, openapi_extra=OPEN)
def get_article(request: Request, article_id: Id) -> Any:
    """A stored article's cleaned text: the text every evidence offset points into."""
    article = using_store(request, lambda store: store.article(article_id))
    if article is None:
        raise HTTPException(404, detail=f"article {article_id!r} not found")
    return article


@router.get("/quotes", response_model=QuotePage, openapi_extra=OPEN)
def list_quotes(
    request: Request,
    speaker: Annotated[Optional[str], Query(max_length=200, description="text the speaker's name contains")] = None,
    article_id: Annotated[Optional[str], Query(max_length=200)] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> Any:
    """Attributed quotes, optionally by speaker or article."""
    from flashpoint.store.quote_count import count_quotes

    def read(store):
        who, which = speaker or None, article_id or None
        return count_quotes(store, who, which), store.quotes(speaker=who, article_id=which, limit=limit, offset=offset)

    total, quotes = using_store(request, read)
    next_offset = offset + len(quotes) if offset + len(quotes) < total else None
    return QuotePage(total=total, limit=limit, offset=offset, next_offset=next_offset, quotes=quotes)


@router.get("/stats", response_model=Stats, openapi_extra=OPEN)
def stats(request: Request, flt: Annotated[EventFilter, Depends(event_filter)]) -> Any:
    """Counts of the matching events by week (with fatalities), by type and by country."""
    return using_store(request, lambda store: store.stats(flt))


@router.get("/map", response_model=MapView, openapi_extra=OPEN)
def map_view(
    request: Request,
    flt: Annotated[EventFilter, Depends(event_filter)],
    zoom: Annotated[int, Query(ge=0, le=22, description="the map's zoom level (sets the grid's cell size)"), DIGITS] = 2,
) -> Any:
    """The matching events inside ``bbox`` (default: the world) as the map draws them: light
    GeoJSON points when the view holds at most 2,000, else grid cells (about 64 px at this zoom)
    with event counts, fatality sums and the most frequent type; ``total`` is the view's count."""
    return using_store(request, lambda store: store.map_view(flt, zoom))
