"""Bad input never stops a batch: one clear rejection each, good files still come through."""

from __future__ import annotations

import gzip
import os
import random
import struct
import zlib
from pathlib import Path

import pytest

GOOD = "A good article about the regional election results, published this morning.\n"


def png_bytes() -> bytes:
    """A real 1x1 PNG image."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def noise_bytes() -> bytes:
    """Bytes with no structure (fixed seed): no text encoding fits them."""
    generator = random.Random(7)
    return bytes(generator.randrange(0x20, 0x100) for _ in range(400))


NO_TEXT_PAGE = (
    b"<!DOCTYPE html><html><body><script>var x = 1;</script><img src='a.png'></body></html>"
)

BAD_FILES: dict[str, tuple[bytes, str, str]] = {
    # name: (content, reason, words the message must contain)
    "image.png": (png_bytes(), "binary", "binary"),
    "photo.txt": (png_bytes(), "binary", "binary"),
    "archive.gz": (gzip.compress(b"\x00\x01\x02 not a page" * 50), "binary", "gzip"),
    "notes.gz": (gzip.compress(b"plain words, not a page"), "binary", "not an HTML page"),
    "controls.txt": (bytes(range(1, 9)) * 100, "binary", "control"),
    "empty.txt": (b"", "empty", "empty"),
    "blank.txt": (b" \n\t\r\n  \n", "empty", "empty"),
    "blank16.txt": ("  \n ".encode("utf-16"), "empty", "empty"),
    "broken.jsonl": (b'{"text": "unterminated\n', "malformed-json", "malformed JSON"),
    "broken.html.gz": (b"\x1f\x8b\x08\x00garbage", "unreadable", "gzip"),
    "undecodable.txt": (noise_bytes(), "encoding", "encoding"),
    "nothing.html": (NO_TEXT_PAGE, "no-text", "no main text"),
    "words.htm": (b"no markup here at all", "malformed-html", "HTML"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_each_bad_file_gives_one_rejection_and_the_batch_goes_on(
    tmp_path: Path, ingest, name: str
) -> None:
    content, reason, words = BAD_FILES[name]
    (tmp_path / "0-good.txt").write_bytes(GOOD.encode("utf-8"))
    (tmp_path / name).write_bytes(content)
    (tmp_path / "z-good.txt").write_bytes(GOOD.encode("cp1252"))
    good_before, bad, good_after = ingest(tmp_path)
    assert bad.origin == str(tmp_path / name) and bad.articles == ()
    (rejection,) = bad.rejections
    assert rejection.reason == reason
    assert words.lower() in rejection.message.lower()
    assert str(rejection) == f"{rejection.origin}: {rejection.message}"
    assert rejection.origin.startswith(str(tmp_path / name)) and "\n" not in str(rejection)
    assert [a.text for a in (*good_before.articles, *good_after.articles)] == [GOOD, GOOD]


def test_too_large_is_configurable(tmp_path: Path, ingest) -> None:
    (tmp_path / "big.txt").write_text("x" * 2000, encoding="utf-8")
    (tmp_path / "small.txt").write_text("small story", encoding="utf-8")
    big, small = ingest(tmp_path, max_file_bytes=1000)
    assert [r.reason for r in big.rejections] == ["too-large"]
    assert "2000 bytes" in big.rejections[0].message
    assert small.articles[0].text == "small story"
    (big_default, _) = ingest(tmp_path)
    assert big_default.articles[0].text == "x" * 2000


def test_gzip_bomb_is_too_large(tmp_path: Path, ingest) -> None:
    (tmp_path / "bomb.html.gz").write_bytes(gzip.compress(b"<html>" + b" " * 5000))
    (bomb,) = ingest(tmp_path, max_file_bytes=1000)
    assert [r.reason for r in bomb.rejections] == ["too-large"]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read anything")
def test_unreadable_file(tmp_path: Path, ingest) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("secret", encoding="utf-8")
    path.chmod(0)
    (read,) = ingest(path)
    assert [r.reason for r in read.rejections] == ["unreadable"]


def test_rejections_serialise(tmp_path: Path, ingest) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (read,) = ingest(tmp_path)
    assert read.as_dict()["rejections"] == [
        {
            "origin": str(tmp_path / "empty.txt"),
            "reason": "empty",
            "message": "empty file (nothing but white space)",
        }
    ]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_special_file_is_unreadable_and_does_not_block(tmp_path: Path, ingest) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    (tmp_path / "story.txt").write_text(GOOD, encoding="utf-8")
    (read,) = ingest(pipe)
    assert [(r.reason, r.message) for r in read.rejections] == [
        ("unreadable", "not a regular file")
    ]
    assert [f.origin for f in ingest(tmp_path)] == [str(tmp_path / "story.txt")]
