"""Features of a pair of sentences: word, name and number overlap (the lexical side), and
supervised term weights: what sharing a word or word pair, or having it on one side only,
tells of a paraphrase on MSRP train (after Ji & Eisenstein 2013, TF-KLD).

The same features are computed on the MSRP training pairs (benchmarks/facts.py) and on the
claims of a story, so the trained pair model reads them alike.
"""

from __future__ import annotations

import functools
import json
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
TERM_WEIGHTS_FILE = DATA / "term_weights.json"
TERM_FEATURES = (
    "term_kld_cosine",
    "term_shared_evidence",
    "term_one_side_evidence",
    "term_evidence",
    "term_evidence_per_term",
    "term_kld_shared_share",
    "term_worst_one_side",
)
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
    *TERM_FEATURES,
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
    terms: frozenset[str]  # stems of every word and of every two words in a row


def sentence_words(text: str) -> SentenceWords:
    """Tokens, content stems, numbers, names and terms of ``text``."""
    folded = normalize_for_comparison(text)
    tokens = tuple(TOKEN.findall(folded))
    stop = stopwords()
    stems = frozenset(stem(t) for t in tokens if t not in stop and len(t) > 1)
    numbers = frozenset(normal_number(n) for n in NUMBER.findall(text))
    names = frozenset(n.casefold() for n in CAPITALISED.findall(text))
    return SentenceWords(folded, tokens, stems, numbers, names, sentence_terms(tokens))


def sentence_terms(tokens: Sequence[str]) -> frozenset[str]:
    """The stem of each token and each pair of stems in a row (joined by a space)."""
    stems = [stem(t) for t in tokens]
    return frozenset(stems) | frozenset(f"{a} {b}" for a, b in pairwise(stems))


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


@dataclass(frozen=True)
class TermWeights:
    """Per term, fitted on labelled pairs: the log-likelihood ratio (paraphrase against not,
    beyond the average term) of the term being shared when either sentence has it, of it
    being on one side only, and the KL divergence between the two classes' share shared."""

    shared: dict[str, float]
    one_side: dict[str, float]
    kld: dict[str, float]

    def as_dict(self) -> dict:
        """JSON form: term -> [shared, one side, kld] (data/term_weights.json)."""
        return {t: [self.shared[t], self.one_side[t], self.kld[t]] for t in sorted(self.kld)}


@functools.cache
def term_weights() -> TermWeights:
    """The term weights fitted on MSRP train (benchmarks/facts.py --fit writes them)."""
    stored = json.loads(TERM_WEIGHTS_FILE.read_text(encoding="utf-8"))
    columns = list(zip(*stored.values(), strict=True)) if stored else [(), (), ()]
    return TermWeights(*(dict(zip(stored, c, strict=True)) for c in columns))


def term_features(a: SentenceWords, b: SentenceWords, weights: TermWeights) -> list[float]:
    """The TERM_FEATURES of a pair, in that order (terms without a weight count zero)."""
    shared, one_side = a.terms & b.terms, a.terms ^ b.terms
    kld = weights.kld.get
    kld_a = sum(kld(t, 0.0) ** 2 for t in a.terms)
    kld_b = sum(kld(t, 0.0) ** 2 for t in b.terms)
    kld_shared = sum(kld(t, 0.0) ** 2 for t in shared)
    shared_evidence = sum(weights.shared.get(t, 0.0) for t in shared)
    one_side_values = [weights.one_side.get(t, 0.0) for t in one_side]
    evidence = shared_evidence + sum(one_side_values)
    kld_in_shared = sum(kld(t, 0.0) for t in shared)
    kld_total = kld_in_shared + sum(kld(t, 0.0) for t in one_side)
    return [
        kld_shared / math.sqrt(kld_a * kld_b) if kld_a and kld_b else 0.0,
        shared_evidence,
        sum(one_side_values),
        evidence,
        evidence / (len(shared) + len(one_side) + 1),
        kld_in_shared / kld_total if kld_total else 0.0,
        min([0.0, *one_side_values]),
    ]


def lexical_features(
    a: SentenceWords, b: SentenceWords, idf: dict[str, float], weights: TermWeights | None = None
) -> list[float]:
    """The LEXICAL_FEATURES of a pair, in that order (``weights``: the shipped term weights
    unless given)."""
    return plain_lexical_features(a, b, idf) + term_features(a, b, weights or term_weights())


def plain_lexical_features(
    a: SentenceWords, b: SentenceWords, idf: dict[str, float]
) -> list[float]:
    """The LEXICAL_FEATURES of a pair before the TERM_FEATURES: nothing fitted on labels."""
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
