"""Property-based tests: whatever the bytes, every reader and the cleaner end each input as
articles or one rejection, and never raise out of the stage or fail with a bug (``error``)."""

from __future__ import annotations

import gzip
import io
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventwire.clean import clean_article
from eventwire.ingest import IngestSettings, iter_inputs
from eventwire.ingest.decode import encode_raw
from eventwire.ingest.errors import ERROR
from eventwire.model import CleanArticle, InputFile, Rejection
from eventwire.textnorm import strip_control_characters

PROPERTY_SETTINGS = settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
SUFFIXES = (".txt", ".html", ".html.gz", ".jsonl", ".warc", ".warc.gz", "")
TAGS = ("p", "div", "article", "h1", "h2", "span", "a", "script", "style", "title", "li", "br")
WORDS = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=0, max_size=40
)
CONTROLS = st.sampled_from(["\x1b[2J", "\x1b]0;title\x07", "\x9b1m", "\x00", "\r", "\x85"])


def read_bytes_as(data: bytes, suffix: str) -> list[InputFile]:
    """Ingest ``data`` written to a file with ``suffix`` (in a fresh folder)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        return list(iter_inputs([path], settings=IngestSettings()))


def assert_articles_or_one_rejection(files: list[InputFile], lines: int | None = None) -> None:
    """Each InputFile holds articles, or exactly one rejection; none is a bug."""
    assert files
    for input_file in files:
        if lines is None:  # one input per InputFile: one article, or one rejection
            assert len(input_file.articles) + len(input_file.rejections) == 1
        assert all(r.reason != ERROR for r in input_file.rejections), input_file.rejections
        assert all("\n" not in r.message for r in input_file.rejections)
    if lines is not None:  # one per line, unless the file as a whole is rejected
        (input_file,) = files
        whole_file = [r.origin for r in input_file.rejections] == [input_file.origin]
        assert whole_file or len(input_file.articles) + len(input_file.rejections) == lines


def assert_stored_text_is_clean(files: list[InputFile]) -> None:
    """No stored text holds a control character or an escape sequence."""
    for article in (a for f in files for a in f.articles):
        for value in (article.text, article.title or "", article.url or "", article.source):
            assert strip_control_characters(value) == value


@st.composite
def html_pages(draw: st.DrawFn) -> str:
    """Random, often broken, HTML: nested tags, text with control characters, a doctype."""
    parts = ["<!DOCTYPE html><html><body>" if draw(st.booleans()) else ""]
    for _ in range(draw(st.integers(0, 25))):
        tag = draw(st.sampled_from(TAGS))
        text = draw(WORDS) + (draw(CONTROLS) if draw(st.booleans()) else "")
        closing = f"</{tag}>" if draw(st.booleans()) else ""
        parts.append(f"<{tag}>{text}{closing}")
    return "".join(parts)


JSON_VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), WORDS,
    st.lists(WORDS, max_size=3), st.dictionaries(WORDS, WORDS, max_size=2),
)  # fmt: skip
FIELDS = st.sampled_from(["text", "html", "title", "url", "source", "published", "authors"])


@st.composite
def jsonl_lines(draw: st.DrawFn) -> list[str]:
    """JSONL lines: objects with known fields of any type, sometimes not JSON at all."""
    lines = []
    for _ in range(draw(st.integers(1, 6))):
        if draw(st.integers(0, 4)) == 0:
            lines.append(draw(WORDS).replace("\n", " ") or "{")
            continue
        record = draw(st.dictionaries(FIELDS, JSON_VALUES, max_size=5))
        if draw(st.booleans()):
            record["text"] = draw(WORDS) + draw(CONTROLS) + draw(WORDS)
        lines.append(json.dumps(record, ensure_ascii=draw(st.booleans())))
    return [line for line in lines if line.strip()]


def warc_record(url: str, body: bytes, content_type: str) -> bytes:
    """One WARC response record, as warcio writes it."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        url, "response", payload=io.BytesIO(body), http_headers=headers
    )
    writer.write_record(record)
    return buffer.getvalue()


