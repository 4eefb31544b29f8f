"""Lexical pair features computed the fast way (stems in one pass, sums made once a
sentence) equal the plain definitions, word for word and term for term (made-up text)."""

from __future__ import annotations

import math
import random

from eventwire.facts.features import (
    SUFFIXES,
    TermWeights,
    lexical_features,
    pair_rows,
    sentence_words,
    stem,
    stems_of,
    term_features,
)

ROOTS = ("", "a", "ab", "abc", "abcd", "it'", "o'clock", "re-st", "$1,0", "12.5")
SENTENCES = (
    "The councils approved the new budgets on Friday, officials said.",
    "On Friday the council approved a budget of $1,200 for the harbour.",
    "Officials said the harbour rules were approved by the councils.",
    "The union rejected the offer and its leaders resigned on Friday.",
    "Nothing was approved.",
)


def test_stems_of_a_text_are_each_words_stem() -> None:
    words = [root + suffix for root in ROOTS for suffix in ("", *SUFFIXES, "ingly", "sly")]
    words += [suffix for suffix in SUFFIXES]
    assert stems_of(words) == [stem(w) for w in words]
    assert stems_of([]) == []


def _plain_term_features(a, b, weights: TermWeights) -> list[float]:
    """The TERM_FEATURES as defined: sums over the shared terms and over one side's terms."""
    shared, one_side = a.terms & b.terms, a.terms ^ b.terms
    kld = weights.kld.get
    kld_a, kld_b = (sum(kld(t, 0.0) ** 2 for t in s.terms) for s in (a, b))
    shared_evidence = sum(weights.shared.get(t, 0.0) for t in shared)
    one_side_values = [weights.one_side.get(t, 0.0) for t in one_side]
    kld_in_shared = sum(kld(t, 0.0) for t in shared)
    kld_total = kld_in_shared + sum(kld(t, 0.0) for t in one_side)
    evidence = shared_evidence + sum(one_side_values)
    return [
        sum(kld(t, 0.0) ** 2 for t in shared) / math.sqrt(kld_a * kld_b) if kld_a * kld_b else 0,
        shared_evidence,
        sum(one_side_values),
        evidence,
        evidence / (len(shared) + len(one_side) + 1),
        kld_in_shared / kld_total if kld_total else 0.0,
        min([0.0, *one_side_values]),
    ]


def _random_weights(terms: set[str], seed: int) -> TermWeights:
    draw = random.Random(seed)
    chosen = sorted(terms)
    return TermWeights(
        {t: draw.uniform(-2, 2) for t in chosen if draw.random() < 0.7},
        {t: draw.uniform(-2, 2) for t in chosen if draw.random() < 0.7},
        {t: draw.uniform(0, 1) for t in chosen if draw.random() < 0.7},
    )


def test_term_features_from_sums_equal_the_definition() -> None:
    words = [sentence_words(s) for s in SENTENCES]
    for seed in range(20):
        weights = _random_weights(set().union(*(w.terms for w in words)), seed)
        for a in words:
            for b in words:
                fast, plain = term_features(a, b, weights), _plain_term_features(a, b, weights)
                assert all(
                    math.isclose(x, y, abs_tol=1e-12) for x, y in zip(fast, plain, strict=True)
                )


def test_pair_rows_equal_each_pairs_own_features() -> None:
    words = [sentence_words(s) for s in SENTENCES]
    idf = {"council": 2.0, "approv": 1.5}
    pairs = [(0, 1), (1, 2), (0, 3), (3, 4), (2, 2)]
    rows = pair_rows(words, pairs, idf)
    assert rows == [lexical_features(words[i], words[j], idf) for i, j in pairs]
    assert math.isclose(rows[-1][0], 1.0)  # a sentence with itself: TF-IDF cosine 1
