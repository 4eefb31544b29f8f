"""HTML pages: main text with trafilatura; title, date and URL from the page's own metadata."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from eventwire.ingest.sources import domain_of

PARAGRAPHS = [
    "The city council voted on Tuesday to expand the harbour, ending a debate of ten years.",
    "Supporters said the project would bring jobs; opponents feared for the wetlands nearby.",
    "Construction is planned to start next spring and to last about three years in total.",
]


def make_page(head: str = "", paragraphs: list[str] = PARAGRAPHS) -> str:
    """A small but complete news page."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<title>Harbour plan approved | Example</title>{head}</head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><h1>Harbour plan approved</h1>{body}</article>"
        "<footer>Copyright Example Media</footer></body></html>"
    )


def read_one_article(path: Path, ingest):
    (read,) = ingest(path)
    assert read.rejections == ()
    (article,) = read.articles
    return article


def test_html_page_gives_main_text_one_paragraph_per_line(tmp_path: Path, ingest) -> None:
    path = tmp_path / "page.html"
    path.write_text(make_page(), encoding="utf-8")
    article = read_one_article(path, ingest)
    assert article.format == "html"
    assert article.raw == path.read_text(encoding="utf-8")
    lines = article.text.splitlines()
    for paragraph in PARAGRAPHS:
        assert paragraph in lines
    assert "Home" not in article.text and "Copyright" not in article.text
    assert article.title == "Harbour plan approved"  # trafilatura drops the site name


def test_published_keeps_time_and_zone(tmp_path: Path, ingest) -> None:
    head = "<meta property='article:published_time' content='2024-03-05T14:30:00+02:00'>"
    path = tmp_path / "page.htm"
    path.write_text(make_page(head), encoding="utf-8")
    published = read_one_article(path, ingest).published
    assert published == datetime(2024, 3, 5, 14, 30, tzinfo=timezone(timedelta(hours=2)))
    assert published.utcoffset() == timedelta(hours=2)


def test_date_only_is_midnight_utc(tmp_path: Path, ingest) -> None:
    head = "<meta property='article:published_time' content='2024-03-05'>"
    path = tmp_path / "page.html"
    path.write_text(make_page(head), encoding="utf-8")
    assert read_one_article(path, ingest).published == datetime(2024, 3, 5, tzinfo=UTC)


def test_url_from_canonical_gives_source(tmp_path: Path, ingest) -> None:
    head = "<link rel='canonical' href='https://www.Example-News.com/2024/harbour'>"
    path = tmp_path / "folder" / "page.html"
    path.parent.mkdir()
    path.write_text(make_page(head), encoding="utf-8")
    article = read_one_article(path, ingest)
    assert article.url == "https://www.example-news.com/2024/harbour"
    assert article.source == "example-news.com"


def test_og_metadata_gives_title_and_url(tmp_path: Path, ingest) -> None:
    head = (
        "<meta property='og:title' content='Council approves harbour'>"
        "<meta property='og:url' content='https://m.example.org/harbour'>"
    )
    path = tmp_path / "page.html"
    path.write_text(make_page(head), encoding="utf-8")
    article = read_one_article(path, ingest)
    assert article.title == "Council approves harbour"
    assert article.url == "https://m.example.org/harbour"
    assert article.source == "example.org"


def test_declared_cp1252_charset_is_used(tmp_path: Path, ingest) -> None:
    paragraphs = [*PARAGRAPHS, "The mayor said “we will build it” at the café."]
    html = make_page(paragraphs=paragraphs).replace("charset='utf-8'", "charset='windows-1252'")
    path = tmp_path / "page.html"
    path.write_bytes(html.encode("cp1252"))
    article = read_one_article(path, ingest)
    assert "The mayor said “we will build it” at the café." in article.text


def test_gzip_html_and_sniffed_html(tmp_path: Path, ingest) -> None:
    (tmp_path / "a.html.gz").write_bytes(gzip.compress(make_page().encode("utf-8")))
    (tmp_path / "b.page").write_text("\n  <!doctype HTML>" + make_page()[15:], encoding="utf-8")
    (tmp_path / "c").write_text("<html lang='en'>" + make_page()[21:], encoding="utf-8")
    files = ingest(tmp_path)
    assert [a.format for f in files for a in f.articles] == ["html", "html", "html"]


