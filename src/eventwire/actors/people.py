"""People: observations of a person mention with its role, and clustering them into persons."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from eventwire.actors.names import NameKey, name_key, names_match, surnames_match
from eventwire.actors.roles import RoleMatch
from eventwire.model import Actor, Mention


@dataclass
class PersonObservation:
    """One person mention, with the title and country found around it."""

    mention: Mention
    key: NameKey
    role: RoleMatch | None = None
    country: str | None = None
    order: int = 0  # position in the story (articles in order, mentions by offset)


@dataclass
class PersonCluster:
    """Observations believed to be one person."""

    key: NameKey
    observations: list[PersonObservation] = field(default_factory=list)
    known: Actor | None = None

    def add(self, observation: PersonObservation) -> None:
        """Add an observation; a full name replaces a surname-only key."""
        self.observations.append(observation)
        if observation.key.full and not self.key.full:
            self.key = observation.key

    @property
    def countries(self) -> Counter[str]:
        """Countries given by the cluster's titles."""
        return Counter(o.country for o in self.observations if o.country)

    @property
    def roles(self) -> Counter[str]:
        """Titles seen with the cluster's mentions."""
        return Counter(o.role.role for o in self.observations if o.role)

    def agrees(self, observation: PersonObservation) -> bool:
        """False when the observation's country contradicts the cluster's."""
        countries = self.countries
        return not observation.country or not countries or observation.country in countries


def cluster_people(observations: list[PersonObservation], threshold: float) -> list[PersonCluster]:
    """Group observations into persons: full names first, then surname-only mentions."""
    clusters: list[PersonCluster] = []
    for observation in (o for o in observations if o.key.full):
        match = next(
            (
                c
                for c in clusters
                if names_match(c.key, observation.key, threshold) and c.agrees(observation)
            ),
            None,
        )
        if match is None:
            match = PersonCluster(observation.key)
            clusters.append(match)
        match.add(observation)
    for observation in (o for o in observations if not o.key.full):
        match = pick_cluster(clusters, observation, threshold)
        if match is None:
            match = PersonCluster(observation.key)
            clusters.append(match)
        match.add(observation)
    return clusters


def pick_cluster(
    clusters: list[PersonCluster], observation: PersonObservation, threshold: float
) -> PersonCluster | None:
    """The person a surname-only mention refers to, or None when no one matches.

    Among several people with that surname: the one whose title matches, else the one
    mentioned most recently before it in the same article, else the most mentioned.
    """
    candidates = [c for c in clusters if surnames_match(c.key, observation.key, threshold)]
    candidates = [c for c in candidates if c.agrees(observation)] or candidates
    if not candidates:  # family name first ("Kim" of "Kim Jong Un"): only when unambiguous
        family = [c for c in clusters if c.key.given and c.key.given[0] in observation.key.surnames]
        candidates = family if len(family) == 1 else []
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    if observation.role:
        titled = [c for c in candidates if observation.role.role in c.roles]
        if len(titled) == 1:
            return titled[0]
    previous = _most_recent_before(candidates, observation)
    if previous is not None:
        return previous
    return max(candidates, key=lambda c: len(c.observations))


def _most_recent_before(
    candidates: list[PersonCluster], observation: PersonObservation
) -> PersonCluster | None:
    best: tuple[int, PersonCluster] | None = None
    article = observation.mention.article_id
    for cluster in candidates:
        for seen in cluster.observations:
            same_article = seen.mention.article_id == article
            if (
                same_article
                and seen.order < observation.order
                and (best is None or seen.order > best[0])
            ):
                best = (seen.order, cluster)
    return best[1] if best else None


def match_known(cluster: PersonCluster, people: list[Actor], threshold: float) -> Actor | None:
    """A known person (user file or store) that the cluster is, when exactly one fits."""
    fits = []
    for actor in people:
        surfaces = [actor.name, *(a.alias for a in actor.aliases)]
        keys = [k for k in (name_key(s) for s in surfaces) if k is not None]
        if cluster.key.full:  # a full name only matches full names, never a bare surname alias
            keys = [k for k in keys if k.full]
        countries = cluster.countries
        country_ok = not actor.country or not countries or actor.country in countries
        if country_ok and any(names_match(k, cluster.key, threshold) for k in keys):
            fits.append(actor)
    return fits[0] if len({a.key for a in fits}) == 1 else None
