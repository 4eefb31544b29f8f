"""Reads and writes of the events stage (called through ``Repository``)."""

from __future__ import annotations

import json
import zlib
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select

from eventwire.model import (
    Actor,
    ArticleEntities,
    ArticleMeta,
    ArticleParse,
    Event,
    EventEvidence,
    EventsInput,
    SentenceParse,
    StoryEvents,
)
from eventwire.store import actors as actor_store
from eventwire.store.event_reads import load_events
from eventwire.store.schema import Article, DuplicateLink, Source
from eventwire.store.schema_actors import ActorMention, ActorRow, MentionRow
from eventwire.store.schema_events import ArticleParseRow, EventEvidenceRow, EventRow

# --- parses ------------------------------------------------------------------------


def write_parses(conn: Connection, found: Sequence[ArticleEntities]) -> None:
    """Replace the kept parses of these articles (those that have one)."""
    parsed = [item.parse for item in found if item.parse is not None]
    if not parsed:
        return
    ids = [parse.article_id for parse in parsed]
    conn.execute(delete(ArticleParseRow).where(ArticleParseRow.article_id.in_(ids)))
    rows = [{"article_id": p.article_id, "data": encode_parse(p)} for p in parsed]
    conn.execute(insert(ArticleParseRow), rows)


def encode_parse(parse: ArticleParse) -> bytes:
    """An article's parse as compressed JSON (about a byte per character of text)."""
    data = [[s.part, s.index, [list(t) for t in s.tokens]] for s in parse.sentences]
    return zlib.compress(json.dumps(data, separators=(",", ":")).encode("utf-8"))


def decode_parse(article_id: int, data: bytes) -> ArticleParse:
    """The ArticleParse ``encode_parse`` wrote."""
    sentences = json.loads(zlib.decompress(data).decode("utf-8"))
    return ArticleParse(
        article_id,
        tuple(
            SentenceParse(part, index, tuple(map(tuple, tokens)))
            for part, index, tokens in sentences
        ),
    )


def read_parses(conn: Connection, article_ids: Sequence[int]) -> dict[int, ArticleParse]:
    """The kept parses of these articles, by article id."""
    rows = conn.execute(
        select(ArticleParseRow).where(ArticleParseRow.article_id.in_(list(article_ids)))
    )
    return {row.article_id: decode_parse(row.article_id, row.data) for row in rows}


# --- the stage's input -------------------------------------------------------------


def events_input(conn: Connection, story_id: int) -> EventsInput:
    """A story's parsed originals with their actors, mention days and outlets."""
    documents, entities = actor_store.story_inputs(conn, story_id)
    ids = [d.id for d in documents]
    parses = read_parses(conn, ids)
    entities = [
        ArticleEntities(e.article_id, e.mentions, parses.get(e.article_id)) for e in entities
    ]
    return EventsInput(
        story_id=story_id,
        documents=tuple(documents),
        entities=tuple(entities),
        articles=tuple(_article_meta(conn, ids)),
        actors=tuple(_mention_actors(conn, ids)),
        days=tuple(_mention_days(conn, ids)),
    )


def _article_meta(conn: Connection, ids: Sequence[int]) -> list[ArticleMeta]:
    """Outlet, URL, publication day (else the story's earliest) and copies of each article."""
    copies = dict(
        conn.execute(
            select(DuplicateLink.copy_of, func.count())
            .where(DuplicateLink.copy_of.in_(list(ids)))
            .group_by(DuplicateLink.copy_of)
        ).all()
    )
    query = (
        select(Article.id, Source.name, Article.url, Article.published_at)
        .join(Source, Source.id == Article.source_id)
        .where(Article.id.in_(list(ids)))
        .order_by(Article.id)
    )
    rows = list(conn.execute(query))
    days = [row.published_at.date() for row in rows if row.published_at is not None]
    earliest = min(days).isoformat() if days else None
    return [
        ArticleMeta(
            row.id,
            row.name,
            row.url,
            row.published_at.date().isoformat() if row.published_at else earliest,
            int(copies.get(row.id, 0)),
        )
        for row in rows
    ]


def _mention_actors(conn: Connection, ids: Sequence[int]) -> list[tuple[str, Actor]]:
    query = (
        select(
            MentionRow.article_id,
            MentionRow.part,
            MentionRow.start_char,
            MentionRow.end_char,
            ActorRow,
        )
        .join(ActorMention, ActorMention.mention_id == MentionRow.id)
        .join(ActorRow, ActorRow.id == ActorMention.actor_id)
        .where(MentionRow.article_id.in_(list(ids)))
    )
    found = []
    for row in conn.execute(query):
        actor = Actor(row.key, row.name, row.type, row.country, row.sector, row.code, id=row.id)
        found.append((f"{row.article_id}:{row.part}:{row.start_char}:{row.end_char}", actor))
    return found


def _mention_days(conn: Connection, ids: Sequence[int]) -> list[tuple[str, str, str]]:
    query = select(MentionRow).where(
        MentionRow.article_id.in_(list(ids)),
        MentionRow.time_start.is_not(None),
        MentionRow.time_end.is_not(None),
    )
    return [
        (f"{r.article_id}:{r.part}:{r.start_char}:{r.end_char}", r.time_start, r.time_end)
        for r in conn.execute(query)
    ]


# --- events ----------------------------------------------------------------------------


def write_story_events(conn: Connection, result: StoryEvents, now: datetime) -> None:
    """Replace the story's events and their evidence."""
    conn.execute(delete(EventRow).where(EventRow.story_id == result.story_id))
    for event in result.events:
        event_id = conn.execute(
            insert(EventRow).values(**_event_row(event, now))
        ).inserted_primary_key[0]
        rows = [_evidence_row(event_id, e) for e in event.evidence]
        if rows:
            conn.execute(insert(EventEvidenceRow), rows)


def _event_row(event: Event, now: datetime) -> dict[str, Any]:
    actors = {
        "source": [a.as_dict() for a in event.source],
        "target": [a.as_dict() for a in event.target],
    }
    return {
        "story_id": event.story_id,
        "day": event.date,
        "cameo": event.cameo,
        "plover": event.plover,
        "mode": event.mode,
        "quad_class": event.quad_class,
        "goldstein": event.goldstein,
        "place": event.place,
        "place_country": event.place_country,
        "negated": event.negated,
        "hypothetical": event.hypothetical,
        "num_mentions": event.num_mentions,
        "num_articles": event.num_articles,
        "num_sources": event.num_sources,
        "actors_json": json.dumps(actors),
        "url": event.url,
        "added_at": now,
    }


def _evidence_row(event_id: int, evidence: EventEvidence) -> dict[str, Any]:
    return {
        "event_id": event_id,
        "article_id": evidence.article_id,
        "source": evidence.source,
        "sentence": evidence.sentence,
        "span_start": evidence.span[0],
        "span_end": evidence.span[1],
        "actor_spans_json": json.dumps([list(s) for s in evidence.actor_spans]),
        "day": evidence.date,
    }


def story_events(conn: Connection, story_id: int) -> list[Event]:
    """Every event of a story, in id order."""
    rows = conn.execute(select(EventRow).where(EventRow.story_id == story_id).order_by(EventRow.id))
    return load_events(conn, rows.all())
