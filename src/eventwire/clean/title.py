"""Choose the title and drop its repeats from the body (rules ``title``, ``repeated-title``)."""

from __future__ import annotations

import re

from eventwire.clean.items import Item
from eventwire.clean.patterns import TITLE_SUFFIX_SEPARATOR
from eventwire.clean.sentences import split_sentences
from eventwire.model import CleaningNote
from eventwire.textnorm import normalize_for_comparison

MAX_SITE_SUFFIX_WORDS = 5
NON_WORD = re.compile(r"[\W_]+")
# Labels of a domain that are not the outlet's name: "www", the TLD, "co" of "co.uk", ...
DOMAIN_FILLER = frozenset({"www", "m", "amp", "com", "co", "org", "net", "news"})
MAX_SECTION_WORDS = 3  # words in one part of a section label or breadcrumb
BREADCRUMB_SEPARATOR = re.compile(r"\s*[›»>/|]\s*|\s+[-:]\s+")
SECTION_WORD = re.compile(r"^(?:[A-Z][\w'.-]*|&|and|of|the)$")


def choose_title(
    items: list[Item], given: str | None, max_words: int = 30, source: str | None = None
) -> tuple[str, list[Item], list[CleaningNote]]:
    """The input's title if given, else the first remaining line (moved out of the body).

    A first line longer than ``max_words``, or the only line, is a paragraph, not a headline:
    it stays in the body and its first sentence (cut to ``max_words`` words) becomes the
    title. Section labels above the headline are moved out first (rule ``section``). A trailing
    " | Outlet" naming ``source`` (the outlet or its domain) is cut from either.
    """
    items, notes = drop_section_labels(items, max_words)
    title, items, found = choose_raw_title(items, given, max_words)
    notes += found
    short = cut_source_suffix(title, source)
    if short != title:
        detail = f"outlet name cut from the title: {title[len(short) :].strip()!r}"
        notes.append(CleaningNote(rule="title", text=title, detail=detail))
    return short, items, notes


def drop_section_labels(items: list[Item], max_words: int) -> tuple[list[Item], list[CleaningNote]]:
    """Move site-section or breadcrumb lines ("Politics", "News › Europe") above the headline
    out of the text (rule ``section``): like datelines they are metadata, not the title."""
    notes = []
    while len(items) >= 2 and is_section_label(items[0].text) and is_headline(items[1], max_words):
        notes.append(items[0].note("section", "site section label above the headline: metadata"))
        items = items[1:]
    return items, notes


def is_section_label(text: str) -> bool:
    """A breadcrumb or section name: 1-3 capitalised words per part, no sentence, no digits."""
    parts = [p for p in BREADCRUMB_SEPARATOR.split(text.strip()) if p]
    if not parts or any(c.isdigit() for c in text):
        return False
    return all(
        0 < len(p.split()) <= MAX_SECTION_WORDS and all(SECTION_WORD.match(w) for w in p.split())
        for p in parts
    )


def is_headline(item: Item, max_words: int) -> bool:
    """A line that reads as a headline: short, more than a label, not ending in a full stop."""
    words = len(item.text.split())
    return MAX_SECTION_WORDS < words <= max_words and not item.text.rstrip().endswith(".")


def cut_source_suffix(title: str, source: str | None) -> str:
    """``title`` without a trailing " | Outlet" / " - Outlet" that names ``source``."""
    names = source_names(source)
    parts = TITLE_SUFFIX_SEPARATOR.split(title)
    if len(parts) < 2 or not names or squash(parts[-1]) not in names:
        return title
    return title[: title.rfind(parts[-1])].rstrip(" |-:•·\u2013\u2014")


def source_names(source: str | None) -> set[str]:
    """Squashed forms an outlet goes by: 'example-news.co.uk' -> {'examplenewscouk', ...}."""
    if not source or not source.strip():
        return set()
    labels = [x for x in source.strip().casefold().split(".") if x not in DOMAIN_FILLER]
    names = {squash(source), squash(" ".join(labels))}
    names |= {squash(labels[0])} if labels else set()
    return {n for n in names if len(n) >= 2}


def squash(text: str) -> str:
    """Case-folded letters and digits only."""
    return NON_WORD.sub("", normalize_for_comparison(text))


def choose_raw_title(
    items: list[Item], given: str | None, max_words: int
) -> tuple[str, list[Item], list[CleaningNote]]:
    """The input's title if given, else the first remaining line (see ``choose_title``)."""
    if given and given.strip():
        return given.strip(), items, []
    if not items:
        return "", items, []
    first = items[0]
    if len(items) == 1 or len(first.text.split()) > max_words:
        words = split_sentences(first.text)[0].split()
        title = " ".join(words[:max_words]) + ("…" if len(words) > max_words else "")
        why = "the only line" if len(items) == 1 else "first line"
        note = first.note("title", f"{why} is a paragraph: its first sentence used as title")
        return title, items, [note]
    note = first.note("title", "first line after metadata and boilerplate used as the title")
    return first.text, items[1:], [note]


def drop_repeated_title(items: list[Item], title: str) -> tuple[list[Item], list[CleaningNote]]:
    """Drop lines that repeat the title (after normalisation, or with a ' | Site' suffix).

    When every line repeats the title (a brief whose title is its only sentence), none goes.
    """
    if not title:
        return items, []
    reasons = [repeats_title(item.text, title) for item in items]
    if all(reasons):  # the text is the title alone (a one-line brief): keep it as the body
        return items, []
    kept, notes = [], []
    for item, reason in zip(items, reasons, strict=True):
        if reason:
            notes.append(item.note("repeated-title", reason))
        else:
            kept.append(item)
    return kept, notes


def repeats_title(text: str, title: str) -> str | None:
    """Why ``text`` is a copy of ``title``, or None."""
    line, wanted = normalize_for_comparison(text), normalize_for_comparison(title)
    if line == wanted:
        same = text.strip() == title.strip()
        return "repeats the title" + ("" if same else " (same after Unicode/case normalisation)")
    separator = (
        TITLE_SUFFIX_SEPARATOR.match(line[len(wanted) :]) if line.startswith(wanted) else None
    )
    if separator and len(line[len(wanted) + separator.end() :].split()) <= MAX_SITE_SUFFIX_WORDS:
        return "repeats the title followed by a site name"
    return None
