"""The coder on made-up sentences of vows, withdrawals, suspensions and refugees taken in."""

from __future__ import annotations

import pytest

from eventwire.model import EventMention


def acts(mentions: list[EventMention]) -> list[str]:
    """The codes of the mentions that are no statements."""
    return [m.cameo for m in mentions if not m.cameo.startswith("01")]


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Tuareg rebels have sworn to fight until they take the northern towns.", ["1384"]),
        ("Kenya swore to defend its border with Somalia.", ["032"]),
        ("Kenyatta was sworn in as president of Kenya on Monday.", []),
        ("Kenyatta was sworn in to serve a second term as president of Kenya.", []),
        ("The Kenyan minister swore at reporters.", []),
        ("The jurors swore under oath that they could consider the death penalty.", []),
    ],
)
def test_swearing_vows_only_with_an_infinitive(code, text: str, codes: list[str]) -> None:
    assert acts(code(text)) == codes


def test_a_suspension_of_links_announced_reduces_relations(code) -> None:
    (found,) = acts(code("Italy announced a suspension of air links with Serbia."))
    assert found == "160"
    assert acts(code("Kenya announced the suspension of its aid to Uganda.")) == ["162"]


def test_refugees_taken_in_are_asylum_and_refusing_them_a_rejection(code) -> None:
    assert acts(code("Jordan accepted 2,000 more Syrian refugees last year.")) == ["075"]
    assert acts(code("Kenya hosts thousands of Somali refugees.")) == ["075"]
    assert "122" in acts(code("Syria says it will not accept any more refugees."))


def test_settlements_evacuated_are_a_withdrawal_and_a_future_one_an_intent(code) -> None:
    assert acts(code("Israel evacuated all 21 settlements in Gaza.")) == ["0874"]
    assert acts(code("Israel will evacuate all 21 settlements in Gaza.")) == ["0356"]
    assert acts(code("Police evacuated residents of the town after the flood.")) == []
    assert acts(code("Police evacuated the town after the flood.")) == []


def test_a_time_in_a_prepositional_phrase_is_no_object_of_the_act(code) -> None:
    """ "stopped work on the first day of the strike": no strike was stopped (082)."""
    text = "Dock workers stopped work on the first day of an open-ended strike in Lagos."
    assert acts(code(text)) == ["143"]
    assert acts(code("Dock workers in Lagos ended their strike on Monday.")) == ["082"]
