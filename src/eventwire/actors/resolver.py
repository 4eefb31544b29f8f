"""The actors stage: resolve a story's mentions to canonical actors.

Within an article, across the story's articles (one person under several spellings), and
across the store (people already stored, the user's actor file, listed organisations).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from eventwire.actors.classify import (
    GEO_LABELS,
    TYPE_COUNTRY,
    TYPE_GOVERNMENT,
    TYPE_GROUP,
    TYPE_ORGANISATION,
    TYPE_PERSON,
    TYPE_PLACE,
    Classifier,
    institution_sector,
)
from eventwire.actors.countries import CountryIndex, country_index
from eventwire.actors.groups import group_of
from eventwire.actors.known import KnownActors, known_actors, load_known_actors
from eventwire.actors.locate import country_after_title, locate_titled_people, sentence_countries
from eventwire.actors.names import name_key, names_match
from eventwire.actors.people import (
    PeopleIndex,
    PersonCluster,
    PersonObservation,
    cluster_people,
    match_known,
    pick_cluster,
    surname_candidates,
)
from eventwire.actors.roles import country_gap_ok, role_after, role_before, role_inside
from eventwire.actors.settings import ActorsSettings
from eventwire.actors.slips import SKIP, LabelFixer, article_surnames
from eventwire.actors.text import alias_form, surface_key
from eventwire.model import (
    PART_TITLE,
    Actor,
    ActorLink,
    AliasCount,
    ArticleEntities,
    Document,
    Mention,
    StoryActors,
)

ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
SCOPE_STORE = "store"
LOWERCASE_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]*")
LOWERCASE_CACHE = 16  # articles whose lower-case words are kept (a story's, in turn)
# One-word spans of these labels may be a person's surname the model mislabelled.
SURNAME_LABELS = frozenset({"ORG", "GPE", "LOC", "FAC"})
# After a country or capital, one of these makes it a person's surname ("Jordan said").
REPORTING_VERB = re.compile(
    r"^\s+(?:said|says|told|added|argued|asked|wrote|tweeted|insisted|warned|noted|replied)\b"
)


# A later description of a town by nationality: "the north Lebanese port", "the Syrian city".
# Not "the Lebanese capital" (another town, often) nor "the Canadian city of Toronto" (a
# name after "of"); "the Lebanese port of 200,000 people" is.
DESCRIBED_AFTER = re.compile(
    r"\bthe\s+(?:[a-z]+\s+)?(?P<by>[A-Z][\w'-]+)\s+(?:city|town|port|village)"
    r"(?=\s*(?:[,.;:!?)]|$)|\s+(?:and|as|where|which|that|on|in|at|was|is|has|had)\b"
    r"|\s+of\s+(?![A-Z]))"
)
SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
SENTENCE_REACH = 300  # characters after a town read for its sentence's description
APPOSITION_GAPS = (1, 2)  # "Manchester, Conn.": a comma, with or without a space, between


@dataclass
class _Story:
    """What the resolver collects while reading one story."""

    actors: dict[str, Actor] = field(default_factory=dict)
    links: list[ActorLink] = field(default_factory=list)
    people: list[PersonObservation] = field(default_factory=list)
    fallbacks: dict[Mention, Actor] = field(default_factory=dict)  # tentative: if no person
    titles: list[tuple[str, Mention]] = field(default_factory=list)
    phrases: dict[Mention, str] = field(default_factory=dict)  # alias of a group's mention
    order: int = 0  # body mentions read so far: the position of the current one

    def link(self, mention: Mention, actor: Actor) -> None:
        self.actors.setdefault(actor.key, actor)
        self.links.append(ActorLink(mention, actor.key))

    def drop_within(self, article_id: int, start: int, end: int) -> None:
        """Forget body mentions inside a person's title ("Energy" of "Energy Secretary X").

        They were read just before the person's name, so they are the last ones kept.
        """

        def inside(mention: Mention) -> bool:
            return (
                mention.article_id == article_id
                and mention.part != PART_TITLE
                and start <= mention.start
                and mention.end <= end
            )

        while self.links and inside(self.links[-1].mention):
            self.links.pop()
        while self.people and inside(self.people[-1].mention):
            self.fallbacks.pop(self.people.pop().mention, None)


class ActorResolver:
    """Resolves stories' mentions to actors; holds the country index and known actors."""

    def __init__(
        self, settings: ActorsSettings | None = None, countries: CountryIndex | None = None
    ) -> None:
        self.settings = settings or ActorsSettings()
        self.countries = countries or country_index()
        user_file = self.settings.user_file
        self.known: KnownActors = (
            known_actors(user_file)  # shared with the events stage
            if countries is None
            else load_known_actors(self.countries, user_file)
        )
        self.known_people = PeopleIndex(self.known.people)
        self.classifier = Classifier(self.countries, self.known.organisations)
        self.labels = LabelFixer(self.countries, self.classifier)

    def resolve_story(
        self,
        story_id: int,
        documents: Sequence[Document],
        entities: Sequence[ArticleEntities],
        stored_people: Sequence[Actor] | PeopleIndex = (),
    ) -> StoryActors:
        """Actors of one story and the link of every resolvable mention to its actor
        (``stored_people``: the people remembered from earlier stories)."""
        story = _Story()
        texts = {d.id: d for d in documents}
        for article in entities:
            document = texts.get(article.article_id)
            if document is not None:
                self._read_article(document, article.mentions, story)
        people = [self.known_people]
        if self.settings.scope == SCOPE_STORE and len(stored_people):
            stored = stored_people
            people.append(stored if isinstance(stored, PeopleIndex) else PeopleIndex(stored))
        clusters = cluster_people(story.people, self.settings.fuzzy_threshold)
        self._link_people(clusters, people, story)
        _link_fallbacks(clusters, story)
        self._link_titles(clusters, story)
        _fold_places(story)
        self._place_by_story(story, texts)
        return StoryActors(story_id, *_finish(story))

    def _place_by_story(self, story: _Story, documents: Mapping[int, Document]) -> None:
        """A town whose name a large town of another country bears too is that country's
        where the text places it so: a region or country of that other country right after
        it ("Manchester, Conn.", "Tripoli, Lebanon", "London, Ontario"), or a description of
        it by that country's nationality later in its sentence ("Tripoli ... the north
        Lebanese port"); a nationality elsewhere in the story does not move it ("Canadian
        Prime Minister ... in London")."""
        moved: dict[str, Actor] = {}
        by_start = {(k.mention.article_id, k.mention.part, k.mention.start): k for k in story.links}
        places_by_part: dict[tuple[int, str], list[int]] = defaultdict(list)
        for link in story.links:
            named = link.mention
            if named.label in GEO_LABELS:
                places_by_part[(named.article_id, named.part)].append(named.start)
        for link in story.links:
            actor = story.actors.get(link.actor_key)
            if actor is None or actor.type != TYPE_PLACE or actor.key in moved:
                continue
            mention = link.mention
            after = [
                by_start.get((mention.article_id, mention.part, mention.end + gap))
                for gap in APPOSITION_GAPS
            ]
            placed = [story.actors.get(a.actor_key) for a in after if a is not None]
            countries = {p.country for p in placed if p is not None and p.country}
            elsewhere = self.countries.towns_elsewhere(actor.name)
            if elsewhere:
                places = places_by_part.get((mention.article_id, mention.part), [])
                document = documents.get(mention.article_id)
                countries |= self._described_after(mention, document, places)
            others = [c for c in elsewhere if c in countries]
            if len(others) == 1 and others[0] != actor.country:
                moved[actor.key] = self.classifier.place_actor(actor.name, others[0])
        _relink(story, moved)

    def _described_after(
        self, mention: Mention, document: Document | None, places: Sequence[int]
    ) -> set[str]:
        """Countries whose nationality describes a town later in its sentence ("Tripoli ...
        the north Lebanese port"), no other place named in between (``places``: where the
        part's place mentions start)."""
        if document is None:
            return set()
        text = document.title if mention.part == PART_TITLE else document.text
        rest = SENTENCE_END.split(text[mention.end : mention.end + SENTENCE_REACH], maxsplit=1)[0]
        found = set()
        for match in DESCRIBED_AFTER.finditer(rest):
            where = mention.end + match.start()
            if any(mention.end < start < where for start in places):
                break  # "... in London ... flown in from Toronto, the Canadian city"
            iso3 = self.countries.demonym(match.group("by"))
            if iso3:
                found.add(iso3)
        return found

    def _read_article(self, document: Document, mentions: Sequence[Mention], story: _Story) -> None:
        body = sorted((m for m in mentions if m.part != PART_TITLE), key=lambda m: m.start)
        story.titles += [(document.title, m) for m in mentions if m.part == PART_TITLE]
        countries: list[tuple[Mention, str]] = []  # body mentions that named a country
        surnames = article_surnames(body)
        for mention in body:
            if mention.label not in ACTOR_LABELS:
                continue
            story.order += 1
            label = self.labels.label_of(mention, document.text, surnames)
            if label == SKIP:
                continue
            if label == "PERSON":
                self._observe_person(document.text, mention, countries, story)
                continue
            corrected = replace(mention, label=label)
            actor = self._non_person(document.text, corrected, countries, story)
            if actor is None:
                continue
            if self._maybe_surname(document.text, corrected, actor):
                self._observe_tentative(corrected, actor, story)
                continue
            story.link(corrected, actor)
            _note_group_phrase(document.text, corrected, actor, story)
            if actor.country and actor.type in ("country", "government"):
                countries.append((corrected, actor.country))
            elif actor.country and actor.type == TYPE_ORGANISATION:
                countries.extend(self._country_word(corrected, actor.country))
        self._locate_people(document.id, document.text, story)

    def _locate_people(self, article_id: int, text: str, story: _Story) -> None:
        """Bare state titles of this article take their sentence's one country."""
        linked = [(link.mention, story.actors[link.actor_key]) for link in story.links]
        # Tentative one-word places ("in Algiers") are read as places unless a person claims them.
        named = sentence_countries([*linked, *story.fallbacks.items()], article_id, text)
        mine = [o for o in story.people if o.mention.article_id == article_id]
        locate_titled_people(mine, named)

    def _maybe_surname(self, text: str, mention: Mention, actor: Actor) -> bool:
        """A one-word organisation or place that may be a person's surname ("Sanders said").

        Listed organisations and institutions never are; a country or capital only when a
        reporting verb follows it.
        """
        if mention.label not in SURNAME_LABELS or len(mention.text.split()) != 1:
            return False
        if self.classifier.known_organisation(mention.text) is not None:
            return False
        key = name_key(mention.text)
        if key is None or key.full:  # "Roe-Lee" is a pair of surnames, not one
            return False
        if actor.type in (TYPE_ORGANISATION, TYPE_PLACE):
            return True
        if actor.type in (TYPE_COUNTRY, TYPE_GOVERNMENT):
            return REPORTING_VERB.match(text[mention.end :]) is not None
        return False

    def _observe_tentative(self, mention: Mention, fallback: Actor, story: _Story) -> None:
        key = name_key(mention.text)
        if key is not None:
            local = mention.label != "ORG"  # a place name is a surname only beside its person
            observation = PersonObservation(
                mention, key, order=story.order, tentative=True, local=local
            )
            story.people.append(observation)
            story.fallbacks[mention] = fallback

    def _non_person(
        self, text: str, mention: Mention, countries: list[tuple[Mention, str]], story: _Story
    ) -> Actor | None:
        override = self.known.by_alias.get(surface_key(mention.text))
        if override is not None:
            return override
        actor = self.classifier.classify(mention, text)
        if mention.label == "ORG" and actor is not None and actor.country is None:
            actor = self._institution_of_previous(text, mention, countries, story) or actor
        return actor

    def _institution_of_previous(
        self, text: str, mention: Mention, countries: list[tuple[Mention, str]], story: _Story
    ) -> Actor | None:
        """ "Chilean" + "Foreign Ministry" tagged apart: one institution of that country."""
        sector = institution_sector(mention.text)
        if not countries or sector is None:
            return None
        previous, iso3 = countries[-1]
        if not country_gap_ok(text, previous.end, mention.start):
            return None
        actor = self.classifier.institution_actor(iso3, sector, mention.text)
        story.links = [link for link in story.links if link.mention != previous]
        story.link(previous, actor)
        return actor

    def _observe_person(
        self, text: str, mention: Mention, countries: list[tuple[Mention, str]], story: _Story
    ) -> None:
        inside = role_inside(text, mention.start, mention.end)
        name = text[inside.end : mention.end] if inside else mention.text
        key = name_key(name)
        if key is None:
            return
        role = inside or role_before(text, mention.start)
        country = None
        if role is not None:
            story.drop_within(mention.article_id, role.start, role.end)
            country = next(
                (c for m, c in reversed(countries) if country_gap_ok(text, m.end, role.start)), None
            )
        else:
            role = role_after(text, mention.end)
            if role is not None:
                country = self._countries_between(text, mention.end, role.start)
                country = country or country_after_title(text, role.end, self.countries)
        observation = PersonObservation(mention, key, role, country, story.order, name=name)
        # A lone word also written in lower case in the article ("Aides said ... aides") is a
        # common noun the model took for a name: it may join a person, never open one.
        observation.tentative = not key.full and _written_in_lower_case(name, text)
        story.people.append(observation)

    def _country_word(self, mention: Mention, iso3: str) -> list[tuple[Mention, str]]:
        """The country word that opens an organisation's name, as a mention of its own, for a
        title that goes on past the name ("British Defence" + "Secretary Name": the model
        took the title's first word into the name)."""
        found, rest = self.classifier.split_country(mention.text)
        if found != iso3 or not rest or not mention.text.endswith(rest):
            return []
        head = mention.text[: len(mention.text) - len(rest)].rstrip()
        return [(replace(mention, end=mention.start + len(head), text=head), iso3)]

    def _countries_between(self, text: str, start: int, end: int) -> str | None:
        words = text[start:end].replace(",", " ").split()
        for size in (3, 2, 1):
            for index in range(len(words) - size + 1):
                iso3 = self.countries.any_country(" ".join(words[index : index + size]))
                if iso3:
                    return iso3
        return None

    def _link_people(
        self, clusters: list[PersonCluster], people: list[PeopleIndex], story: _Story
    ) -> None:
        for cluster in clusters:
            cluster.known = self._known_person(cluster) or match_known(
                cluster, people, self.settings.fuzzy_threshold
            )
            actor = _person_actor(cluster)
            for observation in cluster.observations:
                story.link(observation.mention, actor)

    def _known_person(self, cluster: PersonCluster) -> Actor | None:
        for observation in cluster.observations:
            actor = self.known.by_alias.get(surface_key(observation.mention.text))
            if actor is not None and actor.type == TYPE_PERSON:
                return actor
        return None

    def _link_titles(self, clusters: list[PersonCluster], story: _Story) -> None:
        """Headline spans: people and organisations only when the bodies confirm them."""
        for title, mention in story.titles:
            if mention.label in ("PERSON", "ORG"):
                cluster = self._person_in_title(clusters, mention)
                if cluster is not None:
                    story.link(mention, _person_actor(cluster))
                elif mention.label == "ORG":
                    actor = self.classifier.organisation(mention.text)
                    if actor is not None and actor.key in story.actors:
                        story.link(mention, actor)
            elif mention.label in ACTOR_LABELS:
                actor = self.classifier.classify(mention, title)
                if actor is not None:
                    story.link(mention, actor)

    def _person_in_title(
        self, clusters: list[PersonCluster], mention: Mention
    ) -> PersonCluster | None:
        """The body's person a headline names; None when none or several could be meant."""
        key = name_key(mention.text)
        if key is None:
            return None
        observation = PersonObservation(mention, key, order=-1)
        threshold = self.settings.fuzzy_threshold
        if key.full:
            fits = [c for c in clusters if names_match(c.key, key, threshold)]
        else:
            fits = surname_candidates(clusters, observation, threshold)
        return pick_cluster(fits, observation) if fits else None


