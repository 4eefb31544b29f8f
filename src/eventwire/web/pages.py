"""The pages: story list, story, article, actors, actor, search, feeds (server-rendered)."""

from __future__ import annotations

from datetime import datetime
from importlib import resources
from typing import Annotated, Any
from urllib.parse import urlencode, urlsplit

from fastapi import APIRouter, FastAPI, Path, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from eventwire.api.documents import story_document, story_item
from eventwire.events.tables import cameo_codes
from eventwire.service import MAX_QUERY_CHARS, Queries, QueryError, event_filter, story_filter
from eventwire.web.passages import mark_shared
from eventwire.web.story_view import event_row, story_sections

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 25
SIDE_BY_SIDE = 4  # articles shown side by side on a story page
LINK_SCHEMES = frozenset({"http", "https"})
Text = Annotated[str | None, Query(max_length=MAX_QUERY_CHARS)]


def make_environment() -> Environment:
    """Jinja2 with autoescaping on for every template, and the UI's filters."""
    folder = resources.files("eventwire.web").joinpath("templates")
    env = Environment(
        loader=FileSystemLoader(str(folder)),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["safe_url"] = safe_url
    env.filters["when"] = when
    env.filters["day"] = lambda value: when(value)[:10]
    return env


def safe_url(url: str | None) -> str | None:
    """``url`` when it is an http(s) URL, else None: no ``javascript:`` or ``data:`` link."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme.lower() in LINK_SCHEMES and parts.netloc else None


def when(value: str | datetime | None) -> str:
    """A time as ``YYYY-MM-DD HH:MM`` (its own offset), '' when unknown."""
    if value is None:
        return ""
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    return moment.strftime("%Y-%m-%d %H:%M")


def install_web(app: FastAPI) -> None:
    """Serve the pages at / and the static files at /static."""
    env = make_environment()
    app.state.templates = env
    static = resources.files("eventwire.web").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    app.include_router(router)

    def error_page(request: Request, status: int, message: str) -> Response:
        return render(request, "error.html", {"status": status, "message": message}, status)

    app.state.error_page = error_page


def render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> Response:
    """Template ``name`` rendered with ``context`` (and the request's path)."""
    template = request.app.state.templates.get_template(name)
    html = template.render(path=request.url.path, **context)
    return HTMLResponse(html, status_code=status)


def queries_of(request: Request) -> Queries:
    return request.app.state.queries


@router.get("/")
def story_list(
    request: Request,
    q: Text = None,
    source: Text = None,
    country: Annotated[str | None, Query(max_length=3)] = None,
    actor: Text = None,
    since: Annotated[str | None, Query(max_length=40)] = None,
    until: Annotated[str | None, Query(max_length=40)] = None,
    min_sources: Annotated[str | None, Query(max_length=6)] = None,
    sort: Annotated[str, Query(max_length=10)] = "latest",
    cursor: Annotated[str | None, Query(max_length=400)] = None,
) -> Response:
    """Stories, newest first: search, filters, facets, outlet counts, next page.

    A form sends the fields left empty as empty strings: they filter nothing.
    """
    queries = queries_of(request)
    wanted = int(min_sources) if min_sources and min_sources.isdecimal() else None
    form = {"q": q, "source": source, "country": country, "actor": actor, "since": since}
    form |= {"until": until, "min_sources": min_sources, "sort": sort}
    actor_id = queries.actor_id(actor) if actor else None
    filters = story_filter(source, since, until, q, actor_id, country, wanted, sort)
    page = queries.stories(filters, PAGE_SIZE, cursor)
    facets = queries.facets(filters)
    kept = {k: v for k, v in form.items() if v not in (None, "")}
    context = {
        "stories": [story_item(s) for s in page.items],
        "form": form,
        "facets": facets,
        "next_url": f"/?{urlencode({**kept, 'cursor': page.next})}" if page.next else None,
        "facet_url": lambda name, value: "/?" + urlencode({**kept, name: value}),
    }
    return render(request, "stories.html", context)


@router.get("/events")
def event_list(
    request: Request,
    actor: Text = None,
    code: Annotated[str | None, Query(max_length=16)] = None,
    country: Annotated[str | None, Query(max_length=3)] = None,
    since: Annotated[str | None, Query(max_length=40)] = None,
    until: Annotated[str | None, Query(max_length=40)] = None,
    cursor: Annotated[str | None, Query(max_length=400)] = None,
) -> Response:
    """Events, in the order found: filters, facets (country, CAMEO root, actor), next page."""
    queries = queries_of(request)
    form = {"actor": actor, "code": code, "country": country, "since": since, "until": until}
    filters = event_filter(None, actor, code, since, until, country)
    page = queries.events(filters, PAGE_SIZE * 2, cursor)
    kept = {k: v for k, v in form.items() if v not in (None, "")}
    query = urlencode(kept)
    context = {
        "rows": [event_row(e.as_dict()) for e in page.items],
        "form": form,
        "facets": queries.event_facets(filters, ("country", "root", "actor")),
        "root_names": {code: known.name for code, known in cameo_codes().items() if len(code) == 2},
        "next_url": f"/events?{urlencode({**kept, 'cursor': page.next})}" if page.next else None,
        "facet_url": lambda name, value: "/events?" + urlencode({**kept, name: value}),
        "export_url": f"/api/events?{query}&format=" if query else "/api/events?format=",
    }
    return render(request, "events.html", context)


@router.get("/stories/{story_id}")
def story_page(request: Request, story_id: Annotated[int, Path(ge=0, le=2**62)]) -> Response:
    """A story: summary, outlets, timeline, articles side by side, events, facts, actors."""
    queries = queries_of(request)
    story = story_document(queries, queries.story(story_id))
    originals = [a for a in story["articles"] if a["copy_of"] is None][:SIDE_BY_SIDE]
    texts = {a["id"]: (a["source"], queries.article(a["id"]).article.text) for a in originals}
    marked = mark_shared(texts)
    columns = [{"article": a, "paragraphs": marked[a["id"]]} for a in originals]
    timeline = [
        {"outlet": a["source"], "published": a["published_at"]}
        for a in story["articles"]
        if a["published_at"]
    ]
    context = {"story": story, "columns": columns, "timeline": timeline}
    return render(request, "story.html", {**context, "sections": story_sections(story)})


@router.get("/articles/{article_id}")
def article_page(request: Request, article_id: Annotated[int, Path(ge=0, le=2**62)]) -> Response:
    """An article: clean text, metadata, what the cleaner removed and why."""
    detail = queries_of(request).article(article_id, explain=True)
    return render(request, "article.html", {"article": detail.as_dict()})


@router.get("/actors")
def actor_list(
    request: Request, cursor: Annotated[str | None, Query(max_length=400)] = None
) -> Response:
    """Actors, most mentioned first."""
    page = queries_of(request).actors(limit=PAGE_SIZE * 2, cursor=cursor)
    next_url = f"/actors?{urlencode({'cursor': page.next})}" if page.next else None
    actors = [a.as_dict() for a in page.items]
    return render(request, "actors.html", {"actors": actors, "next_url": next_url})


@router.get("/actors/{actor}")
def actor_page(request: Request, actor: Annotated[str, Path(max_length=200)]) -> Response:
    """An actor: aliases, roles, events and mentions over time, partners, latest events."""
    queries = queries_of(request)
    try:
        detail = queries.actor(actor)
    except QueryError as error:
        if error.status != 300:
            raise
        candidates = error.as_dict().get("candidates", [])
        return render(request, "ambiguous.html", {"name": actor, "candidates": candidates})
    actor_id = detail.actor.id or 0
    context = {
        "actor": detail.as_dict(),
        "partners": [p.as_dict() for p in queries.actor_partners(actor_id)],
        "days": [d.as_dict() for d in queries.actor_days(actor_id)],
        "event_days": [d.as_dict() for d in queries.actor_event_days(actor_id)],
        "counterparts": [c.as_dict() for c in queries.actor_event_partners(actor_id)],
        "latest": [event_row(e.as_dict()) for e in queries.actor_latest_events(actor_id)],
    }
    return render(request, "actor.html", context)


@router.get("/search")
def search_page(
    request: Request,
    q: Text = None,
    cursor: Annotated[str | None, Query(max_length=400)] = None,
) -> Response:
    """Full-text search over articles."""
    hits, next_url = [], None
    if q and q.strip():
        page = queries_of(request).search(q, PAGE_SIZE, cursor)
        hits = [h.as_dict() for h in page.items]
        next_url = f"/search?{urlencode({'q': q, 'cursor': page.next})}" if page.next else None
    return render(request, "search.html", {"q": q or "", "hits": hits, "next_url": next_url})


@router.get("/feeds")
def feeds_page(request: Request) -> Response:
    """Watched feeds: last poll, last error, URLs and articles fetched."""
    feeds = [f.as_dict() for f in queries_of(request).feeds().items]
    return render(request, "feeds.html", {"feeds": feeds})
