"""POST /articles: extract events from a submitted article and store them."""

from __future__ import annotations

import dataclasses
from typing import Annotated, Any, Optional

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials
from pydantic import ValidationError

from flashpoint.api.auth import bearer, check_token
from flashpoint.api.schemas import MAX_ARTICLE_CHARS, ArticleIn, IngestResult, IsoDate, Problem

router = APIRouter()

URL_TAKEN = "url: an article with this URL is already stored (with different text)"
JSON_TYPE = "application/json"
TEXT_TYPE = "text/plain"

_BODY_DOC = {
    "required": True,
    "content": {
        JSON_TYPE: {"schema": ArticleIn.model_json_schema()},
        TEXT_TYPE: {
            "schema": {"type": "string", "minLength": 1, "maxLength": MAX_ARTICLE_CHARS},
            "example": "date 2020-02-27\nAt least 33 Turkish soldiers were killed in an air strike in Idlib on Thursday.",
        },
    },
}


def may_write(request: Request, credentials: Annotated[Optional[HTTPAuthorizationCredentials], Depends(bearer)]) -> None:
    """Writes need the server's token."""
    check_token(request, credentials, write=True)


@router.post(
    "/articles",
    status_code=201,
    response_model=IngestResult,
    dependencies=[Depends(may_write)],
    openapi_extra={"requestBody": _BODY_DOC},
    responses={
        200: {"model": IngestResult, "description": "already stored; nothing added"},
        401: {"model": Problem},
        403: {"model": Problem},
        409: {"model": Problem, "description": "another article with this URL is already stored"},
        413: {"model": Problem},
        415: {"model": Problem},
        422: {"model": Problem},
    },
)
async def post_article(
    request: Request,
    date: Annotated[Optional[IsoDate], Query(description="publication date, for text/plain bodies")] = None,
    url: Annotated[Optional[str], Query(max_length=2000, description="for text/plain bodies")] = None,
    title: Annotated[Optional[str], Query(max_length=1000, description="for text/plain bodies")] = None,
    outlet: Annotated[Optional[str], Query(max_length=200, description="the publisher, for text/plain bodies")] = None,
) -> Any:
    """Submit one article (JSON ``{"text", "date", "url", "title", "outlet"}`` or a
    text/plain body) for extraction; its events and quotes are stored."""
    body = await _read_body(request)
    submitted = _parse(body, request.headers.get("content-type", ""), date=date, url=url, title=title, outlet=outlet)
    result, created = await run_in_threadpool(_extract_and_store, request.app.state.holder, submitted)
    return JSONResponse(result.model_dump(), status_code=201 if created else 200)


async def _read_body(request: Request) -> bytes:
    limit = request.app.state.settings.max_body_bytes
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise HTTPException(413, detail=f"body: {declared} bytes is over the {limit}-byte limit")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise HTTPException(413, detail=f"body: over the {limit}-byte limit")
    return bytes(body)


def _parse(body: bytes, content_type: str, **fields: Any) -> ArticleIn:
    media_type = content_type.split(";")[0].strip().lower()
    if media_type not in (JSON_TYPE, TEXT_TYPE):
        raise HTTPException(415, detail=f"content-type: send {JSON_TYPE} or {TEXT_TYPE}, not {media_type or 'nothing'!r}")
    submitted = _validate(body, media_type, fields)
    if not submitted.text.strip():
        raise HTTPException(422, detail="text: the article is empty")
    return submitted


def _validate(body: bytes, media_type: str, fields: dict[str, Any]) -> ArticleIn:
    try:
        if media_type == JSON_TYPE:
            return ArticleIn.model_validate_json(body)
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise HTTPException(422, detail=f"body: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
        return ArticleIn(text=text, **fields)
    except ValidationError as exc:
        raise HTTPException(422, detail=_one_line(exc)) from None


def _one_line(exc: ValidationError) -> str:
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first["loc"]) or "body"
    more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
    return f"{where}: {first['msg']}{more}"


def _extract_and_store(holder: Any, submitted: ArticleIn) -> tuple[IngestResult, bool]:
    """Clean, extract, store (no extraction logic here: the pipeline does it)."""
    from flashpoint.text import make_article
    from flashpoint.workers import Failure

    article = make_article(submitted.text, date=submitted.date, url=submitted.url, title=submitted.title, source="body",
                           outlet=submitted.outlet)
    with holder.lock:
        store = holder.get()
        if store.has_article(article.id):
            return IngestResult(article_id=article.id, duplicate=True, events=0, quotes=0, event_ids=[]), False
        if article.url and getattr(store, "has_url", None) and store.has_url(article.url):
            raise HTTPException(409, detail=URL_TAKEN)
    document = holder.extract(article)
    if isinstance(document, Failure):
        raise HTTPException(422, detail=f"text: {document.reason}")
    with holder.lock:
        store = holder.get()
        stats = _as_dict(store.add_documents([document]))
        # each extracted event as stored: merged with other sources' reports or on its own
        merged_ids = [(store.event(e.id) or e).id for e in document.events]
    if stats.get("articles") == 0 and stats.get("skipped", 0) > 0:  # the same URL, stored meanwhile
        raise HTTPException(409, detail=URL_TAKEN)
    result = IngestResult(
        article_id=article.id,
        duplicate=False,
        events=len(document.events),
        quotes=len(document.quotes),
        event_ids=merged_ids,
        stored=stats,
    )
    return result, True


def _as_dict(stats: Any) -> dict[str, Any]:
    if dataclasses.is_dataclass(stats) and not isinstance(stats, type):
        return dataclasses.asdict(stats)
    if isinstance(stats, dict):
        return stats
    return {k: v for k, v in vars(stats).items() if not k.startswith("_")} if hasattr(stats, "__dict__") else {}
