"""People across the whole store: runs apart, stories apart, and looking them up by name."""

from __future__ import annotations

import pytest

from tests.actors.test_store import write_article
from tests.conftest import run_eventwire

PIPELINE = (
    "Hungarian Foreign Minister Tomas Varga signed a gas pipeline agreement with Serbia in "
    "Belgrade on Monday. Varga said the pipeline would carry gas from the Black Sea by 2028, "
    "and Serbian officials welcomed the deal.\n"
)
EMBASSY = (
    "Tomas Varga, Hungary's foreign minister, opened a new embassy in Hanoi on Thursday and met "
    "Vietnamese trade officials. Varga told reporters that exports of medicines to Vietnam had "
    "doubled.\n"
)
COURT = (
    "Slovak judge Helena Varga was appointed to the constitutional court in Bratislava on "
    "Sunday. Varga said the court would hear its first case on media freedom in March.\n"
)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    """Three stories, each ingested by a run of its own."""
    tmp = tmp_path_factory.mktemp("store-wide")
    url = f"sqlite:///{tmp / 'store.db'}"
    # Short articles that share a minister's name: keep the three events apart for certain.
    config = tmp / "eventwire.toml"
    config.write_text("[stories]\nthreshold = 0.6\nundated_threshold = 0.6\n", encoding="utf-8")
    for name, title, body in (
        ("pipeline", "Hungary and Serbia sign gas pipeline deal", PIPELINE),
        ("embassy", "New embassy opens in Hanoi", EMBASSY),
        ("court", "New constitutional court judge appointed", COURT),
    ):
        write_article(tmp / name / "outlet-a", f"{name}.txt", title, body)
        result = run_eventwire(url, "-q", "--config", str(config), "run", str(tmp / name))
        assert result.code == 0, result.stderr
    return url


def people(url: str) -> list[dict]:
    result = run_eventwire(url, "actors", "--json")
    assert result.code == 0, result.stderr
    return [a for a in result.json()["items"] if a["type"] == "person"]  # type: ignore[index]


def test_one_person_in_two_stories_of_two_runs_is_one_actor(store: str) -> None:
    stories = run_eventwire(store, "stories", "--json").json()["items"]  # type: ignore[index]
    assert len(stories) == 3
    tomas = [p for p in people(store) if p["name"] == "Tomas Varga"]
    assert len(tomas) == 1
    shown = run_eventwire(store, "actor", "Tomas Varga", "--json")
    assert shown.code == 0, shown.stderr
    assert len(shown.json()["stories"]) == 2  # type: ignore[index]
    assert shown.json()["country"] == "HUN"  # type: ignore[index]


def test_namesakes_in_different_stories_stay_two_actors(store: str) -> None:
    vargas = {p["name"]: p for p in people(store) if "Varga" in p["name"]}
    assert set(vargas) == {"Tomas Varga", "Helena Varga"}
    helena = run_eventwire(store, "actor", "Helena Varga", "--json").json()
    titles = [s["title"] for s in helena["stories"]]  # type: ignore[index]
    assert titles == ["New constitutional court judge appointed"]


def test_a_name_several_actors_share_lists_them_and_exits_2(store: str) -> None:
    vargas = {p["name"]: p["id"] for p in people(store) if "Varga" in p["name"]}
    plain = run_eventwire(store, "actor", "varga")
    assert plain.code == 2
    assert len(plain.stderr.strip().splitlines()) == 1
    for name, actor_id in vargas.items():
        assert f"{actor_id} {name}" in plain.stderr
    as_json = run_eventwire(store, "actor", "Varga", "--json")
    assert as_json.code == 2
    candidates = as_json.json()["candidates"]  # type: ignore[index]
    assert {c["id"] for c in candidates} == set(vargas.values())
    by_id = run_eventwire(store, "actor", str(vargas["Helena Varga"]), "--json")
    assert by_id.code == 0 and by_id.json()["name"] == "Helena Varga"  # type: ignore[index]


def test_a_surname_alone_finds_a_person_named_only_in_full(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'store.db'}"
    body = (
        "Jordanian Foreign Minister Karim al-Haddad met European envoys in Amman on Monday to "
        "discuss water sharing. Officials said Karim al-Haddad would travel to Brussels next "
        "month.\n"
    )
    write_article(tmp_path / "water" / "outlet-a", "water.txt", "Water talks in Amman", body)
    assert run_eventwire(url, "-q", "run", str(tmp_path / "water")).code == 0
    found = run_eventwire(url, "actor", "Haddad", "--json")
    assert found.code == 0, found.stderr
    assert found.json()["name"] == "Karim al-Haddad"  # type: ignore[index]
    assert run_eventwire(url, "actor", "Hadda").code != 0  # a surname, not any ending


@pytest.mark.parametrize("query", ["²", "99999999999999999999", "Var%", "V_rga", "%"])
def test_odd_lookups_are_not_found_without_a_crash(store: str, query: str) -> None:
    result = run_eventwire(store, "actor", query)
    assert result.code == 1, result.stderr
    assert "Traceback" not in result.stderr and "not found" in result.stderr
