"""The coder's own lemmas and coarse POS (the parse is made without spaCy's lemmatizer)."""

from __future__ import annotations

import pytest

from eventwire.events.lemmas import coarse_pos, noun_lemma, verb_lemma


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("negotiated", "negotiate"),
        ("stopped", "stop"),
        ("called", "call"),
        ("expelled", "expel"),
        ("agreed", "agree"),
        ("agreeing", "agree"),
        ("carried", "carry"),
        ("focused", "focus"),
        ("accused", "accuse"),
        ("held", "hold"),
        ("said", "say"),
        ("threatens", "threaten"),
    ],
)
def test_verb_lemmas(word: str, lemma: str) -> None:
    assert verb_lemma(word) == lemma


@pytest.mark.parametrize(
    ("word", "lemma"),
    [("talks", "talk"), ("allies", "ally"), ("ties", "tie"), ("marches", "march"),
     ("crisis", "crisis"), ("forces", "force"), ("news", "news")],
)  # fmt: skip
def test_noun_lemmas(word: str, lemma: str) -> None:
    assert noun_lemma(word) == lemma


def test_auxiliaries_and_modals_are_aux() -> None:
    assert coarse_pos("MD", "aux") == "AUX"
    assert coarse_pos("VBZ", "aux") == "AUX"
    assert coarse_pos("VBD", "ROOT") == "VERB"
    assert coarse_pos("NNP", "nsubj") == "PROPN"
    assert coarse_pos(",", "punct") == "PUNCT"
