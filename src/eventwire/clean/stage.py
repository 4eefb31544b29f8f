"""The clean stage's adapter to the stage contract (src/eventwire/stage.py)."""

from __future__ import annotations

from collections.abc import Sequence

from eventwire.clean.cleaner import clean_article
from eventwire.clean.settings import CleanSettings
from eventwire.model import CleanArticle, RawArticle, Rejection
from eventwire.stage import ARTICLE


class CleanStage:
    """Raw article text -> CleanArticle (or a Rejection when no body is left); runs at ingest."""

    name = "clean"
    version = 1
    scope = ARTICLE
    after = None

    def __init__(self, settings: CleanSettings) -> None:
        self.settings = settings

    def run(self, records: Sequence[RawArticle]) -> list[CleanArticle | Rejection]:
        """One clean article (or rejection) per raw article."""
        return [clean_article(raw, self.settings) for raw in records]
