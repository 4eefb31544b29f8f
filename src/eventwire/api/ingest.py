"""``POST /api/articles``: one article or a JSON array, read like JSONL lines, then processed."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Header, Request
from fastapi.responses import JSONResponse

from eventwire.api.errors import ApiError
from eventwire.api.security import check_token
from eventwire.model import InputFile, Rejection

router = APIRouter(prefix="/api")
MAX_ARTICLES = 100  # articles per request
API_ORIGIN = "request"
WRITE_LOCK = threading.Lock()  # one write request at a time in this process
ARTICLE_FIELDS = ("url", "source", "title", "text", "html", "published", "updated", "authors")
ARTICLE_SCHEMA = {
    "type": "object",
    "properties": {
        "url": {"type": "string"},
        "source": {"type": "string", "description": "the outlet (else the URL's domain)"},
        "title": {"type": "string"},
        "text": {"type": "string", "description": "plain text, one paragraph per line"},
        "html": {"type": "string", "description": "a whole page, read like an HTML file"},
        "published": {"type": "string", "description": "ISO 8601"},
        "updated": {"type": "string"},
        "authors": {"type": "array", "items": {"type": "string"}},
    },
}
BODY_SCHEMA = {
    "oneOf": [
        ARTICLE_SCHEMA,
        {"type": "array", "items": ARTICLE_SCHEMA, "minItems": 1, "maxItems": MAX_ARTICLES},
    ]
}


@router.post(
    "/articles",
    summary="Add articles and process them",
    openapi_extra={
        "requestBody": {"required": True, "content": {"application/json": {"schema": BODY_SCHEMA}}}
    },
    responses={201: {"description": "Stored; each article's story"}},
)
async def post_articles(
    request: Request, authorization: Annotated[str | None, Header()] = None
) -> JSONResponse:
    """Store and process articles (JSONL line fields); returns the story each joined."""
    check_token(request.app.state.token, authorization)
    objects = parse_articles(await request.body())
    from starlette.concurrency import run_in_threadpool

    results = await run_in_threadpool(ingest_objects, request.app.state, objects)
    stored = [r for r in results if r["status"] in ("stored", "already-stored")]
    if not stored:
        first = results[0]["error"]
        raise ApiError(422, f"no article stored: {first}", articles=results)
    status = 201 if any(r["status"] == "stored" for r in results) else 200
    return JSONResponse({"ok": True, "articles": results}, status_code=status)


def parse_articles(body: bytes) -> list[dict[str, Any]]:
    """The request's article objects (raises ApiError 400 naming what is wrong)."""
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError) as error:
        raise ApiError(400, f"request body is not JSON: {error}") from None
    objects = data if isinstance(data, list) else [data]
    if not objects or len(objects) > MAX_ARTICLES:
        raise ApiError(400, f"send one article or an array of 1 to {MAX_ARTICLES}")
    for index, item in enumerate(objects):
        if not isinstance(item, dict):
            raise ApiError(400, f"article {index}: not a JSON object")
        if not (item.get("source") or item.get("url")):
            raise ApiError(400, f"article {index}: give a 'source' (the outlet) or a 'url'")
    return objects


def ingest_objects(state: Any, objects: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Read, store and process the objects; each one's outcome, in order."""
    from eventwire.pipeline import Pipeline

    inputs = [read_object(item, index, state.settings) for index, item in enumerate(objects)]
    repo = state.queries.repo
    hashes = [article.content_hash for input_file in inputs for article in input_file.articles]
    with WRITE_LOCK:
        before = repo.stored_hashes(hashes)
        pipeline = Pipeline(repo, state.settings)
        report = pipeline.ingest_inputs(inputs)
        pipeline.process(report)
    rejected = {_index_of(r.origin): r for r in report.rejections}
    found = repo.stories_of_hashes(hashes)
    return [
        outcome(index, input_file, rejected.get(index), found, before)
        for index, input_file in enumerate(inputs)
    ]


def _index_of(origin: str) -> int | None:
    """The object index an origin (``request:INDEX:1``) names."""
    parts = origin.split(":")
    return int(parts[1]) if len(parts) > 1 and parts[1].isdecimal() else None


def read_object(item: dict[str, Any], index: int, settings: Any) -> InputFile:
    """One object as the JSONL reader reads a line (a bad one is a rejection)."""
    from eventwire.ingest.context import ReadContext
    from eventwire.ingest.jsonl import read_decoded_jsonl

    line = json.dumps({k: item[k] for k in ARTICLE_FIELDS if k in item}, ensure_ascii=False)
    context = ReadContext(Path(API_ORIGIN), f"{API_ORIGIN}:{index}", None, settings.ingest)
    return read_decoded_jsonl(line, context)


def outcome(
    index: int,
    input_file: InputFile,
    rejection: Rejection | None,
    found: dict[str, tuple[int, int | None]],
    stored_before: set[str],
) -> dict[str, Any]:
    """What became of one object: stored (with its story), already stored, or rejected."""
    article = input_file.articles[0] if input_file.articles else None
    rejection = rejection or (input_file.rejections[0] if input_file.rejections else None)
    if article is None or article.content_hash not in found:
        error = rejection.message if rejection else "not stored"
        reason = rejection.reason if rejection else "not-stored"
        return {"index": index, "status": "rejected", "reason": reason, "error": error}
    article_id, story_id = found[article.content_hash]
    return {
        "index": index,
        "status": "already-stored" if article.content_hash in stored_before else "stored",
        "article_id": article_id,
        "story_id": story_id,
        "story": f"/api/stories/{story_id}" if story_id is not None else None,
    }
