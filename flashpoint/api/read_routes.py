"""GET endpoints: events (JSON or GeoJSON), one event, articles, quotes, stats."""

from __future__ import annotations

from typing import Annotated, Any, Callable, Literal, Optional, Union

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.security import HTTPAuthorizationCredentials

from flashpoint.api.auth import bearer, check_token
from flashpoint.api.filters import event_filter
from flashpoint.api.schemas import EventPage, FeatureCollection, Problem, QuotePage, Stats
from flashpoint.model import Article, Event
from flashpoint.store import EventFilter

MAX_PAGE = 1000


def may_read(request: Request, credentials: Annotated[Optional[HTTPAuthorizationCredentials], Depends(bearer)]) -> None:
    """Reads are open unless the server was started with private reads."""
    check_token(request, credentials, write=False)


router = APIRouter(dependencies=[Depends(may_read)], responses={401: {"model": Problem}, 422: {"model": Problem}})
# Reads are open by default: the token is optional ({} = no security needed).
OPEN = {"security": [{}, {"HTTPBearer": []}]}

Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"page size (at most {MAX_PAGE})")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="items to skip")]
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
    openapi_extra=OPEN,
)
def list_events(
    request: Request,
    flt: Annotated[EventFilter, Depends(event_filter)],
    limit: Limit = 100,
    offset: Offset = 0,
    format: Annotated[Literal["json", "geojson"], Query(description="json (default) or geojson")] = "json",
) -> Any:
    """Merged events, newest first as the store orders them, with their sources.

    ``format=geojson`` returns a FeatureCollection (events without coordinates
    have a null geometry, as the exporter writes them) with ``total``,
    ``limit`` and ``offset`` as foreign members."""

    def read(store):
        return store.count_events(flt), store.events(flt, limit=limit, offset=offset)

    total, events = using_store(request, read)
    next_offset = offset + len(events) if offset + len(events) < total else None
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
    quotes = using_store(
        request,
        lambda store: store.quotes(speaker=speaker or None, article_id=article_id or None, limit=limit, offset=offset),
    )
    return QuotePage(limit=limit, offset=offset, quotes=quotes)


@router.get("/stats", response_model=Stats, openapi_extra=OPEN)
def stats(request: Request, flt: Annotated[EventFilter, Depends(event_filter)]) -> Any:
    """Counts of the matching events by week (with fatalities), by type and by country."""
    return using_store(request, lambda store: store.stats(flt))
