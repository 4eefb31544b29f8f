"""Cleaning removes what is not the article and nothing of the article (issue 10, part 2)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from eventwire.clean import clean_article
from eventwire.ingest.context import ReadContext
from eventwire.ingest.jsonl import read_jsonl
from eventwire.ingest.settings import IngestSettings
from eventwire.model import CleanArticle

from .conftest import make_raw

LEAD = "The Senate passed the spending bill late on Tuesday after a twelve-hour debate."
MORE = "The measure now goes to the House, where its fate is less certain."


def clean(text: str, **metadata) -> CleanArticle:
    article = clean_article(make_raw(text, **metadata))
    assert isinstance(article, CleanArticle), article
    return article


@pytest.mark.parametrize(
    "sentence",
    [
        "Research by the Pew Research Center found that most voters back stricter border controls.",
        "Reporting by local papers showed the mayor had known about the leak for months.",
        "Editing by hand took the archivists nearly a decade, the museum said.",
    ],
)
def test_sentence_opening_like_a_credit_is_kept(sentence):
    article = clean(f"Spending bill clears Senate\n{LEAD}\n{sentence}\n{MORE}")
    assert sentence in article.paragraphs


@pytest.mark.parametrize(
    "credit",
    [
        "Reporting by Jane Roe in Lisbon; Editing by John Doe",
        "Additional reporting by Ann Lee and Omar Haddad.",
        "(Reporting by Jane Roe; writing by the Lisbon newsroom; editing by John Doe)",
    ],
)
def test_credit_lines_still_dropped(credit):
    article = clean(f"Spending bill clears Senate\n{LEAD}\n{MORE}\n{credit}")
    assert credit not in article.paragraphs
    assert any(n.rule == "boilerplate" and n.text == credit for n in article.notes)


def test_dash_name_list_items_are_kept():
    text = f"Who spoke\n{LEAD}\nThe speakers were:\n- Mike Johnson\n- Hakeem Jeffries\n{MORE}"
    assert clean(text).paragraphs[2:4] == ("- Mike Johnson", "- Hakeem Jeffries")


def test_lone_dash_sign_off_is_dropped():
    article = clean(f"Spending bill clears Senate\n{LEAD}\n{MORE}\n- Staff Reporter")
    assert "- Staff Reporter" not in article.paragraphs


def test_closing_analysis_section_is_kept():
    outlook = "The House is expected to take up the bill after the recess."
    article = clean(f"Spending bill clears Senate\n{LEAD}\n{MORE}\nWhat's next\n{outlook}")
    assert article.paragraphs[-1] == outlook
    assert article.headings == ("What's next",)


def test_timeline_subheadings_stay_and_are_not_the_publication_date():
    text = "\n".join(
        [
            "How the dispute unfolded",
            "Published 4 May 2022, 09:00 GMT",
            "The dispute between the two ports started over a single contract and grew for years.",
            "March 3, 2020",
            "Talks collapsed after the second round, and both sides recalled their envoys.",
            "June 15, 2021",
            "A settlement was signed in the port city under pressure from the shipping lines.",
        ]
    )
    article = clean(text)
    assert article.headings == ("March 3, 2020", "June 15, 2021")
    assert article.published == datetime(2022, 5, 4, 9, 0, tzinfo=UTC)


def test_bare_date_in_the_head_is_still_a_dateline():
    article = clean(f"Spending bill clears Senate\nMarch 3, 2020\n{LEAD}\n{MORE}")
    assert article.published == datetime(2020, 3, 3, tzinfo=UTC)
    assert article.paragraphs == (LEAD, MORE)


def test_timeline_date_alone_gives_no_publication_date():
    text = f"Spending bill clears Senate\n{LEAD}\nMarch 3, 2020\n{MORE}"
    assert clean(text).published is None


@pytest.mark.parametrize("label", ["Politics", "News › Europe", "World / Middle East", "Business"])
def test_section_label_above_headline_is_not_the_title(label):
    article = clean(f"{label}\nSpending bill clears Senate after long night\n{LEAD}\n{MORE}")
    assert article.title == "Spending bill clears Senate after long night"
    assert article.paragraphs == (LEAD, MORE)
    assert [n.text for n in article.notes if n.rule == "section"] == [label]


def test_short_headline_above_a_paragraph_is_still_the_title():
    article = clean(f"Senate vote\n{LEAD}\n{MORE}")
    assert article.title == "Senate vote"
    assert not any(n.rule == "section" for n in article.notes)


@pytest.mark.parametrize(
    "text",
    [
        LEAD,
        f"{LEAD} {MORE}",
        "FLASH: Earthquake of magnitude 6.1 strikes off the coast, no tsunami warning issued",
    ],
)
def test_one_paragraph_without_title_is_an_article(text):
    article = clean(text)
    assert article.paragraphs == (text,)
    assert article.title


def test_one_paragraph_with_given_title_equal_to_it_is_kept():
    article = clean(LEAD, title=LEAD)
    assert article.paragraphs == (LEAD,)


def test_bare_date_under_a_long_headline_is_a_dateline():
    headline = "Senate clears the spending bill after a twelve-hour debate that ran past midnight"
    article = clean(f"{headline}\nSep. 17, 2020\n{LEAD}\n{MORE}")
    assert article.published == datetime(2020, 9, 17, tzinfo=UTC)
    assert article.paragraphs == (LEAD, MORE)


def test_short_lead_repeated_later_is_dropped():
    lead = "Remember the city's long quest for a new slogan?"
    text = f"Slogan contest ends\n{lead}\n{LEAD}\nSlogan contest ends\n{lead}\n{MORE}"
    article = clean(text)
    assert article.paragraphs == (lead, LEAD, MORE)
    assert any(n.rule == "repeated-paragraph" and n.text == lead for n in article.notes)


def test_short_repeated_list_line_that_is_not_the_lead_stays():
    text = f"Meal plans\n{LEAD}\nMeal 1\n- Rice and beans.\nMeal 2\n- Rice and beans.\n{MORE}"
    assert clean(text).paragraphs.count("- Rice and beans.") == 2


@pytest.mark.parametrize("header", ["More from World", "More in Business", "More from US News"])
def test_section_link_list_header_and_entries_dropped(header):
    entries = ["Storm closes schools across the region", "Rates held steady again"]
    article = clean("\n".join(["Spending bill clears Senate", LEAD, MORE, header, *entries]))
    assert [b.text for b in article.blocks] == [LEAD, MORE]


def test_one_paragraph_jsonl_line_read_by_the_jsonl_reader_is_an_article():
    line = json.dumps({"url": "https://example.org/brief", "text": LEAD}) + "\n"
    context = ReadContext(Path("briefs.jsonl"), "briefs.jsonl", None, IngestSettings())
    read = read_jsonl(line.encode("utf-8"), context)
    article = clean_article(read.articles[0])
    assert isinstance(article, CleanArticle), article
    assert article.paragraphs == (LEAD,)
