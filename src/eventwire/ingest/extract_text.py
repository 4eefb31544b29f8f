"""The main text of an HTML page: trafilatura, checked against readability when they disagree.

1. trafilatura in fast mode (no fallbacks) gives the candidate text.
2. readability (trafilatura's bundled readability-lxml port) reads the same page.
3. When the two agree (word 4-gram F1 >= ``AGREEMENT``), the trafilatura text is kept.
   Otherwise trafilatura runs again favouring precision, and of the three texts the one
   that agrees most with the other two wins (the medoid): an extractor that stopped early,
   kept the whole page or a sidebar is outvoted by the two that did not.

The vote (steps 2-3) costs about a third more time, so it runs only when the settings ask
for it (``vote_on_disagreement``; off by default to keep the HTML path within 1.5x of
trafilatura's time). Measured on the ScrapingHub benchmark: docs/extraction.md.
"""

from __future__ import annotations

import re
from collections import Counter
from copy import deepcopy

from lxml.html import HtmlElement, fromstring
from trafilatura import bare_extraction
from trafilatura.readability_lxml import Document as ReadabilityDocument

from eventwire.ingest.settings import IngestSettings

AGREEMENT = 0.9  # 4-gram F1 between trafilatura and readability above which no vote is held
SHINGLE = 4
WORD = re.compile(r"\w+")
# Elements whose end is a paragraph break in readability's output.
BLOCK_TAGS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr")


def extract_main_text(tree: HtmlElement, settings: IngestSettings, url: str | None) -> str:
    """The page's main text, one paragraph per line ('' when there is none)."""
    fast = run_trafilatura(tree, settings, url, fast=True)
    vote = settings.vote_on_disagreement
    if not vote or settings.favor_precision or settings.favor_recall:
        return fast  # no vote asked for, or the user chose trafilatura's trade-off
    readable = run_readability(tree)
    if similarity(fast, readable) >= AGREEMENT:
        return fast
    precise = run_trafilatura(tree, settings, url, fast=False, favor_precision=True)
    return choose_medoid([fast, precise, readable])


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
