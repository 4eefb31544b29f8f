"""Features of a pair of sentences: word, name and number overlap (the lexical side).

The same features are computed on the MSRP training pairs (benchmarks/facts.py) and on the
claims of a story, so the trained pair model reads them alike.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from rapidfuzz import fuzz

from eventwire.textnorm import normalize_for_comparison

DATA = Path(__file__).parent / "data"
TOKEN = re.compile(r"\$?\d[\d,.]*%?|\w+(?:['-]\w+)*")
CAPITALISED = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][\w'-]*[a-z][\w'-]*")
NUMBER = re.compile(r"(?<![\w.])\$?\d{1,3}(?:,\d{3})+(?:\.\d+)?%?|(?<![\w.])\$?\d+(?:\.\d+)?%?")
SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ied", "ed", "es", "ly", "s")
LEXICAL_FEATURES = (
    "tfidf_cosine",
    "stem_jaccard",
    "overlap_shorter",
    "overlap_longer",
    "bigram_jaccard",
    "length_ratio",
    "numbers_equal",
    "numbers_differ",
    "numbers_one_side",
    "names_jaccard",
    "fuzzy_token_set",
    "fuzzy_ratio",
    "fuzzy_partial",
)


@functools.cache
def stopwords() -> frozenset[str]:
    """The stop words of data/stopwords.txt."""
    lines = (DATA / "stopwords.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w for line in lines if not line.startswith("#") for w in line.split())


def stem(word: str) -> str:
    """A crude stem: a common inflectional suffix off words long enough to keep a root."""
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


@dataclass(frozen=True)
class SentenceWords:
    """What the lexical features read of one sentence."""

    folded: str  # the sentence folded for comparison
    tokens: tuple[str, ...]  # every word, folded
    stems: frozenset[str]  # content words' stems
    numbers: frozenset[str]
    names: frozenset[str]  # capitalised words inside the sentence, folded


def sentence_words(text: str) -> SentenceWords:
    """Tokens, content stems, numbers and names of ``text``."""
    folded = normalize_for_comparison(text)
    tokens = tuple(TOKEN.findall(folded))
    stop = stopwords()
    stems = frozenset(stem(t) for t in tokens if t not in stop and len(t) > 1)
    numbers = frozenset(normal_number(n) for n in NUMBER.findall(text))
    names = frozenset(n.casefold() for n in CAPITALISED.findall(text))
    return SentenceWords(folded, tokens, stems, numbers, names)


def normal_number(text: str) -> str:
    """A number's digits without thousands separators or a trailing '.0'."""
    digits = text.replace(",", "").lstrip("$")
    return digits[:-2] if digits.endswith(".0") else digits


def idf_table(documents: Sequence[SentenceWords]) -> dict[str, float]:
    """Smoothed inverse document frequency of each stem over ``documents``."""
    counts = Counter(s for doc in documents for s in doc.stems)
    total = len(documents)
    return {s: math.log((1 + total) / (1 + n)) + 1 for s, n in counts.items()}


def tfidf_cosine(a: SentenceWords, b: SentenceWords, idf: dict[str, float]) -> float:
    """Cosine of the two sentences' stem sets weighted by ``idf``."""
    shared = a.stems & b.stems
    if not shared:
        return 0.0
    weight = idf.get
    dot = sum(weight(s, 1.0) ** 2 for s in shared)
    norm_a = math.sqrt(sum(weight(s, 1.0) ** 2 for s in a.stems))
    norm_b = math.sqrt(sum(weight(s, 1.0) ** 2 for s in b.stems))
    return dot / (norm_a * norm_b)


def lexical_features(a: SentenceWords, b: SentenceWords, idf: dict[str, float]) -> list[float]:
    """The LEXICAL_FEATURES of a pair, in that order."""
    shared = len(a.stems & b.stems)
    shorter, longer = sorted((len(a.stems) or 1, len(b.stems) or 1))
    bigrams_a, bigrams_b = _bigrams(a.tokens), _bigrams(b.tokens)
    both_numbers = bool(a.numbers and b.numbers)
    return [
        tfidf_cosine(a, b, idf),
        _jaccard(a.stems, b.stems),
        shared / shorter,
        shared / longer,
        _jaccard(bigrams_a, bigrams_b),
        min(len(a.tokens), len(b.tokens)) / max(len(a.tokens), len(b.tokens), 1),
        float(both_numbers and a.numbers == b.numbers),
        float(both_numbers and a.numbers != b.numbers),
        float(bool(a.numbers) != bool(b.numbers)),
        _jaccard(a.names, b.names),
        fuzz.token_set_ratio(a.folded, b.folded) / 100,
        fuzz.ratio(a.folded, b.folded) / 100,
        fuzz.partial_ratio(a.folded, b.folded) / 100,
    ]


def _bigrams(tokens: Sequence[str]) -> frozenset[tuple[str, str]]:
    return frozenset(pairwise(tokens))


def _jaccard(a: frozenset, b: frozenset) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0
