"""A story's people by surname, for a side the entity model read as a common noun."""

from __future__ import annotations

from eventwire.events.merge import surnames
from eventwire.model import Actor


def person(name: str) -> Actor:
    return Actor(f"person:{name.lower()}", name, "person")


def test_surnames_are_read_as_the_actors_stage_reads_names() -> None:
    """ "Luther Brandon Jr." is Brandon, "Badr al-Busaidi" also Busaidi; a surname two people
    share names neither."""
    names = ("Luther Brandon Jr.", "Badr al-Busaidi", "Ana Roe", "Li Roe")
    found = surnames([person(name) for name in names])
    assert found["brandon"].name == "Luther Brandon Jr."
    assert found["busaidi"].name == "Badr al-Busaidi"
    assert "roe" not in found and "jr" not in found
