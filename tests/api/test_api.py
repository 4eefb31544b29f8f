"""The REST API against a real server over the seeds and NewsWCL50 (tests/served.py)."""

from __future__ import annotations

import csv
import io
import json

import httpx
import pytest

from tests.served import Served


@pytest.fixture(scope="module")
def client(served: Served) -> httpx.Client:
    return served.client()


def assert_error(response: httpx.Response, status: int) -> dict:
    """The one error shape with ``status``."""
    assert response.status_code == status, response.text
    body = response.json()
    assert body["ok"] is False and body["status"] == status and body["error"]
    return body


def seed_story(client: httpx.Client) -> dict:
    """The story the two seed outlets share."""
    page = client.get("/api/stories", params={"source": "outlet-a"}).json()
    [story] = page["items"]
    return story


def test_health_counts_the_database(client: httpx.Client) -> None:
    body = client.get("/api/health").json()
    assert body["ok"] is True and body["database"] == "sqlite"
    assert body["counts"]["articles"] >= 52


def test_story_list_is_a_page_with_a_cursor_that_reaches_every_story(client: httpx.Client) -> None:
    seen, cursor = [], None
    while True:
        params = {"limit": 4, **({"cursor": cursor} if cursor else {})}
        page = client.get("/api/stories", params=params).json()
        assert set(page) == {"items", "next"}
        seen += [story["id"] for story in page["items"]]
        cursor = page["next"]
        if cursor is None:
            break
    total = client.get("/api/health").json()["counts"]["stories"]
    assert len(seen) == len(set(seen)) == total


def test_stories_newest_first_and_by_outlets(client: httpx.Client) -> None:
    latest = client.get("/api/stories", params={"limit": 100}).json()["items"]
    last_seen = [s["last_seen"] for s in latest if s["last_seen"]]
    assert last_seen == sorted(last_seen, reverse=True)
    wide = client.get("/api/stories", params={"sort": "sources", "limit": 100}).json()["items"]
    counts = [s["independent_outlets"] for s in wide]  # copies of another outlet count once
    assert counts == sorted(counts, reverse=True)


def test_filters_narrow_the_list(client: httpx.Client) -> None:
    story = seed_story(client)
    assert set(story["outlets"]) == {"outlet-a", "outlet-b"}
    many = client.get("/api/stories", params={"min_sources": 5}).json()["items"]
    assert many and all(s["outlet_count"] >= 5 for s in many)
    assert story["id"] not in {s["id"] for s in many}
    old = client.get("/api/stories", params={"until": "2019-01-01"}).json()["items"]
    assert old and story["id"] not in {s["id"] for s in old}


def test_actor_and_country_filters_use_resolved_actors(client: httpx.Client) -> None:
    actor = client.get("/api/actors", params={"limit": 1}).json()["items"][0]
    with_actor = client.get("/api/stories", params={"actor": str(actor["id"])}).json()["items"]
    detail = client.get(f"/api/actors/{actor['id']}").json()
    assert {s["id"] for s in with_actor} == {s["story_id"] for s in detail["stories"]}
    if actor["country"]:
        by_country = client.get("/api/stories", params={"country": actor["country"]}).json()
        assert {s["id"] for s in with_actor} <= {s["id"] for s in by_country["items"]}


def test_facets_count_stories_by_outlet_country_and_actor(client: httpx.Client) -> None:
    params = [("facet", "outlet"), ("facet", "country"), ("facet", "actor"), ("limit", "1")]
    facets = client.get("/api/stories", params=params).json()["facets"]
    outlets = {f["value"]: f["count"] for f in facets["outlet"]}
    assert outlets["outlet-a"] == 1
    assert facets["country"] and facets["actor"][0]["id"] is not None


def test_story_detail_has_articles_actors_and_summary(client: httpx.Client) -> None:
    story = client.get(f"/api/stories/{seed_story(client)['id']}").json()
    assert {a["source"] for a in story["articles"]} == {"outlet-a", "outlet-b"}
    assert story["actors"] and story["overview"]["lead"]
    assert {o["name"] for o in story["overview"]["outlets"]} == {"outlet-a", "outlet-b"}


def test_article_detail_has_clean_text_and_cleaning_notes(client: httpx.Client) -> None:
    article_id = seed_story(client)["articles"][0]["id"]
    article = client.get(f"/api/articles/{article_id}").json()
    assert article["text"] and article["blocks"] and "notes" in article
    assert "raw" not in article


