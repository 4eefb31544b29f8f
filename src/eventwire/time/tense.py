"""Guess whether an expression points to the past or the future from its sentence."""

from __future__ import annotations

from itertools import zip_longest

from eventwire.time.patterns import (
    CLAUSE_BREAK,
    FUTURE_BEFORE_TO,
    FUTURE_CUES,
    NOT_PAST_AFTER,
    PAST_CUES,
    WORD,
)

PAST = "past"
FUTURE = "future"


def detect_direction(expression: str, context: str, window: int = 8) -> str | None:
    """``"past"`` or ``"future"`` from the tense cue nearest the expression, else None.

    Only the clause holding the expression is read, ``window`` words either side of it;
    the nearest cue wins ("said on Friday it will ..." is past, "will meet on Friday" future).
    A past form after "be", "will", "to", ... is a participle or infinitive, not a past cue.
    """
    before, after = _clause_around(expression.lower(), context.lower())
    left_words = WORD.findall(before)
    right_words = WORD.findall(after)
    left = [_cue(left_words, i) for i in range(len(left_words))][-window:][::-1]
    right = [_cue(right_words, i) for i in range(len(right_words))][:window]
    for pair in zip_longest(left, right):
        for direction in pair:
            if direction:
                return direction
    return None


def _clause_around(expression: str, context: str) -> tuple[str, str]:
    """The text of the expression's clause before and after it (empty when not found)."""
    at = context.find(expression)
    if at < 0 or not expression:
        return "", ""
    before = CLAUSE_BREAK.split(context[:at])[-1]
    after = CLAUSE_BREAK.split(context[at + len(expression) :])[0]
    return before, after


def _cue(words: list[str], index: int) -> str | None:
    word = words[index]
    if word in FUTURE_CUES or word.endswith("'ll"):
        return FUTURE
    if word == "to" and index > 0 and words[index - 1] in FUTURE_BEFORE_TO:
        return FUTURE
    past_form = word in PAST_CUES or (word.endswith("ed") and len(word) > 4)
    if past_form and (index == 0 or words[index - 1] not in NOT_PAST_AFTER):
        return PAST
    return None
