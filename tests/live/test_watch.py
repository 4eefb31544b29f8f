"""`eventwire watch` and `status` against a real local news site (RSS, Atom, news sitemap)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import create_engine, inspect, text
from tests.live.conftest import ARTICLES, FEED_ETAG, article_path, news_sitemap, rss, write_feeds
from tests.live.server import LocalSite, Route, conditional, fail_then_serve, trickle

from eventwire.live.watchdog import STOP_GRACE_SECONDS

FEEDS = ("/rss.xml", "/atom.xml", "/sitemap.xml", "/broken.xml", "/missing-feed.xml")
WAIT_SECONDS = 60
STOP_SLACK_SECONDS = 40.0  # a bound on a stop (processing what was stored), not a speed test


def articles_by_url(eventwire) -> dict[str, dict]:
    stories = eventwire("stories", "--json").json()["items"]
    return {a["url"]: a for story in stories for a in story["articles"]}


def test_one_poll_reads_every_kind_of_feed(site: LocalSite, eventwire, tmp_path: Path) -> None:
    feeds = write_feeds(tmp_path / "feeds.toml", site, *FEEDS)

    result = eventwire("watch", "--feeds", str(feeds), "--once")

    assert result.code == 0, result.stderr
    stored = articles_by_url(eventwire)
    expected = [site.url(article_path(i)) for i in range(7)] + [site.url("/undated.html")]
    assert sorted(stored) == sorted(expected)
    undated = stored[site.url("/undated.html")]
    assert undated["published_at"] == "2024-03-05T10:00:00+00:00"  # the feed's pubDate
    assert "/broken.xml: 1 item(s), 1 new, 1 broken item(s) skipped" in result.stderr
    assert "/missing-feed.xml: failed: http-error: HTTP 404" in result.stderr
    listed = eventwire("status", "--json").json()["items"]
    states = {s["url"].removeprefix(site.base): s for s in listed}
    assert states["/rss.xml"]["articles"] == 4
    assert states["/rss.xml"]["last_error"] is None
    assert states["/rss.xml"]["etag"] == FEED_ETAG
    assert states["/missing-feed.xml"]["last_success_at"] is None
    assert "HTTP 404" in states["/missing-feed.xml"]["last_error"]


def test_second_poll_is_conditional_and_fetches_nothing_again(
    site: LocalSite,
    eventwire,
    tmp_path: Path,
) -> None:
    feeds = write_feeds(tmp_path / "feeds.toml", site, "/rss.xml", "/atom.xml")
    eventwire("watch", "--feeds", str(feeds), "--once")

    again = eventwire("watch", "--feeds", str(feeds), "--once")
    table = eventwire("status")

    assert again.code == 0, again.stderr
    assert "/rss.xml: not modified" in again.stderr
    assert "/atom.xml: 2 item(s), 0 new" in again.stderr
    assert site.headers_of("/rss.xml")[1]["If-None-Match"] == FEED_ETAG
    assert [site.count(article_path(i)) for i in range(5)] == [1] * 5
    assert len(articles_by_url(eventwire)) == 6
    assert table.stdout.startswith("2 feeds")
    assert "never" not in table.stdout  # both feeds have a last success


def test_a_failing_feed_leaves_stored_articles_alone(
    site: LocalSite,
    eventwire,
    tmp_path: Path,
) -> None:
    feeds = write_feeds(tmp_path / "feeds.toml", site, "/atom.xml")
    eventwire("watch", "--feeds", str(feeds), "--once")
    site.routes["/atom.xml"].status, site.routes["/atom.xml"].body = 500, b"broken"

    again = eventwire("watch", "--feeds", str(feeds), "--once")

    assert again.code == 0
    assert "/atom.xml: failed: server-error: HTTP 500" in again.stderr
    assert len(articles_by_url(eventwire)) == 2
    [state] = eventwire("status", "--json").json()["items"]
    assert state["last_success_at"] is not None and "HTTP 500" in state["last_error"]


def test_sigterm_then_restart_fetches_every_page_once(
    site: LocalSite,
    eventwire,
    tmp_path: Path,
    db_url: str,
) -> None:
    items = [(article_path(i), f"Item {i}") for i in range(ARTICLES)]
    site.routes["/all.xml"] = Route(
        body=rss(site.base, items), headers={"Content-Type": "text/xml"}
    )
    for index in range(ARTICLES):
        site.routes[article_path(index)].delay = 0.5
    config = tmp_path / "one-at-a-time.toml"
    config.write_text("[live]\nconcurrency = 1\nhost_delay_seconds = 0.0\n", encoding="utf-8")
    feeds = write_feeds(tmp_path / "feeds.toml", site, "/all.xml")
    log = tmp_path / "watch.log"

    watcher = start_watcher(db_url, config, feeds, log)
    wait_until(lambda: sum(site.count(article_path(i)) for i in range(ARTICLES)) >= 2)
    watcher.send_signal(signal.SIGTERM)
    code = watcher.wait(timeout=WAIT_SECONDS)
    stored_before = len(articles_by_url(eventwire))
    restarted = eventwire("watch", "--feeds", str(feeds), "--once")

    assert code == 0, log.read_text()
    assert "stopped: finished pages were stored" in log.read_text()
    assert 2 <= stored_before < ARTICLES
    assert restarted.code == 0, restarted.stderr
    assert [site.count(article_path(i)) for i in range(ARTICLES)] == [1] * ARTICLES
    assert len(articles_by_url(eventwire)) == ARTICLES


def start_watcher(
    db_url: str, config: Path, feeds: Path, log: Path, interval: float = 600
) -> subprocess.Popen:
    """`eventwire watch` in the background, its output going to ``log``."""
    command = [sys.executable, "-m", "eventwire.cli", "--db", db_url, "--config", str(config)]
    command += ["watch", "--feeds", str(feeds), "--interval", str(interval)]
    env = {k: v for k, v in os.environ.items() if not k.startswith("EVENTWIRE_")}
    with log.open("w") as output:
        return subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, env=env)


def wait_until(condition, timeout: float = WAIT_SECONDS) -> None:
    """Poll ``condition`` until it holds (fails the test after ``timeout`` seconds)."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not reached in time"
        time.sleep(0.05)


