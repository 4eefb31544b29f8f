"""Shared helpers for the clean-stage tests."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from eventwire.model import RawArticle

REPO_ROOT = Path(__file__).resolve().parents[2]
SEEDS_DIR = REPO_ROOT.parent / "shared" / "corpus" / "seeds"


def make_raw(text: str, origin: str = "test.txt", **metadata) -> RawArticle:
    """A RawArticle as the plain-text reader builds it (raw = text = file content)."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return RawArticle(
        origin=origin,
        source="test",
        raw=text,
        text=text,
        format="text",
        content_hash=digest,
        **metadata,
    )


@pytest.fixture
def seed_raw():
    """Build the RawArticle of the seed file whose name starts with ``prefix``."""

    def load(prefix: str) -> RawArticle:
        matches = sorted(SEEDS_DIR.glob(f"{prefix}_*.txt"))
        if not matches:
            pytest.skip(f"seed {prefix} not found in {SEEDS_DIR}")
        path = matches[0]
        return make_raw(path.read_text(encoding="utf-8"), origin=str(path))

    return load
