"""The API over PostgreSQL: the seeds stored and processed there, served by a real server."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn

from eventwire.api import create_app
from eventwire.store import Repository
from tests.conftest import copy_seeds, run_eventwire
from tests.served import free_port
from tests.store.postgres import create_database, postgres_cluster


@pytest.fixture(scope="module")
def pg_served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A uvicorn server (in a thread) over a PostgreSQL database holding the seeds."""
    with postgres_cluster() as server_url:
        db_url = create_database(server_url)
        corpus = copy_seeds(tmp_path_factory.mktemp("pg") / "seeds")
        result = run_eventwire(db_url, "--quiet", "run", str(corpus))
        assert result.code == 0, result.stderr
        repo = Repository.open(db_url)
        server = uvicorn.Server(
            uvicorn.Config(
                create_app(repo, token=""), port=(port := free_port()), log_level="warning"
            )
        )
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
        server.should_exit = True
        thread.join(timeout=10)
        repo.close()


def test_stories_facets_and_search_on_postgresql(pg_served: str, tmp_path: Path) -> None:
    client = httpx.Client(base_url=pg_served, timeout=30)
    assert client.get("/api/health").json()["database"] == "postgresql"
    params = [("facet", "outlet"), ("facet", "country"), ("facet", "actor"), ("min_sources", "2")]
    page = client.get("/api/stories", params=params).json()
    [story] = page["items"]
    assert set(story["outlets"]) == {"outlet-a", "outlet-b"}
    assert page["facets"]["country"] and page["facets"]["actor"]
    title_word = story["title"].split()[0].strip(",")
    hits = client.get("/api/search", params={"q": title_word, "facet": "outlet"}).json()
    assert story["id"] in {hit["story_id"] for hit in hits["items"]}
    assert client.get(f"/stories/{story['id']}").status_code == 200
    actor = client.get("/api/actors", params={"limit": 1}).json()["items"][0]
    detail = client.get(f"/api/actors/{actor['id']}").json()
    assert detail["stories"] and "partners" in detail and detail["days"]


def test_events_filters_facets_and_tsv_on_postgresql(pg_served: str) -> None:
    client = httpx.Client(base_url=pg_served, timeout=30)
    every = client.get("/api/events", params={"limit": 1000}).json()["items"]
    assert every and all(e["cameo_name"] for e in every)
    russian = client.get("/api/events", params={"country": "RUS"}).json()["items"]
    assert russian and len(russian) <= len(every)
    actor = next(a for e in every for a in e["source"] if a["id"] is not None)
    own = client.get("/api/events", params={"actor": str(actor["id"])}).json()["items"]
    assert own and all(actor["id"] in {a["id"] for a in e["source"] + e["target"]} for e in own)
    by_name = client.get("/api/events", params={"actor": actor["name"].upper()}).json()["items"]
    assert {e["id"] for e in by_name} == {e["id"] for e in own}
    first = client.get("/api/events", params={"limit": 2}).json()
    second = client.get("/api/events", params={"limit": 2, "cursor": first["next"]}).json()
    assert [e["id"] for e in first["items"] + second["items"]] == [e["id"] for e in every[:4]]
    facets = client.get("/api/events", params=[("facet", "root"), ("facet", "actor")]).json()
    assert facets["facets"]["root"] and facets["facets"]["actor"]
    tsv = client.get("/api/events", params={"format": "tsv"}).text.splitlines()
    assert tsv[0].startswith("GlobalEventID\t") and len(tsv) == len(every) + 1
