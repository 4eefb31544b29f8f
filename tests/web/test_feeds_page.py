"""The feeds status page and its JSON: each watched feed's polls, errors and counts."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from eventwire.api import create_app
from eventwire.store import Repository


def test_feeds_page_shows_state_and_escapes_what_feeds_send(tmp_path: Path) -> None:
    with Repository.open(f"sqlite:///{tmp_path / 'feeds.db'}") as repo:
        repo.ensure_feed("https://news.example/rss", "Example <b>News</b>")
        repo.record_poll("https://news.example/rss", ("etag-1", None))
        repo.ensure_feed("javascript:alert(1)", "Broken")
        repo.record_poll("javascript:alert(1)", error="HTTP 500 <script>x</script>")
        client = TestClient(create_app(repo, token=""))
        html = client.get("/feeds").text
        feeds = client.get("/api/feeds").json()["items"]
    assert "Example &lt;b&gt;News&lt;/b&gt;" in html and "<b>News" not in html
    assert "HTTP 500 &lt;script&gt;x&lt;/script&gt;" in html
    assert 'href="javascript:' not in html
    by_url = {feed["url"]: feed for feed in feeds}
    assert by_url["https://news.example/rss"]["last_success_at"]
    assert by_url["javascript:alert(1)"]["last_error"].startswith("HTTP 500")
