"""Ingest: read input files (text, HTML, JSONL) into RawArticles and Rejections.

``iter_inputs`` yields one InputFile per file; ``read_web_page`` reads one fetched page (with
``PageHints`` from its feed). Bad input becomes a Rejection, never an exception. These names
(``__all__``) are ingest's public API; the rest are its internals. See docs/ingest.md.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from eventwire.ingest.settings import IngestSettings
from eventwire.lazy import lazy_exports
from eventwire.model import InputFile, Rejection

if TYPE_CHECKING:
    from eventwire.ingest.dates import parse_datetime
    from eventwire.ingest.html import PageHints
    from eventwire.ingest.readers import READERS
    from eventwire.ingest.web import read_web_page

MODULE_OF = {
    "READERS": "eventwire.ingest.readers",
    "PageHints": "eventwire.ingest.html",
    "parse_datetime": "eventwire.ingest.dates",
    "read_web_page": "eventwire.ingest.web",
}
__all__ = [
    "READERS",
    "IngestSettings",
    "PageHints",
    "iter_inputs",
    "parse_datetime",
    "read_web_page",
]


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
    from eventwire.ingest.discover import discover_files
    from eventwire.ingest.readers import iter_path

    for found in discover_files(Path(p) for p in paths):
        if isinstance(found, Rejection):
            yield InputFile(origin=found.origin, rejections=(found,))
        else:
            yield from iter_path(found, source, settings)


__getattr__ = lazy_exports(__name__, MODULE_OF)
