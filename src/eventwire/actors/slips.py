"""Corrections of the model's usual label slips before mentions are resolved.

The small English model tags demonyms as people ("Ugandan"), people as organisations after a
title ("judge Ana Roe"), acronyms as places ("F.B.I."), and hyphenated pairs as people
("Lima-Quito" talks). These rules read the label a mention should have had.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from eventwire.actors.classify import GEO_LABELS, Classifier, institution_sector
from eventwire.actors.countries import CountryIndex
from eventwire.actors.names import name_key
from eventwire.actors.roles import role_before
from eventwire.actors.text import ACRONYM
from eventwire.model import Mention

SKIP = ""  # the label of a span that names no actor at all
MAX_NAME_WORDS = 4  # an ORG span after a title is read as a name only when this short
HYPHEN = re.compile(r"[-‐‑–]")
# A hyphenated single word whose parts are all capitalised names ("Lima-Quito", "Roe-Lee").
NAME_PAIR = re.compile(r"[A-Z][\w.']+(?:[-‐‑–][A-Z][\w.']+)+")
# Parts of a name that may be hyphenated to the next without making a pair ("Al-Amin").
NAME_PREFIXES = frozenset({"al", "el", "bin", "ibn", "abu", "abd", "abdul", "ould", "ben"})


@dataclass
class LabelFixer:
    """Reads the label a mention should have had, from country data and nearby titles."""

    countries: CountryIndex
    classifier: Classifier

    def label_of(self, mention: Mention, text: str, surnames: frozenset[str]) -> str:
        """The label to read ``mention`` with (SKIP: no actor); ``surnames``: the article's.

        A PERSON that is an acronym or a listed organisation ("Twitter") is an organisation;
        a demonym or country name a nationality or place; a hyphenated pair of countries or
        capitals, or of the article's people's surnames ("the Roe-Lee meeting"), or a
        lowercase word no actor. An ORG right after a person's title is that person; a place
        written as an acronym that names no country an organisation.
        """
        if mention.label == "ORG" and self._titled_name(mention, text):
            return "PERSON"
        if mention.label in GEO_LABELS and ACRONYM.fullmatch(mention.text):
            return mention.label if self.countries.country(mention.text) else "ORG"
        if mention.label != "PERSON":
            return mention.label
        return self._person_label(mention.text, surnames)

    def _person_label(self, surface: str, surnames: frozenset[str]) -> str:
        if not surface[:1].isupper():
            return SKIP
        if ACRONYM.fullmatch(surface) or self.classifier.known_organisation(surface):
            return "ORG"
        if self.countries.demonym(surface) or self.countries.people_of(surface):
            return "NORP"
        if self.countries.country(surface) or self.countries.capital(surface):
            return "GPE"
        if self._pair(surface, surnames):
            return SKIP
        return "PERSON"

    def _pair(self, surface: str, surnames: frozenset[str]) -> bool:
        """A hyphenated pair of countries, capitals or surnames named in the article."""
        if not NAME_PAIR.fullmatch(surface):
            return False
        parts = HYPHEN.split(surface)
        if parts[0].lower() in NAME_PREFIXES:
            return False
        places = all(self.countries.any_country(p) or self.countries.capital(p) for p in parts)
        return places or all(_surname(p) in surnames for p in parts)

    def _titled_name(self, mention: Mention, text: str) -> bool:
        words = mention.text.split()
        if not 0 < len(words) <= MAX_NAME_WORDS or not all(w[:1].isupper() for w in words):
            return False
        if role_before(text, mention.start) is None or institution_sector(mention.text):
            return False
        return self.classifier.organisation(mention.text) is not None and not (
            self.classifier.known_organisation(mention.text)
            or self.countries.any_country(mention.text)
            or self.countries.institution(mention.text)
        )


def article_surnames(mentions: list[Mention]) -> frozenset[str]:
    """Surnames of the people named in full among an article's mentions."""
    found: set[str] = set()
    for mention in mentions:
        if mention.label == "PERSON" and " " in mention.text.strip():
            key = name_key(mention.text)
            if key is not None and key.full:
                found |= key.surnames
    return frozenset(found)


def _surname(part: str) -> str:
    key = name_key(part)
    return min(key.surnames, key=len) if key is not None else ""
