"""Reads and writes of the entities and actors stages (called through ``Repository``)."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, and_, bindparam, delete, func, insert, or_, select, update

from eventwire.model import (
    Actor,
    ActorStory,
    AliasCount,
    ArticleEntities,
    Document,
    Mention,
    MentionTime,
    StoryActors,
)
from eventwire.store.documents import document_of, select_documents
from eventwire.store.schema import Article, StageRunRow, Story, StoryArticle
from eventwire.store.schema_actors import ActorAlias, ActorMention, ActorRow, MentionRow
from eventwire.store.writes import chunked
from eventwire.textnorm import alias_form

MentionId = tuple[int, str, int, int]  # article, part, start, end
MAX_ROW_ID = 2**63  # database integer ids are signed 64-bit
LIKE_SPECIAL = re.compile(r"[\\%_]")  # characters LIKE reads as wildcards (and its escape)
KEY_CHUNK = 500  # values per IN (...) list (SQLite caps bound values)


def insert_entities(conn: Connection, found: Sequence[ArticleEntities], now: datetime) -> None:
    """Replace the mentions of these articles (the runner records that they were read)."""
    ids = [item.article_id for item in found]
    if not ids:
        return
    conn.execute(delete(MentionRow).where(MentionRow.article_id.in_(ids)))
    rows = [_mention_row(m) for item in found for m in item.mentions]
    if rows:
        conn.execute(insert(MentionRow), rows)


def story_inputs(conn: Connection, story_id: int) -> tuple[list[Document], list[ArticleEntities]]:
    """The story's entity-read originals (by publication time, then id) and their mentions."""
    query = (
        select_documents()
        .join(StoryArticle, StoryArticle.article_id == Article.id)
        .join(StageRunRow, StageRunRow.article_id == Article.id)
        .where(StageRunRow.stage == "entities", StoryArticle.story_id == story_id)
        .order_by(Article.published_at.asc().nulls_last(), Article.id)
    )
    documents = [document_of(row) for row in conn.execute(query)]
    mentions: dict[int, list[Mention]] = defaultdict(list)
    rows = conn.execute(
        select(MentionRow)
        .where(MentionRow.article_id.in_([d.id for d in documents]))
        .order_by(MentionRow.article_id, MentionRow.part, MentionRow.start_char)
    )
    for row in rows:
        mentions[row.article_id].append(_mention(row))
    return documents, [ArticleEntities(d.id, tuple(mentions[d.id])) for d in documents]


def write_story_actors(conn: Connection, result: StoryActors, article_ids: Sequence[int]) -> None:
    """Upsert the story's actors and replace its articles' actor links."""
    mention_ids = _mention_ids(conn, article_ids)
    conn.execute(
        delete(ActorMention).where(ActorMention.mention_id.in_(list(mention_ids.values())))
    )
    actor_ids = _upsert_actors(conn, result.actors)
    links = [
        {"mention_id": mention_ids[_identity(link.mention)], "actor_id": actor_ids[link.actor_key]}
        for link in result.links
        if _identity(link.mention) in mention_ids and link.actor_key in actor_ids
    ]
    if links:
        conn.execute(insert(ActorMention), links)


def write_story_times(
    conn: Connection, times: Sequence[MentionTime], article_ids: Sequence[int]
) -> None:
    """Set the normalised time values of the story's DATE/TIME mentions."""
    mention_ids = _mention_ids(conn, article_ids)
    rows = [
        {
            "mention_id": mention_ids[_identity(time.mention)],
            "value": time.value,
            "start": time.start,
            "end": time.end,
            "inferred": time.anchor_inferred,
        }
        for time in times
        if _identity(time.mention) in mention_ids
    ]
    if rows:  # one statement run for every row
        conn.execute(
            update(MentionRow)
            .where(MentionRow.id == bindparam("mention_id"))
            .values(
                time_value=bindparam("value"),
                time_start=bindparam("start"),
                time_end=bindparam("end"),
                time_anchor_inferred=bindparam("inferred"),
            ),
            rows,
        )


