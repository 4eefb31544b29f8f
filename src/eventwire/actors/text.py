"""Normalised keys for comparing surface forms of names."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Defined in textnorm, which the store shares (the store imports no stage); re-exported here.
from eventwire.textnorm import LEADING_ARTICLE, POSSESSIVE, alias_form  # noqa: F401

NON_WORD = re.compile(r"[^\w.+&\- ]+")
SPACES = re.compile(r"\s+")
SURFACE_KEY_CACHE = 65536  # surfaces repeat across mentions and stories: keyed once
# A name written as an acronym ("D.N.C.", "DNC"): one key with or without its dots.
ACRONYM = re.compile(r"(?:[A-Z]\.?){2,6}")


def fold(text: str) -> str:
    """Lowercase ASCII-folded text (diacritics dropped, typographic quotes made plain)."""
    text = text.replace("’", "'").replace("‘", "'")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


@lru_cache(maxsize=SURFACE_KEY_CACHE)
def surface_key(text: str) -> str:
    """Key of a place or organisation surface: no leading "the", no possessive, folded."""
    text = LEADING_ARTICLE.sub("", text.strip())
    text = POSSESSIVE.sub("", text)
    text = NON_WORD.sub(" ", fold(text))
    return SPACES.sub(" ", text).strip()


def organisation_key(surface: str) -> str:
    """Key of an organisation's name; an acronym's without dots ("F.B.I." and "FBI": "fbi")."""
    key = surface_key(surface)
    return dotless(key) if ACRONYM.fullmatch(surface.strip()) else key


def dotless(key: str) -> str:
    """The key without dots ("u.s." -> "us")."""
    return key.replace(".", "")
