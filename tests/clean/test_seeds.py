"""Seed acceptance: the two real articles the project started from."""

from __future__ import annotations

from datetime import UTC, datetime

from eventwire.clean import clean_article
from eventwire.model import CleanArticle
from eventwire.textnorm import normalize_for_comparison


def clean_seed(seed_raw, prefix: str) -> CleanArticle:
    article = clean_article(seed_raw(prefix))
    assert isinstance(article, CleanArticle), article
    return article


def test_seed_000_title_body_and_headings(seed_raw):
    article = clean_seed(seed_raw, "000")
    assert article.title == "Russia, Oman urge diplomacy on Iran after Muscat talks"
    assert article.paragraphs[0].startswith(
        "Russian Foreign Minister Sergey Lavrov and Omani Foreign Minister Badr Albusaidi"
        " held a phone call Sunday"
    )
    assert article.paragraphs[-1].endswith("agreements for regional security.")
    assert len(article.headings) == 3
    assert article.published is None
    assert article.updated is None


def test_seed_000_drops_ads_comment_policy_keeps_closing_section(seed_raw):
    article = clean_seed(seed_raw, "000")
    body = "\n".join(b.text for b in article.blocks)
    assert "Advertisement" not in body
    assert "Please be respectful" not in body
    assert "The path forward for negotiations" in article.headings  # the article's own words
    rules = {n.rule for n in article.notes}
    assert {"boilerplate", "generic-conclusion", "heading"} <= rules


def test_seed_001_title_once_and_times(seed_raw):
    article = clean_seed(seed_raw, "001")
    title = "Lavrov and Oman's Foreign Minister Discuss US-Iran Talks in Phone Call"
    assert article.title == title
    wanted = normalize_for_comparison(title)
    assert all(normalize_for_comparison(b.text) != wanted for b in article.blocks)
    assert article.published == datetime(2026, 2, 8, 16, 46, tzinfo=UTC)
    assert article.updated == datetime(2026, 2, 8, 16, 52, tzinfo=UTC)
    assert article.published.utcoffset().total_seconds() == 0


def test_seed_001_no_timestamp_or_dateline_in_body(seed_raw):
    article = clean_seed(seed_raw, "001")
    for block in article.blocks:
        assert "2026" not in block.text
        assert "GMT" not in block.text
        assert not block.text.startswith("date ")
    rules = [n.rule for n in article.notes]
    assert rules.count("timestamp") == 3
    assert rules.count("dateline") == 1


def test_seed_001_glued_sentence_split_and_repeats_dropped(seed_raw):
    article = clean_seed(seed_raw, "001")
    body = article.text
    assert "said.The ministry" not in body
    assert "said. The ministry" in body
    assert body.count("The exchange of views focused") == 1
    assert body.count("The ministry also noted that") == 1
    repeats = [n for n in article.notes if n.rule == "repeated-paragraph"]
    assert len(repeats) == 2
    assert article.paragraphs[-1].endswith("according to the Russian Foreign Ministry.")


def test_seed_001_keeps_the_other_spelling_of_the_name(seed_raw):
    article = clean_seed(seed_raw, "001")
    assert any("Badr bin Hamad Al Busaidi" in p for p in article.paragraphs)
    assert any("Badr al-Busaidi" in p for p in article.paragraphs)
    assert len(article.paragraphs) == 3
