"""The story step on places: open waters lie in no country; a place stays a place."""

from __future__ import annotations


def test_a_show_of_force_at_sea_is_aimed_at_no_country_of_the_sentence(events) -> None:
    """ "Iran sent warships to the Gulf of Aden": the gulf is no side, nor is Iran its own
    target (an unplaced place would take the sentence's one country)."""
    (sent,) = events("Iran sent warships to the Gulf of Aden.")
    assert sent.cameo == "154"
    assert [a.country for a in sent.source] == ["IRN"] and sent.target == ()
