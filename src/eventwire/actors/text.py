"""Normalised keys for comparing surface forms of names."""

from __future__ import annotations

import re
import unicodedata

LEADING_ARTICLE = re.compile(r"^(?:the)\s+", re.IGNORECASE)
POSSESSIVE = re.compile(r"['’]s$|['’]$")
NON_WORD = re.compile(r"[^\w.+&\- ]+")
SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Lowercase ASCII-folded text (diacritics dropped, typographic quotes made plain)."""
    text = text.replace("’", "'").replace("‘", "'")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def surface_key(text: str) -> str:
    """Key of a place or organisation surface: no leading "the", no possessive, folded."""
    text = LEADING_ARTICLE.sub("", text.strip())
    text = POSSESSIVE.sub("", text)
    text = NON_WORD.sub(" ", fold(text))
    return SPACES.sub(" ", text).strip()


def dotless(key: str) -> str:
    """The key without dots ("u.s." -> "us")."""
    return key.replace(".", "")
