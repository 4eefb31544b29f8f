"""Typed records that eventwire's stages pass to each other.

Every stage reads and writes only these records; none reaches into another stage's
internals or into the database (see docs/architecture.md). Records are frozen
dataclasses with ``as_dict``/``from_dict`` for JSON.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

T = TypeVar("T", bound="Record")

BLOCK_PARAGRAPH = "paragraph"
BLOCK_HEADING = "heading"


class Record:
    """Mixin giving frozen dataclasses a JSON-friendly dict form."""

    def as_dict(self) -> dict[str, Any]:
        """Return the record as plain JSON-compatible data (datetimes as ISO 8601)."""
        return {f.name: _to_json(getattr(self, f.name)) for f in dataclasses.fields(self)}

    @classmethod
    def from_dict(cls: type[T], data: dict[str, Any]) -> T:
        """Build the record from ``as_dict`` output, nested records included."""
        hints = _field_types(cls)
        kwargs = {
            f.name: _from_json(hints[f.name], data[f.name])
            for f in dataclasses.fields(cls)
            if f.name in data
        }
        return cls(**kwargs)


def _to_json(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Record):
        return value.as_dict()
    if isinstance(value, (list, tuple)):
        return [_to_json(v) for v in value]
    return value


@functools.cache
def _field_types(cls: type) -> dict[str, Any]:
    """The record's field annotations as real types (the module uses postponed annotations)."""
    return typing.get_type_hints(cls)


def _from_json(field_type: Any, value: Any) -> Any:
    """``value`` (JSON data) as ``field_type``: datetimes, records and tuples of them rebuilt."""
    if value is None:
        return None
    origin = typing.get_origin(field_type)
    if origin in (typing.Union, types.UnionType):
        options = [t for t in typing.get_args(field_type) if t is not type(None)]
        return _from_json(options[0], value) if len(options) == 1 else value
    if origin is tuple and isinstance(value, list):
        item_type = typing.get_args(field_type)[0] if typing.get_args(field_type) else Any
        return tuple(_from_json(item_type, item) for item in value)
    if field_type is datetime and isinstance(value, str):
        return datetime.fromisoformat(value)
    if isinstance(field_type, type) and issubclass(field_type, Record) and isinstance(value, dict):
        return field_type.from_dict(value)
    return value


# --- ingest -------------------------------------------------------------------------


@dataclass(frozen=True)
class RawArticle(Record):
    """One article as read from its input, before cleaning.

    ``raw`` is kept verbatim in the store; ``text`` is what the cleaner reads (for HTML,
    the main text extracted from it, one paragraph per line).
    """

    origin: str  # where it came from: a path, "path:LINE" for JSONL, or a URL
    source: str  # the outlet
    raw: str  # the input as read: file text, HTML page, or the JSONL line
    text: str  # text for the cleaner
    format: str  # "text" | "html" | "jsonl"
    content_hash: str  # sha256 hex of source, URL and ``raw``: the idempotency key
    url: str | None = None
    title: str | None = None  # title from the input's metadata, when it has one
    published: datetime | None = None  # tz-aware, from the input's metadata
    updated: datetime | None = None
    authors: tuple[str, ...] = ()  # bylines the input states (people, or the outlet)
    # The codec ``raw`` was decoded with: ``raw.encode(raw_encoding)`` gives the input's bytes
    # (a JSONL line without its line end; a byte-order mark belongs to the file, not a line).
    raw_encoding: str | None = None
    notes: tuple[CleaningNote, ...] = ()  # what reading set aside (an implausible date)


@dataclass(frozen=True)
class Rejection(Record):
    """An input that could not become an article, and why (expected, not an error)."""

    origin: str  # the file, "file:LINE", or URL
    reason: str  # short code: binary, empty, encoding, malformed-json, malformed-html, ...
    message: str  # one human-readable line

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"


@dataclass(frozen=True)
class InputFile(Record):
    """Everything read from one input file (or URL): stored in one transaction."""

    origin: str
    articles: tuple[RawArticle, ...] = ()
    rejections: tuple[Rejection, ...] = ()


# --- clean --------------------------------------------------------------------------


@dataclass(frozen=True)
class Block(Record):
    """A unit of clean body text: a paragraph or a heading."""

    kind: str  # BLOCK_PARAGRAPH | BLOCK_HEADING
    text: str  # display text (original characters, artifacts removed)


