"""The actors stage: resolve a story's mentions to canonical actors.

Within an article, across the story's articles (one person under several spellings), and
across the store (people already stored, the user's actor file, listed organisations).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from eventwire.actors.classify import TYPE_ORGANISATION, TYPE_PERSON, Classifier, institution_sector
from eventwire.actors.countries import CountryIndex, build_country_index
from eventwire.actors.known import KnownActors, load_known_actors
from eventwire.actors.names import name_key, names_match
from eventwire.actors.people import PersonCluster, PersonObservation, cluster_people, match_known
from eventwire.actors.roles import country_gap_ok, role_after, role_before
from eventwire.actors.settings import ActorsSettings
from eventwire.actors.text import surface_key
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
# A "person" written as an acronym ("D.N.C.", "DNC") is an organisation the model mislabelled.
ACRONYM = re.compile(r"(?:[A-Z]\.?){2,6}")
SCOPE_STORE = "store"


@dataclass
class _Story:
    """What the resolver collects while reading one story."""

    actors: dict[str, Actor] = field(default_factory=dict)
    links: list[ActorLink] = field(default_factory=list)
    people: list[PersonObservation] = field(default_factory=list)
    maybe_people: list[Mention] = field(default_factory=list)  # one-word ORG spans
    titles: list[tuple[str, Mention]] = field(default_factory=list)

    def link(self, mention: Mention, actor: Actor) -> None:
        self.actors.setdefault(actor.key, actor)
        self.links.append(ActorLink(mention, actor.key))


class ActorResolver:
    """Resolves stories' mentions to actors; holds the country index and known actors."""

    def __init__(
        self, settings: ActorsSettings | None = None, countries: CountryIndex | None = None
    ) -> None:
        self.settings = settings or ActorsSettings()
        self.countries = countries or build_country_index()
        self.known: KnownActors = load_known_actors(self.countries, self.settings.user_file)
        self.classifier = Classifier(self.countries, self.known.organisations)

    def resolve_story(
        self,
        story_id: int,
        documents: Sequence[Document],
        entities: Sequence[ArticleEntities],
        stored_people: Sequence[Actor] = (),
    ) -> StoryActors:
        """Actors of one story and the link of every resolvable mention to its actor."""
        story = _Story()
        texts = {d.id: d for d in documents}
        for article in entities:
            document = texts.get(article.article_id)
            if document is not None:
                self._read_article(document, article.mentions, story)
        people = list(self.known.people)
        if self.settings.scope == SCOPE_STORE:
            people += list(stored_people)
        clusters = cluster_people(story.people, self.settings.fuzzy_threshold)
        self._link_people(clusters, people, story)
        self._link_maybe_people(clusters, story)
        self._link_titles(clusters, story)
        return StoryActors(story_id, *_finish(story))

    def _read_article(self, document: Document, mentions: Sequence[Mention], story: _Story) -> None:
        body = sorted((m for m in mentions if m.part != PART_TITLE), key=lambda m: m.start)
        story.titles += [(document.title, m) for m in mentions if m.part == PART_TITLE]
        countries: list[tuple[Mention, str]] = []  # body mentions that named a country
        for mention in body:
            if mention.label not in ACTOR_LABELS:
                continue
            if mention.label == "PERSON" and ACRONYM.fullmatch(mention.text):
                mention_as_org = replace(mention, label="ORG")
                actor = self._non_person(document.text, mention_as_org, countries, story)
                if actor is not None:
                    story.link(mention, actor)
                continue
            if mention.label == "PERSON":
                self._observe_person(document.text, mention, countries, story)
                continue
            actor = self._non_person(document.text, mention, countries, story)
            if actor is None:
                continue
            story.link(mention, actor)
            if actor.country and actor.type in ("country", "government"):
                countries.append((mention, actor.country))

    def _non_person(
        self, text: str, mention: Mention, countries: list[tuple[Mention, str]], story: _Story
    ) -> Actor | None:
        override = self.known.by_alias.get(surface_key(mention.text))
        if override is not None:
            return override
        if mention.label == "ORG" and len(mention.text.split()) == 1:
            actor = self.classifier.organisation(mention.text)
            if actor is None or (actor.type == TYPE_ORGANISATION and actor.key.startswith("org:")):
                story.maybe_people.append(mention)
                return None
            return actor
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
        key = name_key(mention.text)
        if key is None:
            return
        role = role_before(text, mention.start)
        country = None
        if role is not None:
            country = next(
                (c for m, c in reversed(countries) if country_gap_ok(text, m.end, role.start)), None
            )
        else:
            role = role_after(text, mention.end)
            if role is not None:
                country = self._countries_between(text, mention.end, role.start)
        order = len(story.people) + len(story.links)
        story.people.append(PersonObservation(mention, key, role, country, order))

    def _countries_between(self, text: str, start: int, end: int) -> str | None:
        words = text[start:end].replace(",", " ").split()
        for size in (3, 2, 1):
            for index in range(len(words) - size + 1):
                iso3 = self.countries.any_country(" ".join(words[index : index + size]))
                if iso3:
                    return iso3
        return None

    def _link_people(
        self, clusters: list[PersonCluster], people: list[Actor], story: _Story
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

    def _link_maybe_people(self, clusters: list[PersonCluster], story: _Story) -> None:
        """One-word ORG spans that are a person's surname in this story (NER mislabels)."""
        for mention in story.maybe_people:
            cluster = _person_named(clusters, mention.text, self.settings.fuzzy_threshold)
            if cluster is not None:
                story.link(mention, _person_actor(cluster))
                continue
            actor = self.classifier.organisation(mention.text)
            if actor is not None:
                story.link(mention, actor)

    def _link_titles(self, clusters: list[PersonCluster], story: _Story) -> None:
        """Headline spans: people and organisations only when the bodies confirm them."""
        for title, mention in story.titles:
            if mention.label in ("PERSON", "ORG"):
                cluster = _person_named(clusters, mention.text, self.settings.fuzzy_threshold)
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


def _person_named(
    clusters: list[PersonCluster], surface: str, threshold: float
) -> PersonCluster | None:
    key = name_key(surface)
    if key is None:
        return None
    fits = [c for c in clusters if names_match(c.key, key, threshold)]
    return max(fits, key=lambda c: len(c.observations)) if fits else None


def _person_actor(cluster: PersonCluster) -> Actor:
    """The person a cluster is: its known actor, or one built from its mentions."""
    countries, roles = cluster.countries, cluster.roles
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
    surfaces = [" ".join(o.mention.text.split()) for o in cluster.observations]
    full = [s for s, o in zip(surfaces, cluster.observations, strict=True) if o.key.full]
    counts = Counter(full or surfaces)
    first_seen = {s: i for i, s in reversed(list(enumerate(full or surfaces)))}
    return max(counts, key=lambda s: (counts[s], -first_seen[s]))


def _finish(story: _Story) -> tuple[tuple[Actor, ...], tuple[ActorLink, ...]]:
    """Actors (with the aliases their links used) and the links, persons' actors up to date."""
    aliases: dict[str, Counter[str]] = defaultdict(Counter)
    for link in story.links:
        aliases[link.actor_key][" ".join(link.mention.text.split())] += 1
    actors = tuple(
        replace(actor, aliases=tuple(AliasCount(a, n) for a, n in aliases[key].most_common()))
        for key, actor in story.actors.items()
        if aliases[key]
    )
    return actors, tuple(story.links)
