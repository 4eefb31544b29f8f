"""The rest of an article body that is split over blocks of the same kind.

Some layouts cut a long article into sibling blocks of one kind (the same tag and class),
with advertisements between them. trafilatura then often keeps the first block only and
stops early. This module finds that case from the page's structure and returns the
paragraphs of the later blocks:

1. the first paragraph-like ``<p>`` of the extracted text (at least ``MIN_PARAGRAPH_WORDS``
   words, link density at most ``MAX_LINK_DENSITY``) locates the body in the page;
2. walking up at most ``MAX_LEVELS`` levels from that paragraph, the first ``div`` or
   ``section`` whose parent holds other children of the same tag and class is the body's
   block, and those siblings are its other blocks;
3. no block of the group may hold an ``h1``, ``article``, ``header`` or ``time`` element:
   blocks like that start another article (a feed of stories), not a continuation;
4. the paragraphs and headings of the blocks after the body's block that the extracted text
   lacks are the continuation, when they come to at least ``MIN_EXTRA_WORDS`` words. A
   block, or a line, whose link density is above ``MAX_LINK_DENSITY`` gives nothing: a
   column of teasers is mostly links.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

MIN_PARAGRAPH_WORDS = 12  # a shorter <p> does not locate the body
MAX_LINK_DENSITY = 0.3  # share of a block's characters inside links; more is navigation
MAX_LEVELS = 4  # levels above a paragraph searched for the repeated block
MIN_EXTRA_WORDS = 60  # less continuation than this is not worth adding
MATCH_CHARS = 60  # leading characters of a block compared with the extracted text
BLOCK_TAGS = ("div", "section")
BODY_TAGS = ("p", "h2", "h3", "h4")
# Elements that start another article: a block holding one is not a continuation.
ARTICLE_START_TAGS = ("h1", "article", "header", "time")
SPACE = re.compile(r"\s+")


def find_continuation(tree: HtmlElement, text: str) -> list[str]:
    """Lines of the body's later same-kind blocks missing from ``text`` ([] when none)."""
    flat = SPACE.sub(" ", text)
    first = find_first_paragraph(tree, flat)
    group = find_block_group(first) if first is not None else None
    if group is None:
        return []
    block, blocks = group
    lines = [
        line
        for later in blocks[blocks.index(block) + 1 :]
        if link_density(later, read_text(later)) <= MAX_LINK_DENSITY
        for line in read_body_lines(later)
        if line[:MATCH_CHARS] not in flat
    ]
    return lines if sum(len(line.split()) for line in lines) >= MIN_EXTRA_WORDS else []


def find_first_paragraph(tree: HtmlElement, flat: str) -> HtmlElement | None:
    """The first paragraph-like ``<p>`` whose text the extracted text holds."""
    for paragraph in tree.iter("p"):
        line = read_text(paragraph)
        if len(line.split()) < MIN_PARAGRAPH_WORDS or line[:MATCH_CHARS] not in flat:
            continue
        if link_density(paragraph, line) <= MAX_LINK_DENSITY:
            return paragraph
    return None


def find_block_group(paragraph: HtmlElement) -> tuple[HtmlElement, list[HtmlElement]] | None:
    """The paragraph's block and all its same-kind siblings, or None when there are none."""
    block = paragraph.getparent()
    for _ in range(MAX_LEVELS):
        parent = block.getparent() if block is not None else None
        if parent is None:
            return None
        kind = (block.tag, block.get("class"))
        siblings = [child for child in parent if (child.tag, child.get("class")) == kind]
        if len(siblings) > 1:
            return (block, siblings) if is_continuation_group(block, siblings) else None
        block = parent
    return None


def is_continuation_group(block: HtmlElement, siblings: list[HtmlElement]) -> bool:
    """Whether same-kind siblings are parts of one body rather than separate articles."""
    if block.tag not in BLOCK_TAGS:
        return False
    return all(next(s.iter(ARTICLE_START_TAGS), None) is None for s in siblings)


def read_body_lines(block: HtmlElement) -> list[str]:
    """Paragraph and heading texts of ``block`` that are not mostly links."""
    lines = []
    for element in block.iter(BODY_TAGS):
        line = read_text(element)
        if line and link_density(element, line) <= MAX_LINK_DENSITY:
            lines.append(line)
    return lines


def read_text(element: HtmlElement) -> str:
    """The element's text with white space collapsed."""
    return SPACE.sub(" ", element.text_content()).strip()


def link_density(element: HtmlElement, line: str) -> float:
    """Share of ``line``'s characters that sit inside the element's links."""
    linked = sum(len(read_text(link)) for link in element.iter("a"))
    return linked / max(1, len(line))
