"""Which decoding of undeclared single-byte text reads as real text in some language.

Bytes with no byte-order mark, no declared charset and not valid UTF-8 are usually in one of
the legacy single-byte code pages, which map the same byte to different letters: 0xE8 is
"è" in windows-1252 and "č" in windows-1250. Statistical detection on its own picks the wrong
one on short or mixed texts ("Genève" read as "Genčve"). Here each candidate decoding is
scored by whether its letters are plausible together:

- a letter that some language's alphabet (data/alphabets.txt) uses counts for it, and
  more when the one language that explains most of the text's letters uses it too (a text
  is written in one language, and may quote a second, which counts half); a letter the
  language spells only in a few words (French "æ") counts little;
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
RARE_LETTER_WEIGHT = 0.3  # a letter the language spells only in a few words
UNKNOWN_LETTER_PENALTY = 2.0
ODD_CHARACTER_PENALTY = 4.0


@dataclass(frozen=True)
class LetterCounts:
    """What a decoding's non-ASCII characters look like."""

    letters: Counter[str]  # lower-cased non-ASCII letters
    odd: int  # control characters, and symbols between two letters


@dataclass(frozen=True)
class Alphabet:
    """One language's letters beyond ASCII."""

    name: str
    common: frozenset[str]
    rare: frozenset[str]

    def fit(self, letters: Counter[str]) -> float:
        """How well this language explains ``letters`` (a rare letter counts a little)."""
        return sum(n * self.weight(letter) for letter, n in letters.items())

    def weight(self, letter: str) -> float:
        """1 for a common letter of the language, RARE_LETTER_WEIGHT for a rare one, else 0."""
        if letter in self.common:
            return 1.0
        return RARE_LETTER_WEIGHT if letter in self.rare else 0.0


@functools.cache
def load_alphabets() -> tuple[Alphabet, ...]:
    """The alphabets of data/alphabets.txt, read once."""
    alphabets = []
    for line in ALPHABETS_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, common, *rare = line.split("\t")
            alphabets.append(Alphabet(name, frozenset(common), frozenset("".join(rare))))
    return tuple(alphabets)


@functools.cache
def known_letters() -> frozenset[str]:
    """Every letter some listed alphabet uses."""
    return frozenset().union(*(a.common | a.rare for a in load_alphabets()))


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
    known = known_letters()
    unknown = sum(n for letter, n in counts.letters.items() if letter not in known)
    first = best_alphabet(counts.letters)
    rest = Counter({k: n for k, n in counts.letters.items() if first.weight(k) < 1.0})
    second = best_alphabet(rest)
    return (
        sum(counts.letters.values())
        - unknown
        + first.fit(counts.letters)
        + SECOND_LANGUAGE_WEIGHT * second.fit(rest)
        - UNKNOWN_LETTER_PENALTY * unknown
        - ODD_CHARACTER_PENALTY * counts.odd
    )


def best_alphabet(letters: Counter[str]) -> Alphabet:
    """The alphabet that explains ``letters`` best (the first listed on ties)."""
    return max(load_alphabets(), key=lambda alphabet: alphabet.fit(letters))


def is_other_script(text: str) -> bool:
    """Whether most letters of ``text`` (ASCII ones included) are not Latin letters."""
    letters = [c for c in text[:SAMPLE_CHARS] if c.isalpha()]
    other = sum(not unicodedata.name(c, "LATIN").startswith("LATIN") for c in letters)
    return other * 2 > len(letters)


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