def test_items_left_unfetched_are_found_again_although_the_feed_sends_an_etag(
    site: LocalSite, eventwire, tmp_path: Path
) -> None:
    page = site.routes[article_path(1)]
    site.routes["/later.html"] = Route(handler=fail_then_serve(3, page))  # 3 = every try, run 1
    items = [(article_path(0), "Item 0"), ("/later.html", "Later")]
    feed = Route(body=rss(site.base, items), headers={"Content-Type": "application/rss+xml"})
    site.routes["/etag.xml"] = Route(handler=conditional(feed, '"v1"'))
    feeds = write_feeds(tmp_path / "feeds.toml", site, "/etag.xml")

    first = eventwire("watch", "--feeds", str(feeds), "--once")
    second = eventwire("watch", "--feeds", str(feeds), "--once")
    third = eventwire("watch", "--feeds", str(feeds), "--once")

    assert first.code == second.code == third.code == 0
    assert site.url("/later.html") in articles_by_url(eventwire)
    polls = site.headers_of("/etag.xml")
    assert "If-None-Match" not in polls[1]  # an item was unsettled: read the feed in full
    assert polls[2]["If-None-Match"] == '"v1"'  # all settled: conditional again
    assert "/etag.xml: not modified" in third.stderr


def test_a_second_signal_forces_the_exit_and_keeps_what_was_stored(
    site: LocalSite, eventwire, tmp_path: Path, db_url: str
) -> None:
    items = [(article_path(i), f"Item {i}") for i in range(ARTICLES)]
    site.routes["/all.xml"] = Route(
        body=rss(site.base, items), headers={"Content-Type": "text/xml"}
    )
    for index in range(1, ARTICLES):
        site.routes[article_path(index)].delay = 30.0  # would hold a graceful stop up
    config = tmp_path / "one-at-a-time.toml"
    config.write_text("[live]\nconcurrency = 1\nhost_delay_seconds = 0.0\n", encoding="utf-8")
    feeds = write_feeds(tmp_path / "feeds.toml", site, "/all.xml")
    log = tmp_path / "watch.log"

    watcher = start_watcher(db_url, config, feeds, log)
    wait_until(lambda: stored_urls(db_url) == [site.url(article_path(0))])
    watcher.send_signal(signal.SIGINT)
    wait_until(lambda: "signal again to force" in log.read_text())
    watcher.send_signal(signal.SIGINT)
    code = watcher.wait(timeout=WAIT_SECONDS)

    assert code == 130, log.read_text()
    assert "forced stop" in log.read_text()
    assert stored_urls(db_url) == [site.url(article_path(0))]
    for index in range(1, ARTICLES):
        site.routes[article_path(index)].delay = 0.0
    assert eventwire("--quiet", "watch", "--feeds", str(feeds), "--once").code == 0
    assert len(articles_by_url(eventwire)) == ARTICLES


