"""Acceptance on the two seed articles, end to end through the CLI on a temporary database."""

from __future__ import annotations

import sqlite3

import pytest

from tests.conftest import CliResult, run_eventwire


@pytest.fixture
def seeded(seeded_db: str) -> str:
    """The seeds ingested and processed by `eventwire run` (conftest's session database)."""
    return seeded_db


def actors_json(url: str, *args: str) -> list[dict]:
    result: CliResult = run_eventwire(url, "actors", "--json", *args)
    assert result.code == 0, result.stderr
    return result.json()["items"]  # type: ignore[index]


def one(actors: list[dict], **fields: object) -> dict:
    found = [a for a in actors if all(a[k] == v for k, v in fields.items())]
    assert len(found) == 1, (fields, [a["name"] for a in actors])
    return found[0]


def stories_of(url: str, name: str) -> list[int]:
    result = run_eventwire(url, "actor", name, "--json")
    assert result.code == 0, result.stderr
    return [s["story_id"] for s in result.json()["stories"]]  # type: ignore[index]


def mention_articles(url: str, actor_id: int) -> set[int]:
    path = url.removeprefix("sqlite:///")
    with sqlite3.connect(path) as conn:
        rows = conn.execute(
            "SELECT DISTINCT m.article_id FROM actor_mentions am JOIN mentions m"
            " ON m.id = am.mention_id WHERE am.actor_id = ?",
            (actor_id,),
        )
        return {row[0] for row in rows}


def test_one_foreign_minister_with_mentions_in_both_articles(seeded: str) -> None:
    people = [a for a in actors_json(seeded) if a["type"] == "person"]
    lavrov = one(people, name="Sergey Lavrov")
    assert (lavrov["country"], lavrov["sector"], lavrov["roles"]) == (
        "RUS",
        "GOV",
        ["Foreign Minister"],
    )
    assert mention_articles(seeded, lavrov["id"]) == {1, 2}
    assert not [p for p in people if "Lavrov" in p["name"] and p is not lavrov]


def test_three_spellings_are_one_actor(seeded: str) -> None:
    people = [a for a in actors_json(seeded) if a["type"] == "person"]
    [busaidi] = [p for p in people if "Badr" in p["name"]]
    aliases = {a["alias"] for a in busaidi["aliases"]}
    assert {"Badr Albusaidi", "Badr al-Busaidi", "Badr bin Hamad Al Busaidi"} <= aliases
    assert (busaidi["country"], busaidi["sector"], busaidi["roles"]) == (
        "OMN",
        "GOV",
        ["Foreign Minister"],
    )
    assert len(people) == 2


def test_countries_capitals_and_demonyms(seeded: str) -> None:
    actors = actors_json(seeded, "--story", "1")
    by_alias = {a["alias"]: actor for actor in actors for a in actor["aliases"]}
    for name in ("Russia", "Oman", "Iran", "United States"):
        one(actors, type="country", name=name)
    assert by_alias["Washington"]["country"] == "USA"
    assert by_alias["Tehran"]["country"] == "IRN"
    assert by_alias["Iranian"]["country"] == "IRN"
    assert by_alias["American"]["country"] == "USA"
    muscat = by_alias["Muscat"]
    assert (muscat["type"], muscat["country"]) == ("place", "OMN")


def test_actor_lookup_by_alias(seeded: str) -> None:
    assert stories_of(seeded, "Lavrov") == [1]
    assert stories_of(seeded, "badr bin hamad al busaidi") == [1]
    missing = run_eventwire(seeded, "actor", "Nobody At All", "--json")
    assert missing.code == 1


def test_weekdays_resolve_against_the_inferred_anchor(seeded: str) -> None:
    path = seeded.removeprefix("sqlite:///")
    with sqlite3.connect(path) as conn:
        rows = conn.execute(
            "SELECT m.text, m.time_value, m.time_anchor_inferred FROM mentions m"
            " JOIN articles a ON a.id = m.article_id WHERE a.published_at IS NULL"
            " AND m.label IN ('DATE', 'TIME')"
        ).fetchall()
    values = {(text, value, bool(inferred)) for text, value, inferred in rows}
    assert ("Sunday", "2026-02-08", True) in values
    assert ("Friday", "2026-02-06", True) in values


def test_tables_and_unknown_story(seeded: str) -> None:
    table = run_eventwire(seeded, "actors")
    assert table.code == 0 and "Sergey Lavrov" in table.stdout
    story = run_eventwire(seeded, "story", "1")
    assert "Actors" in story.stdout and "Muscat" in story.stdout
    story_json = run_eventwire(seeded, "story", "1", "--json").json()
    assert {"id", "name", "type", "country", "sector", "roles", "aliases"} <= set(
        story_json["actors"][0]  # type: ignore[index]
    )
    assert run_eventwire(seeded, "actors", "--story", "99").code == 1


def test_the_foreign_ministry_is_aliased_by_its_full_name(seeded: str) -> None:
    actors = actors_json(seeded, "--story", "1")
    ministry = one(actors, type="institution", country="RUS", sector="GOV")
    aliases = {a["alias"]: a["count"] for a in ministry["aliases"]}
    assert aliases.get("Russian Foreign Ministry", 0) >= 2
    assert "Russian" not in aliases