def upsert_known_actors(conn: Connection, actors: Sequence[Actor]) -> None:
    """Store actors given ahead of any text (the user's actor file), with their aliases."""
    for actor in actors:
        _upsert_actor(conn, actor)


def people(conn: Connection) -> list[Actor]:
    """Every stored person, with aliases (for matching people across stories)."""
    rows = list(conn.execute(select(ActorRow).where(ActorRow.type == "person")))
    return _actors(conn, rows, story_id=None)


def list_actors(
    conn: Connection, story_id: int | None, limit: int | None = None, offset: int = 0
) -> list[Actor]:
    """Actors with at least one mention (in the story, when given), most mentioned first.

    ``offset`` actors of that order are skipped and at most ``limit`` returned (a page).
    """
    counts = _mention_counts(story_id).subquery()
    query = (
        select(ActorRow)
        .join(counts, counts.c.actor_id == ActorRow.id)
        .order_by(counts.c.n.desc(), ActorRow.name, ActorRow.id)
        .limit(limit)
        .offset(offset or None)
    )
    return _actors(conn, list(conn.execute(query)), story_id)


class AmbiguousActorError(LookupError):
    """A name or alias that several actors share: ``candidates`` lists them (by id)."""

    def __init__(self, name: str, candidates: list[Actor]) -> None:
        super().__init__(f"{len(candidates)} actors match {name!r}")
        self.name = name
        self.candidates = candidates


def find_actor(conn: Connection, name_or_id: str) -> Actor | None:
    """An actor by id, key, canonical name, alias or (last) a person's surname, or None.

    Names compare case-insensitively; a surname matches names and aliases ending in it after
    a space or hyphen ("Haddad" finds "Karim al-Haddad").

    The first of these that matches decides; when it matches several actors (two people
    with one name, a surname both use), AmbiguousActorError lists them instead of a guess.

    Raises:
        AmbiguousActorError: several actors match at the deciding level.
    """
    text = name_or_id.strip()
    alias = alias_form(text).lower()
    aliases = select(ActorAlias.actor_id).where(func.lower(ActorAlias.alias) == alias)
    levels = [
        ActorRow.id == int(text) if is_row_id(text) else None,
        ActorRow.key == text,
        func.lower(ActorRow.name) == text.lower(),
        ActorRow.id.in_(aliases),
        _surname_condition(alias) if alias and " " not in alias else None,
    ]
    for condition in (c for c in levels if c is not None):
        rows = list(conn.execute(select(ActorRow).where(condition).order_by(ActorRow.id)))
        if len(rows) > 1:
            raise AmbiguousActorError(text, _actors(conn, rows, story_id=None))
        if rows:
            return _actors(conn, rows, story_id=None)[0]
    return None


def is_row_id(text: str) -> bool:
    """Whether ``text`` is a plain decimal number that fits a database id."""
    return text.isascii() and text.isdecimal() and int(text) < MAX_ROW_ID


def _surname_condition(surname: str) -> Any:
    """Persons one of whose names or aliases ends in ``surname`` (lower-case)."""
    literal = LIKE_SPECIAL.sub(lambda m: "\\" + m.group(0), surname)
    endings = (f"% {literal}", f"%-{literal}")
    names = [func.lower(ActorAlias.alias).like(e, escape="\\") for e in endings]
    aliases = select(ActorAlias.actor_id).where(or_(*names))
    return and_(ActorRow.type == "person", ActorRow.id.in_(aliases))


def actor_stories(conn: Connection, actor_id: int) -> list[ActorStory]:
    """Stories an actor appears in, most mentions first."""
    query = (
        select(Story.id, Story.title, func.count().label("n"))
        .select_from(ActorMention)
        .join(MentionRow, MentionRow.id == ActorMention.mention_id)
        .join(StoryArticle, StoryArticle.article_id == MentionRow.article_id)
        .join(Story, Story.id == StoryArticle.story_id)
        .where(ActorMention.actor_id == actor_id)
        .group_by(Story.id, Story.title)
        .order_by(func.count().desc(), Story.id)
    )
    return [ActorStory(row.id, row.title, row.n) for row in conn.execute(query)]