def test_search_finds_words_phrases_and_pages(client: httpx.Client) -> None:
    story = seed_story(client)
    title_words = story["articles"][0]["title"].split()[:2]
    hits = client.get("/api/search", params={"q": " ".join(title_words)}).json()["items"]
    assert story["articles"][0]["id"] in {h["id"] for h in hits}
    first = client.get("/api/search", params={"q": "president", "limit": 2}).json()
    assert len(first["items"]) == 2 and first["next"]
    second = client.get(
        "/api/search", params={"q": "president", "limit": 2, "cursor": first["next"]}
    )
    assert {h["id"] for h in second.json()["items"]}.isdisjoint({h["id"] for h in first["items"]})


@pytest.mark.parametrize("query", ['"unclosed', "NEAR(a b)", "a OR", "-only", "*", "AND OR NOT"])
def test_search_syntax_never_fails(client: httpx.Client, query: str) -> None:
    response = client.get("/api/search", params={"q": query})
    assert response.status_code == 200, response.text


def test_exports_stream_every_item_as_csv_and_ndjson(client: httpx.Client) -> None:
    total = client.get("/api/health").json()["counts"]["stories"]
    ndjson = client.get("/api/stories", params={"format": "ndjson", "limit": 1})
    assert ndjson.headers["content-type"].startswith("application/x-ndjson")
    lines = [json.loads(line) for line in ndjson.text.splitlines()]
    assert len(lines) == total and all("outlets" in line for line in lines)
    rows = list(csv.DictReader(io.StringIO(client.get("/api/actors?format=csv").text)))
    assert rows and {"id", "name", "type"} <= set(rows[0])


def test_errors_have_one_shape(client: httpx.Client) -> None:
    assert_error(client.get("/api/stories/999999"), 404)
    assert_error(client.get("/api/stories", params={"limit": 0}), 422)
    assert_error(client.get("/api/stories", params={"since": "yesterday"}), 400)
    assert_error(client.get("/api/stories", params={"cursor": "garbage"}), 400)
    assert_error(client.get("/api/nothing-here"), 404)
    assert_error(client.get("/api/articles/not-a-number"), 422)
    assert_error(client.delete("/api/stories"), 405)


def test_writes_need_the_bearer_token(client: httpx.Client) -> None:
    article = {"source": "outlet-c", "text": "A paragraph."}
    body = assert_error(client.post("/api/articles", json=article), 401)
    assert "Bearer" in body["error"]
    wrong = {"Authorization": "Bearer wrong"}
    assert_error(client.post("/api/articles", json=article, headers=wrong), 401)


def test_bad_bodies_are_refused_with_the_error_shape(served: Served, client: httpx.Client) -> None:
    auth = {"Authorization": f"Bearer {served.token}"}
    assert_error(client.post("/api/articles", content=b"{not json", headers=auth), 400)
    assert_error(client.post("/api/articles", json=[], headers=auth), 400)
    assert_error(client.post("/api/articles", json={"text": "no outlet"}, headers=auth), 400)
    huge = b'{"source": "x", "text": "' + b"a" * (6 * 1024 * 1024) + b'"}'
    assert_error(client.post("/api/articles", content=huge, headers=auth), 413)
    rejected = client.post("/api/articles", json={"source": "x", "text": ""}, headers=auth)
    assert assert_error(rejected, 422)["articles"][0]["status"] == "rejected"


def test_posted_articles_join_a_story(served: Served, client: httpx.Client) -> None:
    story = client.get(f"/api/stories/{seed_story(client)['id']}").json()
    article = client.get(f"/api/articles/{story['articles'][0]['id']}").json()
    posted = {"source": "outlet-posted", "title": article["title"], "text": article["text"]}
    auth = {"Authorization": f"Bearer {served.token}"}
    response = client.post("/api/articles", json=[posted], headers=auth)
    assert response.status_code == 201, response.text
    [result] = response.json()["articles"]
    assert result["status"] == "stored" and result["story_id"] == story["id"]
    again = client.post("/api/articles", json=posted, headers=auth).json()["articles"][0]
    assert again["status"] == "already-stored"


def test_every_response_carries_the_security_headers(client: httpx.Client) -> None:
    for path in ("/", "/api/health", "/api/stories/999999", "/static/app.css"):
        headers = client.get(path).headers
        assert "script-src 'self'" in headers["content-security-policy"]
        assert "unsafe-inline" not in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"


def test_an_export_of_a_missing_story_is_an_error_not_a_cut_download(client: httpx.Client) -> None:
    assert_error(client.get("/api/actors", params={"format": "csv", "story": 999999}), 404)
    assert_error(client.get("/api/stories", params={"format": "ndjson", "cursor": "x"}), 400)


