"""Roles from titles before a name and from appositions after it."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from eventwire.actors.datafiles import read_data, read_sector_lists
from eventwire.actors.groups import NO_SECTOR, group_lexicon, held_office

ROLES_FILE = "roles.yaml"
INSTITUTIONS_FILE = "institutions.yaml"
ROLE_FAMILIES_FILE = "role_families.yaml"
# Words that make a title another office, not a more precise form of it: "Vice President" is
# not a kind of "President", while "Foreign Minister" is a kind of "Minister".
RANK_WORDS = frozenset(
    {
        "vice",
        "deputy",
        "assistant",
        "under",
        "associate",
        "crown",
        "lieutenant",
        "major",
        "brigadier",
        "former",
        "ex",
    }
)
FIT_EXACT = "exact"
FIT_RELATED = "related"
FIT_NONE = "none"  # the person has no title to compare with
FIT_CONFLICT = "conflict"
# Words that qualify a held office, before an office named alone ("Taiwan's Vice Foreign
# Minister visited": the state's government only while someone holds it) ...
HELD_OFFICE_QUALIFIERS = "acting|junior|senior|new|interim|top|incoming|vice|deputy|assistant"
# ... and, with those of a past one, between a country word and a title ("Nigerian junior
# foreign minister", "Iraqi former prime minister").
OFFICE_QUALIFIERS = HELD_OFFICE_QUALIFIERS + "|former|outgoing|then|veteran|longtime"
# Between a country word and the title: nothing, or a possessive ("Chile's Foreign Minister"),
# with at most two words that qualify the office ("Nigerian junior foreign minister").
COUNTRY_GAP = re.compile(
    rf"^(?:['’]s)?\s*(?:(?:{OFFICE_QUALIFIERS})\s+){{0,2}}$",
    re.IGNORECASE,
)
MAX_COUNTRY_GAP = 24  # characters: "'s", or two qualifying words ("former acting")
# Start of an apposition after a name: ", the ..." / ", Chile's ..." (at most a few words).
APPOSITION_START = re.compile(r"^\s*,\s*(?:the\s+|an?\s+)?")
# Words allowed between the apposition's start and its title: country words and possessives
# ("Chile's", "the country's", "Chilean"), never a clause ("who met with").
APPOSITION_GAP = re.compile(
    r"^(?:(?:[A-Z][\w.\-]*|[\w.\-]+['’]s|former|retired|acting|then|new|outgoing|incoming"
    r"|interim|veteran|top|senior|chief|first|second|longtime)\s+){0,4}$"
)
# A title followed by a name or a possessive is someone else's ("X, President Y's aide",
# "X, the president's adviser").
NAME_AFTER = re.compile(r"^(?:\s+[A-Z]|['’]s\b)")
SMALL_WORDS = frozenset({"of", "the", "and", "for", "on"})
APPOSITION_WINDOW = 60  # characters after the name searched for an apposition
PREFIX_WINDOW = 80  # characters before the name searched for a title


@dataclass(frozen=True)
class RoleMatch:
    """A title found next to a name: its display form, sector and character span."""

    role: str
    sector: str
    start: int
    end: int


@cache
def role_sectors() -> dict[str, str]:
    """Lowercase title -> sector, from data/roles.yaml."""
    return read_sector_lists(ROLES_FILE)


@cache
def institution_sectors() -> dict[str, str]:
    """Lowercase institution word -> sector, from data/institutions.yaml."""
    return read_sector_lists(INSTITUTIONS_FILE)


@cache
def role_families() -> dict[str, int]:
    """Lowercase title -> number of its family of equivalent titles (data/role_families.yaml)."""
    return {title: i for i, family in enumerate(read_data(ROLE_FAMILIES_FILE)) for title in family}


def role_fit(role: str, roles: Iterable[str]) -> str:
    """How a title fits a person's known titles: FIT_EXACT, FIT_RELATED, FIT_NONE or FIT_CONFLICT.

    Related: the same family of titles ("Foreign Secretary" / "Foreign Minister") or one title a
    more precise form of the other ("Minister" / "Foreign Minister", not "Vice President").
    """
    known = [r.lower() for r in roles]
    if not known:
        return FIT_NONE
    wanted = role.lower()
    if wanted in known:
        return FIT_EXACT
    if any(_related(wanted, other) for other in known):
        return FIT_RELATED
    return FIT_CONFLICT


def _related(a: str, b: str) -> bool:
    families = role_families()
    if a in families and families.get(b) == families[a]:
        return True
    words_a, words_b = set(a.split()), set(b.split())
    small, large = sorted((words_a, words_b), key=len)
    return small < large and not (large - small) & RANK_WORDS


@cache
def _alternation(phrases: tuple[str, ...]) -> str:
    ordered = sorted(phrases, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)


@cache
def _title_before() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?P<role>{_alternation(tuple(role_sectors()))})\s+$", re.I)


@cache
def _title_after() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?P<role>{_alternation(tuple(role_sectors()))})(?![\w-])", re.I)


@cache
def _title_next() -> re.Pattern[str]:
    alternation = _alternation(tuple(role_sectors()))
    qualifiers = rf"(?:(?:{HELD_OFFICE_QUALIFIERS})\s+){{0,2}}"
    return re.compile(rf"(?:['’]s)?\s+{qualifiers}(?P<role>{alternation})(?![\w-])", re.I)


def office_alone(text: str, country_start: int, country_end: int) -> RoleMatch | None:
    """A title right after a country word that no name follows, the office held and the
    state's (``held_office``): the office named alone ("Taiwan's Vice Foreign Minister
    visited"; not "... Minister Name visited", "the former Iraqi President was hanged")."""
    match = _title_next().match(text, country_end)
    if match is None or NAME_AFTER.match(text[match.end() :]):
        return None
    if not held_office(text, country_start, match.end()):
        return None
    return _role_match(match, 0)


