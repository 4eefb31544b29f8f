"""Typed records that eventwire's stages pass to each other.

Every stage reads and writes only these records; none reaches into another stage's
internals or into the database (see docs/architecture.md). Records are frozen
dataclasses with ``as_dict``/``from_dict`` for JSON.
"""

from __future__ import annotations

import dataclasses
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
        """Build the record from ``as_dict`` output."""
        kwargs = {}
        for f in dataclasses.fields(cls):
            if f.name in data:
                kwargs[f.name] = _from_json(f.type, data[f.name])
        return cls(**kwargs)


def _to_json(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Record):
        return value.as_dict()
    if isinstance(value, (list, tuple)):
        return [_to_json(v) for v in value]
    return value


def _from_json(type_name: Any, value: Any) -> Any:
    text = str(type_name)
    if value is None:
        return None
    if "datetime" in text and isinstance(value, str):
        return datetime.fromisoformat(value)
    for record_type in (Block, CleaningNote, ArticleSummary):
        if f"tuple[{record_type.__name__}" in text:
            return tuple(record_type.from_dict(v) for v in value)
    if text.startswith("tuple") and isinstance(value, list):
        return tuple(value)
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
    content_hash: str  # sha256 hex of ``raw``: the idempotency key
    url: str | None = None
    title: str | None = None  # title from the input's metadata, when it has one
    published: datetime | None = None  # tz-aware, from the input's metadata
    updated: datetime | None = None


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
    published_at: datetime | None
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
    published_at: datetime | None
    updated_at: datetime | None
    ingested_at: datetime
    blocks: tuple[Block, ...]
    notes: tuple[CleaningNote, ...]
    copy_of: int | None
    story_id: int | None
    raw: str = field(default="", repr=False)

    @property
    def text(self) -> str:
        """Body text: paragraphs separated by blank lines."""
        return "\n\n".join(b.text for b in self.blocks if b.kind == BLOCK_PARAGRAPH)


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
