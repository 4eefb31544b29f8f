"""``clean_article``: run the cleaning rules over a raw article's text, in a fixed order.

Order (each rule sees only what the previous ones kept; see docs/cleaning.md):

1. ``timestamp``          lines that print only times -> published/updated
2. ``dateline``           section+date prefix lines and standalone wire datelines
3. ``boilerplate``        notices, link lists, credits, footers (boilerplate.txt + shapes)
4. ``title``              input title, else the first remaining line
5. ``repeated-title``     every later copy of the title
6. ``glued-sentence``     'said.The' -> 'said. The'
7. ``heading``            short unpunctuated capitalised lines become headings
8. ``repeated-paragraph`` exact or contained repeats of earlier blocks
9. ``generic-conclusion`` notes (keeps) a final fact-free section under a generic heading
"""

from __future__ import annotations

from eventwire.clean.boilerplate import drop_boilerplate
from eventwire.clean.conclusion import note_generic_conclusion
from eventwire.clean.headings import mark_headings
from eventwire.clean.items import Item, split_items
from eventwire.clean.metadata import choose_article_times, extract_datelines, extract_time_lines
from eventwire.clean.repeats import drop_repeated_blocks
from eventwire.clean.sentences import split_glued_sentences
from eventwire.clean.settings import CleanSettings
from eventwire.clean.title import choose_title, drop_repeated_title
from eventwire.model import Block, CleanArticle, CleaningNote, RawArticle, Rejection

DEFAULT_SETTINGS = CleanSettings()


def clean_article(
    raw: RawArticle, settings: CleanSettings = DEFAULT_SETTINGS
) -> CleanArticle | Rejection:
    """Clean ``raw.text`` into title, times and blocks, noting every change made.

    An unexpected error propagates: the runner contains it (the batch goes on).
    """
    notes: list[CleaningNote] = []
    items = split_items(raw.text or "")
    items, found, stamps = extract_time_lines(items, settings)
    notes += found
    items, found, more_stamps = extract_datelines(items, settings)
    notes += found
    items, found = drop_boilerplate(items, settings, raw.url)
    notes += found
    title, items, found = choose_title(items, raw.title, settings.max_title_words, raw.source)
    notes += found
    items, found = _clean_body(items, title, settings)
    notes += found
    if not any(item.kind == "paragraph" for item in items):
        return Rejection(raw.origin, "empty", _empty_message(title, len(notes)))
    published, updated, found = choose_article_times(raw, stamps + more_stamps, settings)
    notes += [*raw.notes, *found]
    blocks = tuple(Block(kind=item.kind, text=item.text) for item in items)
    notes.sort(key=lambda n: (n.line is None, n.line or 0))
    return CleanArticle(title, blocks, published, updated, tuple(notes))


def _clean_body(
    items: list[Item], title: str, settings: CleanSettings
) -> tuple[list[Item], list[CleaningNote]]:
    """Rules 5-9: repeated title, glued sentences, headings, repeats, generic conclusion."""
    notes: list[CleaningNote] = []
    items, found = drop_repeated_title(items, title)
    notes += found
    if settings.split_glued_sentences:
        items, found = split_glued_sentences(items)
        notes += found
    items, found = mark_headings(items, settings)
    notes += found
    items, found = drop_repeated_blocks(items, settings)
    notes += found
    if settings.drop_generic_conclusion:  # notes only: the section stays in the body
        items, found = note_generic_conclusion(items, title)
        notes += found
    return items, notes


def _empty_message(title: str, removed: int) -> str:
    shown = f" (title {title!r})" if title else ""
    return f"no body paragraph left after cleaning{shown}; {removed} line(s) removed or moved"
