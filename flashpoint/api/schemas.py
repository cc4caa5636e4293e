"""Request and response shapes of the REST API, so /openapi.json is exact.

Events, quotes and articles are the model dataclasses themselves (pydantic
reads their fields), so the schema cannot drift from flashpoint.model.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal, Optional

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from flashpoint.model import Event, Quote

MAX_ARTICLE_CHARS = 200_000  # a long feature story is ~30k characters


def _iso_date(value: Any) -> Any:
    # pydantic alone would read "0" or 1583000000 as a Unix time; only YYYY-MM-DD is a date here.
    if isinstance(value, dt.date) or (isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)):
        return value
    raise ValueError("expected a date as YYYY-MM-DD")


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]


class EventPage(BaseModel):
    """One page of events and where the next page starts."""

    total: int = Field(description="events matching the filters, over all pages")
    limit: int
    offset: int
    next_offset: Optional[int] = Field(description="offset of the next page; null on the last page")
    events: list[Event]


class Geometry(BaseModel):
    """A GeoJSON geometry (events are Points, [lon, lat])."""

    type: str
    coordinates: Any


class Feature(BaseModel):
    """One event as a GeoJSON Feature."""

    type: Literal["Feature"]
    geometry: Optional[Geometry] = None
    properties: dict[str, Any] = Field(default_factory=dict)
    id: Optional[str] = None


class FeatureCollection(BaseModel):
    """A page of events as a GeoJSON FeatureCollection (RFC 7946)."""

    model_config = ConfigDict(extra="allow")  # total/limit/offset ride along as foreign members

    type: Literal["FeatureCollection"]
    features: list[Feature]


class QuotePage(BaseModel):
    """One page of quotes and where the next page starts."""

    total: int = Field(description="quotes matching the filters, over all pages")
    limit: int
    offset: int
    next_offset: Optional[int] = Field(description="offset of the next page; null on the last page")
    quotes: list[Quote]


class WeekCount(BaseModel):
    """Events and fatalities in the week starting on ``week`` (a Monday)."""

    week: dt.date
    events: int
    fatalities: int


class Stats(BaseModel):
    """Counts over the events matching the filters."""

    total: int
    by_week: list[WeekCount]
    by_type: dict[str, int]
    by_country: dict[str, int]
    located: int = Field(0, description="events with coordinates (the rest cannot be drawn on a map)")
    bounds: Optional[list[float]] = Field(None, description="[south, west, north, east] around the located events")


class Cluster(BaseModel):
    """The events of one grid cell of the map view."""

    count: int
    fatalities: int = Field(description="sum of the events' fatalities")
    event_type: str = Field(description="the cell's most frequent event type")
    lat: float = Field(description="mean latitude of the cell's events")
    lon: float = Field(description="mean longitude of the cell's events")
    bounds: list[float] = Field(description="[south, west, north, east] around the cell's events")


class MapView(BaseModel):
    """What one map view shows: its events as points when few, else grid cells."""

    total: int = Field(description="events with a point inside the view (bbox) that match the filters")
    zoom: int
    features: Optional[FeatureCollection] = Field(description="the events as light GeoJSON points "
                                                              "(null when the view holds too many)")
    clusters: Optional[list[Cluster]] = Field(description="grid cells whose counts add up to total "
                                                         "(null when features are sent)")
    cell_degrees: Optional[float] = Field(None, description="the grid's cell size in degrees")


class ArticleIn(BaseModel):
    """An article to extract events from and store."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=MAX_ARTICLE_CHARS, description="raw article text (or HTML)")
    date: Optional[IsoDate] = Field(None, description="publication date; relative dates resolve against it")
    url: Optional[str] = Field(None, max_length=2000)
    title: Optional[str] = Field(None, max_length=1000)
    outlet: Optional[str] = Field(None, max_length=200, description="the publisher, e.g. Reuters "
                                                                     "(ACLED's source column)")


class IngestResult(BaseModel):
    """What happened to a submitted article."""

    article_id: str
    duplicate: bool = Field(description="true when the article was already stored (nothing added)")
    events: int = Field(description="events extracted from this article")
    quotes: int = Field(description="quotes extracted from this article")
    event_ids: list[str] = Field(description="ids of the stored events (after cross-article merging) for "
                                             "this article's events, in extraction order; GET /events/{id}")
    stored: dict[str, Any] = Field(default_factory=dict, description="the store's ingest statistics")


class Problem(BaseModel):
    """An error: ``detail`` is one line saying what was wrong with which input."""

    detail: Any
