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


STEM_CACHE = 200_000  # words whose stem is kept (a vocabulary; a long watch meets more)


@functools.cache
def stopwords() -> frozenset[str]:
    """The stop words of data/stopwords.txt."""
    lines = (DATA / "stopwords.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w for line in lines if not line.startswith("#") for w in line.split())


@functools.lru_cache(maxsize=STEM_CACHE)
def stem(word: str) -> str:
    """A crude stem: a common inflectional suffix off words long enough to keep a root."""
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def stems_of(tokens: Sequence[str]) -> list[str]:
    """``stem`` of each token."""
    return [stem(t) for t in tokens]


@dataclass(frozen=True)
class SentenceWords:
    """What the lexical features read of one sentence."""

    folded: str  # the sentence folded for comparison
    tokens: tuple[str, ...]  # every word, folded
    stems: frozenset[str]  # content words' stems
    numbers: frozenset[str]
    names: frozenset[str]  # capitalised words inside the sentence, folded
    terms: frozenset[str]  # stems of every word and of every two words in a row
    bigrams: frozenset[tuple[str, str]]  # every two words in a row


def sentence_words(text: str) -> SentenceWords:
    """Tokens, content stems, numbers, names and terms of ``text``."""
    folded = normalize_for_comparison(text)
    tokens = tuple(TOKEN.findall(folded))
    stop = stopwords()
    stems = stems_of(tokens)
    content = frozenset(
        s for t, s in zip(tokens, stems, strict=True) if t not in stop and len(t) > 1
    )
    numbers = frozenset(normal_number(n) for n in NUMBER.findall(text))
    names = frozenset(n.casefold() for n in CAPITALISED.findall(text))
    bigrams = frozenset(pairwise(tokens))
    return SentenceWords(folded, tokens, content, numbers, names, _terms(stems), bigrams)


def sentence_terms(tokens: Sequence[str]) -> frozenset[str]:
    """The stem of each token and each pair of stems in a row (joined by a space)."""
    return _terms(stems_of(tokens))


def _terms(stems: list[str]) -> frozenset[str]:
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


def tfidf_norm(stems: frozenset[str], idf: dict[str, float]) -> float:
    """The length of a stem set's vector weighted by ``idf`` (unknown stems weigh 1)."""
    return math.sqrt(sum(idf.get(s, 1.0) ** 2 for s in stems))


def tfidf_cosine(
    a: SentenceWords, b: SentenceWords, idf: dict[str, float], norms: float | None = None
) -> float:
    """Cosine of the two sentences' stem sets weighted by ``idf`` (``norms``: the product of
    their ``tfidf_norm``, when known)."""
    shared = a.stems & b.stems
    if not shared:
        return 0.0
    dot = sum(idf.get(s, 1.0) ** 2 for s in shared)
    if norms is None:
        norms = tfidf_norm(a.stems, idf) * tfidf_norm(b.stems, idf)
    return dot / norms


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

    @functools.cached_property
    def by_term(self) -> dict[str, tuple[float, float, float]]:
        """Each weighted term's (kld, shared, one side) weights, 0 where one is missing."""
        terms = self.kld.keys() | self.shared.keys() | self.one_side.keys()
        return {
            t: (self.kld.get(t, 0.0), self.shared.get(t, 0.0), self.one_side.get(t, 0.0))
            for t in terms
        }


@functools.cache
def term_weights() -> TermWeights:
    """The term weights fitted on MSRP train (benchmarks/facts.py --fit writes them)."""
    stored = json.loads(TERM_WEIGHTS_FILE.read_text(encoding="utf-8"))
    columns = list(zip(*stored.values(), strict=True)) if stored else [(), (), ()]
    return TermWeights(*(dict(zip(stored, c, strict=True)) for c in columns))


@dataclass(frozen=True)
class TermSums:
    """Sums over one sentence's term weights that the TERM_FEATURES of each of its pairs
    read (made once a sentence, not once a pair)."""

    kld: float
    kld_squares: float
    one_side: float
    negative: tuple[tuple[float, str], ...]  # (one-side weight, term) below 0, lowest first


def term_sums(words: SentenceWords, weights: TermWeights) -> TermSums:
    """The TermSums of ``words`` under ``weights``."""
    table = weights.by_term
    found = [(t, table[t]) for t in words.terms if t in table]
    return TermSums(
        kld=sum(kld for _, (kld, _, _) in found),
        kld_squares=sum(kld**2 for _, (kld, _, _) in found),
        one_side=sum(one for _, (_, _, one) in found),
        negative=tuple(sorted((one, t) for t, (_, _, one) in found if one < 0)),
    )


def term_features(
    a: SentenceWords,
    b: SentenceWords,
    weights: TermWeights,
    sums: tuple[TermSums, TermSums] | None = None,
) -> list[float]:
    """The TERM_FEATURES of a pair, in that order (terms without a weight count zero;
    ``sums``: the two sentences' ``term_sums``, when known). What a term on one side only
    adds is the sentences' sums less what their shared terms add."""
    sum_a, sum_b = sums or (term_sums(a, weights), term_sums(b, weights))
    shared = a.terms & b.terms
    table = weights.by_term
    found = [table[t] for t in shared if t in table]
    kld_shared = sum(kld**2 for kld, _, _ in found)
    kld_in_shared = sum(kld for kld, _, _ in found)
    shared_evidence = sum(evidence for _, evidence, _ in found)
    one_side = sum_a.one_side + sum_b.one_side - 2 * sum(one for _, _, one in found)
    kld_total = sum_a.kld + sum_b.kld - kld_in_shared
    evidence = shared_evidence + one_side
    kld_a, kld_b = sum_a.kld_squares, sum_b.kld_squares
    return [
        kld_shared / math.sqrt(kld_a * kld_b) if kld_a and kld_b else 0.0,
        shared_evidence,
        one_side,
        evidence,
        evidence / (len(a.terms) + len(b.terms) - len(shared) + 1),
        kld_in_shared / kld_total if kld_total else 0.0,
        min(0.0, _worst(sum_a.negative, b.terms), _worst(sum_b.negative, a.terms)),
    ]


def _worst(negative: Sequence[tuple[float, str]], other: frozenset[str]) -> float:
    """The lowest one-side weight of a term the other sentence lacks (0 when none)."""
    return next((weight for weight, term in negative if term not in other), 0.0)


def lexical_features(
    a: SentenceWords, b: SentenceWords, idf: dict[str, float], weights: TermWeights | None = None
) -> list[float]:
    """The LEXICAL_FEATURES of a pair, in that order (``weights``: the shipped term weights
    unless given)."""
    return pair_rows([a, b], [(0, 1)], idf, weights)[0]


def pair_rows(
    words: Sequence[SentenceWords],
    pairs: Sequence[tuple[int, int]],
    idf: dict[str, float],
    weights: TermWeights | None = None,
) -> list[list[float]]:
    """The LEXICAL_FEATURES of each pair of ``words`` (given by index), what every pair of a
    sentence reads of it (TF-IDF norm, term sums) computed once a sentence."""
    weights = weights or term_weights()
    needed = {i for pair in pairs for i in pair}
    norms = {i: tfidf_norm(words[i].stems, idf) for i in needed}
    sums = {i: term_sums(words[i], weights) for i in needed}
    return [
        plain_lexical_features(words[i], words[j], idf, norms[i] * norms[j])
        + term_features(words[i], words[j], weights, (sums[i], sums[j]))
        for i, j in pairs
    ]


def plain_lexical_features(
    a: SentenceWords, b: SentenceWords, idf: dict[str, float], norms: float | None = None
) -> list[float]:
    """The LEXICAL_FEATURES of a pair before the TERM_FEATURES: nothing fitted on labels
    (``norms``: as for ``tfidf_cosine``)."""
    shared = len(a.stems & b.stems)
    shorter, longer = sorted((len(a.stems) or 1, len(b.stems) or 1))
    both_numbers = bool(a.numbers and b.numbers)
    return [
        tfidf_cosine(a, b, idf, norms),
        _jaccard(a.stems, b.stems),
        shared / shorter,
        shared / longer,
        _jaccard(a.bigrams, b.bigrams),
        min(len(a.tokens), len(b.tokens)) / max(len(a.tokens), len(b.tokens), 1),
        float(both_numbers and a.numbers == b.numbers),
        float(both_numbers and a.numbers != b.numbers),
        float(bool(a.numbers) != bool(b.numbers)),
        _jaccard(a.names, b.names),
        fuzz.token_set_ratio(a.folded, b.folded) / 100,
        fuzz.ratio(a.folded, b.folded) / 100,
        fuzz.partial_ratio(a.folded, b.folded) / 100,
    ]


def _jaccard(a: frozenset, b: frozenset) -> float:
    shared = len(a & b)
    union = len(a) + len(b) - shared
    return shared / union if union else 0.0
