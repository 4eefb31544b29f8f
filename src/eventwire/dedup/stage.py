"""The dedup stage's adapter to the stage contract (src/eventwire/stage.py)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from eventwire.dedup.index import Deduplicator
from eventwire.dedup.settings import DedupSettings
from eventwire.model import Document, DuplicateLink, StageReport, StageRun
from eventwire.stage import STREAM

if TYPE_CHECKING:
    from eventwire.store import Repository


class DedupStage:
    """Links each article, in id order, to the earlier original it copies (or indexes it)."""

    name = "dedup"
    version = 1
    scope = STREAM
    after = None
    originals_only = False

    def __init__(self, settings: DedupSettings) -> None:
        self.settings = settings
        self.index = Deduplicator(settings)

    def load_state(self, repo: Repository) -> Iterable[Document]:
        """The originals indexed at this version and not yet forgotten by age, by id."""
        return repo.dedup_state(self.version, self.settings.max_age_days)

    def restore(self, state: Deduplicator | Iterable[Document]) -> None:
        """Take over an index (a snapshot), or index stored originals again."""
        if isinstance(state, Deduplicator):
            self.index = state
            return
        for document in state:
            self.index.restore(document)

    def snapshot(self) -> Deduplicator:
        """The live index (``restore`` takes it over)."""
        return self.index

    def load(self, repo: Repository, ids: Sequence[int]) -> list[Document]:
        """The documents of ``ids``."""
        return repo.documents(ids)

    def run(self, records: Sequence[Document]) -> list[DuplicateLink | None]:
        """The copy link of each document (None for an original)."""
        return [self.index.check_and_add(document) for document in records]

    def count(self, report: StageReport, record: Document, outcome: DuplicateLink | None) -> None:
        """Originals go out; copies are counted by kind."""
        report.count_in += 1
        if outcome is None:
            report.count_out += 1
        else:
            report.reject(f"{outcome.kind}-copy")

    def save(
        self,
        repo: Repository,
        done: Sequence[tuple[Document, DuplicateLink | None]],
        runs: Sequence[StageRun],
    ) -> None:
        """Store the links (replacing earlier ones of these articles) and the runs."""
        links = [link for _, link in done if link is not None]
        repo.save_duplicates([document.id for document, _ in done], links, runs)
