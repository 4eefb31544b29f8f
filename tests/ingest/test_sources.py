"""Which outlet an article is credited to."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.ingest.sources import domain_of, folder_name, infer_source


@pytest.mark.parametrize(
    ("url", "domain"),
    [
        ("https://www.Example.com/news/1", "example.com"),
        ("http://m.example.co.uk/x", "example.co.uk"),
        ("https://amp.example.org/a?b=c", "example.org"),
        ("https://news.example.org/a", "news.example.org"),
        ("https://www.m.example.net:8080/", "example.net"),
        ("example.com/story", "example.com"),
        ("https://www.com/", "www.com"),
        ("not a url", None),
        ("", None),
        (None, None),
    ],
)
def test_domain_of(url: str | None, domain: str | None) -> None:
    assert domain_of(url) == domain


def test_inference_order() -> None:
    path = Path("/data/folder-outlet/a.txt")
    url = "https://www.site.example/x"
    assert infer_source("Field Outlet", url, "arg", path) == "Field Outlet"
    assert infer_source(None, url, "arg", path) == "site.example"
    assert infer_source(None, None, "arg", path) == "arg"
    assert infer_source(None, "garbage", None, path) == "folder-outlet"
    assert infer_source("  ", None, "", path) == "folder-outlet"


def test_inference_order_end_to_end(tmp_path: Path, ingest) -> None:
    folder = tmp_path / "folder-outlet"
    folder.mkdir()
    lines = [
        {"text": "a", "source": "Field Outlet", "url": "https://www.site.example/1"},
        {"text": "b", "url": "https://www.site.example/2"},
        {"text": "c"},
    ]
    jsonl = folder / "batch.jsonl"
    jsonl.write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    (folder / "story.txt").write_text("Plain text story.", encoding="utf-8")
    with_argument = [a.source for f in ingest(folder, source="arg") for a in f.articles]
    without = [a.source for f in ingest(folder) for a in f.articles]
    assert with_argument == ["Field Outlet", "site.example", "arg", "arg"]
    assert without == ["Field Outlet", "site.example", "folder-outlet", "folder-outlet"]


def test_date_archive_folders_are_not_outlets(tmp_path: Path, ingest) -> None:
    page = tmp_path / "harbour-gazette" / "2026" / "02" / "08" / "strike.txt"
    page.parent.mkdir(parents=True)
    page.write_text("Dock workers stayed out on Sunday.", encoding="utf-8")
    assert [a.source for f in ingest(tmp_path) for a in f.articles] == ["harbour-gazette"]
    assert folder_name(Path("/x/daily-post/2026-02-08/a.txt")) == "daily-post"
    assert folder_name(Path("/x/daily-post/20260208/a.txt")) == "daily-post"
    assert folder_name(Path("/x/route-66/a.txt")) == "route-66"