def stored_urls(db_url: str) -> list[str]:
    """URLs of the stored articles, read straight from the database (no CLI, no processing)."""
    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            if not inspect(conn).has_table("articles"):
                return []
            return [row.url for row in conn.execute(text("SELECT url FROM articles ORDER BY id"))]
    finally:
        engine.dispose()


def test_a_cycle_that_fails_as_a_whole_is_retried_by_the_next_one(
    site: LocalSite, eventwire, tmp_path: Path, db_url: str
) -> None:
    items = [(article_path(i), f"Item {i}") for i in range(ARTICLES)]
    site.routes["/slow.xml"] = Route(
        body=rss(site.base, items), headers={"Content-Type": "text/xml"}, delay=1.0
    )
    config = tmp_path / "impatient.toml"
    config.write_text(
        "[live]\nhost_delay_seconds = 0.0\n[store]\nbusy_timeout_seconds = 0.2\n",
        encoding="utf-8",
    )
    feeds = write_feeds(tmp_path / "feeds.toml", site, "/slow.xml")
    log = tmp_path / "watch.log"

    watcher = start_watcher(db_url, config, feeds, log, interval=1)
    wait_until(lambda: site.count("/slow.xml") >= 1)
    locker = sqlite3.connect(db_url.removeprefix("sqlite:///"), isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")  # another writer holds the database during the poll
    wait_until(lambda: "cycle 1 failed" in log.read_text())
    locker.execute("ROLLBACK")
    locker.close()
    wait_until(lambda: len(stored_urls(db_url)) == ARTICLES)
    watcher.send_signal(signal.SIGTERM)
    code = watcher.wait(timeout=WAIT_SECONDS)

    assert code == 0, log.read_text()
    assert "database is locked" in log.read_text()
    assert [site.count(article_path(i)) >= 1 for i in range(ARTICLES)] == [True] * ARTICLES


def sitemap_index(base: str, children: list[tuple[str, str]]) -> bytes:
    """A sitemap index listing (path, lastmod) child sitemaps."""
    entries = "".join(
        f"<sitemap><loc>{base}{path}</loc><lastmod>{lastmod}</lastmod></sitemap>"
        for path, lastmod in children
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</sitemapindex>'
    ).encode()


def test_a_sitemap_index_is_read_through_its_newest_child_sitemaps(
    site: LocalSite, eventwire, tmp_path: Path
) -> None:
    xml = {"Content-Type": "application/xml"}
    children = [("/news-1.xml", "2024-03-03"), ("/news-2.xml", "2024-03-04")]
    children += [("/news-3.xml", "2024-03-05T08:00:00Z")]
    index = sitemap_index(site.base, children)
    site.routes["/news-index.xml"] = Route(body=index, headers=xml)
    for number, paths in ((1, [0]), (2, [1, 2]), (3, [3])):
        body = news_sitemap(site.base, [article_path(i) for i in paths])
        site.routes[f"/news-{number}.xml"] = Route(body=body, headers=xml)
    feeds = write_feeds(tmp_path / "feeds.toml", site, "/news-index.xml")

    result = eventwire("watch", "--feeds", str(feeds), "--once")

    assert result.code == 0, result.stderr
    assert sorted(articles_by_url(eventwire)) == sorted(
        site.url(article_path(i)) for i in (1, 2, 3)
    )
    assert site.count("/news-1.xml") == 0  # the oldest child is beyond sitemap_index_children


def test_a_stop_during_a_feed_retry_is_not_recorded_as_the_feed_failing(
    site: LocalSite, eventwire, tmp_path: Path, db_url: str
) -> None:
    site.routes["/busy-feed.xml"] = Route(503, b"busy")
    config = tmp_path / "patient.toml"
    config.write_text("[live]\nbackoff_seconds = 30.0\nmax_backoff_seconds = 30.0\n", "utf-8")
    feeds = write_feeds(tmp_path / "feeds.toml", site, "/busy-feed.xml")
    log = tmp_path / "watch.log"

    watcher = start_watcher(db_url, config, feeds, log)
    wait_until(lambda: site.count("/busy-feed.xml") >= 1)  # now waiting 30 s to retry
    watcher.send_signal(signal.SIGTERM)
    code = watcher.wait(timeout=WAIT_SECONDS)

    assert code == 0, log.read_text()
    assert "poll stopped" in log.read_text()
    [state] = eventwire("status", "--json").json()["items"]
    assert state["last_error"] is None and state["polls"] == 0


def test_one_failing_child_sitemap_does_not_spoil_the_others(
    site: LocalSite, eventwire, tmp_path: Path
) -> None:
    xml = {"Content-Type": "application/xml"}
    children = [("/gone-1.xml", "2024-03-05"), ("/half-2.xml", "2024-03-04")]
    site.routes["/half-index.xml"] = Route(body=sitemap_index(site.base, children), headers=xml)
    site.routes["/gone-1.xml"] = Route(500, b"down")
    half = news_sitemap(site.base, [article_path(6)]).replace(
        b"</urlset>", b"<url><loc>mailto:x@example.org</loc></url></urlset>"
    )
    site.routes["/half-2.xml"] = Route(body=half, headers=xml)
    feeds = write_feeds(tmp_path / "feeds.toml", site, "/half-index.xml")

    result = eventwire("watch", "--feeds", str(feeds), "--once")

    assert result.code == 0, result.stderr
    assert list(articles_by_url(eventwire)) == [site.url(article_path(6))]
    assert "2 broken item(s) skipped" in result.stderr


def test_a_stop_is_not_held_up_by_a_page_that_trickles_in(
    site: LocalSite, eventwire, tmp_path: Path, db_url: str
) -> None:
    site.routes["/drip.html"] = Route(handler=trickle(600.0, pause=1.0, piece=b"x"))
    items = [("/drip.html", "Drip"), (article_path(0), "Item 0")]
    site.routes["/drip.xml"] = Route(
        body=rss(site.base, items), headers={"Content-Type": "text/xml"}
    )
    config = tmp_path / "patient.toml"
    config.write_text(
        "[live]\nhost_delay_seconds = 0.0\nmax_download_seconds = 600.0\n"
        "read_timeout_seconds = 600.0\n",
        encoding="utf-8",
    )
    feeds = write_feeds(tmp_path / "feeds.toml", site, "/drip.xml")
    log = tmp_path / "watch.log"

    watcher = start_watcher(db_url, config, feeds, log)
    wait_until(lambda: site.count("/drip.html") == 1 and len(stored_urls(db_url)) == 1)
    watcher.send_signal(signal.SIGTERM)
    stopped = time.monotonic()
    code = watcher.wait(timeout=WAIT_SECONDS)
    elapsed = time.monotonic() - stopped

    assert code == 0, log.read_text()
    assert elapsed < STOP_GRACE_SECONDS + STOP_SLACK_SECONDS  # the page would take 10 minutes
    assert stored_urls(db_url) == [site.url(article_path(0))]
    site.routes["/drip.html"] = Route(body=site.routes[article_path(1)].body)
    assert eventwire("--quiet", "watch", "--feeds", str(feeds), "--once").code == 0
    assert site.url("/drip.html") in stored_urls(db_url)  # left for the next run, then fetched
