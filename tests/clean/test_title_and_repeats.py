"""Title choice, repeated titles and repeated paragraphs."""

from __future__ import annotations

from eventwire.clean import CleanSettings, clean_article
from eventwire.clean.items import split_items
from eventwire.clean.title import choose_title
from eventwire.model import Rejection

from .conftest import make_raw

LEAD = "The harbour bridge will close for six weeks from June, the city council said on Monday."
SECOND = (
    "Engineers found corrosion in two of the main cables during a routine inspection last year."
)


def test_title_from_first_line_and_its_repeats_dropped():
    text = (
        f"City’s bridge to close\nCity's bridge to close\n{LEAD}\nCITY'S BRIDGE TO CLOSE\n{SECOND}"
    )
    article = clean_article(make_raw(text))
    assert article.title == "City’s bridge to close"
    assert article.paragraphs == (LEAD, SECOND)
    assert [n.line for n in article.notes if n.rule == "repeated-title"] == [2, 4]


def test_input_title_wins_and_first_line_repeat_dropped():
    raw = make_raw(f"Bridge to close - Northwind News\n{LEAD}", title="Bridge to close")
    article = clean_article(raw)
    assert article.title == "Bridge to close"
    assert article.paragraphs == (LEAD,)


def test_input_title_different_from_first_line_keeps_the_line():
    raw = make_raw(f"{LEAD}\n{SECOND}", title="Bridge to close")
    article = clean_article(raw)
    assert article.paragraphs == (LEAD, SECOND)


def test_exact_and_contained_repeats_dropped():
    short = "Engineers found corrosion in two of the main cables"
    text = f"Bridge to close\n{LEAD}\n{SECOND}\n{LEAD}\n{short}"
    article = clean_article(make_raw(text))
    assert article.paragraphs == (LEAD, SECOND)
    details = [n.detail for n in article.notes if n.rule == "repeated-paragraph"]
    assert details[0].startswith("repeats line 2")
    assert details[1].startswith("contained in line 3")


def test_repeat_with_different_quotes_is_dropped():
    quoted = "“We will reopen it by autumn,” the mayor said."
    text = f'Bridge to close\n{quoted}\n{LEAD}\n"We will reopen it by autumn," the mayor said.'
    article = clean_article(make_raw(text))
    assert article.paragraphs == (quoted, LEAD)


def test_paragraph_whose_sentences_all_occur_earlier_is_dropped():
    text = "Bridge to close\n{}\n{}\n{}".format(
        LEAD,
        SECOND,
        "The city council said on Monday. Engineers found corrosion in two of the main cables.",
    )
    article = clean_article(make_raw(text))
    assert article.paragraphs == (LEAD, SECOND)


def test_near_repeat_with_changed_name_is_kept():
    variant = LEAD.replace("city council", "Northwind city council")
    article = clean_article(make_raw(f"Bridge to close\n{LEAD}\n{variant}"))
    assert article.paragraphs == (LEAD, variant)


def test_short_sentence_inside_earlier_paragraph_is_kept():
    text = f"Bridge to close\n{LEAD}\nThe city council said."
    article = clean_article(make_raw(text), CleanSettings(min_contained_words=5))
    assert article.paragraphs[-1] == "The city council said."


def test_empty_article_is_rejected():
    raw = make_raw("Bridge to close\nAdvertisement\n2031-05-04T09:15+0000\n")
    result = clean_article(raw)
    assert isinstance(result, Rejection)
    assert result.reason == "empty"
    assert result.origin == "test.txt"


def test_blank_text_is_rejected():
    result = clean_article(make_raw("  \n\n"))
    assert isinstance(result, Rejection) and result.reason == "empty"


def test_long_first_line_stays_in_body_and_first_sentence_titles():
    long_line = " ".join([LEAD, SECOND, LEAD.replace("June", "July")])
    article = clean_article(make_raw(long_line))
    assert article.title == LEAD
    assert article.paragraphs == (long_line,)


def test_outlet_suffix_naming_the_source_is_cut_from_a_given_title():
    items = split_items(LEAD)
    title, kept, notes = choose_title(
        items, "Bridge to close | Northwind News", source="Northwind News"
    )
    assert (title, kept) == ("Bridge to close", items)
    assert notes[0].rule == "title" and "'| Northwind News'" in notes[0].detail


def test_outlet_suffix_naming_the_source_domain_is_cut_from_the_first_line():
    items = split_items(f"Bridge to close - Northwind\n{LEAD}")
    title, kept, _ = choose_title(items, None, source="www.northwind.co.uk")
    assert title == "Bridge to close"
    assert [i.text for i in kept] == [LEAD]


def test_a_suffix_that_is_not_the_outlet_stays_in_the_title():
    title, _, notes = choose_title([], "Bridge to close - for six weeks", source="northwind.com")
    assert title == "Bridge to close - for six weeks"
    assert notes == []