@dataclass(frozen=True)
class CleaningNote(Record):
    """One change the cleaner made, with the rule that made it."""

    rule: str  # e.g. repeated-title, repeated-paragraph, timestamp, dateline, boilerplate
    text: str  # the text removed or changed
    detail: str = ""  # why: the pattern matched, the earlier paragraph it repeats, ...
    line: int | None = None  # 1-based line of the input text, when known


@dataclass(frozen=True)
class CleanArticle(Record):
    """An article's clean content and metadata."""

    title: str
    blocks: tuple[Block, ...]
    published: datetime | None = None  # tz-aware
    updated: datetime | None = None  # tz-aware
    notes: tuple[CleaningNote, ...] = ()

    @property
    def paragraphs(self) -> tuple[str, ...]:
        """Body paragraphs, headings excluded."""
        return tuple(b.text for b in self.blocks if b.kind == BLOCK_PARAGRAPH)

    @property
    def headings(self) -> tuple[str, ...]:
        """Section headings inside the body."""
        return tuple(b.text for b in self.blocks if b.kind == BLOCK_HEADING)

    @property
    def text(self) -> str:
        """Body text: paragraphs separated by blank lines."""
        return "\n\n".join(self.paragraphs)


# --- dedup and stories --------------------------------------------------------------


@dataclass(frozen=True)
class Document(Record):
    """What deduplication and story clustering see of a stored article."""

    id: int
    source: str
    title: str
    text: str  # clean body text (paragraphs separated by blank lines)
    published: datetime | None = None  # tz-aware
    ingested: datetime | None = None  # when it was stored (the clock of forgetting by age)


@dataclass(frozen=True)
class DuplicateLink(Record):
    """``article_id`` is a copy of the earlier ``copy_of``."""

    article_id: int
    copy_of: int
    kind: str  # "exact" | "near"
    similarity: float  # estimated Jaccard similarity (1.0 for exact)


@dataclass(frozen=True)
class StoryAssignment(Record):
    """The story an article joined (or opened, when ``is_new``)."""

    article_id: int
    story_id: int
    similarity: float  # to the story it joined; 0.0 when it opened a new one
    is_new: bool


@dataclass(frozen=True)
class ProcessingResult(Record):
    """Outcome of dedup + clustering for one article, written in one go by the store."""

    article_id: int
    duplicate: DuplicateLink | None
    assignment: StoryAssignment


# --- views read back from the store -------------------------------------------------


@dataclass(frozen=True)
class ArticleSummary(Record):
    """An article as listed in a story (the JSON contract of ``stories --json``)."""

    id: int
    source: str
    url: str | None
    title: str
    published_at: datetime | None  # in the offset the input stated (UTC when it stated none)
    copy_of: int | None


@dataclass(frozen=True)
class StoryView(Record):
    """A story with its articles (JSON contract: id, title, first_seen, last_seen, articles)."""

    id: int
    title: str
    first_seen: datetime | None
    last_seen: datetime | None
    articles: tuple[ArticleSummary, ...] = ()

    @property
    def sources(self) -> tuple[str, ...]:
        """Distinct outlets, in order of first appearance."""
        return tuple(dict.fromkeys(a.source for a in self.articles))


@dataclass(frozen=True)
class ArticleView(Record):
    """One stored article in full, with the cleaner's notes."""

    id: int
    source: str
    url: str | None
    origin: str
    format: str
    title: str
    published_at: datetime | None  # in the offset the input stated (UTC when it stated none)
    updated_at: datetime | None
    ingested_at: datetime
    blocks: tuple[Block, ...]
    notes: tuple[CleaningNote, ...]
    copy_of: int | None
    story_id: int | None
    raw: str = field(default="", repr=False)
    published_zone_stated: bool | None = None  # None when there is no publication time
    updated_zone_stated: bool | None = None
    authors: tuple[str, ...] = ()
    raw_encoding: str | None = None  # ``raw.encode(raw_encoding)``: the input's bytes

    @property
    def text(self) -> str:
        """Body text: paragraphs separated by blank lines."""
        return "\n\n".join(b.text for b in self.blocks if b.kind == BLOCK_PARAGRAPH)


# --- query results (eventwire.service: the one read API of every front end) ----------


