"""Bytes to text: BOM, declared charset, UTF-8, then charset detection."""

from __future__ import annotations

import codecs
import gzip
import io
import re
import zlib

from charset_normalizer import from_bytes

from eventwire.ingest.errors import (
    BINARY,
    EMPTY,
    ENCODING,
    TOO_LARGE,
    UNREADABLE,
    IngestProblem,
)

SNIFF_BYTES = 8192
GZIP_MAGIC = b"\x1f\x8b"
# Byte-order marks, longest first (UTF-32 LE starts with the UTF-16 LE mark).
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# <meta charset=...>, <meta http-equiv content="...; charset=...">, <?xml encoding=...?>
DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)"""
    rb"""|<\?xml[^>]{0,200}?encoding\s*=\s*["']([a-zA-Z0-9_.:-]+)""",
    re.IGNORECASE,
)
# Labels that browsers (WHATWG Encoding) read as windows-1252.
WINDOWS_1252_LABELS = frozenset(
    {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "us-ascii", "ascii"}
)
# Control characters other than tab, newlines, vertical tab, form feed and carriage return.
CONTROL_TEXT = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
CONTROL_BYTES = re.compile(b"[\x00-\x08\x0e-\x1f\x7f]")


def control_share(sample: bytes | str) -> float:
    """Share of control characters (other than tab, newlines, form feed) in ``sample``."""
    if not sample:
        return 0.0
    pattern = CONTROL_BYTES if isinstance(sample, bytes) else CONTROL_TEXT
    return len(pattern.findall(sample)) / len(sample)


def find_bom(data: bytes) -> str | None:
    """The codec named by ``data``'s byte-order mark, if it has one."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            return codec
    return None


def check_not_binary(data: bytes, max_control_share: float) -> None:
    """Raise ``binary`` when ``data`` (without a BOM) holds NUL bytes or many control bytes."""
    sample = data[:SNIFF_BYTES]
    if b"\x00" in sample:
        raise IngestProblem(BINARY, "binary data (NUL bytes), not text")
    share = control_share(sample)
    if share > max_control_share:
        raise IngestProblem(BINARY, f"binary data ({share:.0%} control bytes), not text")


def find_declared_charset(data: bytes) -> str | None:
    """The codec an HTML meta charset or XML declaration names, when Python knows it."""
    match = DECLARED_CHARSET.search(data[:SNIFF_BYTES])
    if match is None:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii").lower()
    if label in WINDOWS_1252_LABELS:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_bytes(data: bytes, max_control_share: float = 0.05) -> str:
    """Decode ``data`` to text, raising an IngestProblem (binary, empty, encoding) if it is not.

    Tries the BOM, the declared charset, UTF-8, then charset-normalizer's detection.
    """
    bom_codec = find_bom(data)
    if bom_codec is None:
        check_not_binary(data, max_control_share)
    text = decode_with_bom(data, bom_codec) if bom_codec else decode_without_bom(data)
    if text is None or control_share(text[:SNIFF_BYTES]) > max_control_share:
        raise IngestProblem(ENCODING, "undecodable bytes: no known text encoding fits")
    if not text.strip():
        raise IngestProblem(EMPTY, "empty file (nothing but white space)")
    return text


def decode_with_bom(data: bytes, codec: str) -> str | None:
    """Decode with the BOM's codec (which removes the BOM)."""
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def decode_without_bom(data: bytes) -> str | None:
    """Decode with the declared charset, else UTF-8, else the detected charset."""
    declared = find_declared_charset(data)
    utf8 = try_decode(data, "utf-8")
    # A page that is valid UTF-8 is UTF-8 even when it claims a legacy single-byte charset.
    if declared and not (utf8 is not None and declared == "cp1252"):
        text = try_decode(data, declared)
        if text is not None:
            return text
    if utf8 is not None:
        return utf8
    best = from_bytes(data).best()
    return None if best is None else str(best)


def try_decode(data: bytes, codec: str) -> str | None:
    """``data`` decoded strictly with ``codec``, or None when it does not fit."""
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def inflate_gzip(data: bytes, max_bytes: int) -> bytes:
    """The content of gzip ``data``, raising ``unreadable`` or ``too-large`` when it cannot be."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            content = stream.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as error:
        raise IngestProblem(UNREADABLE, f"not valid gzip data ({error})") from None
    if len(content) > max_bytes:
        raise IngestProblem(TOO_LARGE, f"inflates to more than {max_bytes} bytes")
    return content


def is_gzip(data: bytes) -> bool:
    """Whether ``data`` starts with the gzip magic number."""
    return data.startswith(GZIP_MAGIC)