def _written_in_lower_case(word: str, text: str) -> bool:
    return word.strip().lower() in _lowercase_words(text)


@lru_cache(maxsize=LOWERCASE_CACHE)
def _lowercase_words(text: str) -> frozenset[str]:
    """Words the text writes in lower case (an article's, read once per article)."""
    return frozenset(LOWERCASE_WORD.findall(text))


def _note_group_phrase(text: str, mention: Mention, actor: Actor, story: _Story) -> None:
    """ "Israeli army" (not "Israeli") is the alias a country's group was named by."""
    if actor.type in (TYPE_GROUP, TYPE_GOVERNMENT):
        group = group_of(text, mention.start, mention.end)
        if group is not None:
            story.phrases[mention] = text[group.start : group.end]


def _link_fallbacks(clusters: list[PersonCluster], story: _Story) -> None:
    """Tentative people that no person's surname claimed are what the classifier said.

    One that could be several people of the story is left unlinked.
    """
    claimed = {o.mention for c in clusters for o in c.observations}
    claimed |= {o.mention for o in story.people if o.ambiguous}
    for mention, actor in story.fallbacks.items():
        if mention not in claimed:
            story.link(mention, actor)


def _person_actor(cluster: PersonCluster) -> Actor:
    """The person a cluster is: its known actor, or one built from its mentions."""
    countries, roles = cluster.likely_countries, cluster.roles
    country = countries.most_common(1)[0][0] if countries else None
    sectors = Counter(o.role.sector for o in cluster.observations if o.role)
    sector = sectors.most_common(1)[0][0] if sectors else None
    role_names = _specific_roles([r for r, _ in roles.most_common()])
    known = cluster.known
    if known is not None:
        merged = tuple(dict.fromkeys([*known.roles, *role_names]))
        return replace(
            known,
            aliases=(),
            country=known.country or country,
            sector=known.sector or sector,
            roles=merged,
        )
    name = _best_name(cluster)
    key = f"person:{cluster.key.text}" + (f":{country}" if country else "")
    code = country + (sector or "") if country else None  # a code needs its country
    return Actor(key, name, TYPE_PERSON, country, sector, code, tuple(role_names))


