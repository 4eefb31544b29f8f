"""People: observations of a person mention with its role, and clustering them into persons."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from eventwire.actors.names import NameKey, name_key, names_match, surnames_match
from eventwire.actors.roles import FIT_CONFLICT, FIT_EXACT, FIT_RELATED, RoleMatch, role_fit
from eventwire.model import Actor, Mention

# A namesake mentioned this many sentences before a bare surname (or fewer), alone, is the
# one it means; otherwise the namesake the article mentioned most is.
RECENT_SENTENCES = 1


@dataclass
class PersonObservation:
    """One person mention, with the title and country found around it."""

    mention: Mention
    key: NameKey
    role: RoleMatch | None = None
    country: str | None = None
    order: int = 0  # position in the story (articles in order, mentions by offset)
    tentative: bool = False  # joins a person, never opens one (a one-word ORG, a common word)
    local: bool = False  # tentative, and only a person named in its own article will do
    ambiguous: bool = False  # set when several people could be meant and nothing tells which
    name: str = ""  # the name as written, without a title the span took in ("Minister X")
    # the one country of the sentence of a bare state title ("President X"): a weaker cue,
    # used only when no mention of the person gives one, never to tell two people apart
    sentence_country: str | None = None

    @property
    def surface(self) -> str:
        """The name as written (the mention's text less a title inside it)."""
        return self.name or self.mention.text


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
    def likely_countries(self) -> Counter[str]:
        """Countries from titles, else from the sentences of bare state titles."""
        return self.countries or Counter(
            o.sentence_country for o in self.observations if o.sentence_country
        )

    @property
    def roles(self) -> Counter[str]:
        """Titles seen with the cluster's mentions."""
        return Counter(o.role.role for o in self.observations if o.role)

    def named_in(self, article_id: int) -> bool:
        """True when one of the cluster's mentions is in that article."""
        return any(o.mention.article_id == article_id for o in self.observations)

    def agrees(self, observation: PersonObservation) -> bool:
        """False when the observation's country contradicts the cluster's."""
        countries = self.countries
        return not observation.country or not countries or observation.country in countries


def cluster_people(observations: list[PersonObservation], threshold: float) -> list[PersonCluster]:
    """Group observations into persons: full names first, then surname-only mentions.

    A surname-only mention that cannot be told apart (see ``pick_cluster``) joins no one and
    is marked ``ambiguous``; a tentative one (a one-word span the model did not tag as a
    person, a word the article also writes in lower case) never opens a person of its own.
    """
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
        _add_surname(clusters, observation, threshold)
    return clusters


def _add_surname(
    clusters: list[PersonCluster], observation: PersonObservation, threshold: float
) -> None:
    candidates = surname_candidates(clusters, observation, threshold)
    if observation.local:
        article = observation.mention.article_id
        candidates = [c for c in candidates if c.named_in(article)]
    if not candidates:
        if not observation.tentative:
            clusters.append(PersonCluster(observation.key, [observation]))
        return
    chosen = pick_cluster(candidates, observation)
    if chosen is None:
        observation.ambiguous = True
    else:
        chosen.add(observation)


def surname_candidates(
    clusters: list[PersonCluster], observation: PersonObservation, threshold: float
) -> list[PersonCluster]:
    """People a surname-only mention may refer to (family name first as a fallback: "Kim")."""
    found = [c for c in clusters if surnames_match(c.key, observation.key, threshold)]
    if not found:
        found = [c for c in clusters if c.key.given and c.key.given[0] in observation.key.surnames]
    return [c for c in found if c.agrees(observation)] or found


def pick_cluster(
    candidates: list[PersonCluster], observation: PersonObservation
) -> PersonCluster | None:
    """The person a surname-only mention refers to among ``candidates``; None when unclear.

    "Roe" prefers a candidate without "Jr."/"Sr." and "Roe Jr." one with it. One candidate
    is it. Otherwise a title before the surname picks the one whose titles fit
    ("Foreign Secretary X": the foreign secretary, not the energy secretary); then the one
    mentioned in the article's last sentences before it, else the one the article mentioned
    most (``_previous_in_article``); then the only one named anywhere in that article. Two
    or more candidates without any such cue: None (not a guess).
    """
    suffix = observation.key.suffix
    candidates = [c for c in candidates if c.key.suffix == suffix] or candidates
    if observation.role is not None:
        candidates = _fitting_role(candidates, observation.role.role)
    if len(candidates) == 1:
        return candidates[0]
    previous = _previous_in_article(candidates, observation)
    if previous is not None:
        return previous
    article = observation.mention.article_id
    named_here = [c for c in candidates if c.named_in(article)]
    return named_here[0] if len(named_here) == 1 else None


def _fitting_role(candidates: list[PersonCluster], role: str) -> list[PersonCluster]:
    """The candidates that fit ``role`` best: exact, then related; never a conflicting one."""
    fits = {id(c): role_fit(role, c.roles) for c in candidates}
    for level in (FIT_EXACT, FIT_RELATED):
        best = [c for c in candidates if fits[id(c)] == level]
        if best:
            return best
    return [c for c in candidates if fits[id(c)] != FIT_CONFLICT] or candidates


def _previous_in_article(
    candidates: list[PersonCluster], observation: PersonObservation
) -> PersonCluster | None:
    """The candidate the article's earlier mentions point to (None: none mentioned before).

    The only one mentioned in the last RECENT_SENTENCES sentences; else, among those
    mentioned there (or, when none is, among all mentioned before), the one the article
    mentioned most; a tie goes to the one mentioned last. Only mentions with the surname
    count ("Ana" alone does not bring Ana Roe closer than Tom Roe).
    """
    before = _earlier_mentions(candidates, observation)
    if not before:
        return None
    sentence = observation.mention.sentence
    recent = {
        id(c): c for seen, c in before if sentence - seen.mention.sentence <= RECENT_SENTENCES
    }
    if len(recent) == 1:
        return next(iter(recent.values()))
    pool = recent or {id(c): c for _, c in before}
    counts = Counter(id(c) for _, c in before)
    last = {id(c): seen.order for seen, c in before}  # ascending: the last one wins
    return pool[max(pool, key=lambda i: (counts[i], last[i]))]


def _earlier_mentions(
    candidates: list[PersonCluster], observation: PersonObservation
) -> list[tuple[PersonObservation, PersonCluster]]:
    """Mentions of the candidates before the observation in its article, in order."""
    mention, surnames = observation.mention, observation.key.surnames
    found = [
        (seen, cluster)
        for cluster in candidates
        for seen in cluster.observations
        if seen.mention.article_id == mention.article_id
        and seen.mention.part == mention.part
        and seen.order < observation.order
        and (seen.key.full or seen.key.surnames & surnames)
    ]
    return sorted(found, key=lambda item: item[0].order)


class PeopleIndex:
    """People to match clusters against, in the order added, found by surname form and by
    first given name instead of by comparing every one (a long run remembers thousands)."""

    def __init__(self, people: Iterable[Actor] = ()) -> None:
        self.people: list[Actor] = []
        self._keys: list[list[NameKey]] = []  # each person's name keys (name, then aliases)
        self._by_surname: dict[str, list[int]] = {}
        self._by_given: dict[str, list[int]] = {}
        self._forms: list[str] = []  # every surname form, once, for the fuzzy search
        for actor in people:
            self.add(actor)

    def __len__(self) -> int:
        return len(self.people)

    def add(self, actor: Actor) -> None:
        """Add a person (last in order)."""
        position = len(self.people)
        surfaces = [actor.name, *(a.alias for a in actor.aliases)]
        keys = [k for k in (name_key(s) for s in surfaces) if k is not None]
        self.people.append(actor)
        self._keys.append(keys)
        for key in keys:
            for form in key.surnames:
                if form not in self._by_surname:
                    self._forms.append(form)
                _add_position(self._by_surname.setdefault(form, []), position)
            if key.given:
                _add_position(self._by_given.setdefault(key.given[0], []), position)

    def candidates(self, key: NameKey, threshold: float) -> list[tuple[Actor, list[NameKey]]]:
        """The people whose names can fit ``key`` (what ``_same_name`` can accept), in order:
        a surname form equal or at least ``threshold`` alike, or for a bare surname, a first
        given name equal to it."""
        found: set[int] = set()
        for form in key.surnames:
            for match, _score, _ in process.extract(
                form, self._forms, scorer=fuzz.ratio, score_cutoff=threshold, limit=None
            ):
                found.update(self._by_surname[match])
            if not key.full:
                found.update(self._by_given.get(form, ()))
        return [(self.people[i], self._keys[i]) for i in sorted(found)]


def _add_position(positions: list[int], position: int) -> None:
    if not positions or positions[-1] != position:
        positions.append(position)


def match_known(
    cluster: PersonCluster, people: Sequence[PeopleIndex] | Sequence[Actor], threshold: float
) -> Actor | None:
    """A known person (user file or store) that the cluster is, when exactly one fits.

    ``people``: indexes searched in turn, or a plain list of people."""
    indexes = people if people and isinstance(people[0], PeopleIndex) else [PeopleIndex(people)]
    countries = cluster.countries
    fits = []
    for index in indexes:
        for actor, keys in index.candidates(cluster.key, threshold):
            if cluster.key.full:  # a full name only matches full names, never a bare surname
                keys = [k for k in keys if k.full]
            country_ok = not actor.country or not countries or actor.country in countries
            if country_ok and any(_same_name(k, cluster.key, threshold) for k in keys):
                fits.append(actor)
    return fits[0] if len({a.key for a in fits}) == 1 else None


def _same_name(known: NameKey, key: NameKey, threshold: float) -> bool:
    """A known name fits; a bare family name also fits a name that starts with it ("Xi")."""
    if names_match(known, key, threshold):
        return True
    return not key.full and bool(known.given) and known.given[0] in key.surnames
