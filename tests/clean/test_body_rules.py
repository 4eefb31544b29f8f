"""Glued sentences, headings and generic conclusions."""

from __future__ import annotations

import pytest

from eventwire.clean import CleanSettings, clean_article
from eventwire.clean.headings import is_heading
from eventwire.clean.sentences import unglue

from .conftest import make_raw

LEAD = "The harbour bridge will close for six weeks from June, the city council said on Monday."
DETAIL = "Engineers found corrosion in two of the main cables during a routine inspection."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the council said.The mayor agreed", "the council said. The mayor agreed"),
        ('it will reopen," she said.The work', 'it will reopen," she said. The work'),
        ("a 12%.The rate", "a 12%. The rate"),
    ],
)
def test_glued_sentences_are_split(text, expected):
    assert unglue(text)[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. Army and the U.K. Navy",
        "Tools, e.g. Node.js and Deno, ran on example.com",
        "Growth was 3.5 percent",
        "J.R.R. Tolkien wrote it",
        "See https://example.org/News.Today for more",
        "Visit www.Example.Com today",
    ],
)
def test_non_sentence_dots_are_not_split(text):
    assert unglue(text) == (text, [])


def test_glued_sentence_note_in_article():
    text = "Bridge to close\nThe council voted on Monday.The mayor was absent from the meeting."
    article = clean_article(make_raw(text))
    assert article.paragraphs == (
        "The council voted on Monday. The mayor was absent from the meeting.",
    )
    (note,) = [n for n in article.notes if n.rule == "glued-sentence"]
    assert "Monday.The" in note.detail and note.line == 2


@pytest.mark.parametrize(
    "line", ["Why the repairs take so long", "Cost of the Works", "2031 budget at a glance"]
)
def test_headings(line):
    assert is_heading(line, CleanSettings())


@pytest.mark.parametrize(
    "line",
    [
        "The mayor resigned.",  # a real short sentence
        "Nobody was hurt!",
        "Is it safe?",
        "Officials said:",
        '"We will reopen it"',  # a quote
        "and then the cables snapped",  # lower-case start: a broken line, not a heading
        "The council said the bridge will close for six weeks from early June onwards",
    ],
)
def test_not_headings(line):
    assert not is_heading(line, CleanSettings())


def test_heading_blocks_in_article():
    text = f"Bridge to close\n{LEAD}\nWhy the repairs take so long\n{DETAIL}\nThe mayor resigned."
    article = clean_article(make_raw(text))
    assert [b.kind for b in article.blocks] == ["paragraph", "heading", "paragraph", "paragraph"]
    assert article.headings == ("Why the repairs take so long",)


def _article(final_heading: str, final_text: str) -> str:
    return "\n".join(
        ["Bridge to close", LEAD, "Cables corroded", DETAIL, final_heading, final_text]
    )


GENERIC = (
    "The closure underscores the importance of maintaining critical infrastructure for the city."
)


def test_generic_conclusion_kept_and_noted():
    article = clean_article(make_raw(_article("Looking ahead", GENERIC)))
    assert article.paragraphs == (LEAD, DETAIL, GENERIC)
    assert article.headings == ("Cables corroded", "Looking ahead")
    notes = [n for n in article.notes if n.rule == "generic-conclusion"]
    assert [n.line for n in notes] == [5, 6]
    assert notes[0].detail.startswith("kept:")


def test_non_generic_final_section_kept():
    article = clean_article(make_raw(_article("Traffic diversions", GENERIC)))
    assert article.paragraphs[-1] == GENERIC


@pytest.mark.parametrize(
    "fact",
    [
        "Transport minister Olu Adeyemi will visit the site next week.",  # new name
        "The closure will cost about 40 million dollars.",  # number
        'The council called it "a necessary step" for safety.',  # quotation
    ],
)
def test_generic_heading_with_fact_kept(fact):
    article = clean_article(make_raw(_article("The road ahead", fact)))
    assert article.paragraphs[-1] == fact
    assert not any(n.rule == "generic-conclusion" for n in article.notes)


def test_generic_heading_not_last_section_kept():
    text = (
        _article("What's next", GENERIC)
        + "\nTraffic diversions\n"
        + DETAIL.replace("Engineers", "Inspectors")
    )
    article = clean_article(make_raw(text))
    assert GENERIC in article.paragraphs


def test_generic_conclusion_can_be_switched_off():
    settings = CleanSettings(drop_generic_conclusion=False)
    article = clean_article(make_raw(_article("Conclusion", GENERIC)), settings)
    assert article.paragraphs[-1] == GENERIC
