"""The web UI in a real browser, as a person would use it (tests/served.py runs the server)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.served import Served

AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
BLOCKING_IMPACTS = {"serious", "critical"}


class Watched:
    """A page whose dialogs, script errors and console errors are collected."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        page.on("dialog", self._dialog)
        page.on("pageerror", lambda error: self.errors.append(f"page error: {error}"))
        page.on("console", self._console)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _console(self, message: Any) -> None:
        if message.type in ("error", "warning"):
            self.errors.append(f"console {message.type}: {message.text}")


@pytest.fixture
def watched(browser: Any, served: Served) -> Iterator[Watched]:
    context = browser.new_context(base_url=served.url)
    yield Watched(context.new_page())
    context.close()


def seed_story_id(served: Served) -> int:
    page = httpx.get(f"{served.url}/api/stories", params={"source": "outlet-a"}).json()
    return int(page["items"][0]["id"])


def test_story_list_search_and_the_seed_story(
    watched: Watched, served: Served, artifacts: Path
) -> None:
    page = watched.page
    page.goto("/")
    assert page.locator("h1").inner_text() == "Stories"
    page.screenshot(path=str(artifacts / "stories.png"), full_page=True)
    story = httpx.get(f"{served.url}/api/stories/{seed_story_id(served)}").json()
    page.get_by_label("Search titles").fill(story["title"].split()[0])
    with page.expect_navigation():
        page.get_by_role("button", name="Filter").click()
    with page.expect_navigation():
        page.get_by_role("link", name=story["title"]).click()
    assert page.locator("h1").inner_text() == story["title"]
    badges = page.locator(".summary .badge").all_inner_texts()
    # other tests may post articles into this story: every outlet of its document is shown
    expected = {o["name"] for o in story["overview"]["outlets"]}
    assert {b.split()[0] for b in badges} == expected >= {"outlet-a", "outlet-b"}
    originals = [a for a in story["articles"] if a["copy_of"] is None]
    assert page.locator(".column").count() == min(4, len(originals))  # copies are not columns
    assert page.locator(".chart canvas").count() >= 1  # the vendored chart drew under the CSP
    assert_facts_shown(page, story)
    assert_events_shown(page, story)
    page.screenshot(path=str(artifacts / "story.png"), full_page=True)
    assert watched.dialogs == [] and watched.errors == []


def assert_facts_shown(page: Any, story: dict) -> None:
    """The seeds' facts: the corroborated ones carry both outlets' badges."""
    assert page.get_by_role("heading", name="Facts", exact=True).count() == 1
    corroborated = [f for f in story["facts"] if f["status"] == "corroborated"]
    assert corroborated  # both seed outlets report the phone call
    group = page.locator(".fact-group.corroborated")
    assert group.get_by_role("heading", name="Corroborated").is_visible()
    items = group.locator("li.fact")
    assert items.count() == min(len(corroborated), 15)
    for index in range(items.count()):
        badges = set(items.nth(index).locator(".badge").all_inner_texts())
        assert {"outlet-a", "outlet-b"} <= badges
        independent = corroborated[index]["independent_sources"]
        assert independent >= 2
        assert f"{independent} independent outlets" in items.nth(index).inner_text()


def assert_events_shown(page: Any, story: dict) -> None:
    """The events table names who did what to whom, with CAMEO's words for the action."""
    table = page.locator("table.events")
    assert table.is_visible()
    assert table.locator("thead th").all_inner_texts()[:3] == ["Who", "What", "Whom"]
    assert table.locator("tbody tr").count() == min(len(story["events"]), 40)
    assert "041 Discuss by telephone" in table.inner_text()
    assert "Sergey Lavrov" in table.inner_text()


def test_actor_page_from_a_story(watched: Watched, served: Served, artifacts: Path) -> None:
    story_id = seed_story_id(served)
    events = httpx.get(f"{served.url}/api/events", params={"story": story_id}).json()["items"]
    name = next(a["name"] for e in events for a in e["source"] if a["id"] is not None)
    page = watched.page
    page.goto(f"/stories/{story_id}")
    with page.expect_navigation():
        page.locator("ul.actors").get_by_role("link", name=name, exact=True).click()
    assert page.locator("h1").inner_text() == name
    assert page.get_by_role("heading", name="Events over time").is_visible()
    chart = page.locator("[data-chart='days'][data-source='event-days-data']")
    assert chart.locator("canvas").count() >= 1  # uPlot drew the events per day
    latest = page.locator("table.events tbody tr")
    assert latest.count() >= 1 and name in latest.first.inner_text()
    assert page.get_by_role("heading", name="Interacts with").is_visible()
    counterparts = page.locator("ul.counterparts li").all_inner_texts()
    others = {a["name"] for e in events for a in e["target"] if name in str(e["source"])}
    assert others and any(text.startswith(tuple(others)) for text in counterparts)
    page.screenshot(path=str(artifacts / "actor.png"), full_page=True)
    assert watched.errors == []


