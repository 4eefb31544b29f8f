"""Which decoding of undeclared single-byte text reads as real text in some language.

Bytes with no byte-order mark, no declared charset and not valid UTF-8 are usually in one of
the legacy single-byte code pages, which map the same byte to different letters: 0xE8 is
"è" in windows-1252 and "č" in windows-1250. Statistical detection on its own picks the wrong
one on short or mixed texts ("Genève" read as "Genčve"). Here each candidate decoding is
scored by whether its letters are plausible together:

- a letter that some language's alphabet (data/alphabets.txt) uses counts for it, and
  more when the one language that explains most of the text's letters uses it too (a text
  is written in one language, and may quote a second);
- a letter no listed alphabet uses counts against it;
- a symbol inside a word ("Rz¹d", "žlu»ou") and a control character (a C1 byte read as
  ISO-8859) count strongly against it.

Ties go to the earlier candidate: windows-1252 first, the most common undeclared encoding.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ALPHABETS_FILE = Path(__file__).parent / "data" / "alphabets.txt"
# Single-byte code pages for Latin-script text, most common first (the tie-break order).
LATIN_CODECS = (
    "cp1252",
    "cp1250",
    "iso8859-2",
    "iso8859-15",
    "cp1257",
    "iso8859-13",
    "cp1254",
    "iso8859-16",
    "latin-1",
)
SAMPLE_CHARS = 65536  # score the start of long texts only
NON_ASCII = re.compile(r"[^\x00-\x7f]")
SECOND_LANGUAGE_WEIGHT = 0.5  # a letter explained only by a quoted second language
UNKNOWN_LETTER_PENALTY = 2.0
ODD_CHARACTER_PENALTY = 4.0


@dataclass(frozen=True)
class LetterCounts:
    """What a decoding's non-ASCII characters look like."""

    letters: Counter[str]  # lower-cased non-ASCII letters
    odd: int  # control characters, and symbols between two letters


@functools.cache
def load_alphabets() -> tuple[frozenset[str], ...]:
    """The alphabets of data/alphabets.txt (non-ASCII letters per language), read once."""
    alphabets = []
    for line in ALPHABETS_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            _, letters = line.split("\t")
            alphabets.append(frozenset(letters.strip()))
    return tuple(alphabets)


def count_letters(text: str) -> LetterCounts:
    """Non-ASCII letters and odd characters of ``text``'s first SAMPLE_CHARS characters."""
    sample = text[:SAMPLE_CHARS]
    letters: Counter[str] = Counter()
    odd = 0
    for match in NON_ASCII.finditer(sample):
        char, at = match.group(), match.start()
        if char.isalpha():
            letters[char.lower()] += 1
        elif unicodedata.category(char) == "Cc" or inside_word(sample, at):
            odd += 1
    return LetterCounts(letters, odd)


def inside_word(text: str, at: int) -> bool:
    """Whether the character at ``at`` sits between two letters."""
    return 0 < at < len(text) - 1 and text[at - 1].isalpha() and text[at + 1].isalpha()


def plausibility(text: str) -> float:
    """How plausible ``text``'s non-ASCII characters are as letters of real text."""
    counts = count_letters(text)
    alphabets = load_alphabets()
    known = frozenset().union(*alphabets)
    total = sum(counts.letters.values())
    unknown = sum(n for letter, n in counts.letters.items() if letter not in known)
    first = best_alphabet(counts.letters, alphabets)
    rest = Counter({k: n for k, n in counts.letters.items() if k not in first})
    second = best_alphabet(rest, alphabets)
    in_first = sum(n for letter, n in counts.letters.items() if letter in first)
    in_second = sum(n for letter, n in rest.items() if letter in second)
    return (
        total
        - unknown
        + in_first
        + SECOND_LANGUAGE_WEIGHT * in_second
        - UNKNOWN_LETTER_PENALTY * unknown
        - ODD_CHARACTER_PENALTY * counts.odd
    )


def best_alphabet(letters: Counter[str], alphabets: tuple[frozenset[str], ...]) -> frozenset[str]:
    """The alphabet holding most of ``letters`` (counted with repeats); the first on ties."""
    if not letters:
        return frozenset()
    return max(alphabets, key=lambda alphabet: sum(letters[c] for c in alphabet if c in letters))


def is_latin_text(text: str) -> bool:
    """Whether most non-ASCII letters of ``text`` are Latin-script (or it has none)."""
    letters = [c for c in NON_ASCII.findall(text[:SAMPLE_CHARS]) if c.isalpha()]
    latin = sum(unicodedata.name(c, "").startswith("LATIN") for c in letters)
    return latin * 2 >= len(letters)


def most_plausible(data: bytes, first_guess: str | None = None) -> tuple[str, str] | None:
    """(text, codec) of the most plausible Latin decoding of ``data``, or None.

    Args:
        data: Bytes that are neither declared nor valid UTF-8.
        first_guess: A detector's codec; it competes with the Latin code pages.
    """
    codecs = (*LATIN_CODECS, first_guess) if first_guess else LATIN_CODECS
    best: tuple[float, str, str] | None = None
    for codec in dict.fromkeys(codecs):
        try:
            text = data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        score = plausibility(text)
        if best is None or score > best[0]:
            best = (score, text, codec)
    return None if best is None else (best[1], best[2])
