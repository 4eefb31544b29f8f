"""A local news site for the live tests: real article pages, feeds, and misbehaving URLs."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.conftest import DATA, CliResult, run_eventwire
from tests.live.server import (
    LocalSite,
    Route,
    conditional,
    fail_then_serve,
    stream_without_length,
)

PAGES = DATA / "extraction-scrapinghub" / "html"
ARTICLES = 8  # real pages served as /news/a0.html ... /news/a7.html
FEED_ETAG = '"rss-v1"'
ROBOTS = b"User-agent: *\nDisallow: /private/\n"
HUGE_PAGE_BYTES = 20_000_000
UNDATED_PAGE = (
    "<html><head><title>Harbour bridge reopens</title></head><body><article>"
    "<h1>Harbour bridge reopens</h1>"
    + "<p>The harbour bridge reopened to traffic after months of repair work by the city.</p>" * 6
    + "</article></body></html>"
).encode()
UNDATED_PUB_DATE = "Tue, 05 Mar 2024 10:00:00 GMT"
LIVE_CONFIG = """
[live]
connect_timeout_seconds = 1.0
read_timeout_seconds = 1.0
retries = 2
backoff_seconds = 0.05
host_delay_seconds = 0.0
max_download_seconds = 2.0
"""


def article_path(index: int) -> str:
    return f"/news/a{index}.html"


def rss(base: str, items: list[tuple[str | None, str]]) -> bytes:
    """An RSS 2.0 feed; an item whose link is None has no <link> (a broken item)."""
    entries = "".join(
        f"<item><title>{title}</title>"
        + (f"<link>{base}{link}</link>" if link else "")
        + f"<pubDate>{UNDATED_PUB_DATE}</pubDate></item>"
        for link, title in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>Test news</title><link>{base}/</link><description>news</description>"
        f"{entries}</channel></rss>"
    ).encode()


def atom(base: str, paths: list[str]) -> bytes:
    """An Atom 1.0 feed."""
    entries = "".join(
        f'<entry><title>Entry {p}</title><link href="{base}{p}"/><id>urn:test:{p}</id>'
        "<updated>2024-03-05T11:00:00Z</updated></entry>"
        for p in paths
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Test atom</title><id>urn:test:atom</id><updated>2024-03-05T11:00:00Z</updated>"
        f"{entries}</feed>"
    ).encode()


def news_sitemap(base: str, paths: list[str]) -> bytes:
    """A Google News sitemap."""
    urls = "".join(
        f"<url><loc>{base}{p}</loc><news:news><news:publication><news:name>Test</news:name>"
        "<news:language>en</news:language></news:publication>"
        "<news:publication_date>2024-03-05T12:00:00Z</news:publication_date>"
        f"<news:title>Sitemap {p}</news:title></news:news></url>"
        for p in paths
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
        f"{urls}</urlset>"
    ).encode()


@pytest.fixture(scope="session")
def real_pages() -> list[bytes]:
    """Real news pages of the extraction benchmark."""
    if not PAGES.is_dir():
        pytest.skip(f"real HTML pages not available: {PAGES} is absent")
    return [gzip.decompress(p.read_bytes()) for p in sorted(PAGES.glob("*.html.gz"))[:ARTICLES]]


@pytest.fixture
def site(real_pages: list[bytes]) -> Iterator[LocalSite]:
    """The local news site, started on 127.0.0.1 for one test."""
    server = LocalSite()
    base = server.base
    routes = server.routes
    routes["/robots.txt"] = Route(body=ROBOTS, headers={"Content-Type": "text/plain"})
    for index, page in enumerate(real_pages):
        routes[article_path(index)] = Route(body=page)
    page = Route(body=real_pages[0])
    routes["/undated.html"] = Route(body=UNDATED_PAGE)
    routes["/private/secret.html"] = page
    routes["/flaky.html"] = Route(handler=fail_then_serve(2, Route(body=real_pages[1])))
    routes["/down.html"] = Route(503, b"down for maintenance")
    routes["/slow.html"] = Route(body=real_pages[2], delay=3.0)
    routes["/loop-a"] = Route(302, headers={"Location": "/loop-b"})
    routes["/loop-b"] = Route(302, headers={"Location": "/loop-a"})
    routes["/moved.html"] = Route(301, headers={"Location": article_path(3)})
    routes["/huge.html"] = Route(handler=stream_without_length(HUGE_PAGE_BYTES))
    routes["/file.bin"] = Route(
        body=bytes(range(256)) * 64, headers={"Content-Type": "application/octet-stream"}
    )
    rss_items = [(article_path(i), f"Item {i}") for i in range(3)] + [("/undated.html", "Bridge")]
    rss_route = Route(body=rss(base, rss_items), headers={"Content-Type": "application/rss+xml"})
    routes["/rss.xml"] = Route(handler=conditional(rss_route, FEED_ETAG))
    xml = {"Content-Type": "application/xml"}
    routes["/atom.xml"] = Route(body=atom(base, [article_path(3), article_path(4)]), headers=xml)
    routes["/sitemap.xml"] = Route(body=news_sitemap(base, [article_path(5)]), headers=xml)
    broken = rss(base, [(None, "No link here"), (article_path(6), "Item 6")])
    routes["/broken.xml"] = Route(body=broken, headers=xml)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def live_config(tmp_path: Path) -> Path:
    """Settings that make the tests quick: short timeouts and backoff, no host delay."""
    path = tmp_path / "live.toml"
    path.write_text(LIVE_CONFIG, encoding="utf-8")
    return path


@pytest.fixture
def eventwire(db_url: str, live_config: Path):
    """Run the real CLI on the test database with the quick live settings."""

    def run(*args: str) -> CliResult:
        return run_eventwire(db_url, "--config", str(live_config), *args)

    return run


def write_feeds(path: Path, site: LocalSite, *paths: str) -> Path:
    """A feeds file listing ``paths`` of the site."""
    lines = [f'[[feeds]]\nurl = "{site.url(p)}"\n' for p in paths]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path
