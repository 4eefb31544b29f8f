"""Supervised term and piece weights of the pair model: fitted from labels as intended, read
by the features, fitted inside the training folds only, and shipped consistent with the
pair model (made-up sentences, not the seeds)."""

from __future__ import annotations

import numpy as np

from eventwire.facts import features, tokenalign
from eventwire.facts.features import (
    LEXICAL_FEATURES,
    TERM_FEATURES,
    TermWeights,
    sentence_words,
    term_features,
)
from eventwire.facts.pairmodel import EMBEDDING_FEATURES, load_pair_model
from eventwire.facts.tokenalign import (
    PIECE_FEATURES,
    UNMATCHED,
    PreparedTokens,
    SentenceTokens,
    piece_features,
)
from eventwire.facts.training import (
    fit_piece_weights,
    fit_term_weights,
    out_of_fold,
    split_validate,
)

SAME = [  # paraphrases: the verb is shared, the extra detail differs
    ("The mayor approved the budget on Friday.", "On Friday the mayor approved the budget."),
    ("The council approved the plan.", "The plan was approved by the council."),
    ("Officials approved the new harbour rules.", "The new harbour rules were approved."),
]
DIFFERENT = [  # not paraphrases: one side adds a claim the other lacks
    ("The mayor rejected the budget.", "The mayor rejected the budget and resigned."),
    ("The union rejected the offer.", "The union rejected the offer, then resigned."),
    ("The board rejected the merger.", "The chairman resigned after the board met."),
]


def _words(pairs: list[tuple[str, str]]) -> list[tuple]:
    return [(sentence_words(a), sentence_words(b)) for a, b in pairs]


def test_sentence_terms_are_stems_and_stem_pairs() -> None:
    terms = sentence_words("The councils approved budgets").terms
    assert {"council", "approv", "budget", "council approv", "the council"} <= terms
    assert "councils" not in terms


def test_term_weights_reward_shared_evidence_and_punish_one_sided_evidence() -> None:
    weights = fit_term_weights(_words(SAME + DIFFERENT), np.array([1] * 3 + [0] * 3))
    assert weights.shared["approv"] > 0  # shared in every paraphrase
    assert weights.one_side["resign"] < 0  # one side only, in non-paraphrases
    assert weights.kld["resign"] > weights.kld.get("the", 0.0)
    assert "mayor" in weights.kld and "harbour" not in weights.kld  # in one pair only


def test_term_features_read_the_weights() -> None:
    weights = TermWeights({"approv": 1.0}, {"resign": -2.0}, {"approv": 0.5, "resign": 0.5})
    same = term_features(*_words(SAME[:1])[0], weights)
    different = term_features(*_words(DIFFERENT[:1])[0], weights)
    assert len(same) == len(TERM_FEATURES)
    named = dict(zip(TERM_FEATURES, different, strict=True))
    assert named["term_one_side_evidence"] == named["term_worst_one_side"] == -2.0
    assert same[TERM_FEATURES.index("term_shared_evidence")] == 1.0
    assert same[TERM_FEATURES.index("term_evidence")] > named["term_evidence"]


def test_piece_weights_from_matches() -> None:
    pieces = [([1, 2, 3], np.array([0.9, 0.8, 0.2])), ([1, 4], np.array([0.9, 0.3]))] * 2
    weights = fit_piece_weights(pieces, np.array([1, 0, 1, 0]))
    assert weights.unmatched[4] < 0 < weights.matched[2]
    assert weights.matched[1] < weights.matched[2]  # matched in both classes alike
    matched, unmatched = weights.of([2, 4, 99])
    assert matched[2] == unmatched[2] == 0.0  # an unknown piece weighs nothing


def _prepared(ids: tuple[int, ...], matched: list[float], unmatched: list[float]):
    tokens = SentenceTokens("x", np.eye(len(ids), 4, dtype=np.float32), ids)
    return PreparedTokens(
        tokens, tokens.states, np.ones(len(ids)), False, np.array(matched), np.array(unmatched)
    )


def test_piece_features_add_matched_and_unmatched_weights() -> None:
    a = _prepared((1, 2), [0.5, 0.25], [-1.0, -2.0])
    b = _prepared((3,), [1.0], [-4.0])
    best_a, best_b = np.array([UNMATCHED, 0.1]), np.array([0.9])
    assert piece_features(a, best_a, b, best_b) == [1.5, -2.0, -0.5]
    assert len(PIECE_FEATURES) == 3


def test_rows_to_fit_on_come_from_weights_fitted_without_them() -> None:
    y = np.array([0, 1] * 10)
    seen: list[tuple[set, set]] = []

    def columns(fit_on: np.ndarray, rows: np.ndarray) -> np.ndarray:
        seen.append((set(fit_on.tolist()), set(rows.tolist())))
        return np.c_[y[rows] + 0.0]  # a feature only a leak could give

    pairs = np.arange(2, 20)
    rows = out_of_fold(columns, y, pairs)
    assert len(seen) == 5 and all(not fit & held for fit, held in seen)
    assert set().union(*(held for _, held in seen)) == set(pairs.tolist())
    assert rows[:, 0].tolist() == y[pairs].tolist()
    assert split_validate(columns, y, ["leak"])["accuracy"] == 1.0  # rows follow their pairs


def test_shipped_weights_match_the_pair_models() -> None:
    assert load_pair_model(False).features == LEXICAL_FEATURES
    assert load_pair_model(True).features == EMBEDDING_FEATURES
    terms, pieces = features.term_weights(), tokenalign.piece_weights()
    assert len(terms.kld) > 1000 and len(pieces.matched) > 1000
    for path in (features.TERM_WEIGHTS_FILE, tokenalign.PIECE_WEIGHTS_FILE):
        assert path.stat().st_size < 3_000_000


def test_shipped_term_weights_separate_a_paraphrase_from_an_added_claim() -> None:
    same = features.lexical_features(*_words(SAME[:1])[0], {})
    different = features.lexical_features(*_words(DIFFERENT[:1])[0], {})
    evidence = LEXICAL_FEATURES.index("term_evidence")
    assert same[evidence] > different[evidence]
