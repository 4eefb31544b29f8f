"""Groups of a country: a sector noun beside a country mention ("Israeli army", "Afghan
rebels", "Poland's parliament", "rebels in the Ivory Coast") gives a CAMEO-style sector.

Pure functions over the clean text and a mention's character offsets; the nouns and the
words that end a phrase are in data/group_nouns.yaml (a user file of the same layout adds
to them).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from eventwire.actors.datafiles import read_data

GROUP_NOUNS_FILE = "group_nouns.yaml"
NO_SECTOR = "none"  # generic heads that name no group on their own ("Israeli groups")
MAX_WORDS = 6  # words read after a country mention
MAX_MODIFIERS = 2  # unknown words allowed before the group noun ("French paper workers")
MAX_PHRASE_WORDS = 3  # longest listed noun ("intelligence services", "fighter jets")
MAX_CONJUNCT_WORDS = 3  # "U.S. and South Korean negotiators"
# One word after the mention: spaces, then a word; anything else (punctuation) ends the phrase.
NEXT_WORD = re.compile(r"[ \t]+([^\W\d_](?:[\w'’-]|\.(?=\w))*)(?=[\s,.;:!?()\"“”]|$)")
CAPITALISED_WORD = re.compile(r"[ \t]+[A-Z][\w.'’-]*")
POSSESSIVE_AFTER = re.compile(r"['’]s?(?![\w])")
POSSESSIVE_END = re.compile(r"['’]s?$")
HYPHEN_SUFFIX = re.compile(r"-(\w+)")
CONJUNCTION = re.compile(r"[ \t]+(?:and|or)(?=[ \t])")
# Words that end the phrase once its group noun was read ("the army killed", "armies fighting").
# Not "-ly": nouns end so too ("militia ally"); the adverbs are listed among the enders.
VERB_LIKE = re.compile(r"\w(?:ed|ing)$")
# Words that cannot qualify a group noun before it: verbs ("sends", "deployed"), adverbs.
NOT_MODIFIER = re.compile(r"\w(?:[^s]s|ed|ly)$")
PLURAL_FORM = re.compile(r"(?:[^s]s|men|police|people|personnel)$")
# Before a country mention: "<noun> of/in (the) X" and prefixes that make the group foreign.
BEFORE_LINK = re.compile(r"(?P<noun>[\w'’ -]+?)\s+(?P<link>of|in|throughout|across)\s+(?:the\s+)?$")
PHRASE_WORD = re.compile(r"[\w'’-]+")
LOCATED_LINKS = frozenset({"in", "throughout", "across"})
# Being in a country makes these its own ("rebels in Darfur"); troops or refugees in a country
# are often another's.
LOCATED_SECTORS = frozenset({"REB", "OPP", "CVL", "COP", "LEG", "JUD", "EDU", "LAB", "AGR"})
BEFORE_WINDOW = 60  # characters before the mention read for "<noun> of/in"
# A body's name after an office: "president of the European Commission" (not a portfolio:
# "Minister of Defence", "minister of state for foreign affairs").
OF_BODY_AFTER = re.compile(r"\s+of\s+the\s+[A-Z]")
# Where the noun phrase of an office begins: a determiner, a possessive or punctuation.
PHRASE_START = re.compile(
    r"(?:\b(?:the|a|an|this|that|its|his|her|their|our|whose)\b|['’]s\b|[,;:.()\"“”])",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class GroupMatch:
    """A group beside a country mention: its sector, head noun and the phrase's span."""

    sector: str
    noun: str  # the head noun as written ("army", "rebels")
    start: int  # the whole phrase: "Israeli army", "rebels in the Ivory Coast"
    end: int


@dataclass(frozen=True)
class GroupLexicon:
    """The nouns of data/group_nouns.yaml, lower case."""

    groups: dict[str, str] = field(default_factory=dict)  # noun -> sector
    generic: dict[str, str] = field(default_factory=dict)  # noun -> default sector or "none"
    names: dict[str, str] = field(default_factory=dict)  # sector -> display name
    neutral: frozenset[str] = frozenset()
    kept_suffixes: frozenset[str] = frozenset()
    foreign_prefixes: frozenset[str] = frozenset()
    enders: frozenset[str] = frozenset()
    offices: frozenset[str] = frozenset()  # generic heads naming one office of a state
    past_words: frozenset[str] = frozenset()  # "former", "late": the office is not held
    peoples: frozenset[str] = frozenset()  # "Kurds", "Christians": a demonym's people

    def sector_name(self, sector: str) -> str:
        """How a sector is named in a group's name ("MIL" -> "military")."""
        return self.names.get(sector, sector)


@dataclass(frozen=True)
class _Unit:
    """A listed noun read in the phrase."""

    noun: str
    generic: bool
    sector: str
    start: int
    end: int


