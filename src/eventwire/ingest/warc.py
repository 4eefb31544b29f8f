"""Web archives (WARC, plain or gzip): one article per HTML response record, streamed.

Records are read one at a time with fastwarc, so memory stays flat whatever the file size.
Each record becomes its own InputFile (one article, or one Rejection), so a bad record never
takes others with it. A record whose block digest does not match is ``corrupt-record``; a
stretch of the file that does not parse is skipped to the next record start, with one
``corrupt-record`` Rejection naming the byte offsets. Non-HTML responses are ``not-html``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import datetime
from typing import BinaryIO

from fastwarc.warc import ArchiveIterator, WarcRecord, WarcRecordType

from eventwire.ingest.context import ArticleFields, ReadContext, make_article
from eventwire.ingest.decode import GZIP_MAGIC, decode_bytes, try_decode
from eventwire.ingest.errors import TOO_LARGE, UNREADABLE, IngestProblem, reject_unexpected
from eventwire.ingest.html import FORMAT_HTML, extract_page, looks_like_html
from eventwire.ingest.settings import IngestSettings
from eventwire.model import InputFile, RawArticle, Rejection

CORRUPT_RECORD = "corrupt-record"
NOT_HTML = "not-html"
HTTP_STATUS = "http-status"
HTML_CONTENT_TYPES = frozenset({"text/html", "application/xhtml+xml"})
# Where a record may start, to resume after unreadable data: a gzip member, or a WARC header.
GZIP_MEMBER_START = GZIP_MAGIC + b"\x08"
WARC_RECORD_START = b"WARC/1."
SCAN_CHUNK_BYTES = 1 << 20
HTTP_OK_RANGE = range(200, 300)
LOGGER = logging.getLogger(__name__)


def iter_warc(context: ReadContext) -> Iterator[InputFile]:
    """One InputFile per HTML response record of the WARC file ``context.path``."""
    try:
        stream = context.path.open("rb")
    except OSError as error:
        message = f"cannot read file: {error.strerror or error}"
        rejection = Rejection(context.origin, UNREADABLE, message)
        yield InputFile(context.origin, rejections=(rejection,))
        return
    with stream:
        rejected_at = None  # a record rejected as corrupt: the data after it is the same damage
        for offset, item in iter_records(stream, context.origin):
            if isinstance(item, Rejection):
                if offset != rejected_at:
                    yield InputFile(item.origin, rejections=(item,))
                continue
            input_file = read_record(item, context, record_origin(context.origin, offset))
            corrupt = any(r.reason == CORRUPT_RECORD for r in input_file.rejections)
            rejected_at = offset if corrupt else None
            yield input_file


def record_origin(origin: str, offset: int) -> str:
    """How records name one WARC record: ``file@byte-offset``."""
    return f"{origin}@{offset}"


def iter_records(stream: BinaryIO, origin: str) -> Iterator[tuple[int, WarcRecord | Rejection]]:
    """(offset, record) for each response record; each unreadable stretch becomes one Rejection."""
    marker = GZIP_MEMBER_START if stream.read(2) == GZIP_MAGIC else WARC_RECORD_START
    start: int | None = 0
    trouble: tuple[int, str] | None = None  # where unreadable data began, and the error
    while start is not None:
        stream.seek(start)
        last = start
        try:
            for record in ArchiveIterator(
                stream, record_types=WarcRecordType.response, parse_http=False
            ):
                last = record.stream_pos
                if trouble is not None:
                    yield trouble[0], skipped_stretch(origin, trouble, last)
                    trouble = None
                yield last, record
            break
        except OSError as error:
            trouble = trouble or (last, str(error))
            start = find_marker(stream, last + 1, marker)
    if trouble is not None:
        yield trouble[0], skipped_stretch(origin, trouble, None)


def skipped_stretch(origin: str, trouble: tuple[int, str], resumed: int | None) -> Rejection:
    """The Rejection for unreadable data from ``trouble``'s offset up to ``resumed``."""
    offset, error = trouble
    where = "the end of the file" if resumed is None else f"the record at byte {resumed}"
    message = f"unreadable WARC data ({error}) after byte {offset}; skipped to {where}"
    return Rejection(record_origin(origin, offset), CORRUPT_RECORD, message)


