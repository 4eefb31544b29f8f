"""Text normalisation: control characters out of stored text; one form for comparison.

``strip_control_characters`` is the one place where text read from an input loses terminal
escape sequences and control characters before it is stored.

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
ASCII_FOLDED = tuple(chr(c) for c in PUNCTUATION_FOLDS if c < 128)  # e.g. the backtick
WHITESPACE_RUN = re.compile(r"\s+")
# A word (letters, inner apostrophes/hyphens/dots) or a number ("160", "3.5", "1,200").
TOKEN = re.compile(r"[^\W\d_](?:[\w]|['.-](?=\w))*|\d(?:[\d,.](?=\d)|\d)*")
# A title is "title case" when at least this share of its longer words is capitalised.
TITLE_CASE_SHARE = 0.6
TITLE_CASE_MIN_LENGTH = 4
# Terminal escape sequences, whole: CSI (ESC [ ... final byte, or its one-byte form U+009B);
# OSC/DCS/SOS/PM/APC strings (ESC ] ... up to BEL or ST, only when terminated within 512
# characters, so that a stray introducer never takes the text after it); other ESC sequences
# (ESC, intermediate bytes, final byte).
ESCAPE_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]{0,512}(?:\x07|\x1b\\|\x9c)"
    r"|\x1b[\x20-\x2f]*[\x30-\x7e]?"
)
# C0 controls but tab and line feed, DEL, and C1 controls.
CONTROL_CHARACTER = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
LINE_BREAK = re.compile("\r\n?|[\x0b\x0c\x85]")
SINGLE_LINE_SPACE = re.compile("[\t\n]+")
WORD = re.compile(r"\w+(?:['.-]\w+)*")


def normalize_for_comparison(text: str) -> str:
    """Fold case, Unicode compatibility forms, quotes, dashes and whitespace."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text).translate(PUNCTUATION_FOLDS)
    elif any(c in text for c in ASCII_FOLDED):  # NFKC leaves ASCII as it is
        text = text.translate(PUNCTUATION_FOLDS)
    return WHITESPACE_RUN.sub(" ", text).strip().casefold()


def comparison_words(text: str) -> list[str]:
    """Words of the normalised text, punctuation dropped (for containment and shingles)."""
    return WORD.findall(normalize_for_comparison(text))


# How names are listed among an actor's aliases (the actors stage and the store both need it).
LEADING_ARTICLE = re.compile(r"^(?:the)\s+", re.IGNORECASE)
POSSESSIVE = re.compile(r"['’]s$|['’]$")


def alias_form(surface: str) -> str:
    """How a surface is listed among an actor's aliases: spaces collapsed, no leading "the",
    no possessive ("the Chilean Foreign Ministry's" -> "Chilean Foreign Ministry")."""
    text = LEADING_ARTICLE.sub("", " ".join(surface.split()))
    return POSSESSIVE.sub("", text).strip() or " ".join(surface.split())


def strip_control_characters(text: str, single_line: bool = False) -> str:
    """``text`` without terminal escape sequences and control characters (tab and line feed
    kept; CR, CRLF and other line breaks become line feeds).

    Args:
        text: Text read from an input (a body, title, outlet name, URL or file name).
        single_line: For one-line values (titles, names, URLs): tabs and line breaks become
            single spaces.
    """
    text = LINE_BREAK.sub("\n", text)
    text = CONTROL_CHARACTER.sub("", ESCAPE_SEQUENCE.sub("", text))
    return SINGLE_LINE_SPACE.sub(" ", text) if single_line else text


def is_title_case(title: str, share: float = TITLE_CASE_SHARE) -> bool:
    """Whether at least ``share`` of the longer words of ``title`` are capitalised (a
    headline style, "Rebels Seize Northern Town"; also ALL CAPS), rather than a sentence."""
    longer = [t for t in TOKEN.findall(title) if len(t) >= TITLE_CASE_MIN_LENGTH]
    if len(longer) < 2:
        return False
    return sum(t[0].isupper() for t in longer) / len(longer) >= share
