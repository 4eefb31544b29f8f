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

from spacy.attrs import IS_SPACE, SENT_START
from spacy.language import Language

if TYPE_CHECKING:
    import numpy as np
    from spacy.tokens import Doc, Token

NAME = "paragraph_breaks"
BLANK_LINE = re.compile(r"\n[^\S\n]*\n")


@Language.component(NAME)
def paragraph_breaks(doc: Doc) -> Doc:
    """Mark each paragraph's first token as a sentence start (see the module docstring).

    Only the space tokens are visited, and the marks are written in one array (setting
    ``Token.is_sent_start`` one by one scans the whole doc each time).
    """
    starts = doc.to_array(SENT_START).astype("int64")
    marked = False
    for index in doc.to_array(IS_SPACE).nonzero()[0]:
        if BLANK_LINE.search(doc[int(index)].text):
            marked = _mark(doc, starts, int(index)) or marked
    if marked:
        doc.from_array([SENT_START], starts.astype("uint64").reshape(-1, 1))  # -1 wraps
    return doc


def _mark(doc: Doc, starts: np.ndarray, blank: int) -> bool:
    """Token ``blank`` holds a blank line: the next word starts a sentence; the blank and the
    quotes and closing brackets ending the paragraph before it do not (in ``starts``)."""
    start = blank + 1
    while start < len(doc) and doc[start].is_space:
        start += 1
    ended = blank
    while ended > 0 and starts[ended - 1] != 1 and _trails(doc[ended - 1]):
        ended -= 1
    if start == len(doc) or (ended == 0 and all(t.is_space for t in doc[:blank])):
        return False  # no paragraph after the blank line, or none before it
    starts[max(1, ended) : start] = -1
    starts[start] = 1
    return True


def _trails(token: Token) -> bool:
    """A space, quote or closing bracket after a paragraph's last word."""
    return token.is_space or token.is_quote or token.is_right_punct
