"""Reads for browsing (the REST API and the web UI): facets, search hits, actor neighbours."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, func, select

from eventwire.model import ActorPartner, DayCount, FacetCount, SearchHit, StoryFilter
from eventwire.store import search
from eventwire.store.reads import story_conditions
from eventwire.store.schema import Article, Source, Story, StoryArticle
from eventwire.store.schema_actors import ActorMention, ActorRow, MentionRow
from eventwire.zones import in_stated_offset

FACETS = ("outlet", "country", "actor")
FACET_WINDOW = 2000  # facets count over at most this many matching stories, the most recent


def story_facets(
    conn: Connection, filters: StoryFilter, names: Sequence[str], top: int
) -> dict[str, list[FacetCount]]:
    """For each facet in ``names``: its ``top`` values over the matching stories, by count.

    Only the FACET_WINDOW most recently seen matching stories are counted, so that a facet
    costs the same on a store of any size.
    """
    matching = (
        select(Story.id)
        .where(*story_conditions(filters))
        .order_by(Story.last_seen.desc().nulls_last(), Story.id.desc())
        .limit(FACET_WINDOW)
        .scalar_subquery()
    )
    members = (
        select(StoryArticle.story_id, StoryArticle.article_id)
        .where(StoryArticle.story_id.in_(matching))
        .subquery()
    )
    counted = func.count(func.distinct(members.c.story_id)).label("n")
    queries = {
        "outlet": select(Source.name.label("value"), counted)
        .select_from(members)
        .join(Article, Article.id == members.c.article_id)
        .join(Source, Source.id == Article.source_id)
        .group_by(Source.name),
        "country": _actor_facet(members, counted, ActorRow.country.label("value"))
        .where(ActorRow.country.is_not(None))
        .group_by(ActorRow.country),
        "actor": _actor_facet(members, counted, ActorRow.name.label("value"), ActorRow.id)
        .where(ActorRow.type != "place")
        .group_by(ActorRow.id, ActorRow.name),
    }
    return {
        name: [
            FacetCount(row.value, row.n, getattr(row, "id", None))
            for row in conn.execute(queries[name].order_by(counted.desc(), "value").limit(top))
        ]
        for name in names
    }


def _actor_facet(members: Any, counted: Any, *columns: Any) -> Any:
    return (
        select(*columns, counted)
        .select_from(members)
        .join(MentionRow, MentionRow.article_id == members.c.article_id)
        .join(ActorMention, ActorMention.mention_id == MentionRow.id)
        .join(ActorRow, ActorRow.id == ActorMention.actor_id)
    )


def search_hits(conn: Connection, query: str, limit: int | None, offset: int) -> list[SearchHit]:
    """Articles matching ``query`` (store/search.py syntax), best first."""
    found = search.search_articles(conn, query, limit, offset)
    if not found:
        return []
    rows = {
        row.id: row
        for row in conn.execute(
            select(
                Article.id,
                Source.name,
                Article.title,
                Article.published_at,
                Article.published_offset_minutes,
                StoryArticle.story_id,
            )
            .join(Source, Source.id == Article.source_id)
            .outerjoin(StoryArticle, StoryArticle.article_id == Article.id)
            .where(Article.id.in_([hit.id for hit in found]))
        )
    }
    return [_hit(rows[hit.id], hit.snippet) for hit in found if hit.id in rows]


def search_outlets(conn: Connection, query: str, top: int) -> list[FacetCount]:
    """The outlets with the most articles matching ``query``, with their article counts."""
    return [FacetCount(row.value, row.n) for row in search.outlet_counts(conn, query, top)]


def _hit(row: Any, snippet: str) -> SearchHit:
    return SearchHit(
        id=row.id,
        source=row.name,
        title=row.title,
        published_at=in_stated_offset(row.published_at, row.published_offset_minutes),
        story_id=row.story_id,
        snippet=" ".join(snippet.split()),
    )


def actor_partners(conn: Connection, actor_id: int, top: int) -> list[ActorPartner]:
    """The actors seen in the most stories together with ``actor_id``."""
    stories = _actor_story_ids(actor_id).subquery()
    counted = func.count(func.distinct(StoryArticle.story_id)).label("n")
    query = (
        select(ActorRow.id, ActorRow.name, ActorRow.type, counted)
        .select_from(ActorMention)
        .join(ActorRow, ActorRow.id == ActorMention.actor_id)
        .join(MentionRow, MentionRow.id == ActorMention.mention_id)
        .join(StoryArticle, StoryArticle.article_id == MentionRow.article_id)
        .where(StoryArticle.story_id.in_(select(stories.c.story_id)), ActorRow.id != actor_id)
        .group_by(ActorRow.id, ActorRow.name, ActorRow.type)
        .order_by(counted.desc(), ActorRow.name)
        .limit(top)
    )
    return [ActorPartner(r.id, r.name, r.type, r.n) for r in conn.execute(query)]


def _actor_story_ids(actor_id: int) -> Any:
    return (
        select(StoryArticle.story_id)
        .join(MentionRow, MentionRow.article_id == StoryArticle.article_id)
        .join(ActorMention, ActorMention.mention_id == MentionRow.id)
        .where(ActorMention.actor_id == actor_id)
        .distinct()
    )


def actor_days(conn: Connection, actor_id: int) -> list[DayCount]:
    """The actor's mentions per publication day of the mentioning article (UTC), by day."""
    query = (
        select(Article.published_at, func.count().label("n"))
        .select_from(ActorMention)
        .join(MentionRow, MentionRow.id == ActorMention.mention_id)
        .join(Article, Article.id == MentionRow.article_id)
        .where(ActorMention.actor_id == actor_id, Article.published_at.is_not(None))
        .group_by(Article.published_at)
    )
    days: dict[str, int] = {}
    for row in conn.execute(query):
        day = row.published_at.date().isoformat()
        days[day] = days.get(day, 0) + row.n
    return [DayCount(day, n) for day, n in sorted(days.items())]


def stories_of_hashes(conn: Connection, hashes: Sequence[str]) -> dict[str, tuple[int, int | None]]:
    """For each stored content hash: (article id, story id or None)."""
    query = (
        select(Article.content_hash, Article.id, StoryArticle.story_id)
        .outerjoin(StoryArticle, StoryArticle.article_id == Article.id)
        .where(Article.content_hash.in_(list(hashes)))
    )
    return {row.content_hash: (row.id, row.story_id) for row in conn.execute(query)}