@st.composite
def warc_files(draw: st.DrawFn) -> bytes:
    """A few records (HTML or random bodies), some damaged or cut short."""
    records = []
    for number in range(draw(st.integers(1, 4))):
        body = draw(html_pages()).encode("utf-8") if draw(st.booleans()) else draw(st.binary())
        kind = draw(st.sampled_from(["text/html", "image/png", "text/html; charset=latin-1"]))
        record = warc_record(f"https://w{number}.example.org/x", body, kind)
        cut = draw(st.integers(0, len(record)))
        if draw(st.integers(0, 3)) == 0:
            record = record[:cut]
        elif draw(st.integers(0, 3)) == 0 and cut < len(record):
            record = record[:cut] + bytes([record[cut] ^ 0x20]) + record[cut + 1 :]
        records.append(gzip.compress(record) if draw(st.booleans()) else record)
    return b"".join(records)


@PROPERTY_SETTINGS
@given(data=st.binary(max_size=2000), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes_end_as_articles_or_one_rejection(data: bytes, suffix: str) -> None:
    files = read_bytes_as(data, suffix)
    if suffix == ".jsonl":
        assert len(files) == 1 and all(r.reason != ERROR for r in files[0].rejections)
    else:
        assert_articles_or_one_rejection(files)
    assert_stored_text_is_clean(files)


@PROPERTY_SETTINGS
@given(page=html_pages(), codec=st.sampled_from(["utf-8", "cp1252", "cp1250", "utf-16"]))
def test_random_html_ends_as_an_article_or_one_rejection(page: str, codec: str) -> None:
    data = page.encode(codec, errors="replace")
    for suffix in (".html", ""):
        files = read_bytes_as(data, suffix)
        assert_articles_or_one_rejection(files)
        assert_stored_text_is_clean(files)


@PROPERTY_SETTINGS
@given(lines=jsonl_lines())
def test_each_jsonl_line_ends_as_an_article_or_one_rejection(lines: list[str]) -> None:
    files = read_bytes_as("\n".join(lines).encode("utf-8"), ".jsonl")
    assert_articles_or_one_rejection(files, lines=len(lines))
    assert_stored_text_is_clean(files)


@PROPERTY_SETTINGS
@given(data=warc_files(), compressed=st.booleans())
def test_each_warc_record_ends_as_an_article_or_one_rejection(
    data: bytes, compressed: bool
) -> None:
    files = read_bytes_as(data, ".warc.gz" if compressed else ".warc")
    assert_articles_or_one_rejection(files)
    assert_stored_text_is_clean(files)


@PROPERTY_SETTINGS
@given(
    lines=st.lists(
        st.one_of(WORDS, CONTROLS, st.sampled_from(["", "Advertisement", "—"])), max_size=30
    )
)
def test_the_cleaner_ends_each_article_as_clean_text_or_one_rejection(lines: list[str]) -> None:
    files = read_bytes_as("\n".join(lines).encode("utf-8"), ".txt")
    for article in (a for f in files for a in f.articles):
        cleaned = clean_article(article)
        assert isinstance(cleaned, CleanArticle | Rejection)
        if isinstance(cleaned, Rejection):
            assert cleaned.reason != "clean-error", cleaned.message
        else:
            assert cleaned.paragraphs and cleaned.title is not None


@PROPERTY_SETTINGS
@given(
    data=st.one_of(
        st.binary(max_size=600),
        st.text(max_size=200).map(lambda t: t.encode("utf-8")),
        st.text(alphabet="abcdeéèçàüößčřžšěąłśżńĺľ .,\n", max_size=200).flatmap(
            lambda t: st.sampled_from(["cp1252", "cp1250", "iso8859-2", "latin-1"]).map(
                lambda codec: t.encode(codec, errors="ignore")
            )
        ),
    )
)
@example(data=b"\xfb\x92")  # read as cp932, which gives other bytes back for this character
@example(data=b"\xa1\xbb\xe0\xe0\xfak\xcf")
@example(data="Genève, naïve, Zürich".encode("latin-1"))
def test_a_text_file_can_be_rebuilt_from_what_is_stored(data: bytes) -> None:
    for article in (a for f in read_bytes_as(data, ".txt") for a in f.articles):
        assert encode_raw(article.raw, article.raw_encoding) == data
