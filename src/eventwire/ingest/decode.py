"""Bytes to text: BOM, declared charset, UTF-8, then detection checked for plausible letters.

Every decoding says which codec it used (``Decoded.encoding``), so that the stored text can
be turned back into the input's bytes (``encode_raw``) and a wrong guess re-read.
"""

from __future__ import annotations

import codecs
import gzip
import io
import re
import zlib
from typing import NamedTuple

from charset_normalizer import from_bytes

from eventwire.ingest.errors import (
    BINARY,
    EMPTY,
    ENCODING,
    TOO_LARGE,
    UNREADABLE,
    IngestProblem,
)
from eventwire.ingest.plausible import is_other_script, most_plausible

SNIFF_BYTES = 8192
GZIP_MAGIC = b"\x1f\x8b"
# Byte-order marks, longest first (UTF-32 LE starts with the UTF-16 LE mark), and the codec
# of what follows. "+bom": the text was preceded by this BOM (see ``encode_raw``).
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
BOM_SUFFIX = "+bom"
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


class Decoded(NamedTuple):
    """Decoded text and the codec that gives its bytes back: ``encode_raw(text, encoding)``."""

    text: str
    encoding: str


def find_bom(data: bytes) -> str | None:
    """The codec named by ``data``'s byte-order mark, if it has one."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            return codec
    return None


def encode_raw(text: str, encoding: str) -> bytes:
    """The bytes ``text`` was decoded from (``encoding`` as recorded by ``decode_text``)."""
    if encoding.endswith(BOM_SUFFIX):
        codec = encoding.removesuffix(BOM_SUFFIX)
        bom = next(bom for bom, name in BOMS if name == codec)
        return bom + text.encode(codec)
    return text.encode(encoding)


def without_bom(encoding: str) -> str:
    """The codec of ``encoding`` for a part of the file (a line) that holds no BOM."""
    return encoding.removesuffix(BOM_SUFFIX)


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
    """``data`` decoded to text (see ``decode_text``)."""
    return decode_text(data, max_control_share).text


def decode_text(data: bytes, max_control_share: float = 0.05) -> Decoded:
    """Decode ``data``, raising an IngestProblem (binary, empty, encoding) if it is not text.

    Tries the BOM, the declared charset, UTF-8, then detection: charset-normalizer's guess
    competes with the Latin code pages on the plausibility of the letters each gives
    (``eventwire.ingest.plausible``).
    """
    bom_codec = find_bom(data)
    if bom_codec is None:
        check_not_binary(data, max_control_share)
    decoded = decode_with_bom(data, bom_codec) if bom_codec else decode_without_bom(data)
    if decoded is None or control_share(decoded.text[:SNIFF_BYTES]) > max_control_share:
        raise IngestProblem(ENCODING, "undecodable bytes: no known text encoding fits")
    if not decoded.text.strip():
        raise IngestProblem(EMPTY, "empty file (nothing but white space)")
    return decoded


def decode_with_bom(data: bytes, codec: str) -> Decoded | None:
    """Decode what follows the BOM with the BOM's codec."""
    bom = next(bom for bom, name in BOMS if name == codec)
    text = try_decode(data[len(bom) :], codec)
    return None if text is None else Decoded(text, codec + BOM_SUFFIX)


def decode_without_bom(data: bytes) -> Decoded | None:
    """Decode with the declared charset, else UTF-8, else the most plausible detected one."""
    declared = find_declared_charset(data)
    utf8 = try_decode(data, "utf-8")
    # A page that is valid UTF-8 is UTF-8 even when it claims a legacy single-byte charset.
    if declared and not (utf8 is not None and declared == "cp1252"):
        text = try_decode(data, declared)
        if text is not None:
            return Decoded(text, declared)
    if utf8 is not None:
        return Decoded(utf8, "utf-8")
    return decode_detected(data)


def decode_detected(data: bytes) -> Decoded | None:
    """Undeclared non-UTF-8 bytes: the detector's guess, unless a Latin code page reads as
    more plausible text (the detector cannot tell "Genève" from "Genčve")."""
    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        return None  # no encoding gives sensible text: noise, not a text file
    guess = codecs.lookup(best.encoding).name
    other = other_script_decoding(data, [match.encoding for match in matches])
    if other is not None:
        return other
    found = most_plausible(data, guess)
    return None if found is None else Decoded(*found)


def other_script_decoding(data: bytes, guesses: list[str]) -> Decoded | None:
    """The detector's reading of ``data`` as text mostly in another script (Cyrillic, Greek,
    CJK, ...), when its best guess is one; None when it is Latin text.

    A guess that reads only a few letters as another script ("ympäristö" as two CJK
    characters, "Genève" as BOM-less UTF-16) is left to compete with the Latin code pages.
    Among the guesses that read the same script, the first that gives the same bytes back
    wins (a few CJK codecs map two byte pairs to one character); else the best one.
    """
    readings = []
    for label in guesses:
        codec = codecs.lookup(label).name
        text = try_decode(data, codec)
        if text is not None and not is_utf_16_32(codec) and is_other_script(text):
            readings.append(Decoded(text, codec))
        elif not readings:
            return None  # the best guess reads Latin text
    exact = (r for r in readings if r.text.encode(r.encoding) == data)
    return next(exact, readings[0] if readings else None)


def is_utf_16_32(codec: str) -> bool:
    """Whether ``codec`` is a UTF-16 or UTF-32 codec."""
    return codec.startswith(("utf-16", "utf-32", "utf_16", "utf_32"))


def try_decode(data: bytes, codec: str) -> str | None:
    """``data`` decoded strictly with ``codec``, or None when it does not fit."""
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def codec_name(label: str) -> str | None:
    """Python's name for the codec ``label`` names, or None when Python does not know it."""
    try:
        return codecs.lookup(label).name
    except LookupError:
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
