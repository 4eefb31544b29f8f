"""Drop boilerplate lines: notices, link lists, credits and footers (rule ``boilerplate``).

Patterns come from ``boilerplate.txt`` (grouped by kind); a few shape heuristics catch
lines no pattern lists: symbol rows, rows of share buttons and bare links that are page
furniture (e-mail addresses, handles, social-network links, links to the article's own
site). A bare link to another site is kept: in a body it is a cited source or a listed
product. Below a
``related-links`` header ("Don't miss", "You may also like", ...), the run of headline-like
lines that follows (short, not ending like a sentence) is the list itself and goes too
(detail ``related-list``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from eventwire.clean.datafiles import Pattern, load_patterns
from eventwire.clean.items import Item
from eventwire.clean.patterns import (
    EMAIL,
    HANDLE_OR_TAG,
    LETTER_OR_DIGIT,
    LINK_HOST,
    SHARE_WORDS,
    SOCIAL_LINK,
    URL_LIKE,
)
from eventwire.clean.settings import CleanSettings
from eventwire.model import CleaningNote
from eventwire.textnorm import PUNCTUATION_FOLDS

BOILERPLATE_FILE = "boilerplate.txt"
RELATED_KIND = "related-links"
MAX_RELATED_LINES = 8  # a related list longer than this is not dropped past its 8th line
MAX_HEADLINE_WORDS = 20
# How a sentence ends (a period, colon, semicolon or comma, maybe before a closing quote);
# headlines end otherwise (a word, "?", "!", "]").
SENTENCE_END = re.compile(r"[.:;,…]['\"”’)]*$")
BULLET = re.compile(r"^[-•*–]\s")  # a list item's marker


def drop_boilerplate(
    items: list[Item], settings: CleanSettings, url: str | None = None
) -> tuple[list[Item], list[CleaningNote]]:
    """Drop every line that matches a boilerplate pattern or heuristic (``url``: the article's)."""
    host = link_host(url)
    kept, notes = [], []
    header: Item | None = None  # the related-links header whose list is being dropped
    listed = 0
    for index, item in enumerate(items):
        reason = find_boilerplate_reason(item.text, settings, host)
        if reason and reason.startswith("credit") and in_bulleted_list(items, index):
            reason = None  # "- Name" among other items is a list entry, not a sign-off
        if reason is None and header is not None and listed < MAX_RELATED_LINES:
            reason = find_list_entry_reason(item.text, header)
            listed += reason is not None
        if reason is None:
            kept.append(item)
            header = None
            continue
        notes.append(item.note("boilerplate", reason))
        if reason.startswith(RELATED_KIND):
            header, listed = item, 0
    return kept, notes


def in_bulleted_list(items: list[Item], index: int) -> bool:
    """Whether ``items[index]`` is a bullet with another bullet right before or after it."""
    if not BULLET.match(items[index].text):
        return False
    neighbours = items[max(index - 1, 0) : index] + items[index + 1 : index + 2]
    return any(BULLET.match(other.text) for other in neighbours)


def find_list_entry_reason(text: str, header: Item) -> str | None:
    """Why ``text``, below a related-links header, is an entry of its list (or None)."""
    if looks_like_headline(text):
        return f"related-list: headline under the list header on line {header.line}"
    return None


def looks_like_headline(text: str) -> bool:
    """Short and not ending like a sentence: how the entries of a link list read."""
    return len(text.split()) <= MAX_HEADLINE_WORDS and not SENTENCE_END.search(text)


def find_boilerplate_reason(
    text: str, settings: CleanSettings, host: str | None = None
) -> str | None:
    """Why ``text`` is boilerplate ('kind: pattern'), or None (``host``: the article's site)."""
    folded = unicodedata.normalize("NFKC", text).translate(PUNCTUATION_FOLDS).strip()
    if len(folded.split()) > settings.max_boilerplate_words:
        return None
    if not may_match(folded):  # rules out most lines quickly
        return find_shape_reason(folded, host)
    for pattern in load_patterns(BOILERPLATE_FILE):
        if not pattern.anchored and '"' in folded:
            continue
        if pattern.regex.search(folded):
            return f"{pattern.kind}: matches /{pattern.regex.pattern}/"
    return find_shape_reason(folded, host)


def may_match(folded: str) -> bool:
    """Whether some pattern could match: all anchored ones tried in one match at the start."""
    anchored, unanchored = split_patterns(BOILERPLATE_FILE)
    if anchored.match(folded):
        return True
    return '"' not in folded and any(p.regex.search(folded) for p in unanchored)


@cache
def split_patterns(file_name: str) -> tuple[re.Pattern[str], tuple[Pattern, ...]]:
    """The file's anchored patterns as one alternation, and its unanchored patterns."""
    patterns = load_patterns(file_name)
    joined = "|".join(f"(?:{p.regex.pattern})" for p in patterns if p.anchored)
    return re.compile(joined, re.IGNORECASE), tuple(p for p in patterns if not p.anchored)


def is_furniture_link(word: str, host: str | None) -> bool:
    """Whether ``word`` is a link that belongs to the page, not to the article's content."""
    if HANDLE_OR_TAG.fullmatch(word) or EMAIL.fullmatch(word) or SOCIAL_LINK.fullmatch(word):
        return True
    return bool(host) and URL_LIKE.fullmatch(word) is not None and link_host(word) == host


def link_host(url: str | None) -> str | None:
    """The lower-cased host of a web address without ``www.`` (None when there is none)."""
    match = LINK_HOST.match(url or "")
    return match.group(1).lower() if match else None


def find_shape_reason(folded: str, host: str | None = None) -> str | None:
    """Heuristics on the line's shape rather than its words."""
    if not LETTER_OR_DIGIT.search(folded):
        return "separator: no letters or digits"
    words = folded.split()
    if all(is_furniture_link(w, host) for w in words):
        return "link: only e-mail addresses, handles, social or same-site links"
    if all(w.strip(":|•·,").casefold() in SHARE_WORDS for w in words):
        return "share: only share-button words"
    return None
