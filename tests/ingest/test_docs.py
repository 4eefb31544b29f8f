"""docs/ingest.md covers every setting, rejection reason and reader suffix."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from eventwire.ingest import READERS, IngestSettings
from eventwire.ingest.errors import REASONS

DOC = Path(__file__).resolve().parents[2] / "docs" / "ingest.md"


@pytest.fixture(scope="module")
def doc_text() -> str:
    return DOC.read_text(encoding="utf-8")


def test_every_setting_is_documented(doc_text: str) -> None:
    for field in dataclasses.fields(IngestSettings):
        assert f"`{field.name}`" in doc_text, field.name


def test_every_reason_is_documented(doc_text: str) -> None:
    for reason in REASONS:
        assert f"| `{reason}` |" in doc_text, reason


def test_every_suffix_is_documented(doc_text: str) -> None:
    for suffix in READERS:
        assert f"`{suffix}`" in doc_text, suffix
