"""Settings of the ingest stage (the ``[ingest]`` section of the configuration)."""

from __future__ import annotations

from dataclasses import dataclass, field

from eventwire.plausible import DatesSettings


@dataclass(frozen=True)
class IngestSettings:
    """How inputs are read.

    Attributes:
        max_file_bytes: Files larger than this (and gzip pages that inflate beyond it) are
            rejected as ``too-large``.
        max_control_share: Share of control characters above which bytes are ``binary``
            (and a decoding is not sensible).
        include_tables: Keep the text of HTML ``<table>`` elements in the main text.
        retry_menu_text: When the main text reads like navigation (most words in short
            lines), extract again in trafilatura's full mode favouring precision.
        extend_split_body: When the body is split over same-kind blocks and the main text
            stops after the first, append the paragraphs of the later blocks.
        drop_link_lists: Drop main-text lines that are items of a list made of links
            (menus, "more stories").
        vote_on_disagreement: When trafilatura and readability disagree on a page, extract
            it once more favouring precision and keep the text the others agree with most
            (no body F1 gain measured at the defaults, about 1.7x the time; docs/extraction.md).
        favor_precision: Ask trafilatura for less but surer main text.
        favor_recall: Ask trafilatura for more text when unsure.
        dates: Limits of a plausible publication or update time (section ``[dates]``).
    """

    max_file_bytes: int = 50_000_000
    max_control_share: float = 0.05
    include_tables: bool = True
    retry_menu_text: bool = True
    extend_split_body: bool = True
    drop_link_lists: bool = True
    vote_on_disagreement: bool = False
    favor_precision: bool = False
    favor_recall: bool = False
    dates: DatesSettings = field(default_factory=DatesSettings)