def build_group_lexicon(user_file: str = "") -> GroupLexicon:
    """The packaged group nouns, with a user YAML file of the same layout added on top."""
    data = [read_data(GROUP_NOUNS_FILE)]
    if user_file:
        data.append(yaml.safe_load(Path(user_file).read_text(encoding="utf-8")) or {})
    return GroupLexicon(
        groups=_by_noun(d.get("groups") for d in data),
        generic=_by_noun(d.get("generic") for d in data),
        names={k: str(v) for d in data for k, v in (d.get("names") or {}).items()},
        neutral=_words(d.get("neutral_modifiers") for d in data),
        kept_suffixes=_words(d.get("kept_suffixes") for d in data),
        foreign_prefixes=_words(d.get("foreign_prefixes") for d in data),
        enders=_words(d.get("enders") for d in data),
        offices=_words(d.get("offices") for d in data),
        past_words=_words(d.get("past_words") for d in data),
        peoples=_words(d.get("peoples") for d in data),
    )


@cache
def group_lexicon() -> GroupLexicon:
    """The packaged lexicon (cached)."""
    return build_group_lexicon()


def _by_noun(sections: Iterable[Mapping[str, list[str]] | None]) -> dict[str, str]:
    return {
        " ".join(str(noun).lower().split()): str(sector)
        for section in sections
        for sector, nouns in (section or {}).items()
        for noun in nouns or ()
    }


def _words(lists: Iterable[list[Any] | None]) -> frozenset[str]:
    return frozenset(str(word).lower() for words in lists for word in words or ())


def group_of(
    text: str, start: int, end: int, lexicon: GroupLexicon | None = None
) -> GroupMatch | None:
    """The group a country mention at ``text[start:end]`` is part of, if any."""
    lexicon = lexicon or group_lexicon()
    return group_after(text, start, end, lexicon) or group_before(text, start, end, lexicon)


def group_after(
    text: str, start: int, end: int, lexicon: GroupLexicon | None = None
) -> GroupMatch | None:
    """ "Israeli army", "Israel's army", "U.S. and Russian negotiators": the noun after it.

    The sector noun must head the phrase ("Chinese government bonds" is no group) and a
    singular one must not be a title before a name ("Israeli army chief Name").
    """
    lexicon = lexicon or group_lexicon()
    if _foreign_prefix(text, start, lexicon):
        return None
    position = _skip_attached(text, end, lexicon)
    if position is None:
        return None
    position = _skip_conjunct(text, position)
    tokens, capital_next = _words_after(text, position)
    units = _read_units(tokens, lexicon)
    if not units:
        return None
    head = units[-1]
    if capital_next and head.end == tokens[-1][2] and not _plural(head.noun):
        return None  # a title before a name: the person resolver reads it
    sector = _phrase_sector(units, lexicon)
    if head.noun in lexicon.offices and not held_office(text, start, head.end, lexicon):
        return None
    return GroupMatch(sector, text[head.start : head.end], start, head.end) if sector else None


def group_before(
    text: str, start: int, end: int, lexicon: GroupLexicon | None = None
) -> GroupMatch | None:
    """ "rebels in the Ivory Coast", "government of Sudan": the noun before the mention.

    "in" only for groups that belong where they are (not "troops in X"), and only when the
    noun has no country word of its own before it ("Palestinian refugees in Lebanon").
    """
    lexicon = lexicon or group_lexicon()
    window_start = max(0, start - BEFORE_WINDOW)
    link = BEFORE_LINK.search(text[window_start:start])
    if link is None:
        return None
    offset = window_start + link.start("noun")
    words = [
        (m.group().lower(), offset + m.start(), offset + m.end())
        for m in PHRASE_WORD.finditer(link.group("noun"))
    ]
    units = _units_ending_phrase(words[-MAX_PHRASE_WORDS - 1 :], lexicon)
    if not units:
        return None
    head, first = units[-1], units[0]
    if _owned(text[window_start : first.start], lexicon):
        return None  # "US troops in Iraq", "Hezbollah fighters in Lebanon"
    sector = _phrase_sector(units, lexicon)
    if sector is None or (link.group("link") in LOCATED_LINKS and sector not in LOCATED_SECTORS):
        return None
    if head.noun in lexicon.offices and _past(text[window_start : head.end], lexicon):
        return None  # "the former president of Armenia"
    return GroupMatch(sector, text[head.start : head.end], first.start, end)


def held_office(text: str, start: int, end: int, lexicon: GroupLexicon | None = None) -> bool:
    """Whether the office after a country word (``start``) ending at ``end`` is held and is
    the state's: no past word in its noun phrase ("the former Iraqi president", "Iraq's
    former prime minister") and no body after "of" ("the Portuguese president of the
    European Commission")."""
    if OF_BODY_AFTER.match(text, end):
        return False
    return not _past(text[max(0, start - BEFORE_WINDOW) : end], lexicon or group_lexicon())


def _past(words: str, lexicon: GroupLexicon) -> bool:
    """Whether a past word ("former", "late", "ex-") stands in the noun phrase that
    ``words`` end with (from its last determiner, possessive or punctuation on)."""
    starts = [m.end() for m in PHRASE_START.finditer(words)]
    phrase = words[starts[-1] :] if starts else words
    found = [w.lower() for w in PHRASE_WORD.findall(phrase)]
    return any(w in lexicon.past_words or w.startswith("ex-") for w in found)


