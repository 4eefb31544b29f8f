"""Names the model cuts in two are joined into one mention."""

from __future__ import annotations

import pytest

from eventwire.entities import EntityRecognizer
from eventwire.entities.spans import join_split_spans
from eventwire.model import Document, Mention


def spans(text: str, *parts: tuple[str, str]) -> list[Mention]:
    """Mentions of each (surface, label) at its first offset in ``text``."""
    found = []
    for surface, label in parts:
        start = text.index(surface)
        found.append(Mention(1, "body", 0, start, start + len(surface), surface, label))
    return found


@pytest.mark.parametrize(
    ("text", "parts", "joined"),
    [
        (
            "A Chilean Foreign Ministry note.",
            [("Chilean", "NORP"), ("Foreign Ministry", "ORG")],
            [("Chilean Foreign Ministry", "ORG")],
        ),
        (
            "Chile's Army denied it.",
            [("Chile", "GPE"), ("Army", "ORG")],
            [("Chile's Army", "ORG")],
        ),
        ("Ana Roe spoke.", [("Ana", "PERSON"), ("Roe", "PERSON")], [("Ana Roe", "PERSON")]),
        (
            "President Moon Jae-in spoke.",
            [("Moon Jae", "PERSON")],
            [("Moon Jae-in", "PERSON")],
        ),
        ("The Lima-based group", [("Lima", "GPE")], [("Lima", "GPE")]),
        # separated by punctuation, or the wrong kinds: left as they are
        (
            "Ana, Roe spoke.",
            [("Ana", "PERSON"), ("Roe", "PERSON")],
            [("Ana", "PERSON"), ("Roe", "PERSON")],
        ),
        (
            "Chilean and Peruvian envoys met.",
            [("Chilean", "NORP"), ("Peruvian", "NORP")],
            [("Chilean", "NORP"), ("Peruvian", "NORP")],
        ),
        (
            "Iran's IAEA envoy spoke.",
            [("Iran", "GPE"), ("IAEA", "ORG")],
            [("Iran", "GPE"), ("IAEA", "ORG")],
        ),
        (
            "Chile's the World Bank",
            [("Chile", "GPE"), ("the World Bank", "ORG")],
            [("Chile", "GPE"), ("the World Bank", "ORG")],
        ),
    ],
)
def test_split_names_are_joined(
    text: str, parts: list[tuple[str, str]], joined: list[tuple[str, str]]
) -> None:
    result = join_split_spans(spans(text, *parts), text)
    assert [(m.text, m.label) for m in result] == joined
    assert all(text[m.start : m.end] == m.text for m in result)


def test_the_recognizer_stores_a_split_institution_as_one_mention() -> None:
    text = "According to a Peruvian Foreign Ministry statement, the talks went well."
    [found] = EntityRecognizer().recognize([Document(1, "s", "", text)])
    assert ("Peruvian Foreign Ministry", "ORG") in {(m.text, m.label) for m in found.mentions}
    assert "Peruvian" not in {m.text for m in found.mentions}
