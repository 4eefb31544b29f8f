"""Text normalisation for comparison (never for display).

Scraped copies of the same sentence differ in quotes (’ vs '), dashes, non-breaking spaces,
ligatures and spacing. ``normalize_for_comparison`` maps them to one form so that the cleaner
(repeated lines) and the deduplicator (same text) compare like with like, while the display
text keeps its original characters.
"""

from __future__ import annotations

import re
import unicodedata

# Characters NFKC leaves alone but that scrapes use interchangeably.
PUNCTUATION_FOLDS = str.maketrans(
    {
        "\u2018": "'",  # left single quote
        "\u2019": "'",  # right single quote / apostrophe
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",  # prime
        "\u00b4": "'",  # acute accent used as apostrophe
        "\u0060": "'",  # grave accent used as apostrophe
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",  # hyphen
        "\u2011": "-",  # non-breaking hyphen
        "\u2012": "-",  # figure dash
        "\u2013": "-",  # en dash
        "\u2014": "-",  # em dash
        "\u2015": "-",  # horizontal bar
        "\u2212": "-",  # minus sign
        "\u00ad": None,  # soft hyphen
        "\u200b": None,  # zero-width space
        "\u200c": None,
        "\u200d": None,
        "\ufeff": None,  # BOM / zero-width no-break space
    }
)
WHITESPACE_RUN = re.compile(r"\s+")
WORD = re.compile(r"\w+(?:['.-]\w+)*")


def normalize_for_comparison(text: str) -> str:
    """Fold case, Unicode compatibility forms, quotes, dashes and whitespace."""
    text = unicodedata.normalize("NFKC", text).translate(PUNCTUATION_FOLDS)
    return WHITESPACE_RUN.sub(" ", text).strip().casefold()


def comparison_words(text: str) -> list[str]:
    """Words of the normalised text, punctuation dropped (for containment and shingles)."""
    return WORD.findall(normalize_for_comparison(text))


# --- aliases (shared by the actors stage and the store's actor lookup) ---------------

LEADING_ARTICLE = re.compile(r"^(?:the)\s+", re.IGNORECASE)
POSSESSIVE = re.compile(r"['’]s$|['’]$")


def alias_form(surface: str) -> str:
    """How a surface is listed among an actor's aliases: spaces collapsed, no leading "the",
    no possessive ("the Chilean Foreign Ministry's" -> "Chilean Foreign Ministry")."""
    text = LEADING_ARTICLE.sub("", " ".join(surface.split()))
    return POSSESSIVE.sub("", text).strip() or " ".join(surface.split())
