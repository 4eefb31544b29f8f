"""One real event, many reports: a story's event mentions merged into events.

Mentions with the same action root and actors, and dates at most ``merge_days`` apart,
are one event; a mention whose sentence gives no date joins the dated event it matches, or
takes the date another sentence gives the same kind of event at the same place ("the talks
in Nairobi concluded on Friday"), or else its article's publication day.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections import Counter
from collections.abc import Iterable, Sequence, Set
from dataclasses import dataclass, field
from datetime import date

import yaml

from eventwire.actors.classify import (
    SECTOR_PEOPLE,
    TYPE_GROUP,
    TYPE_ORGANISATION,
    TYPE_PERSON,
    Classifier,
)
from eventwire.actors.countries import country_index
from eventwire.actors.groups import LOCATED_SECTORS, group_lexicon
from eventwire.actors.known import KnownActors, known_actors
from eventwire.actors.locate import SentenceKey, countries_by_sentence
from eventwire.actors.names import name_key
from eventwire.actors.roles import role_sector
from eventwire.actors.text import surface_key
from eventwire.events.tables import DATA, describe, plover_of
from eventwire.events.tree import ANTI
from eventwire.model import (
    PART_BODY,
    PART_TITLE,
    Actor,
    ArticleMeta,
    Event,
    EventActor,
    EventEvidence,
    EventMention,
    EventsInput,
    Span,
)

NOT_ACTORS = frozenset({"place"})  # a city named in a phrase is where, not who
NOWHERE: tuple[set[str], set[str]] = (set(), set())  # a sentence naming no country
NONE: frozenset = frozenset()
SIDES = DATA / "sides.yaml"  # state organs, and where an unplaced side is placed
# Actor types whose country or code a person they qualify takes ("U.N. mediator X").
BODIES = frozenset({"organisation", "institution", "government"})
CIVILIANS = "CVL"  # the sector of a private person named by a common noun
UNPLACED = "group:-:"  # the key of a role's group of no country ("the mayor": group:-:GOV)
SELF_SIDES = frozenset({TYPE_PERSON, TYPE_ORGANISATION})  # see ``_side``
UNTAGGED = "name:"  # the key of a side named by a name the entity model did not tag
PRONOUN_REACH = 1  # sentences back a pronoun's person may be named in


@dataclass(frozen=True)
class SideRules:
    """The word lists and code prefixes of data/sides.yaml."""

    state_organs: frozenset[str]
    private_persons: frozenset[str]
    not_persons: frozenset[str]
    person_target_codes: tuple[str, ...]
    away_codes: tuple[str, ...]
    two_sided_codes: tuple[str, ...]
    home_target_codes: tuple[str, ...]
    role_doers: dict[str, frozenset[str]]
    place_words: frozenset[str]  # features of the land or a town: a place so named is no one
    water_words: frozenset[str]  # seas and gulfs: a place so named lies in no country


@functools.cache
def side_rules() -> SideRules:
    """data/sides.yaml, read once."""
    data = yaml.safe_load(SIDES.read_text(encoding="utf-8"))
    return SideRules(
        state_organs=frozenset(w.lower() for w in data["state_organs"]),
        private_persons=frozenset(w.lower() for w in data["private_persons"]),
        not_persons=frozenset(w.lower() for w in data["not_persons"]),
        person_target_codes=tuple(data["person_target_codes"]),
        away_codes=tuple(data["away_codes"]),
        two_sided_codes=tuple(data["two_sided_codes"]),
        home_target_codes=tuple(data["home_target_codes"]),
        role_doers={str(k): frozenset(v) for k, v in data["role_doers"].items()},
        place_words=frozenset(w.lower() for w in data["place_words"]),
        water_words=frozenset(w.lower() for w in data["water_words"]),
    )


@functools.cache
def _country_words() -> Classifier:
    """Country names and demonyms, for sides the entity model did not tag."""
    return Classifier(country_index(), {})


def untagged_country(span: Span) -> Actor | None:
    """The country (or its people) a side names that the entity model did not tag as an
    entity: "Uzbekistan finally opened the bridge", "Afghans protested"."""
    text = ANTI.sub("", span.text.strip())  # "anti-American protests": aimed at Americans
    if not text[:1].isupper():
        return None
    words = _country_words()
    iso3 = words.countries.country(text)
    if iso3:
        return words.country_actor(iso3)
    people = words.countries.plural_demonym(text) or words.countries.people_of(text)
    if people:
        return words.group_actor(people, SECTOR_PEOPLE)
    return _demonym_group(text)


def untagged_known(span: Span, known: KnownActors) -> Actor | None:
    """A leader or organisation ``known`` (packaged, or the user's file) that the entity
    model did not tag, named exactly by its name or an alias ("Trump ridiculed ...", a
    sentence's first word)."""
    text = span.text.strip()
    return known.by_alias.get(surface_key(text)) if text[:1].isupper() else None


def _demonym_group(text: str) -> Actor | None:
    """A group a demonym the entity model did not tag qualifies ("Somali pirates"): that
    country's group of the noun's sector, else its people."""
    first, _, rest = text.partition(" ")
    iso3 = _country_words().countries.demonym(first) if rest else None
    if iso3 is None:
        return None
    lexicon = group_lexicon()
    noun = rest.lower().split()[-1]
    sector = lexicon.groups.get(noun) or lexicon.generic.get(noun) or SECTOR_PEOPLE
    return _country_words().group_actor(iso3, sector)


def home_group(span: Span, countries: set[str]) -> Actor | None:
    """An unnamed side that belongs where it is ("rebels", "students", "police", "the
    opposition"), in a sentence naming exactly one country: that country's group of its
    sector ("Rebels killed twelve villagers in northern Uganda"). Troops and refugees are
    often another country's, so they are not placed so."""
    if len(countries) != 1:
        return None
    words = span.text.lower().split()
    lexicon = group_lexicon()
    for size in (2, 1):
        noun = " ".join(words[-size:])
        sector = lexicon.groups.get(noun) or lexicon.generic.get(noun)
        if sector in LOCATED_SECTORS:
            (country,) = countries
            return _country_words().group_actor(country, sector)
    return None


def unplaced_side(span: Span, persons: bool = False) -> Actor | None:
    """A target named only by its role or group ("the mayor was charged", "two journalists
    were detained"): that sector's group of no country, as CAMEO codes a role without a
    country; ``at_home`` places it where the sentence is, like any side of no country. Not
    for sources: a doer named by role only is too often a word the parse misread ("the
    president has attacked the investigation")."""
    sector = role_sector(span.text) or _private_person(span.text, persons)
    if sector is None:
        return None
    name = group_lexicon().sector_name(sector)
    return Actor(UNPLACED + sector, name, TYPE_GROUP, None, sector, sector)


def _private_person(text: str, anyone: bool = False) -> str | None:
    """Civilians (CVL) for a phrase naming a private person ("the driver", "two women":
    data/sides.yaml private_persons), or any common noun when the act is done to people
    (``anyone``: "the bounty hunter was charged"; not one of ``not_persons``), else None."""
    words = text.split()
    last = words[-1].strip(".,'’\"") if words else ""
    rules = side_rules()
    if anyone and last.isalpha() and last.islower() and not _among(last, rules.not_persons):
        return CIVILIANS  # not "the company was charged"
    return CIVILIANS if _among(last.lower(), rules.private_persons) else None


def _among(word: str, words: frozenset[str]) -> bool:
    """Whether a word, singular or plural ("-s", "-es", "-ies": companies), is in ``words``."""
    singulars = {word, word.removesuffix("s"), word.removesuffix("es")}
    if word.endswith("ies"):
        singulars.add(word[:-3] + "y")
    return bool(singulars & words)


def _side(actor: Actor) -> str:
    """Who an actor is when mentions are merged: its country, so that a minister and the
    ministry are one side; but a person or organisation with no actor code is itself, even
    when placed in a country ("Moyo criticized the police" and "Okafor criticized the
    police" in one Greek story are two events)."""
    if actor.type in SELF_SIDES and not actor.code:
        return actor.key
    return actor.country or actor.code or actor.key


def fold_qualifiers(actors: list[Actor]) -> list[Actor]:
    """A named actor without a country takes the country a word beside it gives ("British
    Defence Secretary X"); a country that only qualifies a named actor of it is dropped. A
    person with neither country nor code takes them from a body qualifying them ("U.N.
    mediator X"), which is then dropped too."""
    actors = _fold_bodies(actors)
    countries = [a for a in actors if a.type == "country" and a.country]
    named = [a for a in actors if a.type != "country"]
    if not countries or not named:
        return actors
    filled = [
        a if a.country else dataclasses.replace(a, country=countries[0].country) for a in named
    ]
    covered = {a.country for a in filled}
    return filled + [c for c in countries if c.country not in covered]


def _fold_bodies(actors: list[Actor]) -> list[Actor]:
    bare = [a for a in actors if a.type == "person" and not a.country and not a.code]
    bodies = [a for a in actors if a.type in BODIES and (a.country or a.code)]
    if not bare or not bodies:
        return actors
    body = bodies[0]
    return [
        dataclasses.replace(a, country=body.country, code=body.code) if a in bare else a
        for a in actors
        if a is not body
    ]


def mention_key(article_id: int, span: Span) -> str:
    """The identity the store gives a mention: article, part and characters."""
    return f"{article_id}:{span.part}:{span.start}:{span.end}"


@dataclass
class Located:
    """An event mention with its actors and day resolved."""

    mention: EventMention
    sources: list[Actor]
    targets: list[Actor]
    day: date | None
    stated: bool
    place: str | None
    place_country: str | None
    subject_pair: list[Actor] = field(default_factory=list)  # "X and Y" as the subject

    @property
    def key(self) -> tuple:
        """Same action root, same actors (by country or actor code: a minister and the
        ministry are one side), same flags."""
        sources = frozenset(map(_side, self.sources))
        targets = frozenset(map(_side, self.targets)) - sources
        people = (sources | targets,) if self.mention.symmetric else (sources, targets)
        flags = (self.mention.negated, self.mention.hypothetical)
        return (self.mention.cameo[:2], *people, flags)


@dataclass
class Group:
    """Mentions of one event."""

    key: tuple
    day: date | None
    members: list[Located] = field(default_factory=list)


def merge_story(
    story: EventsInput,
    mentions: Sequence[EventMention],
    merge_days: int = 1,
    known: KnownActors | None = None,
) -> list[Event]:
    """The story's events, each with its mentions as evidence (``known``: the actors stage's
    known actors; by default the packaged ones)."""
    known = known if known is not None else known_actors()
    actors = dict(story.actors)
    days = {key: (date.fromisoformat(a), date.fromisoformat(b)) for key, a, b in story.days}
    articles = {a.id: a for a in story.articles}
    home = home_countries(sentence_countries(story), datelines(story))
    people = StoryPeople(story)
    located = [_locate(m, actors, days, home, known, people) for m in mentions]
    located = _resolve_pairs([_resolve_pronouns(m, people) for m in located])
    anchors = {(m.mention.cameo[:2], m.place): m.day for m in located if m.stated and m.place}
    groups: list[Group] = []
    for item in sorted(located, key=lambda m: (not m.stated, m.mention.article_id)):
        if not item.sources and not item.targets:
            continue  # a sentence naming no actor: a date anchor at most
        # "X discussed the plan": a meeting needs two sides; a subject of no actor still is one
        # ("the company is negotiating with the Soviets")
        doers = item.sources or item.mention.sources
        one_sided = item.mention.symmetric and not (doers and item.targets)
        if one_sided and item.mention.cameo.startswith(side_rules().two_sided_codes):
            continue
        if not item.stated:
            item.day = anchors.get((item.mention.cameo[:2], item.place))
            item.stated = item.day is not None
        group = _find_group(groups, item, merge_days)
        if group is None:
            group = Group(item.key, item.day)
            groups.append(group)
        group.members.append(item)
    return [_event(story.story_id, g, articles) for g in groups]


Named = tuple[str, int, int, Actor]  # part, sentence, start, the person named there


class StoryPeople:
    """A story's people, indexed only when a side needs them: by last name (``surnames``)
    and each article's in text order (``persons_named``)."""

    def __init__(self, story: EventsInput) -> None:
        self.story = story

    @functools.cached_property
    def by_surname(self) -> dict[str, Actor]:
        return surnames(actor for _, actor in self.story.actors)

    @functools.cached_property
    def in_order(self) -> dict[int, list[Named]]:
        return persons_named(self.story)


def persons_named(story: EventsInput) -> dict[int, list[Named]]:
    """Each article's mentions of people the actors stage linked, in text order."""
    actors = dict(story.actors)
    found: dict[int, list[Named]] = {}
    for entities in story.entities:
        for m in entities.mentions:
            actor = actors.get(mention_key(entities.article_id, m))
            if actor is not None and actor.type == TYPE_PERSON:
                found.setdefault(entities.article_id, []).append(
                    (m.part, m.sentence, m.start, actor)
                )
    return {article: sorted(named, key=lambda n: n[:3]) for article, named in found.items()}


def antecedent(span: Span, sentence: int, named: list[Named]) -> Actor | None:
    """The person "he" or "him" points back to: the last one named before it in its own
    sentence or the one before (``PRONOUN_REACH``), or None."""
    before = [
        actor
        for part, at, start, actor in named
        if part == span.part
        and sentence - PRONOUN_REACH <= at <= sentence
        and (at, start) < (sentence, span.start)
    ]
    return before[-1] if before else None


def _resolve_pronouns(item: Located, people: StoryPeople) -> Located:
    """A side the sentence names only by "he", "she", "him" or "her": the person named just
    before it (``antecedent``), when no other side names that person. A pronoun standing
    alone makes an event only where a private person's noun would (``_person_act``)."""
    mention = item.mention
    if mention.source_pronoun is None and mention.target_pronoun is None:
        return item
    named = people.in_order.get(mention.article_id, [])
    doer, patient = _person_act(item)
    if not item.sources and mention.source_pronoun is not None and doer:
        found = antecedent(mention.source_pronoun, mention.sentence, named)
        item.sources = [found] if found and found not in item.targets else []
    if not item.targets and mention.target_pronoun is not None and patient:
        found = antecedent(mention.target_pronoun, mention.sentence, named)
        item.targets = [found] if found and found not in item.sources else []
    return item


def _person_act(item: Located) -> tuple[bool, bool]:
    """Whether a person may be the act's doer and whom it is done to: always beside a side
    already named; else, as for a private person named by a common noun, in the acts a
    private person does (role_doers: CVL) and those done only to people
    (person_target_codes), and never in an act negated or hypothetical."""
    if item.sources or item.targets:
        return True, True
    mention = item.mention
    if mention.negated or mention.hypothetical:
        return False, False
    doer = CIVILIANS in _doer_sectors(mention)
    return doer, mention.cameo.startswith(side_rules().person_target_codes)


def _resolve_pairs(located: list[Located]) -> list[Located]:
    """ "Both ministers agreed ...": the two actors the article's last coordinated subject
    before it named ("X and Y held a phone call")."""
    last_pair: dict[int, list[Actor]] = {}
    for item in sorted(
        located, key=lambda m: (m.mention.article_id, m.mention.part, m.mention.sentence)
    ):
        pair = last_pair.get(item.mention.article_id)
        if item.mention.refers_back and pair:
            item.sources = list(pair)  # not "both ministers" read as their role
        elif item.subject_pair:
            last_pair[item.mention.article_id] = item.subject_pair
    return located


def sentence_countries(story: EventsInput) -> dict[SentenceKey, set[str]]:
    """The countries each sentence's linked actors name (article, part, sentence), but not
    a country named as the other side ("threatened action against Russia"): the actors
    stage's rule (``countries_by_sentence``), people's countries included."""
    actors = dict(story.actors)
    named = [
        (mention, actor)
        for entities in story.entities
        for mention in entities.mentions
        if (actor := actors.get(mention_key(entities.article_id, mention))) is not None
    ]
    texts = {
        (d.id, part): d.title if part == PART_TITLE else d.text
        for d in story.documents
        for part in (PART_TITLE, PART_BODY)
    }
    return countries_by_sentence(named, texts)


# An article's own country: named in at least this many of its sentences, and at least this
# many times as often as any other country (``article_country``).
CONTEXT_SENTENCES = 3
CONTEXT_LEAD = 2
# A dateline's country counts as if named in this many more sentences ("NAIROBI, Kenya (AP)
# _ Police arrested ...": a local story may name its country once).
DATELINE_WEIGHT = 2
DATELINE_CHARS = 3  # a dateline's place starts within the body's first characters
CAPITALS = re.compile(r"[A-Z][A-Z'-]{2,}\b(?!\.)")  # "ISTANBUL", "NEW YORK"; not "U.S."


@dataclass(frozen=True)
class Home:
    """Where a story's sentences are: the countries each names, those each article names, and
    each article's own country (``article_country``)."""

    sentences: dict[SentenceKey, set[str]]
    articles: dict[int, set[str]]
    context: dict[int, str]

    def of(self, key: SentenceKey) -> tuple[set[str], set[str]]:
        """A sentence's countries for an unnamed side and for an unplaced one (``at_home``):
        those it names, or its article's own country when it names none; an unplaced side
        takes the one country named only when the article names no other or that country
        is the article's own."""
        named = self.sentences.get(key, set())
        own = self.context.get(key[0])
        if not named:
            return ({own}, {own}) if own else NOWHERE
        if named == self.articles[key[0]] or named == {own}:
            return named, named
        return named, set()


def home_countries(
    sentences: dict[SentenceKey, set[str]], lines: dict[int, str] | None = None
) -> Home:
    """The story's sentences' countries, with each article's countries and own country
    (``article_country``; an article's dateline country, ``lines``, weighs more)."""
    articles: dict[int, set[str]] = {}
    counts: dict[int, Counter] = {}
    for (article, *_), countries in sentences.items():
        articles.setdefault(article, set()).update(countries)
        counts.setdefault(article, Counter()).update(countries)
    for article, country in (lines or {}).items():
        counts.setdefault(article, Counter())[country] += DATELINE_WEIGHT
    context = {a: own for a, c in counts.items() if (own := article_country(c)) is not None}
    return Home(sentences, articles, context)


def datelines(story: EventsInput) -> dict[int, str]:
    """The country of each article's dateline: a place in capitals opening its body
    ("ISTANBUL, Turkey (AP)_", "WASHINGTON —") that the actors stage linked to a country."""
    actors = dict(story.actors)
    found = {}
    for entities in story.entities:
        for mention in entities.mentions:
            if mention.part != PART_BODY or mention.start > DATELINE_CHARS:
                continue
            actor = actors.get(mention_key(entities.article_id, mention))
            if actor is not None and actor.country and CAPITALS.match(mention.text):
                found[entities.article_id] = actor.country
    return found


def article_country(counts: Counter) -> str | None:
    """The country an article is about, from how many of its sentences name each country
    (by its actors, places, demonyms and groups; not as the other side): the one named in
    at least ``CONTEXT_SENTENCES`` sentences and ``CONTEXT_LEAD`` times as often as any
    other. An article split between countries has none: its sides named by role alone
    ("the mayor was charged", "police arrested two men") could be of either."""
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < CONTEXT_SENTENCES:
        return None
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    return ranked[0][0] if ranked[0][1] >= CONTEXT_LEAD * runner_up else None


def at_home(actors: list[Actor], countries: set[str]) -> list[Actor]:
    """Actors of no country and no code in a sentence naming one country are of that country
    ("Islamic fundamentalists continued their hunger strike against Algerian President X",
    "the court allowed candidate X to run"): a side the sentence leaves unplaced acts where
    the sentence is. A sentence naming two countries or none places no one, nor does one in
    an article naming other countries elsewhere, nor do events that bring two countries
    together (data/sides.yaml, away_codes)."""
    if len(countries) != 1:
        return actors
    (country,) = countries
    return [_placed_at(a, country) for a in actors]


def _placed_at(actor: Actor, country: str) -> Actor:
    """An actor of no country placed in ``country``: a role's group becomes that country's."""
    if actor.key.startswith(UNPLACED) and actor.sector:
        return _country_words().group_actor(country, actor.sector)
    return actor if actor.country or actor.code else dataclasses.replace(actor, country=country)


def surnames(actors: Iterable[Actor]) -> dict[str, Actor]:
    """The story's people by their last name, for a name the entity model did not tag
    elsewhere ("Lisa Price ran the clinic", then "Price was arrested"); a surname two people
    share names neither."""
    found: dict[str, list[Actor]] = {}
    for actor in actors:
        key = name_key(actor.name) if actor.type == TYPE_PERSON else None
        for form in key.surnames if key else ():  # "King Jr.": King; "al-Busaidi": busaidi too
            found.setdefault(form, []).append(actor)
    return {name: people[0] for name, people in found.items() if len({a.key for a in people}) == 1}


def story_person(span: Span, people: StoryPeople) -> Actor | None:
    """A capitalised side that is the last name of a person the story names ("Lisa Price
    ...", then "Price was arrested", which the entity model read as a common noun)."""
    text = span.text.strip()
    key = name_key(text) if text[:1].isupper() else None
    found = [people.by_surname[f] for f in (key.surnames if key else ()) if f in people.by_surname]
    return found[0] if found and not key.given else None  # "Price"; not "Mary Price"


def untagged_name(span: Span) -> Actor:
    """A side headed by a proper noun the entity model did not tag ("Quillfeather was
    charged"): a side of that name and of no country, placed like any other (``at_home``).
    A doer so named counts only beside a target (``_locate``): alone it is as often a word
    misread ("Galileo will have travelled", "Armstrong battled cancer")."""
    return Actor(f"{UNTAGGED}{surface_key(span.text)}", span.text.strip(), TYPE_PERSON)


def _locate(
    mention: EventMention,
    actors: dict,
    days: dict,
    home: Home,
    known: KnownActors,
    people: StoryPeople,
) -> Located:
    """A mention's actors (linked mentions only), stated day and place."""
    named_here, for_unplaced = home.of((mention.article_id, mention.part, mention.sentence))
    if mention.cameo.startswith(side_rules().away_codes):
        named_here = for_unplaced = set()  # "X traveled to North Korea": the other side's
    persons = mention.cameo.startswith(side_rules().person_target_codes)  # see ``linked``
    doers = set(mention.names) - {mention.reported_by}  # not a speaker taken for the doer

    def linked(
        spans: Sequence[Span], places: bool = False, roles: bool = False, names: Set[Span] = NONE
    ) -> list[Actor]:
        keys = [mention_key(mention.article_id, s) for s in spans]
        found = [
            (untagged_country(s) if ANTI.match(s.text) else None)  # not the linked "anti-X"
            or actors.get(key)
            or untagged_country(s)
            or untagged_known(s, known)
            or home_group(s, named_here)
            or (unplaced_side(s, persons) if roles else None)
            or story_person(s, people)
            or (untagged_name(s) if s in names else None)
            for key, s in zip(keys, spans, strict=True)
        ]
        present = [a for a in found if a is not None]
        if places:  # "a curfew in Algiers": the place's country is what the act is aimed at
            present = [a for a in present if a.country or not _open_water(a)]
            return [a for a in at_home(present, for_unplaced) if a.country]
        present = [_unplaced_name(a) for a in present]
        kept = [a for a in present if a.type not in NOT_ACTORS]
        return at_home(fold_qualifiers(list({a.key: a for a in kept}.values())), for_unplaced)

    day, stated = None, False
    if mention.date is not None:
        interval = days.get(mention_key(mention.article_id, mention.date))
        if interval is not None and interval[0] == interval[1]:
            day, stated = interval[0], True
    place = place_country = None
    if mention.place is not None:
        place = mention.place.text
        actor = actors.get(mention_key(mention.article_id, mention.place))
        place_country = actor.country if actor is not None else None
    sources = linked(mention.sources)
    if not sources and not mention.symmetric:
        sources = linked(mention.sources, places=True)[:1]  # "police in Nairobi"
    if not sources and mention.place and _state_organ(mention.sources):
        sources = linked([mention.place], places=True)[:1]  # "troops fired ... in Homs"
    if not sources:
        sources = at_home(_role_doers(mention), for_unplaced)  # "police questioned X"
    # whom an act names by role only ("the mayor was charged") is its target all the same
    targets = linked(mention.targets, roles=True, names=set(mention.names))
    targets = [a for a in targets if a.key not in {s.key for s in sources}]
    if not sources and targets:  # "Moose criticized reporters": beside a side named, a name
        sources = linked(mention.sources, names=doers)  # missed names the doer too
    pair = list(sources) if len({_side(a) for a in sources}) == 2 else []
    if mention.symmetric and not sources and len(targets) > 1:
        sources, targets = targets[:1], targets[1:]  # "talks between X and Y"
    if mention.symmetric and not targets and len(sources) > 1:
        sources, targets = sources[:1], sources[1:]  # "X and Y held talks": with each other
    if not mention.symmetric and not _placed(targets) and not mention.cameo.startswith("01"):
        # "imposed a curfew in Nairobi", "fired at targets in Jericho": aimed at the place
        places = [*mention.targets, *([mention.place] if mention.place else [])]
        targets = linked(places, places=True)[:1] or targets
    if not targets and mention.cameo.startswith(side_rules().home_target_codes):
        targets = _home_state(sources)  # "thousands demonstrated against unemployment"
    return Located(mention, sources, targets, day, stated, place, place_country, pair)


def _role_doers(mention: EventMention) -> list[Actor]:
    """The first source named only by a role or group of a sector that does the mention's
    kind of act ("police questioned", "protesters marched": data/sides.yaml role_doers), as
    that sector's group of no country; else none."""
    sectors = _doer_sectors(mention)
    for span in mention.sources:
        side = unplaced_side(span)
        if side is not None and side.sector in sectors:
            return [side]
    return []


def _doer_sectors(mention: EventMention) -> frozenset[str]:
    """The sectors whose role or group may do the mention's kind of act (data/sides.yaml
    role_doers); none for an act negated or hypothetical (one that may not happen)."""
    if mention.negated or mention.hypothetical:
        return frozenset()
    return side_rules().role_doers.get(mention.cameo[:2], frozenset())


def _unplaced_name(actor: Actor) -> Actor:
    """A name the entity model took for a place that no gazetteer places (no country), where
    an act's doer or patient stands ("Quenby asked the court for a delay", "the board accused
    Quenby of fraud"): a place label on a surname is a common misreading, so as a side it is
    the one of that name, of no country. A place the gazetteer knows stays a place there, and
    so does one a word names as a feature of the land or the town ("the Gulf", "Tiananmen
    Square", "Snyder Avenue": data/sides.yaml ``place_words``)."""
    words = _name_words(actor)
    if actor.type in NOT_ACTORS and actor.country is None and not words & side_rules().place_words:
        return dataclasses.replace(actor, type=TYPE_PERSON)
    return actor


def _open_water(actor: Actor) -> bool:
    """Whether a place of no country is a sea, a gulf or a strait (data/sides.yaml
    ``water_words``: "sent warships to the Gulf of Aden"), which lies in no country."""
    return bool(_name_words(actor) & side_rules().water_words)


def _name_words(actor: Actor) -> set[str]:
    """The words of an actor's name, lower-case, without their stops ("Gulf", "Square")."""
    return {w.strip(".,").lower() for w in actor.name.split()}


def _placed(actors: list[Actor]) -> bool:
    """Whether any of a side's actors is more than a role of no country."""
    return any(not a.key.startswith(UNPLACED) for a in actors)


def _home_state(sources: list[Actor]) -> list[Actor]:
    """The state of a side's one country, as a target (data/sides.yaml home_target_codes)."""
    countries = {a.country for a in sources if a.country}
    if len(countries) != 1:
        return []
    (country,) = countries
    return [_country_words().country_actor(country)]


def _state_organ(spans: Sequence[Span]) -> bool:
    """Whether an unnamed side is a state's own organ ("police", "the army", "troops")."""
    return any(
        s.text.lower().split()[-1:] and s.text.lower().split()[-1] in side_rules().state_organs
        for s in spans
    )


def _find_group(groups: list[Group], item: Located, merge_days: int) -> Group | None:
    for group in groups:
        if group.key != item.key:
            continue
        if item.day is None or group.day is None or abs((item.day - group.day).days) <= merge_days:
            return group
    return None


def _event(story_id: int, group: Group, articles: dict[int, ArticleMeta]) -> Event:
    """The event of a group: the commonest code, the first mention's actors, the counts."""
    counts = Counter(m.mention.cameo for m in group.members)
    cameo = max(counts, key=lambda c: (counts[c], len(c)))
    entry, plover = describe(cameo), plover_of(cameo)
    first = group.members[0]
    supporting = {m.mention.article_id for m in group.members}
    outlets = {articles[a].source for a in supporting if a in articles}
    day = group.day or _publication_day(first, articles)
    placed = next((m for m in group.members if m.place), None)
    return Event(
        story_id=story_id,
        date=day.isoformat() if day else None,
        source=tuple(_actor(a) for a in first.sources),
        target=tuple(_actor(a) for a in first.targets),
        cameo=cameo,
        plover=plover.event if plover else None,
        mode=plover.mode if plover else None,
        quad_class=entry.quad_class,
        goldstein=entry.goldstein,
        place=placed.place if placed else None,
        place_country=placed.place_country if placed else None,
        negated=first.mention.negated,
        hypothetical=first.mention.hypothetical,
        num_mentions=len(group.members),
        num_articles=sum(1 + (articles[a].copies if a in articles else 0) for a in supporting),
        num_sources=len(outlets),
        evidence=tuple(_evidence(m, articles) for m in group.members),
        url=next((articles[a].url for a in sorted(supporting) if a in articles), None),
    )


def _publication_day(item: Located, articles: dict[int, ArticleMeta]) -> date | None:
    meta = articles.get(item.mention.article_id)
    return date.fromisoformat(meta.published) if meta and meta.published else None


def _actor(actor: Actor) -> EventActor:
    return EventActor(actor.id, actor.name, actor.country, actor.code, actor.key)


def _evidence(item: Located, articles: dict[int, ArticleMeta]) -> EventEvidence:
    """Where the mention is: the sentence and the trigger's and actors' characters in it."""
    mention = item.mention
    offset = mention.sentence_start
    meta = articles.get(mention.article_id)
    spans = tuple((s.start - offset, s.end - offset) for s in (*mention.sources, *mention.targets))
    return EventEvidence(
        article_id=mention.article_id,
        source=meta.source if meta else "",
        sentence=mention.text.rstrip(),  # a paragraph break may follow the sentence
        span=(mention.trigger.start - offset, mention.trigger.end - offset),
        actor_spans=spans,
        date=item.day.isoformat() if item.stated and item.day else None,
    )
