"""Main text: trafilatura, with readability's vote when the settings ask for it."""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from trafilatura.utils import load_html

from eventwire.clean import clean_article
from eventwire.ingest.context import ReadContext
from eventwire.ingest.extract_text import (
    choose_medoid,
    extract_main_text,
    run_readability,
    similarity,
)
from eventwire.ingest.html import read_html
from eventwire.ingest.settings import IngestSettings
from eventwire.ingest.text import read_text

REPO_ROOT = Path(__file__).resolve().parents[2]
PAGES = REPO_ROOT.parent / "shared" / "data" / "extraction-scrapinghub"
REAL_PAGES = 12
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class VoteSettings(IngestSettings):
    vote_on_disagreement: bool = True


ARTICLE = [
    "The regional council approved the new tram line after a long debate on Monday evening.",
    "Work on the first section is planned to begin in the spring of next year, officials said.",
    "Opponents said the cost estimate was too optimistic and asked the auditors for a review.",
]


def test_similarity_is_shingle_f1() -> None:
    text = " ".join(ARTICLE)
    assert similarity(text, text) == 1.0
    assert similarity(text, "completely different words in this other sentence here") == 0.0
    assert 0.0 < similarity(text, ARTICLE[0]) < 1.0
    assert similarity("", text) == 0.0


def test_medoid_outvotes_the_extractor_that_kept_a_whole_page() -> None:
    whole_page = " ".join(ARTICLE + ["Menu Home Sports Weather Login Subscribe Contact us"] * 9)
    article = "\n".join(ARTICLE)
    assert choose_medoid([whole_page, article, article[:-10]]) == article


def test_readability_gives_one_block_per_line() -> None:
    body = "".join(f"<p>{p}</p>" for p in ARTICLE)
    html = f"<html><body><nav>Home News</nav><article>{body}</article></body></html>"
    assert run_readability(load_html(html)).splitlines() == ARTICLE


@pytest.fixture(scope="module")
def real_pages() -> dict[str, tuple[str, str]]:
    if not PAGES.is_dir():
        pytest.skip(f"real pages not available: {PAGES}")
    truth = json.loads((PAGES / "ground-truth.json").read_text(encoding="utf-8"))
    paths = sorted((PAGES / "html").glob("*.html.gz"))[:REAL_PAGES]
    return {
        p.name.split(".")[0]: (
            gzip.decompress(p.read_bytes()).decode("utf-8", "replace"),
            truth[p.name.split(".")[0]]["articleBody"],
        )
        for p in paths
    }


def word_f1(gold: str, found: str) -> float:
    return similarity(" ".join(WORD.findall(gold)), " ".join(WORD.findall(found)))


def test_vote_keeps_real_article_bodies(real_pages) -> None:
    scores = {"plain": [], "vote": []}
    for html, gold in real_pages.values():
        tree = load_html(html)
        scores["plain"].append(word_f1(gold, extract_main_text(tree, IngestSettings(), None)))
        scores["vote"].append(word_f1(gold, extract_main_text(tree, VoteSettings(), None)))
    for name, values in scores.items():
        assert sum(values) / len(values) > 0.85, name
        assert min(values) > 0.3, name


def test_html_and_plain_text_get_the_same_clean_rules_and_notes(tmp_path: Path) -> None:
    footer = "Follow us on Facebook and Twitter for more news."
    lines = ["Tram line approved", *ARTICLE, ARTICLE[1], footer]
    html = (
        "<html><body><article>" + "".join(f"<p>{x}</p>" for x in lines) + "</article></body></html>"
    )
    (tmp_path / "a.html").write_text(html, encoding="utf-8")
    settings = IngestSettings()
    from_html = read_html(html.encode(), ReadContext(tmp_path / "a.html", "a.html", None, settings))
    text = from_html.articles[0].text
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    from_text = read_text(text.encode(), ReadContext(tmp_path / "a.txt", "a.txt", None, settings))
    cleaned = [clean_article(f.articles[0]) for f in (from_html, from_text)]
    assert cleaned[0].blocks == cleaned[1].blocks
    notes = [[(n.rule, n.text) for n in c.notes] for c in cleaned]
    assert notes[0] == notes[1]
    assert ("repeated-paragraph", ARTICLE[1]) in notes[0]
    assert any(rule == "boilerplate" and footer in removed for rule, removed in notes[0])
