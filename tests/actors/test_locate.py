"""A country named as the other side of a sentence's act (actors/data/other_side.yaml)."""

from __future__ import annotations

import pytest

from eventwire.actors.locate import names_other_side
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
