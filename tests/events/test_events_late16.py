"""The coder on made-up sentences: acts told in passing, market moves, resignations."""

from __future__ import annotations

import pytest

from eventwire.model import EventMention


def acts(mentions: list[EventMention]) -> list[str]:
    """The codes of the mentions that are no statements."""
    return [m.cameo for m in mentions if not m.cameo.startswith("01")]


@pytest.mark.parametrize(
    ("text", "cameo", "told"),
    [
        ("Kenyan troops, who shelled the border town on Monday, withdrew on Friday.", "194", True),
        ("The Kenyan troops who shelled the town withdrew on Friday.", "194", False),  # restrictive
        ("Kenyan troops, who attack the village every week, withdrew on Friday.", "180", False),
        ("President Clinton, who vetoed it, spoke on Monday.", "129", True),
        # a place is no doer; a clause inside a background one stays background
        (
            "Al Shabaab claimed the attack on the mall in Nairobi, which killed 67 people.",
            "1823",
            False,
        ),
        (
            "Kenyan troops entered Kismayo after Somali militants, who attacked it, withdrew.",
            "180",
            False,
        ),
    ],
)
def test_an_act_told_in_passing_in_a_relative_clause(
    code, text: str, cameo: str, told: bool
) -> None:
    assert (cameo in acts(code(text))) is told


def test_a_move_measured_in_percent_is_no_shooting(code) -> None:
    assert acts(code("Shares of Acme shot 32 percent higher on Monday.")) == []


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("The Kenyan minister announced his resignation on Monday.", "0831"),
        ("The Kenyan opposition demanded the resignation of the prime minister.", "1041"),
        ("Kenyan protesters called for the resignation of the president.", "0241"),
    ],
)
def test_a_resignation_announced_demanded_or_called_for(code, text: str, cameo: str) -> None:
    assert acts(code(text)) == [cameo]


def test_every_act_a_call_is_for_is_wrapped_and_nothing_else(code) -> None:
    text = (
        "Kenyan protesters called for the release of prisoners and the arrest of Ugandan "
        "soldiers by Kenyan police."
    )
    assert acts(code(text)) == ["0253"]
    reason = "Kenya demanded an apology from Uganda for the arrest of Kenyans by Ugandan police."
    assert "173" in acts(code(reason))  # a demand's reason happened