def article_mentions(
    conn: Connection, article_id: int
) -> list[tuple[Mention, MentionTime | None, int | None]]:
    """An article's mentions with their normalised time and actor id, in text order."""
    query = (
        select(MentionRow, ActorMention.actor_id)
        .outerjoin(ActorMention, ActorMention.mention_id == MentionRow.id)
        .where(MentionRow.article_id == article_id)
        .order_by(MentionRow.part.desc(), MentionRow.start_char)
    )
    return [(_mention(row), _mention_time(row), row.actor_id) for row in conn.execute(query)]


def _mention_time(row: Any) -> MentionTime | None:
    if row.time_value is None:
        return None
    mention = _mention(row)
    inferred = bool(row.time_anchor_inferred)
    return MentionTime(mention, row.time_value, row.time_start, row.time_end, inferred)


def _mention_counts(story_id: int | None) -> Any:
    query = select(ActorMention.actor_id, func.count().label("n")).group_by(ActorMention.actor_id)
    if story_id is not None:
        query = (
            query.join(MentionRow, MentionRow.id == ActorMention.mention_id)
            .join(StoryArticle, StoryArticle.article_id == MentionRow.article_id)
            .where(StoryArticle.story_id == story_id)
        )
    return query


def _actors(conn: Connection, rows: list[Any], story_id: int | None) -> list[Actor]:
    """Actor records with aliases: alias counts from links (in the story, when given)."""
    ids = [row.id for row in rows]
    seen: dict[int, dict[str, int]] = {i: {} for i in ids}
    for row in conn.execute(select(ActorAlias).where(ActorAlias.actor_id.in_(ids))):
        seen[row.actor_id].setdefault(row.alias, 0)
    query = (
        select(ActorMention.actor_id, MentionRow.text, func.count().label("n"))
        .join(MentionRow, MentionRow.id == ActorMention.mention_id)
        .where(ActorMention.actor_id.in_(ids))
        .group_by(ActorMention.actor_id, MentionRow.text)
    )
    if story_id is not None:
        query = query.join(StoryArticle, StoryArticle.article_id == MentionRow.article_id).where(
            StoryArticle.story_id == story_id
        )
    for row in conn.execute(query):
        alias = alias_form(row.text)
        seen[row.actor_id][alias] = seen[row.actor_id].get(alias, 0) + row.n
    return [_actor(row, seen[row.id]) for row in rows]


def _actor(row: Any, aliases: dict[str, int]) -> Actor:
    ordered = sorted(aliases.items(), key=lambda item: (-item[1], item[0]))
    return Actor(
        key=row.key,
        name=row.name,
        type=row.type,
        country=row.country,
        sector=row.sector,
        code=row.code,
        roles=tuple(json.loads(row.roles_json)),
        aliases=tuple(AliasCount(a, n) for a, n in ordered),
        id=row.id,
    )


def _upsert_actors(conn: Connection, actors: Sequence[Actor]) -> dict[str, int]:
    """``_upsert_actor`` of each actor, with the stored rows and aliases read in one query each,
    unchanged rows left alone and the new aliases added in one statement: each actor's id."""
    keys = list(dict.fromkeys(a.key for a in actors))
    stored = {
        r.key: r
        for chunk in chunked(keys, KEY_CHUNK)
        for r in conn.execute(select(ActorRow).where(ActorRow.key.in_(chunk)))
    }
    known: dict[int, set[str]] = defaultdict(set)
    for chunk in chunked([r.id for r in stored.values()], KEY_CHUNK):
        query = select(ActorAlias.actor_id, ActorAlias.alias).where(ActorAlias.actor_id.in_(chunk))
        for actor_id, alias in conn.execute(query):
            known[actor_id].add(alias)
    ids: dict[str, int] = {}
    new_aliases: list[dict[str, Any]] = []
    for actor in actors:
        if actor.key in ids:  # the same key twice: the first one's aliases are written first
            _insert_aliases(conn, new_aliases)
            ids[actor.key] = _upsert_actor(conn, actor)
            continue
        row = stored.get(actor.key)
        ids[actor.key] = actor_id = _insert_actor(conn, actor) if row is None else row.id
        if row is not None:
            _update_actor(conn, row, actor)
        aliases = dict.fromkeys(a.alias for a in actor.aliases)
        new_aliases += [
            {"actor_id": actor_id, "alias": a} for a in aliases if a and a not in known[actor_id]
        ]
    _insert_aliases(conn, new_aliases)
    return ids