def find_marker(stream: BinaryIO, start: int, marker: bytes) -> int | None:
    """The offset of the first ``marker`` at or after ``start``, reading in small chunks."""
    stream.seek(start)
    position, tail = start, b""
    while chunk := stream.read(SCAN_CHUNK_BYTES):
        window = tail + chunk
        found = window.find(marker)
        if found >= 0:
            return position - len(tail) + found
        tail = window[-(len(marker) - 1) :]
        position += len(chunk)
    return None


def read_record(record: WarcRecord, context: ReadContext, origin: str) -> InputFile:
    """The article of one response record, or the Rejection saying why there is none."""
    try:
        return InputFile(origin, articles=(record_article(record, context, origin),))
    except IngestProblem as problem:
        return InputFile(origin, rejections=(problem.to_rejection(origin),))
    except Exception as error:  # a bug: reject this record only, say which
        LOGGER.exception("unexpected error reading %s", origin)
        return InputFile(origin, rejections=(reject_unexpected(origin, error),))


def record_article(record: WarcRecord, context: ReadContext, origin: str) -> RawArticle:
    """One RawArticle from a verified HTML response record (raises IngestProblem)."""
    url = target_uri(record)
    html = record_html(record, context.settings, url)
    page = extract_page(html, context.settings, url=url)
    fields = ArticleFields(
        raw=html,
        text=page.text,
        format=FORMAT_HTML,
        url=url or page.url,
        title=page.title,
        published=page.published or record_date(record),
        updated=page.updated,
        authors=page.authors,
        notes=page.notes,
    )
    return make_article(fields, context, origin=origin)


def record_html(record: WarcRecord, settings: IngestSettings, url: str | None) -> str:
    """The decoded HTML page a response record holds, after checking its digest and status."""
    limit = settings.max_file_bytes
    if record.content_length > limit:  # checked first: verifying a digest buffers the block
        raise IngestProblem(
            TOO_LARGE, f"{url}: record of {record.content_length} bytes, over the limit"
        )
    has_digest = record.headers.get("WARC-Block-Digest") is not None  # optional in WARC
    try:
        intact = record.verify_block_digest() if has_digest else True
    except OSError as error:  # the record's own bytes do not decompress
        raise IngestProblem(CORRUPT_RECORD, f"{url}: unreadable record ({error})") from None
    if not intact:
        raise IngestProblem(CORRUPT_RECORD, f"{url}: block digest does not match the content")
    try:
        record.parse_http(auto_decode="all")
    except Exception as error:  # fastwarc raises plain exceptions for bad HTTP headers
        raise IngestProblem(CORRUPT_RECORD, f"{url}: unparsable HTTP response ({error})") from None
    status = record.http_headers.status_code
    if status is not None and status not in HTTP_OK_RANGE:
        raise IngestProblem(HTTP_STATUS, f"{url}: HTTP {status} response, not a page")
    content_type = (record.http_content_type or "").lower()
    if content_type and content_type not in HTML_CONTENT_TYPES:
        raise IngestProblem(NOT_HTML, f"{url}: {content_type} response, not an HTML page")
    data = record.reader.read(limit + 1)
    if len(data) > limit:
        raise IngestProblem(TOO_LARGE, f"{url}: page over the {limit} byte limit")
    html = decode_page(data, record.http_charset, settings.max_control_share)
    if not content_type and not looks_like_html(html):
        raise IngestProblem(NOT_HTML, f"{url}: response without a content type, not HTML")
    return html


def decode_page(data: bytes, charset: str | None, max_control_share: float) -> str:
    """Page text: the HTTP charset when it fits, else eventwire's usual decoding."""
    if charset:
        text = try_decode(data, charset)
        if text is not None and text.strip():
            return text
    return decode_bytes(data, max_control_share)


def target_uri(record: WarcRecord) -> str | None:
    """The record's WARC-Target-URI (without the angle brackets some writers add)."""
    value = record.headers.get("WARC-Target-URI")
    return value.strip().strip("<>").strip() or None if value else None


def record_date(record: WarcRecord) -> datetime | None:
    """The WARC-Date (crawl time), tz-aware: the fallback publication date."""
    try:
        return record.record_date
    except Exception:  # a missing or unparsable WARC-Date
        return None
