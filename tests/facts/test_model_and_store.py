"""The sentence model from its wheel, and the stored facts of the seeded database."""

from __future__ import annotations

import numpy as np
import pytest

from eventwire.facts import embed
from eventwire.facts.stage import FactsStage
from eventwire.store import Repository


@pytest.mark.skipif(not embed.available(), reason="the sentence model's packages are missing")
def test_the_model_loads_from_its_wheel_and_separates_statements() -> None:
    vectors = embed.encode(
        [
            "The council approved the harbour budget on Monday.",
            "On Monday the harbour budget was approved by the council.",
            "Heavy snow closed the mountain pass for three days.",
        ]
    )
    assert vectors.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.3


def test_a_processed_story_is_not_pending_and_reads_back(seeded_db: str) -> None:
    with Repository.open(seeded_db) as repo:
        assert repo.pending_stories(FactsStage.name, FactsStage.version, FactsStage.after) == []
        stored = repo.story_facts(1)
        assert stored is not None and stored.aligned
        assert all(f.id is not None for f in stored.facts)
        assert repo.story_facts(999) is None
