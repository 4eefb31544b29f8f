"""The actors stage's adapter to the stage contract (src/eventwire/stage.py)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from eventwire.actors.people import PeopleIndex
from eventwire.actors.resolver import ActorResolver
from eventwire.actors.settings import ActorsSettings
from eventwire.model import Actor, StageRun, StoryActors, StoryInput
from eventwire.stage import STORY

if TYPE_CHECKING:
    from eventwire.store import Repository


class ActorsStage:
    """Canonical actors of each story that gained entity-read articles.

    Its state is the cross-story memory of people (restored from the store), so a person
    named in full in one story is recognised by surname in the next.
    """

    name = "actors"
    version = 8  # 2: singular group nouns ("a protester": civilians), session 15
    # 3: towns from GeoNames, older capitals, regions; a body of no one country coded by its kind
    # 4: a place named by the last words of another place of the story is that place
    # 5: ... only a place no gazetteer places ("Virginia" stays beside "West Virginia")
    # 6: more international bodies (APEC, the Inter-Parliamentary Union, regional banks and
    # communities, UN agencies) in data/organisations.yaml
    # 7: a town whose name a large town of another country bears is that country's when the
    # story names it and not the first ("Tripoli" in a story about Lebanon)
    # 8: a town a place noun describes is a place of the noun's nationality ("the Lebanese city
    # of Tripoli"), or moved by a later description ("... the north Lebanese port"); a body
    # named after its town is of the town's country ("Moscow State University", data/
    # town_bodies.yaml); a state's office named alone is its government ("the Iranian foreign
    # minister said", "the president of Armenia"); a qualifier of the office may stand between
    # a country word and a title ("Nigerian junior foreign minister Name"); a nationality and
    # a listed people the model tagged apart are one group ("Iraqi" + "Kurds")
    scope = STORY
    after = "entities"

    def __init__(self, settings: ActorsSettings) -> None:
        self.settings = settings
        self.resolver = ActorResolver(settings)  # reads the user's actor file: may raise
        self.people = PeopleIndex()
        self._remembered: set[tuple] = set()  # what matching reads of each remembered person

    def load_state(self, repo: Repository) -> list[Actor]:
        """Every stored person."""
        return repo.people()

    def restore(self, state: Sequence[Actor]) -> None:
        """Remember these people."""
        self.people, self._remembered = PeopleIndex(), set()
        self._remember(state)

    def snapshot(self) -> list[Actor]:
        """The people remembered so far."""
        return list(self.people.people)

    def load(self, repo: Repository, ids: Sequence[int]) -> list[StoryInput]:
        """Each story's entity-read originals and their mentions."""
        return [repo.story_input(story_id) for story_id in ids]

    def run(self, records: Sequence[StoryInput]) -> list[StoryActors]:
        """Each story's actors; the people found are remembered for the next stories."""
        results = []
        for story in records:
            result = self.resolver.resolve_story(
                story.story_id, story.documents, story.entities, self.people
            )
            self._remember(a for a in result.actors if a.type == "person")
            results.append(result)
        return results

    def _remember(self, people: Iterable[Actor]) -> None:
        """Add people to match later stories against, skipping one that adds nothing: the
        same key, name, country and aliases as a person already remembered (the same head of
        state in a hundred stories is compared once, and the first match stays the first)."""
        for person in people:
            seen = (
                person.key,
                person.name,
                person.country,
                frozenset(a.alias for a in person.aliases),
            )
            if seen not in self._remembered:
                self._remembered.add(seen)
                self.people.add(person)

    def save(
        self,
        repo: Repository,
        done: Sequence[tuple[StoryInput, StoryActors]],
        runs: Sequence[StageRun],
    ) -> None:
        """Store each story's actors and links, and the runs, in one transaction."""
        items = [(result, [d.id for d in story.documents]) for story, result in done]
        repo.save_story_actors(items, runs)