def role_before(text: str, name_start: int) -> RoleMatch | None:
    """The title ending right before ``name_start`` ("Foreign Minister ‸Name")."""
    window_start = max(0, name_start - PREFIX_WINDOW)
    match = _title_before().search(text[window_start:name_start])
    if match is None:
        return None
    return _role_match(match, window_start)


@cache
def _title_inside() -> re.Pattern[str]:
    return re.compile(rf"^(?P<role>{_alternation(tuple(role_sectors()))})\s+(?=\S)", re.I)


def role_inside(text: str, span_start: int, span_end: int) -> RoleMatch | None:
    """A title the model took into a person span ("‸Minister Name"): the name follows it."""
    match = _title_inside().match(text[span_start:span_end])
    return _role_match(match, span_start) if match else None


def role_after(text: str, name_end: int) -> RoleMatch | None:
    """The title of an apposition right after a name ("Name, the foreign minister")."""
    window = text[name_end : name_end + APPOSITION_WINDOW]
    opening = APPOSITION_START.match(window)
    if opening is None:
        return None
    rest = window[opening.end() :]
    stop = re.search(r"[,.;:()\"“”]", rest)
    clause = rest[: stop.start() if stop else len(rest)]
    for match in _title_after().finditer(clause):
        if not APPOSITION_GAP.match(clause[: match.start()]):
            return None
        if not NAME_AFTER.match(clause[match.end() :]):
            return _role_match(match, name_end + opening.end())
    return None


def country_gap_ok(text: str, country_end: int, role_start: int) -> bool:
    """True when only a possessive, spaces or a qualifier of the office separate a country
    word from a title (``COUNTRY_GAP``)."""
    gap = role_start - country_end
    return 0 <= gap <= MAX_COUNTRY_GAP and COUNTRY_GAP.match(text[country_end:role_start])


def _role_match(match: re.Match[str], offset: int) -> RoleMatch:
    phrase = " ".join(match.group("role").split())
    sector = role_sectors()[phrase.lower()]
    return RoleMatch(
        _display(phrase), sector, offset + match.start("role"), offset + match.end("role")
    )


def _display(phrase: str) -> str:
    words = phrase.split()
    return " ".join(
        w if w.isupper() else w.lower() if i and w.lower() in SMALL_WORDS else w.capitalize()
        for i, w in enumerate(words)
    )


def role_sector(text: str) -> str | None:
    """The sector a phrase's head names (group nouns, then titles: "opposition leader" OPP,
    "former president" GOV, "mayors" GOV), or None."""
    words = [w.strip(".,'’\"") for w in text.lower().split()]
    lexicon, titles = group_lexicon(), role_sectors()
    for size in (2, 1):
        head = " ".join(words[-size:])
        if len(words) < size or not head:
            continue
        sector = lexicon.groups.get(head) or titles.get(head) or titles.get(head.rstrip("s"))
        if sector:
            return sector
        generic = lexicon.generic.get(head)
        if generic and size == 1:
            before = lexicon.groups.get(words[-2]) if len(words) > 1 else None
            return before or (generic if generic != NO_SECTOR else None)
    return None
