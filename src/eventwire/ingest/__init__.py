"""Ingest: read input files (text, HTML, JSONL) into RawArticles and Rejections.

``iter_inputs`` yields one InputFile per file; bad input becomes a Rejection, never an
exception. See docs/ingest.md.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from eventwire.ingest.discover import discover_files
from eventwire.ingest.readers import READERS, iter_path
from eventwire.ingest.settings import IngestSettings
from eventwire.model import InputFile, Rejection

__all__ = ["READERS", "IngestSettings", "iter_inputs"]


def iter_inputs(
    paths: Sequence[Path],
    source: str | None = None,
    settings: IngestSettings = IngestSettings(),  # noqa: B008 (frozen, safe to share)
) -> Iterator[InputFile]:
    """One InputFile per input file, in a deterministic order.

    Args:
        paths: Files and directories (walked recursively, sorted, non-article files skipped).
        source: The ``--source`` outlet, used when an article has neither a source field nor
            a URL.
        settings: Ingest settings.
    """
    for found in discover_files(Path(p) for p in paths):
        if isinstance(found, Rejection):
            yield InputFile(origin=found.origin, rejections=(found,))
        else:
            yield from iter_path(found, source, settings)
