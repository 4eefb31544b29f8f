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


def choose_title(
    items: list[Item], given: str | None, max_words: int = 30, source: str | None = None
) -> tuple[str, list[Item], list[CleaningNote]]:
    """The input's title if given, else the first remaining line (moved out of the body).

    A first line longer than ``max_words`` is a paragraph, not a headline: it stays in the
    body and its first sentence (cut to ``max_words`` words) becomes the title. A trailing
    " | Outlet" naming ``source`` (the outlet or its domain) is cut from either.
    """
    title, items, notes = choose_raw_title(items, given, max_words)
    short = cut_source_suffix(title, source)
    if short != title:
        detail = f"outlet name cut from the title: {title[len(short) :].strip()!r}"
        notes.append(CleaningNote(rule="title", text=title, detail=detail))
    return short, items, notes


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
    if len(first.text.split()) > max_words:
        words = split_sentences(first.text)[0].split()
        title = " ".join(words[:max_words]) + ("…" if len(words) > max_words else "")
        note = first.note("title", "first line is a paragraph: its first sentence used as title")
        return title, items, [note]
    note = first.note("title", "first line after metadata and boilerplate used as the title")
    return first.text, items[1:], [note]


def drop_repeated_title(items: list[Item], title: str) -> tuple[list[Item], list[CleaningNote]]:
    """Drop lines that repeat the title (after normalisation, or with a ' | Site' suffix)."""
    if not title:
        return items, []
    kept, notes = [], []
    for item in items:
        reason = repeats_title(item.text, title)
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
