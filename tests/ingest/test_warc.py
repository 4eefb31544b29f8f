"""WARC archives: written by warcio at test time, read by eventwire's fastwarc reader."""

from __future__ import annotations

import gzip
import io
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventwire.ingest.warc import CORRUPT_RECORD, NOT_HTML
from eventwire.model import InputFile
from tests.conftest import run_eventwire
from tests.ingest.conftest import read_all

UNDATED_PAGE = (
    "<html><head><title>Harbour bridge reopens</title></head><body><article>"
    "<h1>Harbour bridge reopens</h1>"
    + "<p>The harbour bridge reopened to traffic after months of repair work by the city.</p>" * 6
    + "</article></body></html>"
)
CRAWL_DATE = "2024-03-05T10:00:00Z"


def warc_record(url: str, body: bytes, content_type: str = "text/html; charset=utf-8") -> bytes:
    """One uncompressed WARC response record, as warcio writes it."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        url,
        "response",
        payload=io.BytesIO(body),
        http_headers=headers,
        warc_headers_dict={"WARC-Date": CRAWL_DATE},
    )
    writer.write_record(record)
    return buffer.getvalue()


def with_bad_digest(record: bytes) -> bytes:
    """The record with one payload byte changed after its digest was written."""
    damaged = bytearray(record)
    damaged[-10] = ord("#") if damaged[-10] != ord("#") else ord("%")
    return bytes(damaged)


def write_warc(path: Path, records: list[bytes], compress: bool) -> Path:
    """Records written one after another, each its own gzip member when ``compress``."""
    path.write_bytes(b"".join(gzip.compress(r) if compress else r for r in records))
    return path


@pytest.fixture
def real_pages(scrapinghub_pages: list[Path]) -> list[bytes]:
    """Three real news pages."""
    return [gzip.decompress(p.read_bytes()) for p in scrapinghub_pages[:3]]


def mixed_records(pages: list[bytes]) -> list[bytes]:
    """3 good pages, an image, a page with a bad digest, junk, and a truncated record."""
    good = [warc_record(f"https://news{i}.example.org/story-{i}", p) for i, p in enumerate(pages)]
    png = b"\x89PNG\r\n\x1a\n" * 40
    image = warc_record("https://news0.example.org/logo.png", png, "image/png")
    corrupt = with_bad_digest(warc_record("https://news9.example.org/broken", pages[0]))
    truncated = warc_record("https://news9.example.org/cut", pages[1])[:-500]
    junk = b"this is not a WARC record\r\n\r\n"
    return [good[0], image, corrupt, good[1], junk, good[2], truncated]


def reasons(inputs: list[InputFile]) -> Counter[str]:
    return Counter(r.reason for item in inputs for r in item.rejections)


@pytest.mark.parametrize("compress", [False, True], ids=["warc", "warc.gz"])
def test_good_records_are_read_and_bad_ones_counted(
    tmp_path: Path, real_pages: list[bytes], compress: bool
) -> None:
    name = "crawl.warc.gz" if compress else "crawl.warc"
    path = write_warc(tmp_path / name, mixed_records(real_pages), compress)

    inputs = read_all(path)

    articles = [a for item in inputs for a in item.articles]
    assert [a.url for a in articles] == [f"https://news{i}.example.org/story-{i}" for i in range(3)]
    assert [a.source for a in articles] == [f"news{i}.example.org" for i in range(3)]
    assert all(a.format == "html" and len(a.text) > 500 for a in articles)
    assert all(len(item.articles) + len(item.rejections) == 1 for item in inputs)
    assert reasons(inputs) == {NOT_HTML: 1, CORRUPT_RECORD: 3}
    assert all(r.origin.startswith(f"{path}@") for item in inputs for r in item.rejections)


def test_crawl_date_is_the_fallback_publication_date(tmp_path: Path) -> None:
    record = warc_record("https://a.example.org/x", UNDATED_PAGE.encode())
    path = write_warc(tmp_path / "one.warc", [record], False)

    (article,) = [a for item in read_all(path) for a in item.articles]

    assert article.published == datetime(2024, 3, 5, 10, 0, tzinfo=UTC)
    assert article.title == "Harbour bridge reopens"


def test_cli_ingests_archive_once(tmp_path: Path, real_pages: list[bytes], db_url: str) -> None:
    path = write_warc(tmp_path / "crawl.warc.gz", mixed_records(real_pages), True)

    first = run_eventwire(db_url, "--quiet", "ingest", str(path))
    again = run_eventwire(db_url, "--quiet", "ingest", str(path))
    run_eventwire(db_url, "--quiet", "process")
    stories = run_eventwire(db_url, "stories", "--json").json()["items"]

    assert first.code == 1  # some records were rejected, and each is named
    assert first.stderr.count(f"{path}@") == 4
    assert "block digest does not match" in first.stderr
    assert again.code == 1
    urls = sorted(a["url"] for story in stories for a in story["articles"])
    assert urls == [f"https://news{i}.example.org/story-{i}" for i in range(3)]


def test_missing_gzip_member_data_does_not_lose_later_records(
    tmp_path: Path, real_pages: list[bytes]
) -> None:
    damaged = bytearray(gzip.compress(warc_record("https://b.example.org/1", real_pages[0])))
    damaged[len(damaged) // 2] ^= 0xFF
    records = [
        gzip.compress(warc_record("https://b.example.org/0", real_pages[1])),
        bytes(damaged),
        gzip.compress(warc_record("https://b.example.org/2", real_pages[2])),
    ]
    path = tmp_path / "damaged.warc.gz"
    path.write_bytes(b"".join(records))

    inputs = read_all(path)

    urls = [a.url for item in inputs for a in item.articles]
    assert urls == ["https://b.example.org/0", "https://b.example.org/2"]
    assert reasons(inputs) == {CORRUPT_RECORD: 1}


def without_digests(record: bytes) -> bytes:
    """The record with its (optional) WARC digest headers removed."""
    head, sep, rest = record.partition(b"\r\n\r\n")
    lines = [line for line in head.split(b"\r\n") if not line.startswith(b"WARC-Block-Digest")]
    lines = [line for line in lines if not line.startswith(b"WARC-Payload-Digest")]
    return b"\r\n".join(lines) + sep + rest


def test_record_without_a_digest_is_read(tmp_path: Path) -> None:
    record = without_digests(warc_record("https://c.example.org/x", UNDATED_PAGE.encode()))
    assert b"WARC-Block-Digest" not in record
    path = write_warc(tmp_path / "nodigest.warc", [record], False)

    inputs = read_all(path)

    assert [a.url for item in inputs for a in item.articles] == ["https://c.example.org/x"]
    assert reasons(inputs) == {}


def test_damage_right_after_a_non_html_record_is_counted(
    tmp_path: Path, real_pages: list[bytes]
) -> None:
    truncated = gzip.compress(warc_record("https://d.example.org/1", real_pages[0]))[:60]
    records = [
        gzip.compress(warc_record("https://d.example.org/0", real_pages[1])),
        gzip.compress(warc_record("https://d.example.org/a.pdf", b"%PDF-1.4", "application/pdf")),
        truncated,
        gzip.compress(warc_record("https://d.example.org/2", real_pages[2])),
    ]
    path = tmp_path / "mixed-damage.warc.gz"
    path.write_bytes(b"".join(records))

    inputs = read_all(path)

    urls = [a.url for item in inputs for a in item.articles]
    assert urls == ["https://d.example.org/0", "https://d.example.org/2"]
    assert reasons(inputs) == {NOT_HTML: 1, CORRUPT_RECORD: 1}


@pytest.mark.parametrize("compress", [False, True], ids=["warc", "warc.gz"])
def test_a_truncated_record_is_reported_as_truncated(tmp_path: Path, compress: bool) -> None:
    whole = warc_record("https://e.example.org/whole", UNDATED_PAGE.encode())
    cut = warc_record("https://e.example.org/cut", UNDATED_PAGE.encode())
    damaged = with_bad_digest(warc_record("https://e.example.org/bad", UNDATED_PAGE.encode()))
    records = [whole, damaged, gzip.compress(cut)[:-60] if compress else cut[:-300]]
    data = b"".join(gzip.compress(r) for r in records[:2]) if compress else b"".join(records[:2])
    path = tmp_path / ("cut.warc.gz" if compress else "cut.warc")
    path.write_bytes(data + records[2])

    messages = [r.message for item in read_all(path) for r in item.rejections]

    assert messages[0] == "https://e.example.org/bad: block digest does not match the content"
    assert len(messages) == 2
    assert messages[1].startswith("https://e.example.org/cut: record truncated: ")
    assert messages[1].endswith(" bytes are in the file")
