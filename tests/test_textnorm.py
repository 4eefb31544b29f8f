"""Normalisation for comparison folds what scrapes vary, and nothing else."""

from __future__ import annotations

from eventwire.textnorm import comparison_words, normalize_for_comparison


def test_curly_and_straight_quotes_compare_equal() -> None:
    assert normalize_for_comparison("Oman\u2019s \u201cview\u201d") == normalize_for_comparison(
        'Oman\'s "view"'
    )


def test_dashes_nbsp_zero_width_and_case_are_folded() -> None:
    assert normalize_for_comparison("US\u2013Iran\u00a0talks\u200b  END") == "us-iran talks end"


def test_compatibility_forms_are_folded() -> None:
    assert normalize_for_comparison("\ufb01nal \uff21") == "final a"


def test_different_words_stay_different() -> None:
    assert normalize_for_comparison("talks resumed") != normalize_for_comparison("talks ended")


def test_comparison_words_drop_punctuation_but_keep_inner_marks() -> None:
    assert comparison_words("The U.S. envoy\u2019s co-chair said: \u201cyes.\u201d") == [
        "the",
        "u.s",
        "envoy's",
        "co-chair",
        "said",
        "yes",
    ]
