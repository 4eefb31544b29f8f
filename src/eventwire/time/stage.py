"""The time stage's adapter to the stage contract (src/eventwire/stage.py)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from eventwire.model import MentionTime, StageReport, StageRun, StoryInput
from eventwire.stage import STORY
from eventwire.time.mentions import TIME_LABELS, story_times
from eventwire.time.request import TimeSettings

if TYPE_CHECKING:
    from eventwire.store import Repository


class TimeStage:
    """DATE/TIME mentions of each story normalised against its articles' publication times."""

    name = "time"
    version = 1
    scope = STORY
    after = "entities"

    def __init__(self, settings: TimeSettings) -> None:
        self.settings = settings

    def load(self, repo: Repository, ids: Sequence[int]) -> list[StoryInput]:
        """Each story's entity-read originals and their mentions."""
        return [repo.story_input(story_id) for story_id in ids]

    def run(self, records: Sequence[StoryInput]) -> list[list[MentionTime]]:
        """Each story's normalised time values."""
        return [story_times(story.documents, story.entities, self.settings) for story in records]

    def count(self, report: StageReport, record: StoryInput, outcome: list[MentionTime]) -> None:
        """Time mentions go in; normalised values go out."""
        report.count_in += sum(m.label in TIME_LABELS for e in record.entities for m in e.mentions)
        report.count_out += len(outcome)

    def save(
        self,
        repo: Repository,
        done: Sequence[tuple[StoryInput, list[MentionTime]]],
        runs: Sequence[StageRun],
    ) -> None:
        """Store the time values of each story's mentions, and the runs, in one transaction."""
        items = [(times, [d.id for d in story.documents]) for story, times in done]
        repo.save_story_times(items, runs)
