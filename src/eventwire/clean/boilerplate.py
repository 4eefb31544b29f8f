"""Drop boilerplate lines: notices, link lists, credits and footers (rule ``boilerplate``).

Patterns come from ``boilerplate.txt`` (grouped by kind); a few shape heuristics catch
lines no pattern lists: bare links, symbol rows and rows of share buttons.
"""

from __future__ import annotations

import unicodedata

from eventwire.clean.datafiles import load_patterns
from eventwire.clean.items import Item
from eventwire.clean.patterns import HANDLE_OR_TAG, LETTER_OR_DIGIT, SHARE_WORDS, URL_LIKE
from eventwire.clean.settings import CleanSettings
from eventwire.model import CleaningNote
from eventwire.textnorm import PUNCTUATION_FOLDS

BOILERPLATE_FILE = "boilerplate.txt"


def drop_boilerplate(
    items: list[Item], settings: CleanSettings
) -> tuple[list[Item], list[CleaningNote]]:
    """Drop every line that matches a boilerplate pattern or heuristic."""
    kept, notes = [], []
    for item in items:
        reason = find_boilerplate_reason(item.text, settings)
        if reason:
            notes.append(item.note("boilerplate", reason))
        else:
            kept.append(item)
    return kept, notes


def find_boilerplate_reason(text: str, settings: CleanSettings) -> str | None:
    """Why ``text`` is boilerplate ('kind: pattern'), or None when it is not."""
    folded = unicodedata.normalize("NFKC", text).translate(PUNCTUATION_FOLDS).strip()
    if len(folded.split()) > settings.max_boilerplate_words:
        return None
    for pattern in load_patterns(BOILERPLATE_FILE):
        if not pattern.anchored and '"' in folded:
            continue
        if pattern.regex.search(folded):
            return f"{pattern.kind}: matches /{pattern.regex.pattern}/"
    return find_shape_reason(folded)


def find_shape_reason(folded: str) -> str | None:
    """Heuristics on the line's shape rather than its words."""
    if not LETTER_OR_DIGIT.search(folded):
        return "separator: no letters or digits"
    words = folded.split()
    if all(URL_LIKE.fullmatch(w) or HANDLE_OR_TAG.fullmatch(w) for w in words):
        return "link: only web addresses, handles or hashtags"
    if all(w.strip(":|•·,").casefold() in SHARE_WORDS for w in words):
        return "share: only share-button words"
    return None
