"""The paragraph_breaks component: what it sets, and what it leaves to the parser."""

from __future__ import annotations

import spacy

from eventwire.entities.paragraphs import paragraph_breaks


def test_only_paragraph_starts_and_the_closing_quotes_before_them_are_set() -> None:
    nlp = spacy.blank("en")
    text = 'She spoke. "We stay.\n\nWe stay. "\n \nAnd then "\n\n\n(a) list\nline two.'
    doc = paragraph_breaks(nlp(text))
    marks = [(t.text, t.is_sent_start) for t in doc[1:] if t.is_sent_start is not None]
    assert marks == [
        ("\n\n", False),
        ("We", True),
        ('"', False),
        ("\n \n", False),
        ("And", True),
        ('"', False),
        ("\n\n\n", False),
        ("(", True),
    ]  # the quote after "spoke." and the single line break are left to the parser


def test_a_text_opening_or_ending_with_blank_lines_is_left_alone() -> None:
    nlp = spacy.blank("en")
    doc = paragraph_breaks(nlp('\n\n"Yes."\n\n'))
    assert [t.is_sent_start for t in doc[1:]] == [None] * (len(doc) - 1)
    doc = paragraph_breaks(nlp('"\n\nNo.'))
    assert [(t.text, t.is_sent_start) for t in doc] == [
        ('"', True),
        ("\n\n", False),
        ("No", True),
        (".", None),
    ]
