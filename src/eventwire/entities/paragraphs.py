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
    """Mark each paragraph's first token as a sentence start (see the module docstring)."""
    tail: list[Token] = []  # the closing quotes and brackets ending a paragraph, spaces after
    gap = ""  # the whitespace since the last token that is not a space
    words = False  # whether a paragraph came before
    for token in doc:
        if token.is_space:
            gap += token.text_with_ws
            tail.append(token)
            continue
        starts = words and BLANK_LINE.search(gap) is not None
        if starts:
            for ended in tail:
                ended.is_sent_start = False
            token.is_sent_start = True
        closes = words and not starts and (token.is_quote or token.is_right_punct)
        tail = [*tail, token] if closes else []
        gap, words = token.whitespace_, True
    return doc