@dataclass(frozen=True)
class StoryFilter(Record):
    """Which stories a listing keeps; every field left None keeps all.

    A story matches when it has an article from ``outlet`` (case-insensitive), its time
    span overlaps ``since``..``until``, ``text`` occurs in its title or an article's title
    (case-insensitive), the actor with id ``actor_id`` (an actor of ``country``) is
    mentioned in it and it has articles from at least ``min_sources`` outlets.
    """

    outlet: str | None = None
    since: datetime | None = None  # tz-aware
    until: datetime | None = None  # tz-aware
    text: str | None = None
    actor_id: int | None = None
    country: str | None = None  # ISO 3166-1 alpha-3 of an actor mentioned in the story
    min_sources: int | None = None  # at least this many distinct outlets
    sort: str = "size"  # size (most articles) | latest (last seen) | sources (most outlets)


STORY_SORTS = ("size", "latest", "sources")


@dataclass(frozen=True)
class Page(Record):
    """One page of a listing (JSON: ``{"items": [...], "next": cursor-or-null}``)."""

    items: tuple[Any, ...]  # records of one type
    next: str | None = None  # opaque cursor of the following page; None on the last


@dataclass(frozen=True)
class StoryDetail(Record):
    """A story with its articles, actors, events and facts (JSON: the story's fields plus
    ``actors``, ``events`` and the facts stage's fields)."""

    story: StoryView
    actors: tuple[Actor, ...] = ()
    facts: StoryFacts | None = None  # None until the facts stage has run on the story
    events: tuple[Event, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        """The story object of ``stories --json`` with its ``actors``, ``events`` and, from the
        facts stage, ``summary``, ``facts``, ``disputes``, ``timeline`` and ``unique_by_source``."""
        consolidated = self.facts or StoryFacts(self.story.id, self.story.title)
        return {
            **self.story.as_dict(),
            "actors": [actor.as_dict() for actor in self.actors],
            "events": [event.as_dict() for event in self.events],
            **consolidated.story_fields(),
        }


@dataclass(frozen=True)
class ArticleMention(Record):
    """A mention in an article with the actor it refers to and its normalised time."""

    mention: Mention
    time: MentionTime | None = None  # DATE/TIME mentions only
    actor_id: int | None = None

    def as_dict(self) -> dict[str, Any]:
        """The mention's span and label, ``actor_id``, and ``time`` for DATE/TIME mentions."""
        data = self.mention.as_dict()
        data.pop("article_id")
        data["actor_id"] = self.actor_id
        if self.time is not None:
            data["time"] = {
                "value": self.time.value,
                "start": self.time.start,
                "end": self.time.end,
                "anchor_inferred": self.time.anchor_inferred,
            }
        return data


@dataclass(frozen=True)
class ArticleDetail(Record):
    """An article with its mentions; ``explained`` keeps the cleaning notes in its JSON."""

    article: ArticleView
    mentions: tuple[ArticleMention, ...] = ()
    explained: bool = False

    def as_dict(self) -> dict[str, Any]:
        """The article without its raw input, with ``text``, ``mentions`` (and ``notes``)."""
        data = self.article.as_dict()
        data.pop("raw")
        data["text"] = self.article.text
        if not self.explained:
            data.pop("notes")
        data["mentions"] = [mention.as_dict() for mention in self.mentions]
        return data


@dataclass(frozen=True)
class ActorDetail(Record):
    """An actor with the stories it appears in (JSON: the actor's fields plus ``stories``)."""

    actor: Actor
    stories: tuple[ActorStory, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        """The actor object of ``actors --json`` with its ``stories``."""
        return {**self.actor.as_dict(), "stories": [story.as_dict() for story in self.stories]}


# --- reports ------------------------------------------------------------------------


@dataclass
class StageReport(Record):
    """Counts and time of one stage run (mutable while the stage runs)."""

    stage: str
    count_in: int = 0
    count_out: int = 0
    rejected: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def reject(self, reason: str) -> None:
        """Count one rejection under ``reason``."""
        self.rejected[reason] = self.rejected.get(reason, 0) + 1


# --- time ---

from datetime import date  # noqa: E402  (appended section: see phase rules)


@dataclass(frozen=True)
class TimeValue(Record):
    """A temporal expression normalised TIMEX3-style (see docs/time.md).

    ``value`` is e.g. "2026-02-08", "2026-W05", "2026-02", "2026-Q3", "2026-02-03TAF" or
    "PAST_REF"; ``start``/``end`` is the covered interval of calendar days, inclusive
    (ISO date strings in ``as_dict``); ``anchored`` says the publication time was needed.
    """

    value: str
    start: date | None
    end: date | None
    granularity: str  # day | week | month | quarter | half | season | year | decade | ...
    anchored: bool

    def as_dict(self) -> dict[str, Any]:
        """Return the value with its interval's days as ISO 8601 strings."""
        data = super().as_dict()
        for key in ("start", "end"):
            data[key] = data[key].isoformat() if data[key] is not None else None
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TimeValue:
        """Build the value from ``as_dict`` output."""
        days = {k: date.fromisoformat(data[k]) if data.get(k) else None for k in ("start", "end")}
        return cls(
            value=data["value"],
            granularity=data["granularity"],
            anchored=bool(data["anchored"]),
            **days,
        )


# --- entities and actors ------------------------------------------------------------

PART_TITLE = "title"
PART_BODY = "body"


@dataclass(frozen=True)
class Mention(Record):
    """A named-entity span: character offsets into the article's title or body text."""

    article_id: int
    part: str  # PART_TITLE (offsets into Document.title) | PART_BODY (into Document.text)
    sentence: int  # 0-based sentence index within the part
    start: int
    end: int
    text: str
    label: str  # PERSON | ORG | GPE | NORP | LOC | FAC | DATE | TIME


@dataclass(frozen=True)
class ArticleEntities(Record):
    """Every mention the entities stage found in one article (and its parse, when kept)."""

    article_id: int
    mentions: tuple[Mention, ...] = ()
    parse: ArticleParse | None = None  # entities.parse: what the events stage reads


@dataclass(frozen=True)
class AliasCount(Record):
    """One surface form of an actor and how many mentions used it."""

    alias: str
    count: int


@dataclass(frozen=True)
class Actor(Record):
    """A canonical actor (JSON contract: id, name, type, country, sector, roles, aliases).

    ``key`` is the stable identity the resolver assigns (e.g. ``country:RUS``,
    ``person:maria okafor``); ``id`` is the store's number (None before storing).
    """

    key: str
    name: str
    type: str  # person | country | government | institution | organisation | place | group
    country: str | None = None  # ISO 3166-1 alpha-3
    sector: str | None = None  # GOV, MIL, LEG, JUD, COP, IGO, ...
    code: str | None = None  # CAMEO-style actor code, e.g. RUSGOV
    roles: tuple[str, ...] = ()
    aliases: tuple[AliasCount, ...] = ()
    id: int | None = None


@dataclass(frozen=True)
class ActorLink(Record):
    """``mention`` refers to the actor whose key is ``actor_key``."""

    mention: Mention
    actor_key: str


@dataclass(frozen=True)
class MentionTime(Record):
    """A DATE/TIME mention's normalised value; ``anchor_inferred`` when the story dated it."""

    mention: Mention
    value: str  # TIMEX3-style value, e.g. "2026-02-08"
    start: str | None  # first day covered (ISO date)
    end: str | None  # last day covered (ISO date)
    anchor_inferred: bool = False


@dataclass(frozen=True)
class ActorStory(Record):
    """A story an actor appears in, with its number of mentions there."""

    story_id: int
    title: str
    mentions: int


@dataclass(frozen=True)
class StoryActors(Record):
    """The resolver's outcome for one story: its actors and which mention is whom."""

    story_id: int
    actors: tuple[Actor, ...] = ()
    links: tuple[ActorLink, ...] = ()


# --- live ---------------------------------------------------------------------------


@dataclass(frozen=True)
class FeedState(Record):
    """What the store remembers of one watched feed: conditional-GET validators and status."""

    url: str
    name: str | None = None  # the outlet name given in the feeds file
    etag: str | None = None
    last_modified: str | None = None  # the Last-Modified header, verbatim
    last_polled_at: datetime | None = None
    last_success_at: datetime | None = None
    last_error: str | None = None  # one line; None once a later poll succeeds
    last_error_at: datetime | None = None
    polls: int = 0
    urls: int = 0  # item URLs fetched (or given up on)
    articles: int = 0  # of those, articles stored
    rejected: int = 0  # of those, URLs that gave no article


@dataclass(frozen=True)
class FetchOutcome(Record):
    """What became of one fetched URL (the store keeps one per URL: a URL is fetched once)."""

    url: str
    outcome: str  # "stored", "already-stored", or the Rejection reason
    message: str = ""
    feed_url: str | None = None  # the feed that listed it, if any
    transient: bool = False  # a failure worth another attempt later (5xx, timeout, ...)


# --- stage bookkeeping (src/eventwire/stage.py) ------------------------------------


@dataclass(frozen=True)
class Skipped(Record):
    """A record a stage left out on purpose (a note, not a failure): e.g. too long to read."""

    origin: str  # "article ID" or "story ID"
    reason: str  # short code, e.g. "too-long"
    message: str  # one human-readable line

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"


@dataclass(frozen=True)
class StageRun(Record):
    """One stage's run on one article or one story, as the bookkeeping table keeps it."""

    stage: str
    version: int
    status: str  # "ok" | "failed" | "skipped"
    article_id: int | None = None
    story_id: int | None = None
    reason: str | None = None  # why it failed or was skipped (one line)
    ran_at: datetime | None = None


@dataclass(frozen=True)
class FailedRun(Record):
    """A failed stage run as ``eventwire status`` lists it."""

    stage: str
    subject: str  # "article 12" or "story 3"
    title: str
    reason: str
    ran_at: datetime | None = None


@dataclass(frozen=True)
class ClusterCandidate(Record):
    """What the stories stage sees of an article: its document and the copy it is, if any."""

    document: Document
    duplicate: DuplicateLink | None = None

    @property
    def id(self) -> int:
        """The article's id."""
        return self.document.id


@dataclass(frozen=True)
class StoryInput(Record):
    """What a story stage sees of one story: its entity-read originals and their mentions."""

    story_id: int
    documents: tuple[Document, ...]
    entities: tuple[ArticleEntities, ...]


# --- events (issue 11) ---------------------------------------------------------------

# One parsed token: start, end (characters in its part's text), lemma, coarse POS (both empty
# when spaCy's lemmatizer did not run: the events stage derives them), fine tag, dependency
# label, and its head's index within the sentence.
ParsedToken = tuple[int, int, str, str, str, str, int]


@dataclass(frozen=True)
class SentenceParse(Record):
    """One sentence's dependency parse, as spaCy made it in the entities stage's pass."""

    part: str  # PART_TITLE | PART_BODY
    index: int  # 0-based sentence index within the part (as Mention.sentence)
    tokens: tuple[ParsedToken, ...]

    @property
    def start(self) -> int:
        """First character of the sentence."""
        return self.tokens[0][0] if self.tokens else 0

    @property
    def end(self) -> int:
        """End character of the sentence."""
        return self.tokens[-1][1] if self.tokens else 0


@dataclass(frozen=True)
class ArticleParse(Record):
    """An article's sentences, parsed once (the events stage codes them)."""

    article_id: int
    sentences: tuple[SentenceParse, ...] = ()


@dataclass(frozen=True)
class Span(Record):
    """Characters ``start``..``end`` of an article's title or body (evidence offsets)."""

    part: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class EventMention(Record):
    """One event as one sentence states it: who did what to whom, with its evidence.

    ``sources`` and ``targets`` are the argument spans (entity mentions where there are
    any); the story step links them to actors. ``reported_by`` is the speaker when the
    sentence reports someone's statement.
    """

    article_id: int
    sentence: int
    part: str
    text: str  # the sentence
    trigger: Span
    cameo: str
    sentence_start: int = 0  # the sentence's first character in its part
    sources: tuple[Span, ...] = ()
    targets: tuple[Span, ...] = ()
    negated: bool = False
    hypothetical: bool = False
    symmetric: bool = False  # the actors act on each other (talks between X and Y)
    refers_back: bool = False  # "both ministers": the two sides an earlier sentence named
    reported_by: Span | None = None
    date: Span | None = None  # a DATE mention attached to the trigger
    place: Span | None = None  # a GPE/LOC/FAC mention the event happened in
    names: tuple[Span, ...] = ()  # sides headed by a proper noun no entity covers ("Quillfeather")
    source_pronoun: Span | None = None  # "he" doing an act no named side does
    target_pronoun: Span | None = None  # "him", or "he" in the passive, it is done to


@dataclass(frozen=True)
class EventActor(Record):
    """An event's actor (JSON: id, name, country ISO-3, code CAMEO actor code)."""

    id: int | None
    name: str
    country: str | None = None
    code: str | None = None
    key: str | None = None


@dataclass(frozen=True)
class EventEvidence(Record):
    """Where an event is stated: the article, its outlet, the sentence, the trigger span."""

    article_id: int
    source: str  # the outlet
    sentence: str
    span: tuple[int, int]  # the trigger's characters in the sentence
    actor_spans: tuple[tuple[int, int], ...] = ()  # each actor's characters in the sentence
    date: str | None = None  # the day this outlet gives for the event


@dataclass(frozen=True)
class Event(Record):
    """One real event of a story, however many articles and outlets report it.

    JSON contract (issue 11): id, story_id, date, source, target, cameo, plover, mode,
    quad_class, goldstein, place, negated, hypothetical, num_mentions, num_articles,
    num_sources, evidence.
    """

    story_id: int
    date: str | None
    source: tuple[EventActor, ...]
    target: tuple[EventActor, ...]
    cameo: str
    plover: str | None
    mode: str | None
    quad_class: int
    goldstein: float
    place: str | None
    place_country: str | None
    negated: bool
    hypothetical: bool
    num_mentions: int
    num_articles: int
    num_sources: int
    evidence: tuple[EventEvidence, ...] = ()
    id: int | None = None
    added: datetime | None = None
    url: str | None = None  # the first reporting article's URL (GDELT SOURCEURL)

    def as_dict(self) -> dict[str, Any]:
        """The event as the issue's JSON shape (``place_country`` inside ``place``)."""
        data = super().as_dict()
        data["place"] = {"name": self.place, "country": self.place_country} if self.place else None
        for name in ("place_country", "added", "url"):
            data.pop(name)
        data["evidence"] = [
            {
                "article_id": e.article_id,
                "source": e.source,
                "sentence": e.sentence,
                "span": list(e.span),
                "date": e.date,
            }
            for e in self.evidence
        ]
        return data


@dataclass(frozen=True)
class StoryEvents(Record):
    """The events stage's outcome for one story."""

    story_id: int
    events: tuple[Event, ...] = ()
    mentions: int = 0  # event mentions coded in the story's sentences


@dataclass(frozen=True)
class EventFilter(Record):
    """Which events ``eventwire events`` and ``GET /api/events`` list; None keeps all."""

    story_id: int | None = None
    actor: str | None = None  # actor name, alias, key or id (source or target)
    code: str | None = None  # CAMEO code prefix (e.g. "04", "041") or PLOVER type
    since: date | None = None
    until: date | None = None  # inclusive
    country: str | None = None  # ISO 3166-1 alpha-3: an actor's country or the event's place


@dataclass(frozen=True)
class ArticleMeta(Record):
    """What the events stage needs of an article besides its text: outlet, URL, date, copies."""

    id: int
    source: str
    url: str | None = None
    published: str | None = None  # ISO day of publication
    copies: int = 0  # later copies dedup linked to it (syndicated text: one outlet)


@dataclass(frozen=True)
class EventsInput(Record):
    """What the events stage sees of one story: its parsed originals, actors and days."""

    story_id: int
    documents: tuple[Document, ...]
    entities: tuple[ArticleEntities, ...]
    articles: tuple[ArticleMeta, ...] = ()
    # mention identity "article:part:start:end" -> the actor it refers to
    actors: tuple[tuple[str, Actor], ...] = ()
    # DATE mention identity -> (first day, last day) of its normalised value
    days: tuple[tuple[str, str, str], ...] = ()


# --- facts (src/eventwire/facts: issue 12) -----------------------------------------


@dataclass(frozen=True)
class LinkedMention(Record):
    """A mention with its actor and its normalised time, as the facts stage reads it."""

    mention: Mention
    actor_key: str | None = None
    actor_type: str | None = None
    time_value: str | None = None  # TIMEX3-style value of a DATE/TIME mention
    time_start: str | None = None  # first day covered (ISO date)
    time_end: str | None = None


@dataclass(frozen=True)
class CopyNote(Record):
    """An article dedup found to be a copy of ``copy_of`` (same report, another outlet)."""

    article_id: int
    source: str
    copy_of: int


@dataclass(frozen=True)
class FactsInput(Record):
    """What the facts stage sees of one story: originals, their mentions, the copies."""

    story_id: int
    documents: tuple[Document, ...]
    mentions: tuple[LinkedMention, ...] = ()
    copies: tuple[CopyNote, ...] = ()


@dataclass(frozen=True)
class Claim(Record):
    """One statement of one article: a sentence (or clause) and its character span in the body."""

    article_id: int
    source: str
    sentence: str
    start: int  # character offsets into the article's body text (Document.text)
    end: int
    kind: str  # "fact" | "quote" | "commentary"
    quote: str | None = None  # the quotation, verbatim
    speaker: str | None = None  # who the quotation is attributed to, as written
    speaker_actor: str | None = None  # that speaker's actor key, when resolved

    def as_dict(self) -> dict[str, Any]:
        """JSON: article_id, source, sentence, span [start, end], kind, quote and speaker."""
        data = super().as_dict()
        data["span"] = [data.pop("start"), data.pop("end")]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Claim:
        """Build the claim from ``as_dict`` output."""
        data = dict(data)
        if "span" in data:
            data["start"], data["end"] = data.pop("span")
        return cls(**{f.name: data[f.name] for f in dataclasses.fields(cls) if f.name in data})


@dataclass(frozen=True)
class DisputedValue(Record):
    """One of the values outlets give for a disputed detail, and who gives it."""

    value: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Dispute(Record):
    """Aligned claims that differ in a number, a date, a place or a named actor."""

    kind: str  # "number" | "date" | "place" | "actor"
    values: tuple[DisputedValue, ...]


@dataclass(frozen=True)
class Fact(Record):
    """A statement aligned across a story's articles, with its status.

    ``status``: "corroborated" (at least two independent outlets), "single-source",
    "disputed" (its claims differ in a detail), or "commentary" (shown, never counted).
    """

    seq: int  # position in the story's facts (its id before storing)
    text: str
    kind: str  # "fact" | "quote" | "commentary"
    status: str
    independent_sources: int
    claims: tuple[Claim, ...]
    sources: tuple[str, ...] = ()  # every outlet reporting it (copies included)
    articles: int = 0  # articles reporting it (copies included)
    date: str | None = None  # the day it happened, when its claims date it
    speaker: str | None = None
    disputes: tuple[Dispute, ...] = ()
    id: int | None = None


@dataclass(frozen=True)
class SummaryLine(Record):
    """One sentence of a consolidated story: a fact's text and its outlets."""

    fact: int  # the fact's seq
    text: str
    sources: tuple[str, ...]
    date: str | None = None


@dataclass(frozen=True)
class SourceAdditions(Record):
    """What one outlet reports that no other outlet does (facts by seq)."""

    source: str
    facts: tuple[int, ...]


@dataclass(frozen=True)
class StoryFacts(Record):
    """The consolidated story: title, summary, timeline, facts and per-outlet additions."""

    story_id: int
    title: str
    facts: tuple[Fact, ...] = ()
    summary: tuple[SummaryLine, ...] = ()
    timeline: tuple[SummaryLine, ...] = ()
    unique_by_source: tuple[SourceAdditions, ...] = ()
    aligned: bool = False  # False when fewer than two independent outlets: nothing to align

    def story_fields(self) -> dict[str, Any]:
        """The fields a story's JSON gains, facts referred to by id (by seq before storing)."""
        ids = {f.seq: f.id if f.id is not None else f.seq for f in self.facts}

        def lines(items: tuple[SummaryLine, ...]) -> list[dict[str, Any]]:
            return [{**line.as_dict(), "fact": ids.get(line.fact)} for line in items]

        return {
            "consolidated_title": self.title,
            "summary": lines(self.summary),
            "facts": [{**f.as_dict(), "id": ids[f.seq]} for f in self.facts],
            "disputes": [
                {"fact": ids[f.seq], "text": f.text, **d.as_dict()}
                for f in self.facts
                for d in f.disputes
            ],
            "timeline": lines(self.timeline),
            "unique_by_source": [
                {"source": u.source, "facts": [ids[n] for n in u.facts]}
                for u in self.unique_by_source
            ],
        }


# --- serving (eventwire.api, eventwire.web) -------------------------------------------


@dataclass(frozen=True)
class FacetCount(Record):
    """One value of a facet (an outlet, a country, an actor) and how many stories have it."""

    value: str
    count: int
    id: int | None = None  # the actor's id, for the actor facet


@dataclass(frozen=True)
class SearchHit(Record):
    """An article matching a full-text search, with a passage of its text."""

    id: int
    source: str
    title: str
    published_at: datetime | None
    story_id: int | None
    snippet: str


@dataclass(frozen=True)
class ActorPartner(Record):
    """An actor seen in the same stories as another, and in how many of them."""

    id: int
    name: str
    type: str
    stories: int


@dataclass(frozen=True)
class DayCount(Record):
    """How many mentions (or articles) fell on one day (ISO date)."""

    day: str
    count: int
