"""Link lists under a 'related' header, reader-service footers and page chrome are dropped."""

from __future__ import annotations

import pytest

from eventwire.clean import CleanSettings, clean_article
from eventwire.clean.boilerplate import find_boilerplate_reason

from .conftest import make_raw

LEAD = "The harbour bridge will close for six weeks from June, the city council said on Monday."
SECOND = "Engineers found corrosion in two of the main cables during a routine inspection."
LAST = "The council will publish a list of detours before the closure begins, it added."


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("DON'T MISS", "related-links"),
        ("SEE MORE: Ferry timetable changes for the summer", "related-links"),
        ("You may also like...", "related-links"),
        ("Also on example.org Ferry operator raises fares again", "related-links"),
        ("[Related: Ferry operator raises fares again]", "related-links"),
        ("(Leggi anche su: Il ponte chiude per sei settimane)", "related-links"),
        ("Like this story? Share it with a friend!", "related-links"),
        ("Write to Jo Smith at jo.smith@example.com", "contact"),
        ("Email Jo Smith at jo@example.com or follow her on X.", "contact"),
        ("Follow our full coverage of the bridge at https://example.com/bridge", "contact"),
        ("This copy is for your personal, non-commercial use only.", "subscription"),
        ("If you buy something through this post, we may earn a commission.", "subscription"),
        ("An error has occurred, please try again later.", "page-chrome"),
        ("Filed under: Transport |", "tags"),
        ("Tags", "tags"),
        ("Reading time: 3 min", "reading-time"),
        ("Jo Smith contributed reporting from Northwind.", "credit"),
    ],
)
def test_reader_service_lines_are_boilerplate(line: str, kind: str) -> None:
    reason = find_boilerplate_reason(line, CleanSettings())
    assert reason is not None and reason.startswith(kind), reason


@pytest.mark.parametrize(
    "line",
    [
        "More than 200 people were evacuated on Monday.",
        "Tags were attached to the birds before they were released.",
        "Email remains the main way the council contacts residents.",
        "Jo Smith contributed to the fund in 2019, records show.",
    ],
)
def test_news_sentences_that_start_alike_are_kept(line: str) -> None:
    assert find_boilerplate_reason(line, CleanSettings()) is None


def test_headlines_under_a_related_header_are_dropped_until_prose_resumes() -> None:
    headlines = [
        "Ferry operator raises fares again [INSIGHT]",
        "Why the old bridge keeps rusting",
        "Mayor: 'We will reopen it by autumn'",
    ]
    text = "\n".join(
        ["Bridge to close", LEAD, "DON'T MISS", *headlines, SECOND, "Short line", LAST]
    )
    article = clean_article(make_raw(text))
    assert article.paragraphs == (LEAD, SECOND, LAST)
    assert "Short line" in article.headings  # outside the list: kept
    listed = [n for n in article.notes if n.detail.startswith("related-list")]
    assert [n.text for n in listed] == headlines
    assert all("line 3" in n.detail for n in listed)


def test_a_sentence_right_after_the_header_ends_the_list() -> None:
    text = "\n".join(["Bridge to close", LEAD, "Related", SECOND, "Why the old bridge rusts"])
    article = clean_article(make_raw(text))
    assert article.paragraphs == (LEAD, SECOND)
    assert article.headings == ("Why the old bridge rusts",)
