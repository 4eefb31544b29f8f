"""Reads and writes of the facts stage (called through ``Repository``)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, insert, select

from eventwire.model import (
    Claim,
    CopyNote,
    Dispute,
    Fact,
    FactsInput,
    LinkedMention,
    Mention,
    SourceAdditions,
    StoryFacts,
    SummaryLine,
)
from eventwire.store.actors import story_inputs
from eventwire.store.schema import Article, DuplicateLink, Source, StoryArticle
from eventwire.store.schema_actors import ActorMention, ActorRow, MentionRow
from eventwire.store.schema_facts import FactRow, StoryFactsRow


def facts_input(conn: Connection, story_id: int) -> FactsInput:
    """A story's entity-read originals, their mentions with actors and times, and its copies."""
    documents, _ = story_inputs(conn, story_id)
    ids = [d.id for d in documents]
    query = (
        select(MentionRow, ActorRow.key.label("actor_key"), ActorRow.type.label("actor_type"))
        .outerjoin(ActorMention, ActorMention.mention_id == MentionRow.id)
        .outerjoin(ActorRow, ActorRow.id == ActorMention.actor_id)
        .where(MentionRow.article_id.in_(ids))
        .order_by(MentionRow.article_id, MentionRow.part, MentionRow.start_char)
    )
    mentions = tuple(_linked(row) for row in conn.execute(query))
    copies = (
        select(DuplicateLink.article_id, Source.name, DuplicateLink.copy_of)
        .join(Article, Article.id == DuplicateLink.article_id)
        .join(Source, Source.id == Article.source_id)
        .join(StoryArticle, StoryArticle.article_id == DuplicateLink.article_id)
        .where(StoryArticle.story_id == story_id, DuplicateLink.copy_of.in_(ids))
        .order_by(DuplicateLink.article_id)
    )
    notes = tuple(CopyNote(row[0], row[1], row[2]) for row in conn.execute(copies))
    return FactsInput(story_id, tuple(documents), mentions, notes)


def write_story_facts(conn: Connection, result: StoryFacts, now: datetime) -> None:
    """Replace a story's facts and consolidated form."""
    conn.execute(delete(FactRow).where(FactRow.story_id == result.story_id))
    conn.execute(delete(StoryFactsRow).where(StoryFactsRow.story_id == result.story_id))
    conn.execute(
        insert(StoryFactsRow).values(
            story_id=result.story_id,
            title=result.title,
            summary_json=_dump(result.summary),
            timeline_json=_dump(result.timeline),
            unique_json=_dump(result.unique_by_source),
            aligned=result.aligned,
            computed_at=now,
        )
    )
    if result.facts:
        conn.execute(insert(FactRow), [_fact_row(result.story_id, f) for f in result.facts])


def read_story_facts(conn: Connection, story_id: int) -> StoryFacts | None:
    """A story's consolidated form with its facts (their store ids set), or None."""
    row = conn.execute(select(StoryFactsRow).where(StoryFactsRow.story_id == story_id)).first()
    if row is None:
        return None
    rows = conn.execute(select(FactRow).where(FactRow.story_id == story_id).order_by(FactRow.seq))
    return StoryFacts(
        story_id=story_id,
        title=row.title,
        facts=tuple(_fact(r) for r in rows),
        summary=tuple(SummaryLine.from_dict(x) for x in json.loads(row.summary_json)),
        timeline=tuple(SummaryLine.from_dict(x) for x in json.loads(row.timeline_json)),
        unique_by_source=tuple(SourceAdditions.from_dict(x) for x in json.loads(row.unique_json)),
        aligned=bool(row.aligned),
    )


def _linked(row: Any) -> LinkedMention:
    mention = Mention(
        row.article_id, row.part, row.sentence, row.start_char, row.end_char, row.text, row.label
    )
    return LinkedMention(
        mention=mention,
        actor_key=row.actor_key,
        actor_type=row.actor_type,
        time_value=row.time_value,
        time_start=row.time_start,
        time_end=row.time_end,
    )


def _dump(records: Sequence[Any]) -> str:
    return json.dumps([r.as_dict() for r in records], ensure_ascii=False)


def _fact_row(story_id: int, fact: Fact) -> dict[str, Any]:
    return {
        "story_id": story_id,
        "seq": fact.seq,
        "text": fact.text,
        "kind": fact.kind,
        "status": fact.status,
        "independent_sources": fact.independent_sources,
        "articles": fact.articles,
        "sources_json": json.dumps(list(fact.sources), ensure_ascii=False),
        "date": fact.date,
        "speaker": fact.speaker,
        "claims_json": _dump(fact.claims),
        "disputes_json": _dump(fact.disputes),
    }


def _fact(row: Any) -> Fact:
    return Fact(
        seq=row.seq,
        text=row.text,
        kind=row.kind,
        status=row.status,
        independent_sources=row.independent_sources,
        claims=tuple(Claim.from_dict(c) for c in json.loads(row.claims_json)),
        sources=tuple(json.loads(row.sources_json)),
        articles=row.articles,
        date=row.date,
        speaker=row.speaker,
        disputes=tuple(Dispute.from_dict(d) for d in json.loads(row.disputes_json)),
        id=row.id,
    )
