"""Note a final generic conclusion section that adds no fact (rule ``generic-conclusion``).

Analysis and outlook are the article's own words: the section is KEPT; the note only tells
later stages (and ``--explain``) that it reads as commentary. Both conditions must hold:
the body's last heading matches ``conclusions.txt``, and the paragraphs after it carry no
quotation, no number and no capitalised name that does not occur earlier in the article.
"""

from __future__ import annotations

import re
import unicodedata

from eventwire.clean.datafiles import load_patterns
from eventwire.clean.items import Item
from eventwire.clean.patterns import (
    CAPITALISED_WORD,
    DIGIT,
    NUMBER_WORDS,
    POSSESSIVE_SUFFIX,
    QUOTE_CHARS,
    SENTENCE_STARTERS,
)
from eventwire.clean.sentences import split_sentences
from eventwire.model import BLOCK_HEADING, CleaningNote
from eventwire.textnorm import PUNCTUATION_FOLDS, comparison_words

CONCLUSIONS_FILE = "conclusions.txt"
WORD_PARTS = re.compile(r"[-'.’]")


def note_generic_conclusion(items: list[Item], title: str) -> tuple[list[Item], list[CleaningNote]]:
    """Note (never drop) the final section when its heading is generic and it adds no fact."""
    start = _last_heading_index(items)
    if start is None or start == 0 or start == len(items) - 1:
        return items, []
    heading = _generic_heading_kind(items[start].text)
    if heading is None:
        return items, []
    earlier = known_words([title, *(i.text for i in items[:start])])
    for paragraph in items[start + 1 :]:
        if find_fact(paragraph.text, earlier):
            return items, []
    detail = (
        f"kept: final section under a generic heading ({heading}) whose text adds no fact "
        "(no quotation, no number, no name new to the article): commentary, not removed"
    )
    return items, [item.note("generic-conclusion", detail) for item in items[start:]]


def find_fact(text: str, known: set[str]) -> str | None:
    """The first fact-bearing element of ``text``: a quotation, a number or a new name."""
    if any(c in QUOTE_CHARS for c in text):
        return "quotation"
    words = comparison_words(text)
    if DIGIT.search(text) or any(w in NUMBER_WORDS for w in words):
        return "number"
    for sentence in split_sentences(text):
        for index, match in enumerate(CAPITALISED_WORD.finditer(sentence)):
            word = POSSESSIVE_SUFFIX.sub("", match.group()).casefold()
            if index == 0 and match.start() < 2 and word in SENTENCE_STARTERS:
                continue
            if not _is_known(word, known):
                return f"name {match.group()!r}"
    return None


def known_words(texts: list[str]) -> set[str]:
    """Words (and their hyphen/apostrophe parts) of ``texts``, normalised."""
    known: set[str] = set()
    for text in texts:
        for word in comparison_words(text):
            known.add(POSSESSIVE_SUFFIX.sub("", word))
            known.update(p for p in WORD_PARTS.split(word) if p)
    return known


def _is_known(word: str, known: set[str]) -> bool:
    parts = [p for p in WORD_PARTS.split(word) if p]
    return word in known or (bool(parts) and all(p in known for p in parts))


def _last_heading_index(items: list[Item]) -> int | None:
    indexes = [n for n, item in enumerate(items) if item.kind == BLOCK_HEADING]
    return indexes[-1] if indexes else None


def _generic_heading_kind(text: str) -> str | None:
    folded = unicodedata.normalize("NFKC", text).translate(PUNCTUATION_FOLDS).strip()
    for pattern in load_patterns(CONCLUSIONS_FILE):
        if pattern.regex.search(folded):
            return f"{pattern.kind}: /{pattern.regex.pattern}/"
    return None
