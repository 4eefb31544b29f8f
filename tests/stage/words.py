"""A small extra stage, written as docs/architecture.md "Adding a stage" says (for the tests).

In the project it would be ``src/eventwire/words/`` with ``settings.py`` and ``stage.py``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from eventwire.model import Document, StageRun, StoryInput
from eventwire.stage import ARTICLE, STORY

if TYPE_CHECKING:
    from eventwire.store import Repository

FAILING_WORD = "unreadable"  # an article whose title holds it makes the stage raise


@dataclass(frozen=True)
class WordsSettings:
    """Settings of the ``words`` stage (section ``[words]``)."""

    min_length: int = 1


class WordsStage:
    """Counts the words of every clustered article."""

    name = "words"
    version = 1
    scope = ARTICLE
    after = "stories"
    originals_only = False
    seen: ClassVar[list[int]] = []  # article ids it ran on successfully (for the tests)

    def __init__(self, settings: WordsSettings) -> None:
        self.settings = settings

    def load(self, repo: Repository, ids: Sequence[int]) -> list[Document]:
        """The documents of ``ids``."""
        return repo.documents(ids)

    def run(self, records: Sequence[Document]) -> list[int]:
        """The number of words of each document."""
        counts = [self._count(document) for document in records]
        WordsStage.seen += [document.id for document in records]
        return counts

    def _count(self, document: Document) -> int:
        if FAILING_WORD in document.title:
            raise ValueError(f"cannot count the words of {document.title!r}")
        return sum(len(w) >= self.settings.min_length for w in document.text.split())

    def save(
        self, repo: Repository, done: Sequence[tuple[Document, int]], runs: Sequence[StageRun]
    ) -> None:
        """Nothing to keep but the bookkeeping (a real stage writes through its store module)."""
        repo.record_runs(runs)


class StreamedWordsStage(WordsStage):
    """The ``words`` stage with a stream (as the entities stage has one): the runner gives it
    every pending article in one call; the stream breaks at an unreadable article."""

    streamed: ClassVar[list[int]] = []  # article ids counted by the stream

    def run_stream(self, records: Iterable[Document], count: int) -> Iterator[int]:
        """The number of words of each document, one at a time."""
        for document in records:
            words = self._count(document)
            StreamedWordsStage.streamed.append(document.id)
            yield words


class StoryWordsStage:
    """A batched story stage (as facts is): no state between stories, so it takes the
    runner's batch; it raises on a story of ``failing``."""

    name = "storywords"
    version = 1
    scope = STORY
    after = "stories"
    batched = True
    batches: ClassVar[list[list[int]]] = []  # the story ids of each call (for the tests)
    failing: ClassVar[set[int]] = set()

    def __init__(self, settings: WordsSettings) -> None:
        self.settings = settings

    def load(self, repo: Repository, ids: Sequence[int]) -> list[StoryInput]:
        """Each story, by id alone (the runner is under test, not the store)."""
        return [StoryInput(story_id, (), ()) for story_id in ids]

    def run(self, records: Sequence[StoryInput]) -> list[int]:
        """Each story's id, ten times over."""
        ids = [story.story_id for story in records]
        StoryWordsStage.batches.append(ids)
        for story_id in ids:
            if story_id in self.failing:
                raise ValueError(f"cannot read story {story_id}")
        return [10 * story_id for story_id in ids]

    def save(
        self, repo: Repository, done: Sequence[tuple[StoryInput, int]], runs: Sequence[StageRun]
    ) -> None:
        """The bookkeeping only."""
        repo.record_runs(runs)
