"""Person-name keys that survive transliteration and particle variants, and name matching.

"Khalid Almansouri", "Khalid al-Mansouri" and "Khalid bin Saeed Al Mansouri" all give the
key ("khalid", "mansouri"): particles (al-, el-, ...) are dropped, patronymics ("bin Hamad") are
skipped, and a particle glued to a surname ("Almansouri") is also tried without it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from rapidfuzz import fuzz

from eventwire.actors.datafiles import read_data
from eventwire.actors.text import fold

# Articles and particles that are not part of the name's identity.
PARTICLES = frozenset(
    {"al", "el", "al.", "da", "de", "del", "der", "di", "du", "la", "le", "van", "von"}
)
# "son/daughter of": the word after them is a patronymic, skipped when more name follows.
PATRONYMIC_MARKERS = frozenset({"bin", "ibn", "bint", "ben", "binti"})
# Prefixes sometimes written glued to the surname ("Almansouri").
GLUED_PARTICLES = ("al", "el")
MIN_GLUED_REST = 4  # "Alberto" stays itself as well; the variant without "al" needs 4+ letters
GIVEN_NAME_SLACK = 5.0  # given names are short: one letter changed costs more of the ratio
HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sir", "sheikh", "shaikh", "prof", "sayyid"})
# Generational suffixes. "Jr."/"Sr." tell a son from his father (both are in the news), so
# they are part of the identity; ordinals ("II", "III") are left out of first references.
FAMILY_SUFFIXES = frozenset({"jr", "sr"})
ORDINAL_SUFFIXES = frozenset({"ii", "iii", "iv"})
POSSESSIVE_END = re.compile(r"'s?$")
PLACE_OF = "of"
NOT_NAMES_FILE = "not_names.yaml"
NAME_KEY_CACHE = 65536  # names repeat across stories: keys are computed once
NAME_SPLIT = re.compile(r"[\s\-‐‑]+")
NON_LETTER = re.compile(r"[^a-z']")


@dataclass(frozen=True)
class NameKey:
    """Normalised given name(s) and surname forms of a person's name."""

    given: tuple[str, ...]  # given names, in order (empty for surname-only mentions)
    surnames: frozenset[str]  # the surname, plus its form without a glued particle
    suffix: str = ""  # "jr" or "sr" when the name carries one

    @property
    def full(self) -> bool:
        """True when the mention has a given name, not a surname alone."""
        return bool(self.given)

    @property
    def text(self) -> str:
        """A readable key ("amal haddad")."""
        suffix = [self.suffix] if self.suffix else []
        return " ".join([*self.given[:1], min(self.surnames, key=len), *suffix])


@cache
def not_names() -> frozenset[str]:
    """Function words that never begin a name (data/not_names.yaml)."""
    return frozenset(str(word).lower() for word in read_data(NOT_NAMES_FILE))


@lru_cache(maxsize=NAME_KEY_CACHE)
def name_key(name: str) -> NameKey | None:
    """The key of a person's name, or None when no name word is left."""
    words = [NON_LETTER.sub("", w) for w in NAME_SPLIT.split(fold(name))]
    words = [POSSESSIVE_END.sub("", w).strip("'") for w in words]
    words = [w for w in words if w and w not in HONORIFICS and w not in ORDINAL_SUFFIXES]
    while len(words) > 1 and words[0] in not_names():  # "Anything Obama did", "When Roe ..."
        words = words[1:]
    if PLACE_OF in words[1:]:  # "Ana Roe of Lima", "King Felipe of Spain": the name ends there
        words = words[: words.index(PLACE_OF, 1)]
    suffix = words.pop() if len(words) > 1 and words[-1] in FAMILY_SUFFIXES else ""
    words = _drop_patronymics(words)
    words = [w for w in words if w not in PARTICLES]
    if not words:
        return None
    surname = words[-1]
    return NameKey(tuple(words[:-1]), frozenset(_surname_forms(surname)), suffix)


def _drop_patronymics(words: list[str]) -> list[str]:
    kept: list[str] = []
    skip = False
    for index, word in enumerate(words):
        if skip:
            skip = False
            continue
        if word in PATRONYMIC_MARKERS and index + 2 < len(words):
            skip = True
            continue
        kept.append(word)
    return kept


def _surname_forms(surname: str) -> set[str]:
    forms = {surname}
    for particle in GLUED_PARTICLES:
        rest = surname[len(particle) :]
        if surname.startswith(particle) and len(rest) >= MIN_GLUED_REST:
            forms.add(rest)
    return forms


def surnames_match(a: NameKey, b: NameKey, threshold: float) -> bool:
    """Same surname: a shared form, or one fuzzy ratio at or above ``threshold`` (0-100)."""
    if a.surnames & b.surnames:
        return True
    return any(fuzz.ratio(x, y) >= threshold for x in a.surnames for y in b.surnames)


def given_match(a: NameKey, b: NameKey, threshold: float) -> bool:
    """Compatible given names: first given names equal, fuzzy-equal or an initial of it."""
    if not a.given or not b.given:
        return True
    first_a, first_b = a.given[0], b.given[0]
    if len(first_a) == 1 or len(first_b) == 1:
        return first_a[0] == first_b[0]
    return fuzz.ratio(first_a, first_b) >= threshold - GIVEN_NAME_SLACK


def names_match(a: NameKey, b: NameKey, threshold: float) -> bool:
    """True when two full or partial names can be the same person.

    Full names must agree on "Jr."/"Sr." ("Ann Lee Jr." is not "Ann Lee"); a bare surname
    may be either.
    """
    suffixes_ok = a.suffix == b.suffix or not a.full or not b.full
    return suffixes_ok and surnames_match(a, b, threshold) and given_match(a, b, threshold)
