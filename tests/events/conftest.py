"""The events tests' shared fixture: the coder on one made-up text."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.actors import ActorResolver
from eventwire.entities import EntitiesSettings, EntityRecognizer
from eventwire.events.coder import code_article
from eventwire.events.lexicon import load_lexicon
from eventwire.events.merge import mention_key, merge_story
from eventwire.model import ArticleMeta, Document, Event, EventMention, EventsInput


@pytest.fixture(scope="package")
def code() -> Callable[[str], list[EventMention]]:
    """A function coding one text as an article: entities with the parse, then the coder."""
    recognizer = EntityRecognizer(EntitiesSettings(n_process=1))

    def coded(text: str) -> list[EventMention]:
        document = Document(1, "test", "", text)
        (found,) = recognizer.recognize([document])
        return code_article(document, found.parse, found.mentions, load_lexicon())

    return coded


@pytest.fixture(scope="package")
def events() -> Callable[[str], list[Event]]:
    """A function coding one text as a one-article story through the real path (entities with
    the parse, actors, the coder, the story step): the events it stores."""
    recognizer = EntityRecognizer(EntitiesSettings(n_process=1, parse=True))
    resolver = ActorResolver()

    def coded(text: str) -> list[Event]:
        document = Document(1, "test", "", text)
        (found,) = recognizer.recognize([document])
        result = resolver.resolve_story(1, [document], [found])
        actors = {a.key: a for a in result.actors}
        linked = tuple(
            (mention_key(1, link.mention), actors[link.actor_key])
            for link in result.links
            if link.actor_key in actors
        )
        mentions = code_article(document, found.parse, found.mentions, load_lexicon())
        story = EventsInput(1, (document,), (found,), (ArticleMeta(1, "test"),), linked)
        return merge_story(story, mentions)

    return coded
