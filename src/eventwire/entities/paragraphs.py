"""Paragraph breaks as sentence boundaries: a spaCy component run before the parser.

A clean body separates its paragraphs by blank lines. Left alone, the parser sometimes runs a
sentence across one, or cuts before a paragraph's closing quote and glues that quote (and the
blank line) onto the next paragraph's first sentence. The component marks the first token
after a blank line as a sentence start, and the quotes and closing brackets that end the
paragraph before it (and the blank line itself) as not starting one; every other token is left
to the parser (or the senter, which keeps what is set).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.language import Language

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

NAME = "paragraph_breaks"
BLANK_LINE = re.compile(r"\n[^\S\n]*\n")


@Language.component(NAME)
def paragraph_breaks(doc: Doc) -> Doc:
    """Mark each paragraph's first token as a sentence start (see the module docstring).

    Only the blank lines are visited (found in the text, not token by token): a few per article.
    """
    for match in BLANK_LINE.finditer(doc.text):
        blank = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if blank is not None:
            _mark(doc, blank.start, blank.end)
    return doc


def _mark(doc: Doc, first: int, end: int) -> None:
    """Tokens ``first``..``end`` hold a blank line: the next word starts a sentence; the blank
    and the quotes and closing brackets ending the paragraph before it do not."""
    start = end
    while start < len(doc) and doc[start].is_space:
        start += 1
    ended = first
    while ended > 0 and _trails(doc[ended - 1]):
        ended -= 1
    if start == len(doc) or not doc[:first].text.strip():
        return  # no paragraph after the blank line, or none before it
    for token in doc[max(1, ended) : start]:
        token.is_sent_start = False
    doc[start].is_sent_start = True


def _trails(token: Token) -> bool:
    """A space, quote or closing bracket after a paragraph's last word (not its first token)."""
    if token.is_sent_start and token.i > 0:
        return False  # a paragraph of quotes alone: its first quote starts it
    return token.is_space or token.is_quote or token.is_right_punct