def test_page_without_main_text_is_no_text(tmp_path: Path, ingest) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<!DOCTYPE html><html><head><title>t</title></head><body></body></html>")
    (read,) = ingest(path)
    (rejection,) = read.rejections
    assert read.articles == ()
    assert rejection.reason == "no-text"
    assert str(rejection) == f"{path}: no main text found in the HTML page"


def test_non_html_in_html_file_is_malformed(tmp_path: Path, ingest) -> None:
    path = tmp_path / "broken.html"
    path.write_text("just some words, no markup at all", encoding="utf-8")
    (read,) = ingest(path)
    (rejection,) = read.rejections
    assert rejection.reason == "malformed-html"


# --- real pages -----------------------------------------------------------------------

REAL_PAGE_COUNT = 30  # the first pages in sorted order: enough variety, quick to read


@pytest.fixture(scope="module")
def real_articles(scrapinghub_pages: list[Path], tmp_path_factory, ingest) -> dict[str, object]:
    """The first real pages ingested from a folder of .html.gz files, keyed by page id."""
    folder = tmp_path_factory.mktemp("pages")
    for page in scrapinghub_pages[:REAL_PAGE_COUNT]:
        (folder / page.name).write_bytes(page.read_bytes())
    files = ingest(folder)
    assert all(not f.rejections for f in files), [r for f in files for r in f.rejections]
    return {Path(f.origin).name.removesuffix(".html.gz"): f.articles[0] for f in files}


def word_set(text: str) -> set[str]:
    return {w.strip(".,;:!?\"'()“”‘’").lower() for w in text.split()} - {""}


def test_real_pages_give_their_article_body(real_articles, ground_truth) -> None:
    assert len(real_articles) == REAL_PAGE_COUNT
    recalls = []
    for page_id, article in real_articles.items():
        gold = word_set(ground_truth[page_id]["articleBody"])
        recalls.append(len(gold & word_set(article.text)) / len(gold))
    recalls.sort()
    assert recalls[len(recalls) // 2] > 0.9  # median share of the gold body's words found


def test_real_pages_give_url_title_and_source(real_articles, ground_truth) -> None:
    for page_id, article in real_articles.items():
        assert article.format == "html" and article.title
        gold_domain = domain_of(ground_truth[page_id]["url"])
        if article.url:
            assert article.source == domain_of(article.url)
    matching = [
        a for pid, a in real_articles.items() if a.source == domain_of(ground_truth[pid]["url"])
    ]
    assert len(matching) >= REAL_PAGE_COUNT * 0.8
    assert gold_domain  # the ground truth has URLs at all


def test_real_pages_dates_are_tz_aware_and_keep_times(real_articles) -> None:
    dates = [a.published for a in real_articles.values() if a.published is not None]
    assert len(dates) >= REAL_PAGE_COUNT * 0.8
    assert all(d.tzinfo is not None for d in dates)
    with_time = [d for d in dates if (d.hour, d.minute, d.second) != (0, 0, 0)]
    with_offset = [d for d in dates if d.utcoffset() not in (None, timedelta(0))]
    assert with_time and with_offset


def test_stated_authors_reach_the_article(tmp_path: Path, ingest) -> None:
    path = tmp_path / "page.html"
    head = "<meta name='author' content='By Ana Ruiz and Tom Okoro'>"
    path.write_text(make_page(head), encoding="utf-8")
    assert read_one_article(path, ingest).authors == ("Ana Ruiz", "Tom Okoro")


def test_escape_sequences_and_script_urls_do_not_reach_the_store(tmp_path: Path, ingest) -> None:
    head = (
        "<link rel='canonical' href='javascript:alert(document.cookie)'>"
        "<meta property='og:title' content='Harbour\x1b]0;owned\x07 plan\x1b[2J approved'>"
    )
    page = make_page(head).replace(PARAGRAPHS[0], PARAGRAPHS[0] + "\x1b[2J\x9b1m")
    path = tmp_path / "site" / "page.html"
    path.parent.mkdir()
    path.write_text(page, encoding="utf-8")
    (read,) = ingest(path)
    (article,) = read.articles
    assert article.url is None
    assert article.source == "site"
    # the HTML parser already drops ESC from attributes; what is left cannot act on a terminal
    assert article.title is not None and "\x1b" not in article.title
    assert PARAGRAPHS[0] in article.text
    assert "\x1b" not in article.text and "\x9b" not in article.text
    assert "\x1b" in article.raw  # raw stays as read
