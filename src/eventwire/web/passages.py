"""Which passages of a story's articles other outlets' articles share (shaded side by side)."""

from __future__ import annotations

import re
from dataclasses import dataclass

WORD = re.compile(r"\w+")
SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
SHINGLE_WORDS = 4  # a shared passage is made of shared runs of this many words
SHARED_SHARE = 0.5  # a sentence is shaded when this share of its word runs occur elsewhere


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article, and whether another outlet's article has it too."""

    text: str
    shared: bool


def split_sentences(paragraph: str) -> list[str]:
    """A paragraph's sentences (split after ., !, ? or … and a space)."""
    return [s for s in SENTENCE_END.split(paragraph) if s.strip()]


def shingles(text: str) -> set[tuple[str, ...]]:
    """The runs of SHINGLE_WORDS lower-cased words in ``text``."""
    words = [w.lower() for w in WORD.findall(text)]
    return {tuple(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


def mark_shared(texts: dict[int, tuple[str, str]]) -> dict[int, list[list[Sentence]]]:
    """For each article id -> (outlet, text): its paragraphs as sentences marked shared.

    A sentence is shared when most of its word runs occur in an article of another outlet.
    """
    owners: dict[tuple[str, ...], set[str]] = {}
    for outlet, text in texts.values():
        for shingle in shingles(text):
            owners.setdefault(shingle, set()).add(outlet)
    return {
        article_id: [
            [_sentence(s, outlet, owners) for s in split_sentences(paragraph)]
            for paragraph in text.split("\n\n")
            if paragraph.strip()
        ]
        for article_id, (outlet, text) in texts.items()
    }


def _sentence(text: str, outlet: str, owners: dict[tuple[str, ...], set[str]]) -> Sentence:
    runs = shingles(text)
    if not runs:
        return Sentence(text, False)
    elsewhere = sum(1 for run in runs if owners.get(run, set()) - {outlet})
    return Sentence(text, elsewhere / len(runs) >= SHARED_SHARE)
