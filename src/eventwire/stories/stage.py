"""The stories stage's adapter to the stage contract (src/eventwire/stage.py)."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from eventwire.model import ClusterCandidate, Document, StageReport, StageRun, StoryAssignment
from eventwire.stage import STREAM
from eventwire.stories.clusterer import StoryClusterer
from eventwire.stories.settings import StoriesSettings

if TYPE_CHECKING:
    from eventwire.store import Repository

StoredMember = tuple[Document, int, int | None]  # document, story id, copy_of
Snapshot = tuple[StoryClusterer, dict[int, int]]


class StoriesStage:
    """Places each article, in id order, in a story: a copy joins its original's story."""

    name = "stories"
    version = 1
    scope = STREAM
    after = "dedup"
    originals_only = False

    def __init__(self, settings: StoriesSettings) -> None:
        self.settings = settings
        self.clusterer = StoryClusterer(settings)
        self.story_of: dict[int, int] = {}  # article id -> story id (of stories still held)
        self._placed: deque[int] = deque()  # article ids in the order they were placed

    def load_state(self, repo: Repository) -> Iterable[StoredMember]:
        """Every article clustered at this version in a story not yet forgotten by age, by id."""
        return repo.stories_state(self.version, self.settings.max_age_days)

    def restore(self, state: Snapshot | Iterable[StoredMember]) -> None:
        """Take over a snapshot, or replay stored originals into their stories."""
        if isinstance(state, tuple) and isinstance(state[0], StoryClusterer):
            self.clusterer, self.story_of = state[0], dict(state[1])
            self._placed = deque(self.story_of)
            return
        for document, story_id, copy_of in state:
            self._remember(document.id, story_id)
            if copy_of is None:
                self.clusterer.restore(document, story_id)

    def snapshot(self) -> Snapshot:
        """The clusterer and the article -> story map."""
        return self.clusterer, dict(self.story_of)

    def load(self, repo: Repository, ids: Sequence[int]) -> list[ClusterCandidate]:
        """The documents of ``ids`` with the copy links dedup found."""
        links = repo.duplicate_links(ids)
        return [ClusterCandidate(d, links.get(d.id)) for d in repo.documents(ids)]

    def run(self, records: Sequence[ClusterCandidate]) -> list[StoryAssignment]:
        """The story each article joins (or opens)."""
        return [self._assign(candidate) for candidate in records]

    def _assign(self, candidate: ClusterCandidate) -> StoryAssignment:
        link = candidate.duplicate
        if link is not None and link.copy_of in self.story_of:
            story_id = self.story_of[link.copy_of]
            assignment = StoryAssignment(candidate.id, story_id, link.similarity, is_new=False)
        else:
            assignment = self.clusterer.assign(candidate.document)
        self._remember(candidate.id, assignment.story_id)
        return assignment

    def _remember(self, article_id: int, story_id: int) -> None:
        """Note the article's story; forget the oldest articles whose story the clusterer forgot."""
        self.story_of[article_id] = story_id
        self._placed.append(article_id)
        while self._placed and not self.clusterer.is_live(self.story_of.get(self._placed[0], 0)):
            self.story_of.pop(self._placed.popleft(), None)

    def _joins_original(self, candidate: ClusterCandidate) -> bool:
        link = candidate.duplicate
        return link is not None and link.copy_of in self.story_of

    def count(
        self, report: StageReport, record: ClusterCandidate, outcome: StoryAssignment
    ) -> None:
        """Originals placed by the clusterer go in; new stories go out (copies are not counted)."""
        if self._joins_original(record):
            return
        report.count_in += 1
        report.count_out += int(outcome.is_new)

    def save(
        self,
        repo: Repository,
        done: Sequence[tuple[ClusterCandidate, StoryAssignment]],
        runs: Sequence[StageRun],
    ) -> None:
        """Store memberships, new stories, spans and the runs in one transaction."""
        repo.save_assignments([c.id for c, _ in done], [a for _, a in done], runs)
