"""The facts stage's adapter to the stage contract (src/eventwire/stage.py)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from eventwire.facts.build import default_encoder
from eventwire.facts.helpers import stories_facts
from eventwire.facts.settings import FactsSettings
from eventwire.model import FactsInput, Rejection, StageReport, StageRun, StoryFacts
from eventwire.stage import STORY

if TYPE_CHECKING:
    from eventwire.store import Repository


class FactsStage:
    """Each story's claims aligned across its outlets into facts, and its consolidated form."""

    name = "facts"
    version = 3  # 2: embedding names floor, date ties in calendar order (2026-12-07);
    # 3: the sentence model with its top four layers fine-tuned (session 13)
    scope = STORY
    batched = True  # no state between stories: ``run`` takes the runner's batch of them
    after = "entities"  # runs after actors and time (registry order), on the same stories

    def __init__(self, settings: FactsSettings) -> None:
        self.settings = settings
        self.encoder = default_encoder(settings)  # the model itself loads on first use

    def load(self, repo: Repository, ids: Sequence[int]) -> list[FactsInput]:
        """Each story's originals with resolved mentions, and its copies."""
        return [repo.facts_input(story_id) for story_id in ids]

    def run(self, records: Sequence[FactsInput]) -> list[StoryFacts | Rejection]:
        """Each story's facts and consolidated form (stories shared with a helper process
        while a core is spare: ``helpers.stories_facts``)."""
        return stories_facts(records, self.settings, self.encoder)

    def count(self, report: StageReport, record: FactsInput, outcome: StoryFacts) -> None:
        """Claims go in; facts come out."""
        report.count_in += sum(len(f.claims) for f in outcome.facts)
        report.count_out += len(outcome.facts)

    def save(
        self,
        repo: Repository,
        done: Sequence[tuple[FactsInput, StoryFacts]],
        runs: Sequence[StageRun],
    ) -> None:
        """Store the stories' facts and the runs in one transaction."""
        repo.save_story_facts([result for _, result in done], runs)
