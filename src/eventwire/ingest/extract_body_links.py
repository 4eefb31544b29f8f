"""Lists of links inside the main text: menus, "more stories" and tag lists.

trafilatura keeps a ``<ul>``/``<ol>`` when it sits inside the article's container, and
many sites put their "related stories", "popular" or section menus there. A list of at
least ``MIN_ITEMS`` items in which every item either lies mostly (``MIN_LINK_SHARE``)
inside links or holds a linked heading (a story card: headline link plus teaser) is such
a list, and the lines of the main text that equal one of its items are dropped. Lists
whose items carry their own text (a product with a price and a shop link, a bullet point
with a source link) do not qualify: their items are not mostly links.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

MIN_ITEMS = 3  # shorter lists are kept (too little evidence)
MIN_LINK_SHARE = 0.5  # share of an item's characters inside links
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
SPACE = re.compile(r"\s+")
BULLET = re.compile(r"^[-•*·]\s+")  # how trafilatura marks a list item in its text


def find_link_list_items(tree: HtmlElement) -> set[str]:
    """Keys (text without white space) of the items of the page's link lists."""
    found: set[str] = set()
    for listing in tree.iter("ul", "ol"):
        items = [item for item in listing if item.tag == "li" and is_link_item(item)]
        if len(items) >= MIN_ITEMS and len(items) == count_items(listing):
            found.update(SPACE.sub("", item.text_content()) for item in items)
    return found


def is_link_item(item: HtmlElement) -> bool:
    """Whether the list item's text lies mostly inside links, or it is a linked headline."""
    if any(link.getparent().tag in HEADINGS for link in item.iter("a")):
        return True
    line = read_text(item)
    linked = sum(len(read_text(link)) for link in item.iter("a"))
    return bool(line) and linked >= MIN_LINK_SHARE * len(line)


def count_items(listing: HtmlElement) -> int:
    """Number of direct ``<li>`` children of a list."""
    return sum(1 for item in listing if item.tag == "li")


def drop_link_list_lines(text: str, items: set[str]) -> str:
    """``text`` without the lines that equal an item of a link list."""
    if not items:
        return text
    kept = (line for line in text.splitlines() if clean_line(line) not in items)
    return "\n".join(kept)


def clean_line(line: str) -> str:
    """A main-text line's key: its text without list bullet and white space."""
    return SPACE.sub("", BULLET.sub("", line.strip()))


def read_text(element: HtmlElement) -> str:
    """The element's text with white space collapsed."""
    return SPACE.sub(" ", element.text_content()).strip()
