"""The main text of an HTML page: trafilatura, repaired where it fails most often.

1. trafilatura in fast mode (no fallbacks) gives the candidate text.
2. Navigation kept (``retry_menu_text``): when most of the text's words sit in short lines
   (menus, link lists: at least ``MENU_SHARE`` of them in lines of at most ``MENU_WORDS``
   words, over at least ``MENU_MIN_LINES`` lines), trafilatura runs again in full mode
   favouring precision, and that text is kept when it is not menu-like itself.
3. Stopped early (``extend_split_body``): when the body is split over same-kind blocks and
   the text holds only the first, the later blocks' paragraphs are appended
   (``eventwire.ingest.extract_body_continuation``).
4. Link lists (``drop_link_lists``): lines that are items of a list whose every item is
   mostly a link (menus, "more stories") are dropped (``eventwire.ingest.extract_body_links``).
5. Optional vote (``vote_on_disagreement``): readability (trafilatura's bundled
   readability-lxml port) reads the same page. When it agrees with the text (word 4-gram F1
   >= ``AGREEMENT``), the text is kept. Otherwise trafilatura runs again favouring
   precision, and of the three texts the one that agrees most with the other two wins.
   It adds no F1 at the defaults and about 40% more time, so it is off by default.

Measured on the ScrapingHub benchmark: docs/extraction.md.
"""

from __future__ import annotations

import re
from collections import Counter
from copy import deepcopy

from lxml.html import HtmlElement, fromstring
from trafilatura import bare_extraction
from trafilatura.readability_lxml import Document as ReadabilityDocument

from eventwire.ingest.extract_body_continuation import find_continuation
from eventwire.ingest.extract_body_links import drop_link_list_lines, find_link_list_items
from eventwire.ingest.settings import IngestSettings

MENU_WORDS = 5  # a line of at most this many words is a menu-like line
MENU_SHARE = 0.5  # share of the words in menu-like lines above which a text is navigation
MENU_MIN_LINES = 30  # shorter texts are never taken for navigation
AGREEMENT = 0.9  # 4-gram F1 between trafilatura and readability above which no vote is held
SHINGLE = 4
WORD = re.compile(r"\w+")
# Elements whose end is a paragraph break in readability's output.
BLOCK_TAGS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr")


def extract_main_text(tree: HtmlElement, settings: IngestSettings, url: str | None) -> str:
    """The page's main text, one paragraph per line ('' when there is none)."""
    text = run_trafilatura(tree, settings, url, fast=True)
    if settings.favor_precision or settings.favor_recall:
        return text  # the user chose trafilatura's own trade-off
    text = repair_text(tree, settings, url, text)
    if not settings.vote_on_disagreement:
        return text
    readable = run_readability(tree)
    if similarity(text, readable) >= AGREEMENT:
        return text
    precise = run_trafilatura(tree, settings, url, fast=False, favor_precision=True)
    return choose_medoid([text, precise, readable])


def repair_text(tree: HtmlElement, settings: IngestSettings, url: str | None, text: str) -> str:
    """trafilatura's text with kept navigation, an early stop and link lists repaired."""
    if settings.retry_menu_text and is_menu_like(text):
        text = retry_precise(tree, settings, url, text)
    elif settings.extend_split_body and text:
        text = "\n".join([text, *find_continuation(tree, text)])
    if settings.drop_link_lists:
        text = drop_link_list_lines(text, find_link_list_items(tree))
    return text


def is_menu_like(text: str) -> bool:
    """Whether most of the text's words sit in short lines (a page's navigation kept)."""
    lines = [len(line.split()) for line in text.splitlines()]
    if len(lines) < MENU_MIN_LINES:
        return False
    return sum(n for n in lines if n <= MENU_WORDS) >= MENU_SHARE * sum(lines)


def retry_precise(tree: HtmlElement, settings: IngestSettings, url: str | None, text: str) -> str:
    """trafilatura's full, precision-favouring text when it is not menu-like, else ``text``."""
    precise = run_trafilatura(tree, settings, url, fast=False, favor_precision=True)
    return precise if precise and not is_menu_like(precise) else text


def run_trafilatura(
    tree: HtmlElement,
    settings: IngestSettings,
    url: str | None,
    fast: bool,
    favor_precision: bool | None = None,
) -> str:
    """trafilatura's main text (it copies the tree), one paragraph per line."""
    document = bare_extraction(
        tree,
        url=url,
        fast=fast,
        with_metadata=False,
        include_comments=False,
        include_tables=settings.include_tables,
        favor_precision=settings.favor_precision if favor_precision is None else favor_precision,
        favor_recall=settings.favor_recall,
    )
    return join_lines(document.text if document is not None else None)


def run_readability(tree: HtmlElement) -> str:
    """readability's article text, one block per line ('' when it finds none or fails)."""
    try:
        summary = ReadabilityDocument(deepcopy(tree)).summary()
        article = fromstring(summary) if summary else None
    except Exception:  # readability raises on odd pages; it only ever gets a vote
        return ""
    if article is None:
        return ""
    for element in article.iter(BLOCK_TAGS):
        element.tail = "\n" + (element.tail or "")
    return join_lines(article.text_content())


def similarity(a: str, b: str) -> float:
    """F1 of the two texts' word 4-gram multisets (0 when either is empty)."""
    grams_a, grams_b = shingles(a), shingles(b)
    total = sum(grams_a.values()) + sum(grams_b.values())
    if not total:
        return 0.0
    return 2 * sum((grams_a & grams_b).values()) / total


def shingles(text: str) -> Counter:
    """Counts of the lower-cased word 4-grams of ``text``."""
    words = WORD.findall(text.lower())
    return Counter(tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1))


def choose_medoid(texts: list[str]) -> str:
    """The text most similar to the others (earlier texts win ties)."""
    scores = [
        sum(similarity(text, other) for j, other in enumerate(texts) if j != i)
        for i, text in enumerate(texts)
    ]
    return texts[scores.index(max(scores))]


def join_lines(value: str | None) -> str:
    """``value`` with blank lines and surrounding white space dropped."""
    if not value:
        return ""
    return "\n".join(line.strip() for line in value.splitlines() if line.strip())
