"""`eventwire fetch` against a real local server: each case gives its documented outcome."""

from __future__ import annotations

import socket
import threading
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from tests.conftest import run_eventwire
from tests.live.conftest import article_path
from tests.live.server import Handler, LocalSite, Route, send, trickle

from eventwire.live import Fetcher, LiveSettings
from eventwire.live.errors import STOPPED, TIMEOUT, FetchProblem
from eventwire.live.fetcher import retry_after_seconds
from eventwire.live.watchdog import STOP_GRACE_SECONDS
from eventwire.store import Repository

SLACK_SECONDS = 5.0  # a correctness bound on a deadline, not a speed test
CLI_SLACK_SECONDS = 20.0  # the same, plus starting the CLI on a busy machine


def stored_urls(eventwire) -> list[str]:
    stories = eventwire("stories", "--json").json()["items"]
    return sorted(a["url"] for story in stories for a in story["articles"])


def closed_port_url() -> str:
    """A URL on 127.0.0.1 where nothing listens."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/gone.html"


def test_page_is_fetched_stored_and_never_fetched_twice(site: LocalSite, eventwire) -> None:
    url = site.url(article_path(0))

    first = eventwire("fetch", url)
    again = eventwire("fetch", url)

    assert first.code == 0, first.stderr
    assert stored_urls(eventwire) == [url]
    assert again.code == 0
    assert "1 URL(s) already fetched before: skipped" in again.stderr
    assert site.count(article_path(0)) == 1
    assert site.count("/robots.txt") == 1
    user_agent = site.headers_of(article_path(0))[0]["User-Agent"]
    assert user_agent.startswith("eventwire/")


def test_bad_urls_are_rejected_one_line_each_and_the_batch_goes_on(
    site: LocalSite,
    eventwire,
) -> None:
    good = site.url(article_path(1))
    expected = {
        site.url("/missing.html"): "http-error: HTTP 404",
        site.url("/file.bin"): "not-html: application/octet-stream response",
        site.url("/huge.html"): "too-large: page over the 5000000 byte limit",
        site.url("/loop-a"): "redirect-loop: redirect loop back to",
        site.url("/private/secret.html"): "robots-disallowed:",
        site.url("/slow.html"): "timeout: no answer within the timeout",
        closed_port_url(): "connection-error: connection to 127.0.0.1",
        "ftp://example.org/file": "bad-url: not an http(s) URL",
    }
    eventwire("fetch", good)

    result = eventwire("--quiet", "fetch", *expected, site.url(article_path(2)))

    assert result.code == 1
    lines = result.stderr.splitlines()
    assert lines[0] == f"{len(expected)} input(s) rejected:"
    for url, outcome in expected.items():
        [line] = [line for line in lines if line.strip().startswith(f"{url}: ")]
        assert outcome.split(":")[-1].strip() in line, line
    assert stored_urls(eventwire) == sorted([good, site.url(article_path(2))])
    assert site.count("/private/secret.html") == 0
    assert site.count("/slow.html") == 3  # the first try and two retries


def test_server_error_is_retried_until_the_page_comes(site: LocalSite, eventwire) -> None:
    url = site.url("/flaky.html")

    result = eventwire("fetch", url)

    assert result.code == 0, result.stderr
    assert site.count("/flaky.html") == 3  # 500, 500, then 200
    assert stored_urls(eventwire) == [url]


def test_redirect_is_followed_and_the_final_url_kept(site: LocalSite, eventwire) -> None:
    result = eventwire("fetch", site.url("/moved.html"))

    assert result.code == 0, result.stderr
    assert stored_urls(eventwire) == [site.url(article_path(3))]


def test_transient_failure_is_tried_again_later_but_not_forever(
    site: LocalSite,
    eventwire,
) -> None:
    url = site.url("/down.html")

    runs = [eventwire("--quiet", "fetch", url) for _ in range(4)]

    assert [run.code for run in runs] == [1, 1, 1, 0]  # live.max_url_attempts = 3, then no more
    assert f"{url}: HTTP 503 Service Unavailable" in runs[0].stderr
    assert site.count("/down.html") == 9  # three runs of a try and two retries


def test_a_page_that_trickles_in_is_stopped_by_the_download_limit(
    site: LocalSite, eventwire
) -> None:
    site.routes["/trickle.html"] = Route(handler=trickle(60.0, pause=1.0, piece=b"x"))

    started = time.monotonic()
    result = eventwire("fetch", site.url("/trickle.html"))
    elapsed = time.monotonic() - started

    assert result.code == 1
    assert "timeout: download took too long: over 2 s" in result.stderr
    assert elapsed < 2.0 + CLI_SLACK_SECONDS  # the page would take a minute (and retries)
    assert site.count("/trickle.html") == 1  # as slow again: left for a later poll


def quick_fetcher(stop: threading.Event | None = None, **settings: float) -> Fetcher:
    """A Fetcher without robots.txt or retries, with ``settings`` overriding the defaults."""
    return Fetcher(LiveSettings(respect_robots=False, retries=0, **settings), stop)


@pytest.mark.parametrize(
    "handler",
    [
        trickle(60.0, pause=1.0, piece=b"x"),  # a byte a second: no read ever times out
        trickle(60.0, pause=60.0),  # one piece, then silence shorter than the read timeout
    ],
    ids=["byte-a-second", "stalled-body"],
)
def test_the_download_deadline_holds_against_a_slow_server(
    site: LocalSite, handler: Handler
) -> None:
    site.routes["/drip.html"] = Route(handler=handler)
    fetcher = quick_fetcher(max_download_seconds=2.0, read_timeout_seconds=30.0)

    started = time.monotonic()
    with pytest.raises(FetchProblem) as caught:
        fetcher.fetch_page(site.url("/drip.html"))
    elapsed = time.monotonic() - started
    fetcher.close()

    assert caught.value.reason == TIMEOUT
    assert caught.value.message == "download took too long: over 2 s (stopped)"
    assert elapsed < 2.0 + SLACK_SECONDS


@pytest.mark.parametrize(
    "route",
    [
        Route(handler=trickle(60.0, pause=1.0, piece=b"x")),  # the body trickles in
        Route(body=b"<html></html>", delay=60.0),  # no answer at all yet
    ],
    ids=["trickling-body", "silent-server"],
)
def test_a_stop_ends_a_request_in_flight_within_its_grace_period(
    site: LocalSite, route: Route
) -> None:
    site.routes["/hold.html"] = route
    stop = threading.Event()
    fetcher = quick_fetcher(stop, max_download_seconds=600.0, read_timeout_seconds=600.0)
    threading.Timer(0.5, stop.set).start()

    started = time.monotonic()
    with pytest.raises(FetchProblem) as caught:
        fetcher.fetch_page(site.url("/hold.html"))
    elapsed = time.monotonic() - started
    fetcher.close()

    assert caught.value.reason == STOPPED
    assert elapsed < 0.5 + STOP_GRACE_SECONDS + SLACK_SECONDS


def answer_busy_then_page(wait: str, page: bytes, times: list[float]) -> Handler:
    """A handler answering 429 with ``Retry-After: wait`` first, then ``page``."""

    def handle(handler: BaseHTTPRequestHandler) -> None:
        times.append(time.monotonic())
        if len(times) == 1:
            send(handler, 429, b"slow down", {"Retry-After": wait})
        else:
            send(handler, 200, page, {})

    return handle


def test_retry_after_is_obeyed_before_the_retry(site: LocalSite, eventwire) -> None:
    times: list[float] = []
    page = site.routes[article_path(4)].body
    site.routes["/busy.html"] = Route(handler=answer_busy_then_page("1", page, times))

    result = eventwire("fetch", site.url("/busy.html"))

    assert result.code == 0, result.stderr
    assert len(times) == 2
    assert times[1] - times[0] >= 0.95  # the test backoff alone would retry after 0.05 s


def test_retry_after_longer_than_the_backoff_is_left_for_a_later_poll(
    site: LocalSite, eventwire
) -> None:
    times: list[float] = []
    page = site.routes[article_path(4)].body
    site.routes["/later.html"] = Route(handler=answer_busy_then_page("3600", page, times))

    result = eventwire("fetch", site.url("/later.html"))

    assert result.code == 1
    assert "HTTP 429 Too Many Requests (retry after 3600 s)" in result.stderr
    assert len(times) == 1


def test_a_long_retry_after_does_not_hold_the_host_s_other_pages_up(
    site: LocalSite, db_url: str, live_config: Path, tmp_path: Path
) -> None:
    times: list[float] = []
    page = site.routes[article_path(4)].body
    site.routes["/busy-host.html"] = Route(handler=answer_busy_then_page("3600", page, times))
    config = tmp_path / "serial.toml"
    config.write_text(live_config.read_text() + "concurrency = 1\n", encoding="utf-8")
    urls = [site.url("/busy-host.html"), site.url(article_path(5))]

    result = run_eventwire(db_url, "--config", str(config), "fetch", *urls)

    assert result.code == 1
    assert f"{urls[1]}: 127.0.0.1:" in result.stderr and "(Retry-After)" in result.stderr
    assert len(times) == 1


def test_retry_after_as_an_http_date() -> None:
    soon = format_datetime(datetime.now(UTC) + timedelta(seconds=30), usegmt=True)
    assert 20 <= (retry_after_seconds(soon) or 0) <= 31
    assert retry_after_seconds("120") == 120.0
    assert retry_after_seconds("soon") is None and retry_after_seconds(None) is None


def hang_up(handler: BaseHTTPRequestHandler) -> None:
    """Close the connection without an HTTP answer (the client sees a protocol error)."""
    handler.close_connection = True
    handler.wfile.write(b"not http\r\n\r\n")


def test_a_site_whose_robots_txt_cannot_be_reached_is_not_asked_again_per_page(
    eventwire,
) -> None:
    broken = LocalSite().start()
    try:
        broken.routes["/robots.txt"] = Route(handler=hang_up)
        for name in ("a", "b", "c"):
            broken.routes[f"/{name}.html"] = Route(body=b"<html><body><p>x</p></body></html>")
        urls = [broken.url(f"/{name}.html") for name in ("a", "b", "c")]

        result = eventwire("fetch", *urls)

        assert result.code == 1
        assert all(f"{url}: connection to" in result.stderr for url in urls), result.stderr
        assert broken.count("/robots.txt") == 3  # one try and two retries, for all three pages
        assert sum(broken.count(f"/{name}.html") for name in ("a", "b", "c")) == 0
    finally:
        broken.stop()


def test_a_fetch_while_another_process_is_processing_stores_and_leaves_processing_for_later(
    site: LocalSite, tmp_path: Path, db_url: str
) -> None:
    config = tmp_path / "impatient.toml"
    config.write_text(
        "[live]\nhost_delay_seconds = 0.0\n[store]\nbusy_timeout_seconds = 0.5\n"
        "[entities]\nenabled = false\n",
        encoding="utf-8",
    )
    url = site.url(article_path(0))

    with Repository.open(db_url) as other, other.processing_lock(wait=0):
        fetched = run_eventwire(db_url, "--config", str(config), "--quiet", "fetch", url)
    processed = run_eventwire(db_url, "--config", str(config), "process")
    stories = run_eventwire(db_url, "stories", "--json").json()["items"]

    assert fetched.code == 1
    assert "Traceback" not in fetched.stderr
    assert "another eventwire process is processing this database" in fetched.stderr
    assert processed.code == 0, processed.stderr
    assert [a["url"] for story in stories for a in story["articles"]] == [url]