def _insert_actor(conn: Connection, actor: Actor) -> int:
    values = {
        "key": actor.key,
        "name": actor.name,
        "type": actor.type,
        "country": actor.country,
        "sector": actor.sector,
        "code": actor.code,
        "roles_json": json.dumps(list(actor.roles)),
    }
    return int(conn.execute(insert(ActorRow).values(**values)).inserted_primary_key[0])


def _update_actor(conn: Connection, row: Any, actor: Actor) -> None:
    """Fill the stored row's missing country, sector and code and add roles (no statement
    when nothing changes)."""
    seen = {
        "country": actor.country,
        "sector": actor.sector,
        "code": actor.code,
        "roles_json": json.dumps(list(actor.roles)),
    }
    stored = {name: getattr(row, name) for name in seen}
    merged = merge_rows(stored, seen)
    if merged != stored:
        conn.execute(update(ActorRow).where(ActorRow.id == row.id).values(**merged))


def _insert_aliases(conn: Connection, rows: list[dict[str, Any]]) -> None:
    if rows:
        conn.execute(insert(ActorAlias), rows)
        rows.clear()


def _upsert_actor(conn: Connection, actor: Actor) -> int:
    row = conn.execute(select(ActorRow).where(ActorRow.key == actor.key)).first()
    if row is None:
        actor_id = _insert_actor(conn, actor)
    else:
        actor_id = row.id
        _update_actor(conn, row, actor)
    _add_aliases(conn, actor_id, [a.alias for a in actor.aliases])
    return int(actor_id)


def merge_rows(first: dict, later: dict) -> dict:
    """One actor (or any shared row) seen twice: the first's values, empty ones filled from
    the later, JSON lists joined in order without repeats. The embedded store and the Dask
    output (which meets an actor in several groups) both merge with it."""
    merged = dict(first)
    for name, value in later.items():
        if merged.get(name) is None:
            merged[name] = value
        elif name.endswith("_json") and isinstance(value, str) and value != merged[name]:
            earlier, added = json.loads(merged[name]), json.loads(value)
            if isinstance(earlier, list) and isinstance(added, list):
                joined = {json.dumps(v, sort_keys=True): v for v in [*earlier, *added]}
                merged[name] = json.dumps(list(joined.values()))
    return merged


def _add_aliases(conn: Connection, actor_id: int, aliases: list[str]) -> None:
    known = set(
        conn.execute(select(ActorAlias.alias).where(ActorAlias.actor_id == actor_id)).scalars()
    )
    new = [a for a in dict.fromkeys(aliases) if a and a not in known]
    if new:
        conn.execute(insert(ActorAlias), [{"actor_id": actor_id, "alias": a} for a in new])


def _mention_ids(conn: Connection, article_ids: Sequence[int]) -> dict[MentionId, int]:
    query = select(
        MentionRow.id,
        MentionRow.article_id,
        MentionRow.part,
        MentionRow.start_char,
        MentionRow.end_char,
    ).where(MentionRow.article_id.in_(list(article_ids)))
    return {(r.article_id, r.part, r.start_char, r.end_char): r.id for r in conn.execute(query)}


def _identity(mention: Mention) -> MentionId:
    return (mention.article_id, mention.part, mention.start, mention.end)


def _mention_row(mention: Mention) -> dict[str, Any]:
    return {
        "article_id": mention.article_id,
        "part": mention.part,
        "sentence": mention.sentence,
        "start_char": mention.start,
        "end_char": mention.end,
        "text": mention.text,
        "label": mention.label,
    }


def _mention(row: Any) -> Mention:
    return Mention(
        row.article_id, row.part, row.sentence, row.start_char, row.end_char, row.text, row.label
    )