def _owned(before: str, lexicon: GroupLexicon) -> bool:
    """True when a capitalised word (a country or a name) qualifies the noun."""
    previous = before.split()[-1:]
    return (
        bool(previous) and previous[0][:1].isupper() and previous[0].lower() not in lexicon.enders
    )


def _foreign_prefix(text: str, start: int, lexicon: GroupLexicon) -> bool:
    """ "pro-Russian rebels" are not Russia's."""
    prefix = re.search(r"(\w+)-$", text[max(0, start - 8) : start])
    return prefix is not None and prefix.group(1).lower() in lexicon.foreign_prefixes


def _skip_attached(text: str, end: int, lexicon: GroupLexicon) -> int | None:
    """Past a possessive ("Israel's") or a kept suffix ("Vietnamese-led"); None for another
    suffix ("Russian-backed")."""
    possessive = POSSESSIVE_AFTER.match(text, end)
    if possessive:
        return possessive.end()
    suffix = HYPHEN_SUFFIX.match(text, end)
    if suffix is None:
        return end
    return suffix.end() if suffix.group(1).lower() in lexicon.kept_suffixes else None


def _skip_conjunct(text: str, position: int) -> int:
    """Past "and <Capitalised words>": the noun after both belongs to both."""
    conjunction = CONJUNCTION.match(text, position)
    if conjunction is None:
        return position
    after = conjunction.end()
    for _ in range(MAX_CONJUNCT_WORDS):
        word = CAPITALISED_WORD.match(text, after)
        if word is None:
            break
        after = word.end()
    return after if after > conjunction.end() else position


def _words_after(text: str, position: int) -> tuple[list[tuple[str, int, int]], bool]:
    """Lower-case words up to punctuation or a capitalised word (True when one is next)."""
    tokens: list[tuple[str, int, int]] = []
    while len(tokens) < MAX_WORDS:
        word = NEXT_WORD.match(text, position)
        if word is None:
            return tokens, False
        if word.group(1)[:1].isupper():
            return tokens, True
        possessive = POSSESSIVE_END.search(word.group(1))
        end = word.start(1) + possessive.start() if possessive else word.end(1)
        tokens.append((text[word.start(1) : end].lower(), word.start(1), end))
        if possessive:  # "the Russian government's refusal": the phrase ends here
            return tokens, False
        position = word.end()
    return tokens, False


def _read_units(tokens: list[tuple[str, int, int]], lexicon: GroupLexicon) -> list[_Unit]:
    """The listed nouns of the phrase; empty when a non-group word heads it."""
    units: list[_Unit] = []
    modifiers = index = 0
    while index < len(tokens):
        unit = _longest_unit(tokens, index, lexicon)
        if unit is not None:
            units.append(unit)
            index += len(unit.noun.split())
            continue
        word = tokens[index][0]
        if word in lexicon.enders:
            break
        if units:
            if VERB_LIKE.search(word) or _plural(units[-1].noun):
                break
            return []  # "government bonds": the group noun only modifies the head
        modifiers += 1
        if modifiers > MAX_MODIFIERS or NOT_MODIFIER.search(word):
            return []  # "Russia sends troops", "Russia deployed troops": a verb, not a modifier
        index += 1
    return units


def _units_ending_phrase(words: list[tuple[str, int, int]], lexicon: GroupLexicon) -> list[_Unit]:
    """Listed nouns of the words before "of/in", the last of them ending the phrase."""
    units: list[_Unit] = []
    index = 0
    while index < len(words):
        unit = _longest_unit(words, index, lexicon)
        if unit is None:
            units, index = [], index + 1  # only an unbroken run of nouns heads the phrase
            continue
        units.append(unit)
        index += len(unit.noun.split())
    return units if units and units[-1].end == words[-1][2] else []


def _longest_unit(
    tokens: list[tuple[str, int, int]], index: int, lexicon: GroupLexicon
) -> _Unit | None:
    for size in range(min(MAX_PHRASE_WORDS, len(tokens) - index), 0, -1):
        phrase = " ".join(t[0] for t in tokens[index : index + size])
        start, end = tokens[index][1], tokens[index + size - 1][2]
        if phrase in lexicon.groups:
            return _Unit(phrase, False, lexicon.groups[phrase], start, end)
        if phrase in lexicon.generic:
            return _Unit(phrase, True, lexicon.generic[phrase], start, end)
    return None


def _phrase_sector(units: list[_Unit], lexicon: GroupLexicon) -> str | None:
    """The head's sector; a generic head takes the nearest group noun's before it."""
    head = units[-1]
    if not head.generic:
        return head.sector
    for unit in reversed(units[:-1]):
        if not unit.generic and unit.noun not in lexicon.neutral:
            return unit.sector
    return None if head.sector == NO_SECTOR else head.sector


def _plural(noun: str) -> bool:
    return PLURAL_FORM.search(noun) is not None
