"""Loaders for the shared evaluation data (../shared/data), used by benchmarks and scripts.

The data is written by others and stays outside the repository; see ../shared/data/README.md.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED = REPO_ROOT.parent / "shared"
DATA = SHARED / "data"
SEEDS = SHARED / "corpus" / "seeds"

PARAGRAPH_MARKER = "\\n"  # the literal two characters the tokenised corpora use
ATTACH_LEFT = frozenset(
    {",", ".", ":", ";", "?", "!", "%", ")", "]", "}", "...", "n't", "n\u2019t"}
)
ATTACH_RIGHT = frozenset({"$", "(", "[", "{", "#", "\u2018", "\u201c"})
CLOSE_QUOTES = frozenset({"\u2019", "\u201d"})
STRAIGHT_QUOTES = frozenset({'"', "'"})
CLITIC = re.compile(r"^['\u2019](s|re|ve|ll|d|m)$", re.IGNORECASE)
WORDLIKE = re.compile(r"\w")


def read_jsonl(path: Path) -> list[dict]:
    """Records of a JSON-lines file."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def detokenise(tokenised: str) -> str:
    """Readable text from a tokenised corpus text (ECB+, NewsWCL50): one paragraph per line."""
    paragraphs = []
    for chunk in tokenised.replace(PARAGRAPH_MARKER, "\n").split("\n"):
        tokens = chunk.split()
        if tokens:
            paragraphs.append(join_tokens(tokens))
    return "\n".join(paragraphs)


def join_tokens(tokens: list[str]) -> str:
    """Join tokens with spaces except where punctuation, clitics, quotes or hyphens attach."""
    out = ""
    straight_open = {'"': False, "'": False}
    curly_open = 0
    glue_next = False
    for index, token in enumerate(tokens):
        attach, glue_next = glue_next or not out, False
        if token == "'" and curly_open:
            curly_open -= 1
            attach = True
        elif token in STRAIGHT_QUOTES:
            straight_open[token] = not straight_open[token]
            attach = attach or not straight_open[token]
            glue_next = straight_open[token]
        elif token in ATTACH_LEFT or token in CLOSE_QUOTES or CLITIC.match(token):
            attach = True
        elif token == "-" and _between_words(tokens, index):
            attach, glue_next = True, True
        elif token in ATTACH_RIGHT:
            curly_open += token == "\u2018"
            glue_next = True
        out += token if attach else " " + token
    return out


def _between_words(tokens: list[str], index: int) -> bool:
    if index == 0 or index + 1 >= len(tokens):
        return False
    return bool(WORDLIKE.search(tokens[index - 1][-1]) and WORDLIKE.search(tokens[index + 1][0]))


def iter_ecbplus() -> Iterator[dict]:
    """ECB+ documents with detokenised ``title`` and ``text`` (gold cluster: ``subtopic``)."""
    for doc in read_jsonl(DATA / "ecbplus" / "docs.jsonl"):
        yield {**doc, "title": detokenise(doc["title"]), "text": detokenise(doc["text"])}


def iter_scrapinghub_bodies() -> Iterator[tuple[str, str]]:
    """(url, gold article body) of the ScrapingHub extraction benchmark pages."""
    truth = json.loads((DATA / "extraction-scrapinghub" / "ground-truth.json").read_text())
    for _, item in sorted(truth.items()):
        yield item.get("url") or "", item["articleBody"]