def test_article_page_shows_clean_text_and_what_cleaning_removed(
    watched: Watched, served: Served, artifacts: Path
) -> None:
    story = httpx.get(f"{served.url}/api/stories/{seed_story_id(served)}").json()
    articles = [httpx.get(f"{served.url}/api/articles/{a['id']}").json() for a in story["articles"]]
    article = next(a for a in articles if a["notes"])  # the seeds carry boilerplate
    note = article["notes"][0]
    page = watched.page
    page.goto(f"/articles/{article['id']}")
    assert page.locator("h1").inner_text() == article["title"]
    assert article["blocks"][-1]["text"][:40] in page.locator(".text").inner_text()
    removed = page.locator("ol.notes li").first
    assert not removed.locator("pre.removed").is_visible()  # behind a disclosure
    removed.locator("summary").click()
    assert removed.locator("pre.removed").inner_text().strip() == note["text"].strip()
    page.screenshot(path=str(artifacts / "article.png"), full_page=True)
    assert watched.errors == []


def test_events_page_filters_by_a_facet_and_pages(
    watched: Watched, served: Served, artifacts: Path
) -> None:
    page = watched.page
    page.goto("/events")
    assert page.locator("h1").inner_text() == "Events"
    facet = page.locator("aside.facets ul").first.locator("a").first  # the top CAMEO root
    root = facet.inner_text().split()[0]
    with page.expect_navigation():
        facet.click()
    whats = page.locator("table.events tbody tr td:nth-child(2)").all_inner_texts()
    assert whats and all(what.startswith(root) for what in whats)
    assert page.get_by_label("CAMEO code or PLOVER type").input_value() == root
    page.screenshot(path=str(artifacts / "events.png"), full_page=True)
    first = page.locator("table.events tbody tr").all_inner_texts()
    with page.expect_navigation():
        page.get_by_role("link", name="Next page").click()
    second = page.locator("table.events tbody tr").all_inner_texts()
    assert second and second != first
    assert watched.errors == []


def test_paging_through_the_actor_list(watched: Watched) -> None:
    page = watched.page
    page.goto("/actors")
    first = page.locator("table.actors tbody a").all_inner_texts()
    with page.expect_navigation():
        page.get_by_role("link", name="Next page").click()
    second = page.locator("table.actors tbody a").all_inner_texts()
    assert first and second and set(first).isdisjoint(second)


def test_search_page_finds_articles(watched: Watched) -> None:
    page = watched.page
    page.goto("/search")
    page.get_by_label('Words, "phrases", OR, -exclude').fill("president")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "q=president" in page.url
    assert page.locator("ol.hits li").count() > 0


def test_keyboard_reaches_the_skip_link_and_the_search(watched: Watched) -> None:
    page = watched.page
    page.goto("/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "q":
            break
    assert page.evaluate("document.activeElement.id") == "q"


HOSTILE = {
    "source": "hostile<script>alert('source')</script>",
    "url": "javascript:alert('url')",
    "title": "<script>alert('title')</script><img src=x onerror=alert('title-img')> Hostile",
    "text": (
        "<img src=x onerror=alert('body')> A paragraph with an <a href=\"javascript:alert('a')\">"
        "link</a> and <svg onload=alert('svg')></svg> markup.\n"
        "\"><script>alert('quote')</script> A second paragraph."
    ),
}


def test_a_hostile_article_executes_nothing(
    watched: Watched, served: Served, artifacts: Path
) -> None:
    auth = {"Authorization": f"Bearer {served.token}"}
    response = httpx.post(f"{served.url}/api/articles", json=HOSTILE, headers=auth, timeout=60)
    assert response.status_code == 201, response.text
    [stored] = response.json()["articles"]
    page = watched.page
    paths = [f"/articles/{stored['article_id']}", f"/stories/{stored['story_id']}", "/"]
    paths += ["/search?q=hostile+paragraph", "/?q=%3Cscript%3E"]
    for path in paths:
        page.goto(path)
        assert page.locator("a[href^='javascript' i]").count() == 0, path
        assert page.locator("script:not([src]):not([type='application/json'])").count() == 0
    page.goto(f"/articles/{stored['article_id']}")
    assert "<script>alert('title')</script>" in page.locator("h1").inner_text()
    page.screenshot(path=str(artifacts / "hostile.png"), full_page=True)
    assert watched.dialogs == [], watched.dialogs
    assert watched.errors == [], watched.errors


def test_main_pages_have_no_serious_accessibility_violations(browser: Any, served: Served) -> None:
    context = browser.new_context(base_url=served.url, bypass_csp=True)  # to inject axe-core
    page = context.new_page()
    story_id = seed_story_id(served)
    article_id = httpx.get(f"{served.url}/api/stories/{story_id}").json()["articles"][0]["id"]
    events = httpx.get(f"{served.url}/api/events", params={"story": story_id}).json()["items"]
    actor_id = next(a["id"] for e in events for a in e["source"] if a["id"] is not None)
    found: dict[str, list[str]] = {}
    for path in (
        "/",
        f"/stories/{story_id}",
        f"/articles/{article_id}",
        "/actors",
        f"/actors/{actor_id}",
        "/events",
        "/search?q=president",
        "/feeds",
    ):
        page.goto(path)
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("async () => await axe.run(document)")
        serious = [v["id"] for v in result["violations"] if v["impact"] in BLOCKING_IMPACTS]
        if serious:
            found[path] = serious
    context.close()
    assert found == {}


def test_the_filter_form_with_empty_fields_lists_every_story(
    watched: Watched, served: Served
) -> None:
    page = watched.page
    page.goto("/")
    with page.expect_navigation():
        page.get_by_role("button", name="Filter").click()
    total = httpx.get(f"{served.url}/api/health").json()["counts"]["stories"]
    assert page.locator("ol.stories > li").count() == min(total, 25)