def test_pages_answer_errors_as_html_and_the_api_as_json(client: httpx.Client) -> None:
    page = client.get("/stories/999999")
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert "story 999999 not found" in page.text
    assert client.get("/api/stories/999999").headers["content-type"] == "application/json"
    bad = client.get("/", params={"since": "<script>"})
    assert bad.status_code == 400 and "<script>" not in bad.text and "&lt;script&gt;" in bad.text


def test_search_facets_count_articles_by_outlet(client: httpx.Client) -> None:
    body = client.get("/api/search", params={"q": "president", "facet": "outlet"}).json()
    every = client.get("/api/search", params={"q": "president", "format": "ndjson"}).text
    counts = {f["value"]: f["count"] for f in body["facets"]["outlet"]}
    assert sum(counts.values()) == len(every.splitlines()) > 0


def every_event(client: httpx.Client, **params: str) -> list[dict]:
    """Every event of ``/api/events`` with ``params``, page by page (keyset cursor)."""
    found, cursor = [], None
    while True:
        page = client.get("/api/events", params={**params, "limit": 7, "cursor": cursor}).json()
        assert set(page) == {"items", "next"}
        found += page["items"]
        if (cursor := page["next"]) is None:
            return found


def test_events_are_paged_with_a_keyset_cursor_and_filtered(client: httpx.Client) -> None:
    events = every_event(client)
    ids = [e["id"] for e in events]
    assert len(events) > 20 and ids == sorted(set(ids))
    assert all(e["cameo_name"] for e in events)
    consults = every_event(client, code="04")
    assert consults and all(e["cameo"].startswith("04") for e in consults)
    russian = every_event(client, country="RUS")
    for event in russian:
        countries = {a["country"] for a in (*event["source"], *event["target"])}
        assert "RUS" in countries or (event["place"] or {}).get("country") == "RUS"
    days = [e["date"] for e in every_event(client, since="2018-04-20", until="2018-04-24")]
    assert days and all("2018-04-20" <= d <= "2018-04-24" for d in days)
    story = seed_story(client)
    own = every_event(client, story=str(story["id"]))
    assert own and {e["story_id"] for e in own} == {story["id"]}
    assert any(e["cameo"] == "041" for e in own)  # the seeds' phone call


def test_events_of_an_actor_and_facets(client: httpx.Client) -> None:
    params = [("facet", f) for f in ("country", "root", "plover", "actor")]
    facets = client.get("/api/events", params=params).json()["facets"]
    assert set(facets) == {"country", "root", "plover", "actor"}
    top = facets["actor"][0]
    by_id = every_event(client, actor=str(top["id"]))
    assert by_id and all(
        top["id"] in {a["id"] for a in (*e["source"], *e["target"])} for e in by_id
    )
    root = facets["root"][0]
    assert len(every_event(client, code=root["value"])) >= root["count"]


def test_events_export_as_csv_ndjson_and_gdelt_tsv(client: httpx.Client) -> None:
    total = len(every_event(client))
    ndjson = client.get("/api/events", params={"format": "ndjson", "limit": 1}).text
    assert len(ndjson.splitlines()) == total
    rows = list(csv.DictReader(io.StringIO(client.get("/api/events?format=csv").text)))
    assert len(rows) == total and {"cameo", "source", "target", "cameo_name"} <= set(rows[0])
    tsv = client.get("/api/events", params={"format": "tsv", "code": "04"})
    assert tsv.headers["content-type"].startswith("text/tab-separated-values")
    header, *lines = tsv.text.splitlines()
    assert header.split("\t")[:3] == ["GlobalEventID", "Day", "Actor1Code"]
    assert lines and all(line.split("\t")[9].startswith("04") for line in lines)


def test_event_filters_refuse_bad_values_with_the_error_shape(client: httpx.Client) -> None:
    assert_error(client.get("/api/events", params={"country": "RU"}), 400)
    assert_error(client.get("/api/events", params={"until": "soon"}), 400)
    assert_error(client.get("/api/events", params={"story": 999999}), 404)
    assert_error(client.get("/api/events", params={"code": "04%"}), 400)
    first = client.get("/api/events", params={"limit": 1}).json()
    assert_error(client.get("/api/events", params={"code": "04", "cursor": first["next"]}), 400)
    assert_error(client.get("/api/events", params={"format": "tsv", "cursor": "x"}), 400)
