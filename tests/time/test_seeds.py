"""Acceptance on the seed articles: their weekdays resolve against the story's anchor.

The seeds are read at test time; the sentences are found with a weekday pattern, not copied.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from eventwire.time import normalize_time, resolve_anchor
from tests.conftest import SEEDS

WEEKDAY_SENTENCE = re.compile(r"[^.\n]*\b(Sunday|Friday)\b[^.\n]*")
DOTTED_DATE = re.compile(r"\b\d{2}\.\d{2}\.\d{4}\b")
EXPECTED = {"Sunday": "2026-02-08", "Friday": "2026-02-06"}


def seed_text(prefix: str) -> str:
    paths = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not paths:
        pytest.skip(f"seed {prefix} not found under {SEEDS}")
    return paths[0].read_text(encoding="utf-8")


def test_seed_weekdays_resolve_with_the_anchor_inferred_from_the_story() -> None:
    dated = seed_text("001")
    published = normalize_time(DOTTED_DATE.search(dated).group(0), None)
    assert published is not None and published.value == "2026-02-08"
    story_time = datetime.combine(published.start, datetime.min.time(), tzinfo=UTC)
    anchor, inferred = resolve_anchor(None, [story_time])  # seed 000 has no time of its own
    assert inferred
    found = list(WEEKDAY_SENTENCE.finditer(seed_text("000")))
    assert {m.group(1) for m in found} == {"Sunday", "Friday"}
    for match in found:
        for phrase in (match.group(1), f"on {match.group(1)}", f"the {match.group(1)} talks"):
            value = normalize_time(phrase, anchor, match.group(0))
            assert value is not None and value.value == EXPECTED[match.group(1)], match.group(0)
