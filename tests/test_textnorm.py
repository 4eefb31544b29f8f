"""Normalisation for comparison folds what scrapes vary, and nothing else."""

from __future__ import annotations

import pytest

from eventwire.textnorm import (
    comparison_words,
    normalize_for_comparison,
    strip_control_characters,
)


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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("clear\x1b[2J\x1b[Hscreen", "clearscreen"),
        ("colour \x1b[1;31mred\x1b[0m text", "colour red text"),
        ("title\x1b]0;owned\x07 set", "title set"),
        ("title\x1b]2;owned\x1b\\ set", "title set"),
        ("one-byte CSI \x9b2J here", "one-byte CSI  here"),
        ("charset \x1b(B switch", "charset  switch"),
        ("nul\x00 bell\x07 backspace\x08 del\x7f c1\x90\x9f", "nul bell backspace del c1"),
        ("tab\tand\nline stay", "tab\tand\nline stay"),
        ("windows\r\nold mac\rnext line\x85", "windows\nold mac\nnext line\n"),
        ("Genève, Zürich, Praha, Łódź — “quoted”", "Genève, Zürich, Praha, Łódź — “quoted”"),
    ],
)
def test_control_characters_and_escape_sequences_are_stripped(text: str, expected: str) -> None:
    assert strip_control_characters(text) == expected


def test_a_stray_string_introducer_does_not_take_the_text_after_it() -> None:
    assert strip_control_characters("a\x1b]no end in sight, the body goes on") == (
        "ano end in sight, the body goes on"
    )


def test_single_line_values_lose_line_breaks_and_tabs() -> None:
    assert strip_control_characters("Bridge\r\n\treopens\x1b[2J", single_line=True) == (
        "Bridge reopens"
    )


def test_ascii_text_is_normalised_as_the_full_unicode_path_does() -> None:
    import random
    import unicodedata

    from eventwire.textnorm import PUNCTUATION_FOLDS, WHITESPACE_RUN, normalize_for_comparison

    def full(text: str) -> str:
        text = unicodedata.normalize("NFKC", text).translate(PUNCTUATION_FOLDS)
        return WHITESPACE_RUN.sub(" ", text).strip().casefold()

    rng = random.Random(7)
    alphabet = [chr(c) for c in range(128)]
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        assert normalize_for_comparison(text) == full(text), repr(text)
