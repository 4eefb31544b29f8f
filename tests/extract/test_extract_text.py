"""Main text: trafilatura, its two repairs (navigation kept, stopped early) and the vote."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest
from trafilatura.utils import load_html

from eventwire.clean import clean_article
from eventwire.ingest.context import ReadContext
from eventwire.ingest.extract_body_continuation import find_continuation
from eventwire.ingest.extract_body_links import drop_link_list_lines, find_link_list_items
from eventwire.ingest.extract_text import (
    choose_medoid,
    extract_main_text,
    is_menu_like,
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
VOTE = IngestSettings(vote_on_disagreement=True)


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


PART_ONE = [
    f"Paragraph {n} of the first part tells how the regional council debated the tram line "
    "for many hours before the vote."
    for n in range(1, 4)
]
PART_TWO = [
    f"Paragraph {n} of the second part explains how the works will be paid for, and which "
    "streets close first next year."
    for n in range(4, 8)
]


def split_page(block: str, extra: str = "") -> str:
    """An article cut into two same-kind blocks with an advertisement between them."""
    parts = [
        f'<{block} class="chunk">{extra}' + "".join(f"<p>{p}</p>" for p in part) + f"</{block}>"
        for part in (PART_ONE, PART_TWO)
    ]
    ad = '<div class="ad"><a href="/x">Buy now</a></div>'
    return f"<html><body><main><h1>Tram</h1>{parts[0]}{ad}{parts[1]}</main></body></html>"


def test_continuation_of_a_split_body_is_found():
    tree = load_html(split_page("div"))
    assert find_continuation(tree, "\n".join(PART_ONE)) == PART_TWO
    assert find_continuation(tree, "\n".join(PART_ONE + PART_TWO)) == []


def test_blocks_that_start_other_articles_are_no_continuation():
    tree = load_html(split_page("div", extra="<h1>Another story</h1>"))
    assert find_continuation(tree, "\n".join(PART_ONE)) == []
    assert find_continuation(load_html(split_page("li")), "\n".join(PART_ONE)) == []


def test_a_column_of_teasers_beside_the_body_is_no_continuation():
    headline = "Headline {} about another story in town that readers liked a lot this week"
    teaser = "<p>A short teaser of twelve plain words that sums up story {}.</p>"
    teasers = "".join(
        f'<h3><a href="/s{n}">{headline.format(n)}</a></h3>{teaser.format(n)}' for n in range(8)
    )
    body = "".join(f"<p>{p}</p>" for p in PART_ONE)
    html = (
        f'<html><body><div class="col">{body}</div><div class="col">{teasers}</div></body></html>'
    )
    assert find_continuation(load_html(html), "\n".join(PART_ONE)) == []


def test_items_of_a_list_of_links_are_dropped_from_the_text():
    related = ["Tram fares rise in May", "New bridge opens to cyclists", "Council budget approved"]
    links = "".join(f'<li><a href="/{n}">{r}</a></li>' for n, r in enumerate(related))
    points = "".join(f"<li>{p} (<a href='/src'>source</a>)</li>" for p in ARTICLE)
    html = f"<html><body><ul>{points}</ul><ul>{links}</ul></body></html>"
    items = find_link_list_items(load_html(html))
    assert items == {r.replace(" ", "") for r in related}
    text = "\n".join([*ARTICLE, *(f"- {r}" for r in related)])
    assert drop_link_list_lines(text, items) == "\n".join(ARTICLE)


def test_a_list_of_story_cards_is_a_link_list():
    card = "<li><h3><a href='/{0}'>Story {0} headline</a></h3><p>{1}</p></li>"
    cards = "".join(card.format(n, ARTICLE[n]) for n in range(3))
    items = find_link_list_items(load_html(f"<html><body><ul>{cards}</ul></body></html>"))
    assert len(items) == 3
    text = "\n".join(f"- Story {n} headline {ARTICLE[n]}" for n in range(3))
    assert drop_link_list_lines(text, items) == ""


def test_menu_like_text_is_recognised():
    menu = "\n".join(["Home", "News", "Sport", "Weather", "Contact us"] * 8)
    assert is_menu_like(menu + "\n" + ARTICLE[0])
    assert not is_menu_like("\n".join(ARTICLE * 12))
    assert not is_menu_like("\n".join(["Home", "News"]))


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
        scores["vote"].append(word_f1(gold, extract_main_text(tree, VOTE, None)))
    for name, values in scores.items():
        assert sum(values) / len(values) > 0.85, name
        assert min(values) > 0.3, name


@pytest.fixture(scope="module")
def all_real_pages() -> dict[str, tuple[str, str]]:
    if not PAGES.is_dir():
        pytest.skip(f"real pages not available: {PAGES}")
    truth = json.loads((PAGES / "ground-truth.json").read_text(encoding="utf-8"))
    return {
        p.name.split(".")[0]: (
            gzip.decompress(p.read_bytes()).decode("utf-8", "replace"),
            truth[p.name.split(".")[0]]["articleBody"],
        )
        for p in sorted((PAGES / "html").glob("*.html.gz"))
    }


def test_repairs_change_few_real_pages_and_only_for_the_better(all_real_pages) -> None:
    plain = IngestSettings(retry_menu_text=False, extend_split_body=False, drop_link_lists=False)
    changed = []
    for html, gold in all_real_pages.values():
        tree = load_html(html)
        before = extract_main_text(tree, plain, None)
        after = extract_main_text(tree, IngestSettings(), None)
        if after != before:
            changed.append((word_f1(gold, before), word_f1(gold, after)))
    assert 0 < len(changed) <= len(all_real_pages) // 10
    assert all(new >= old for old, new in changed)
    assert sum(new - old for old, new in changed) > 1.0


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
