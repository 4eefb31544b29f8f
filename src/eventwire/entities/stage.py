"""The entities stage's adapter to the stage contract (src/eventwire/stage.py)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from eventwire.entities.recognizer import EntityRecognizer
from eventwire.entities.settings import EntitiesSettings
from eventwire.model import ArticleEntities, Document, Rejection, Skipped, StageRun
from eventwire.stage import ARTICLE

if TYPE_CHECKING:
    from eventwire.store import Repository

SKIP_REASONS = frozenset({"too-long"})  # left out on purpose (a setting), not failures


class EntitiesStage:
    """Named-entity mentions of every clustered original (spaCy, loaded on first use)."""

    name = "entities"
    version = 2  # 2: paragraph breaks end sentences (entities/paragraphs.py)
    scope = ARTICLE
    after = "stories"
    originals_only = True

    def __init__(self, settings: EntitiesSettings) -> None:
        self.settings = settings
        self.recognizer = EntityRecognizer(settings)

    def load(self, repo: Repository, ids: Sequence[int]) -> list[Document]:
        """The documents of ``ids``."""
        return repo.documents(ids)

    def run(self, records: Sequence[Document]) -> list[ArticleEntities | Rejection | Skipped]:
        """Each document's mentions; an article over ``max_chars`` is skipped, with a note."""
        return [_as_skip(outcome) for outcome in self.recognizer.recognize(records)]

    def run_stream(
        self, records: Iterable[Document], count: int
    ) -> Iterator[ArticleEntities | Rejection | Skipped]:
        """``run`` over ``count`` documents read lazily, as one spaCy stream (the runner saves
        as it goes; the worker processes start once, not once a batch)."""
        for outcome in self.recognizer.recognize_stream(records, count):
            yield _as_skip(outcome)

    def save(
        self,
        repo: Repository,
        done: Sequence[tuple[Document, ArticleEntities]],
        runs: Sequence[StageRun],
    ) -> None:
        """Store the mentions (replacing earlier ones of these articles) and the runs."""
        repo.save_entities([found for _, found in done], runs)


def _as_skip(
    outcome: ArticleEntities | Rejection,
) -> ArticleEntities | Rejection | Skipped:
    if isinstance(outcome, Rejection) and outcome.reason in SKIP_REASONS:
        return Skipped(outcome.origin, outcome.reason, f"not read for entities: {outcome.message}")
    return outcome