def _specific_roles(roles: list[str]) -> list[str]:
    """Drop a title that ends a longer one of the same person ("Minister" vs "Foreign Minister")."""
    return [r for r in roles if not any(o != r and o.endswith(" " + r) for o in roles)]


def _best_name(cluster: PersonCluster) -> str:
    surfaces = [alias_form(o.surface) for o in cluster.observations]
    full = [s for s, o in zip(surfaces, cluster.observations, strict=True) if o.key.full]
    counts = Counter(full or surfaces)
    first_seen = {s: i for i, s in reversed(list(enumerate(full or surfaces)))}
    return max(counts, key=lambda s: (counts[s], -first_seen[s]))


def _fold_places(story: _Story) -> None:
    """A place no gazetteer places, named by the last words of another place of the story,
    is that place ("the Gulf" after "the Persian Gulf"; not "Virginia" beside "West
    Virginia", which is a place of its own): its mentions link to the longer name."""
    places = [a for a in story.actors.values() if a.type == TYPE_PLACE]
    into: dict[str, Actor] = {}
    for short in places:
        words = short.name.lower().split()
        longer = [
            p
            for p in places
            if len(p.name.split()) > len(words)
            and p.name.lower().split()[-len(words) :] == words
            and short.country is None
        ]
        if len(longer) == 1:  # "Gulf" beside both "Persian Gulf" and "Gulf of X": neither
            into[short.key] = longer[0]
    _relink(story, into)


def _relink(story: _Story, moved: dict[str, Actor]) -> None:
    """Links to the actors keyed in ``moved`` go to the actor each maps to, which takes its
    place in the story (a shorter place folded into a longer one, a town placed elsewhere)."""
    if not moved:
        return
    story.links = [
        replace(k, actor_key=moved[k.actor_key].key) if k.actor_key in moved else k
        for k in story.links
    ]
    for key, actor in moved.items():
        story.actors.pop(key, None)
        story.actors[actor.key] = actor


def _finish(story: _Story) -> tuple[tuple[Actor, ...], tuple[ActorLink, ...]]:
    """Actors (with the aliases their links used) and the links, persons' actors up to date."""
    aliases: dict[str, Counter[str]] = defaultdict(Counter)
    for link in story.links:
        surface = story.phrases.get(link.mention, link.mention.text)
        aliases[link.actor_key][alias_form(surface)] += 1
    actors = tuple(
        replace(actor, aliases=tuple(AliasCount(a, n) for a, n in aliases[key].most_common()))
        for key, actor in story.actors.items()
        if aliases[key]
    )
    return actors, tuple(story.links)
