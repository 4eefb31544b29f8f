"""Repairs of spans the model cuts in two: one name, one mention.

The small English model often splits a name where nothing separates its parts: a person
as "Ana" + "Roe", a state institution as "Chilean" (NORP) + "Foreign Ministry" (ORG), and it
stops a person span inside a hyphenated given name ("Moon Jae" of "Moon Jae-in"). Joined,
they are stored and counted as the name a reader sees ("Chilean Foreign Ministry").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from eventwire.model import Mention

# (left label, right label) -> label of the joined span.
JOINABLE = {
    ("PERSON", "PERSON"): "PERSON",
    ("NORP", "ORG"): "ORG",
    ("GPE", "ORG"): "ORG",
}
# What may stand between the two parts: a space, or a possessive and a space ("Chile's Army").
JOIN_GAP = re.compile(r"^(?: |['’]s )$")
PERSON_GAP = re.compile(r"^ $")
# An upper-case acronym names an organisation in its own right (IAEA, OPEC, BBC).
ACRONYM = re.compile(r"\b[A-Z]{2,}\b")  # two person spans join only across one plain space
# The rest of a hyphenated word a person span stops inside ("Moon Jae" + "-in").
CUT_WORD_REST = re.compile(r"[-‐‑][^\W\d_]+")


def join_split_spans(mentions: Iterable[Mention], text: str) -> list[Mention]:
    """The mentions with each split name joined into one span (order by offset kept)."""
    joined: list[Mention] = []
    for mention in sorted((_whole_words(m, text) for m in mentions), key=lambda m: m.start):
        previous = joined[-1] if joined else None
        label = _joined_label(previous, mention, text) if previous else None
        if previous is not None and label is not None:
            joined[-1] = Mention(
                previous.article_id,
                previous.part,
                previous.sentence,
                previous.start,
                mention.end,
                text[previous.start : mention.end],
                label,
            )
        else:
            joined.append(mention)
    return joined


def _whole_words(mention: Mention, text: str) -> Mention:
    """A person span cut inside a hyphenated word, extended to the word's end."""
    rest = CUT_WORD_REST.match(text, mention.end) if mention.label == "PERSON" else None
    if rest is None:
        return mention
    end = rest.end()
    return Mention(
        mention.article_id,
        mention.part,
        mention.sentence,
        mention.start,
        end,
        text[mention.start : end],
        mention.label,
    )


def _joined_label(left: Mention, right: Mention, text: str) -> str | None:
    """The joined span's label when ``left`` and ``right`` are two parts of one name."""
    label = JOINABLE.get((left.label, right.label))
    if label is None or left.sentence != right.sentence or not right.text[:1].isupper():
        return None
    gap = text[left.end : right.start]
    pattern = PERSON_GAP if label == "PERSON" else JOIN_GAP
    if pattern.match(gap) is None:
        return None
    if gap != " " and ACRONYM.search(right.text):
        return None  # "Iran's IAEA envoy": an organisation of its own, not Iran's institution
    return label
