"""A state title's country from where it is said: "President A. B." in a sentence naming one state.

A head of state or government written with a bare title usually leads the country the sentence
is about. When the sentence (of the same article) names exactly one country — by its name,
demonym, capital, government, a group of it or a place in it — a person whose title is in
data/state_titles.yaml and whose mention gave no country takes that one. A sentence naming two
countries gives none; a country named as the other side ("action against Russia",
data/other_side.yaml) does not count.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from functools import cache

from eventwire.actors.classify import TYPE_COUNTRY, TYPE_GOVERNMENT, TYPE_PERSON, TYPE_PLACE
from eventwire.actors.countries import CountryIndex
from eventwire.actors.datafiles import read_data
from eventwire.actors.people import PersonObservation
from eventwire.model import PART_BODY, Actor, Mention

STATE_TITLES_FILE = "state_titles.yaml"
OTHER_SIDE_FILE = "other_side.yaml"
STATE_NAME_LABELS = frozenset({"GPE"})  # "Russia", "London"; not a demonym ("Russian")
STATE_TYPES = frozenset({TYPE_COUNTRY, TYPE_GOVERNMENT, TYPE_PLACE})  # "flew to Lima"
# The word right before a mention (or before its "the"), and the word before that.
WORD_BEFORE = re.compile(r"(?:([\w.]+)\s+)?([\w.]+)\s+(?:the\s+)?$", re.IGNORECASE)
# "X, the president of Algeria": the country named right after the apposition's title.
OF_COUNTRY = re.compile(r"^\s+of\s+(?:the\s+)?(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})")


@cache
def state_titles() -> frozenset[str]:
    """Lowercase titles of a state's own leaders (data/state_titles.yaml)."""
    return frozenset(title.lower() for title in read_data(STATE_TITLES_FILE))


@cache
def other_side_words() -> frozenset[str]:
    """Words before a country mention that make it the other side (data/other_side.yaml)."""
    return frozenset(word.lower() for word in read_data(OTHER_SIDE_FILE)["words"])


@cache
def not_other_side_phrases() -> frozenset[str]:
    """The last two words of phrases whose last word is one of ``other_side_words`` but that
    name a source, a companion or a comparison ("according to", "along with")."""
    phrases = read_data(OTHER_SIDE_FILE)["not_after"]
    return frozenset(" ".join(phrase.lower().split()[-2:]) for phrase in phrases)


def names_other_side(text: str, mention: Mention, actor: Actor) -> bool:
    """Whether a country mention is the other side of the sentence's act: a state by its
    name, or its capital or a city of it, after a word of data/other_side.yaml ("action
    against Russia", "a meeting with Peru", "traveled to London"; not "a strike against the
    Kenyan government", an organ of a state whose own people may well be the ones acting,
    nor after a phrase of its ``not_after``: "according to Pakistan", "along with Britain")."""
    if mention.label not in STATE_NAME_LABELS or actor.type not in STATE_TYPES:
        return False
    start = mention.start
    match = WORD_BEFORE.search(text[max(0, start - 40) : start])
    if match is None or match.group(2).lower() not in other_side_words():
        return False
    before = f"{(match.group(1) or '').lower()} {match.group(2).lower()}"
    return before not in not_other_side_phrases()  # "according to Pakistan" is a source


def country_after_title(text: str, title_end: int, countries: CountryIndex) -> str | None:
    """ISO-3 of "of <country>" right after a title ("president of Algeria"), else None."""
    match = OF_COUNTRY.match(text[title_end:])
    if match is None:
        return None
    words = match.group("name").split()
    for size in range(len(words), 0, -1):
        iso3 = countries.country(" ".join(words[:size]))
        if iso3:
            return iso3
    return None


SentenceKey = tuple[int, str, int]  # article, part, sentence


def countries_by_sentence(
    named: Iterable[tuple[Mention, Actor]],
    texts: Mapping[tuple[int, str], str],
    people: bool = True,
) -> dict[SentenceKey, set[str]]:
    """Countries of the actors each sentence names, by (article, part, sentence): not a
    country named as the other side (``names_other_side``, read in the text of the mention's
    article and part, ``texts``), nor a person's unless ``people``. The one rule of the
    actors' state-title locator and of the events' unplaced sides (events.merge)."""
    found: dict[SentenceKey, set[str]] = defaultdict(set)
    for mention, actor in named:
        if not actor.country or (actor.type == TYPE_PERSON and not people):
            continue
        text = texts.get((mention.article_id, mention.part), "")
        if not names_other_side(text, mention, actor):
            found[(mention.article_id, mention.part, mention.sentence)].add(actor.country)
    return found


def sentence_countries(
    named: Iterable[tuple[Mention, Actor]], article_id: int, text: str = ""
) -> dict[int, set[str]]:
    """Countries of the actors each sentence of one article names, by sentence index (no
    people: a person's country places no bare state title; ``text`` is the body's)."""
    mine = [(m, a) for m, a in named if m.article_id == article_id]
    found: dict[int, set[str]] = defaultdict(set)
    texts = {(article_id, PART_BODY): text}
    for (_, _, sentence), countries in countries_by_sentence(mine, texts, False).items():
        found[sentence] |= countries
    return found


def locate_titled_people(
    observations: Iterable[PersonObservation], countries: Mapping[int, set[str]]
) -> None:
    """Give each bare state title's person the one country their sentence names, unless the
    sentence holds two people of the same title: "President Clinton and President Yeltsin
    met in Helsinki" names neither's country (two presidents lead two states)."""
    titles = state_titles()
    bare = [
        o
        for o in observations
        if not o.country and o.role is not None and o.role.role.lower() in titles
    ]
    holders: dict[tuple[str, int, str], set[str]] = defaultdict(set)
    for o in observations:
        if o.role is not None:
            where = (o.mention.part, o.mention.sentence, o.role.role.lower())
            holders[where].add(o.name or o.mention.text)
    for observation in bare:
        assert observation.role is not None
        where = (observation.mention.part, observation.mention.sentence)
        if len(holders[(*where, observation.role.role.lower())]) > 1:
            continue
        named = countries.get(observation.mention.sentence, set())
        if len(named) == 1:
            observation.sentence_country = next(iter(named))
