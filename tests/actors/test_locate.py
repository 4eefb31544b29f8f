"""A country named as the other side of a sentence's act (actors/data/other_side.yaml)."""

from __future__ import annotations

import pytest

from eventwire.actors.locate import countries_by_sentence, names_other_side
from eventwire.model import Actor, Mention


def other_side(text: str, name: str) -> bool:
    start = text.index(name)
    mention = Mention(1, "body", 0, start, start + len(name), name, "GPE")
    actor = Actor(f"country:{name}", name, "country", "XXX", None, "XXX")
    return names_other_side(text, mention, actor)


@pytest.mark.parametrize(
    "text",
    [
        "The president threatened further action against Russia.",
        "The minister held talks with Peru on Monday.",
        "The king traveled to the United Kingdom last week.",
    ],
)
def test_a_state_after_a_directional_word_is_the_other_side(text: str) -> None:
    name = next(n for n in ("Russia", "Peru", "United Kingdom") if n in text)
    assert other_side(text, name)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Nine soldiers died, according to Pakistan, in the raid.", "Pakistan"),
        ("Washington along with Britain demanded a vote.", "Britain"),
        ("The troops, together with the United Kingdom, advanced.", "United Kingdom"),
        ("Its army is small compared to Russia.", "Russia"),
        ("Aid arrived, thanks to Japan, on Friday.", "Japan"),
    ],
)
def test_a_phrase_ending_in_to_or_with_may_name_a_source_or_companion(text: str, name: str) -> None:
    """ "according to Pakistan" names the source, "along with Britain" the same side: neither
    is the other side (other_side.yaml not_after)."""
    assert not other_side(text, name)


def test_countries_by_sentence_reads_each_part_in_its_own_text() -> None:
    """One rule for the state-title locator and the events' unplaced sides: a title's "talks
    with Peru" is read in the title (Peru is the other side there, not in the body), and a
    person's country counts only when people are asked for."""
    title, body = "Chile holds talks with Peru", "Peru and Chile met. Bachelet spoke."
    peru = Actor("country:PER", "Peru", "country", "PER", None, "PER")
    chile = Actor("country:CHL", "Chile", "country", "CHL", None, "CHL")
    person = Actor("person:b", "Bachelet", "person", "CHL", None, None)

    def at(part: str, text: str, name: str, sentence: int = 0) -> Mention:
        start = text.index(name)
        return Mention(1, part, sentence, start, start + len(name), name, "GPE")

    named = [
        (at("title", title, "Peru"), peru),
        (at("title", title, "Chile"), chile),
        (at("body", body, "Peru"), peru),
        (at("body", body, "Bachelet", 1), person),
    ]
    texts = {(1, "title"): title, (1, "body"): body}
    found = countries_by_sentence(named, texts)
    assert found[(1, "title", 0)] == {"CHL"} and found[(1, "body", 0)] == {"PER"}
    assert found[(1, "body", 1)] == {"CHL"}
    assert (1, "body", 1) not in countries_by_sentence(named, texts, people=False)
