"""Boilerplate lines are dropped by data-file patterns and shape heuristics, news is kept."""

from __future__ import annotations

import pytest

from eventwire.clean import CleanSettings, clean_article
from eventwire.clean.boilerplate import find_boilerplate_reason
from eventwire.clean.datafiles import load_patterns, parse_patterns

from .conftest import make_raw


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("ADVERTISEMENT", "advertisement"),
        ("Story continues below advertisement", "advertisement"),
        ("Comments are moderated and may take time to appear.", "comments"),
        ("Please be respectful and keep the discussion civil.", "comments"),
        ("Share this article", "share"),
        ("Follow us on Telegram", "follow"),
        ("Follow The Daily Planet on Facebook and X", "follow"),
        ("Sign up for our morning newsletter", "newsletter"),
        ("Get the latest headlines delivered to your inbox every morning", "newsletter"),
        ("Keep an eye on your inbox for the latest news.", "newsletter"),
        ("There was an error processing your subscription.", "newsletter"),
        ("Morning Briefing Newsletter", "newsletter"),
        ("We use cookies to improve your experience on our site.", "cookies"),
        ("Read more: Harbour bridge to close for repairs", "related-links"),
        ("Related", "related-links"),
        ("Click here to watch the full interview", "related-links"),
        ("© 2031 Example Media Group. All rights reserved.", "copyright-footer"),
        ("Copyright 2031 Northwind News", "copyright-footer"),
        ("(Reporting by Jane Roe; Editing by John Doe)", "credit"),
        ("Staff writer Ann Lee contributed to this report.", "credit"),
        ("Photo: Getty Images", "credit"),
        ("Source: news agencies", "credit"),
        ("By Maria Gomez and Tom Hill", "byline"),
    ],
)
def test_boilerplate_kinds(line, kind):
    reason = find_boilerplate_reason(line, CleanSettings())
    assert reason is not None and reason.startswith(kind + ":")


@pytest.mark.parametrize(
    "line",
    [
        "Share prices fell sharply on Monday after the announcement.",
        "Copyright lawsuits against the developer have multiplied this year.",
        "Related charges were filed against two other men.",
        '"Please be respectful of the families," the police chief told reporters.',
        "Subscribers to the service will see higher fees next year.",
        "Video, shared widely online, showed the crowd scattering.",
        "The court ruled that all rights reserved by the treaty remain valid, "
        + "according to the judgment, which runs to 300 pages and cites dozens "
        + "of earlier cases from several jurisdictions across the continent over "
        + "many decades of disputes between the neighbouring states and their "
        + "courts, lawyers and governments, including appeals that took years, "
        + "and the ruling is expected to be cited for a long time to come.",
    ],
)
def test_news_sentences_are_not_boilerplate(line):
    assert find_boilerplate_reason(line, CleanSettings()) is None


@pytest.mark.parametrize(
    "line",
    [
        "***",
        "https://www.example.org/story/123",
        "@newsdesk #breaking",
        "Facebook Twitter Email",
        "desk@example.net",
        "twitter.com/newsdesk",
        "https://www.facebook.com/newsdesk pic.twitter.com/AbC123",
    ],
)
def test_shape_heuristics(line):
    assert find_boilerplate_reason(line, CleanSettings(), host="example.org") is not None


@pytest.mark.parametrize(
    "line", ["https://data.example.com/report.pdf", "www.example.com", "http://short.example/2hWx"]
)
def test_bare_link_to_another_site_is_kept_as_a_cited_source(line):
    assert find_boilerplate_reason(line, CleanSettings(), host="example.org") is None
    assert find_boilerplate_reason(line, CleanSettings()) is None


def test_data_file_groups_every_pattern_under_a_kind():
    patterns = load_patterns("boilerplate.txt")
    assert len(patterns) > 40
    assert all(p.kind != "general" for p in patterns)


def test_pattern_file_format():
    patterns = parse_patterns("# comment\n## ads\n^ad$\n\n## credit\n^photo:\n")
    assert [(p.kind, p.regex.pattern) for p in patterns] == [("ads", "^ad$"), ("credit", "^photo:")]


def test_boilerplate_removed_from_article_with_notes():
    text = "\n".join(
        [
            "Harbour bridge to close for repairs",
            "The harbour bridge will close for six weeks from June, the city said on Monday.",
            "Advertisement",
            "Engineers found corrosion in two of the main cables during an inspection.",
            "Sign up for our daily newsletter",
        ]
    )
    article = clean_article(make_raw(text))
    assert len(article.paragraphs) == 2
    dropped = [(n.line, n.rule) for n in article.notes if n.rule == "boilerplate"]
    assert dropped == [(3, "boilerplate"), (5, "boilerplate")]
