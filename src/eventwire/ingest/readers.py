"""The reader table (by file suffix), content sniffing, and reading one file safely."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from pathlib import Path

from eventwire.ingest.context import ReadContext, decode_input
from eventwire.ingest.decode import inflate_gzip, is_gzip
from eventwire.ingest.errors import (
    BINARY,
    TOO_LARGE,
    UNREADABLE,
    IngestProblem,
    reject_unexpected,
)
from eventwire.ingest.html import looks_like_html, read_decoded_html, read_html
from eventwire.ingest.jsonl import looks_like_jsonl, read_decoded_jsonl, read_jsonl
from eventwire.ingest.settings import IngestSettings
from eventwire.ingest.text import read_decoded_text, read_text
from eventwire.ingest.warc import iter_warc
from eventwire.model import InputFile
from eventwire.textnorm import strip_control_characters

Reader = Callable[[bytes, ReadContext], InputFile]
StreamReader = Callable[[ReadContext], Iterator[InputFile]]  # many InputFiles from one file
LOGGER = logging.getLogger(__name__)


def read_gzip_html(data: bytes, context: ReadContext) -> InputFile:
    """One article from a gzip-compressed HTML page."""
    return read_html(inflate_gzip(data, context.settings.max_file_bytes), context)


def read_sniffed(data: bytes, context: ReadContext) -> InputFile:
    """Read a file of unknown kind: gzip HTML, HTML, JSONL, else plain text."""
    if is_gzip(data):
        return read_sniffed_gzip(data, context)
    text, context = decode_input(data, context)
    if looks_like_html(text):
        return read_decoded_html(text, context)
    if looks_like_jsonl(text):
        return read_decoded_jsonl(text, context)
    return read_decoded_text(text, context)


def read_sniffed_gzip(data: bytes, context: ReadContext) -> InputFile:
    """A gzip file of unknown kind: read it only when it holds an HTML page."""
    content = inflate_gzip(data, context.settings.max_file_bytes)
    try:
        text, context = decode_input(content, context)
    except IngestProblem:
        text = ""
    if not looks_like_html(text):
        raise IngestProblem(BINARY, "gzip-compressed data that is not an HTML page")
    return read_decoded_html(text, context)


# Suffix (lowercase, longest match wins) -> reader. Anything else is sniffed.
READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".text": read_text,
    ".html": read_html,
    ".htm": read_html,
    ".xhtml": read_html,
    ".html.gz": read_gzip_html,
    ".htm.gz": read_gzip_html,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
}


# Suffix (lowercase) -> reader that streams a large file as many InputFiles (archives).
STREAM_READERS: dict[str, StreamReader] = {".warc": iter_warc, ".warc.gz": iter_warc}


def iter_path(path: Path, source: str | None, settings: IngestSettings) -> Iterator[InputFile]:
    """Everything in one file: streamed record by record for archives, else one InputFile."""
    for suffix, stream_reader in STREAM_READERS.items():
        if path.name.lower().endswith(suffix):
            yield from stream_reader(ReadContext(path, origin_of(path), source, settings))
            return
    yield read_path(path, source, settings)


def origin_of(path: Path) -> str:
    """How records name a file: its path, without control characters."""
    return strip_control_characters(str(path), single_line=True)


def find_reader(path: Path) -> Reader:
    """The reader for ``path``'s suffix, or the sniffing reader."""
    name = path.name.lower()
    for suffix in sorted(READERS, key=len, reverse=True):
        if name.endswith(suffix):
            return READERS[suffix]
    return read_sniffed


def read_path(path: Path, source: str | None, settings: IngestSettings) -> InputFile:
    """Everything in one file; problems become Rejections, never exceptions."""
    context = ReadContext(path=path, origin=origin_of(path), source=source, settings=settings)
    try:
        return find_reader(path)(read_bytes(path, settings.max_file_bytes), context)
    except IngestProblem as problem:
        return InputFile(origin=context.origin, rejections=(problem.to_rejection(context.origin),))
    except Exception as error:  # a bug: keep the batch going, say which file
        LOGGER.exception("unexpected error reading %s", path)
        rejection = reject_unexpected(context.origin, error)
        return InputFile(origin=context.origin, rejections=(rejection,))


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, raising ``too-large`` or ``unreadable``."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise IngestProblem(TOO_LARGE, f"file is {size} bytes, over the {max_bytes} limit")
        return path.read_bytes()
    except OSError as error:
        raise IngestProblem(UNREADABLE, f"cannot read file: {error.strerror or error}") from None
