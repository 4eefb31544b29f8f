"""The events tests' shared fixture: the coder on one made-up text."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.entities import EntitiesSettings, EntityRecognizer
from eventwire.events.coder import code_article
from eventwire.events.lexicon import load_lexicon
from eventwire.model import Document, EventMention


@pytest.fixture(scope="package")
def code() -> Callable[[str], list[EventMention]]:
    """A function coding one text as an article: entities with the parse, then the coder."""
    recognizer = EntityRecognizer(EntitiesSettings(n_process=1))

    def coded(text: str) -> list[EventMention]:
        document = Document(1, "test", "", text)
        (found,) = recognizer.recognize([document])
        return code_article(document, found.parse, found.mentions, load_lexicon())

    return coded
