"""Incremental (single-pass) story clustering.

Each article joins the most similar existing story, or opens a new one. Similarity mixes
two cosines against the story's centroid, both weighted by IDF maintained from the
articles seen so far (so the clusterer works on a stream): one over the content words of
title + lead, one over names (capitalised spans and numbers). A story only accepts an
article dated within ``window_days`` of its time span (no window when a date is missing),
and beyond ``decay_grace_days`` the similarity decays exponentially with the gap: two events
of the same kind a few days apart (a secret meeting, then a summit announcement) share most
of their words, and time is what tells them apart.
An inverted index from terms to stories, kept by week of each story's time span, keeps the
comparison to a few candidate stories within reach of the article's date: an archive of years
costs per article what a few weeks of it cost.
See docs/stories.md for the measurements behind the defaults.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from eventwire.aging import AgeWindow
from eventwire.model import Document, StoryAssignment
from eventwire.stories.features import ArticleFeatures, extract_features, sublinear
from eventwire.stories.settings import StoriesSettings

__all__ = ["StoriesSettings", "StoryClusterer"]

EPOCH = datetime(1970, 1, 1)  # weeks are counted from here, in UTC


@dataclass
class _Story:
    """A story's state: summed unit term vectors of its members and its time span."""

    words: Counter[str] = field(default_factory=Counter)
    names: Counter[str] = field(default_factory=Counter)
    size: int = 0
    first: datetime | None = None
    last: datetime | None = None
    word_norm: float = 0.0
    name_norm: float = 0.0

    def add(self, vectors: tuple[dict[str, float], dict[str, float]], when: datetime | None):
        """Add one member's (unit) word and name vectors and its date."""
        self.words.update(vectors[0])
        self.names.update(vectors[1])
        self.size += 1
        self.word_norm = _norm(self.words)
        self.name_norm = _norm(self.names)
        if when is not None:
            self.first = when if self.first is None else min(self.first, when)
            self.last = when if self.last is None else max(self.last, when)


class _DocumentFrequencies:
    """Document frequencies of terms over the stream, with smoothed IDF."""

    def __init__(self) -> None:
        self.count = 0
        self.frequencies: Counter[str] = Counter()

    def add(self, terms: set[str]) -> None:
        """Count one more document containing ``terms``."""
        self.count += 1
        self.frequencies.update(terms)

    def idf(self, term: str) -> float:
        """Smoothed inverse document frequency of ``term``."""
        return math.log((1 + self.count) / (1 + self.frequencies[term])) + 1.0


class StoryClusterer:
    """Assign a stream of documents to stories, one decision per document."""

    def __init__(self, settings: StoriesSettings | None = None) -> None:
        self.settings = settings or StoriesSettings()
        self._stories: dict[int, _Story] = {}
        self._index = _WeeklyIndex()
        self._frequencies = _DocumentFrequencies()
        self._max_story_id = 0
        self._age = AgeWindow(self.settings.max_age_days)  # stories by the last article added

    def assign(self, doc: Document) -> StoryAssignment:
        """Put ``doc`` into its most similar story (or a new one) and return the decision."""
        features = self._count_features(doc)
        vectors = self._weigh(features)
        self._age.advance(doc.ingested)
        self._forget_expired()
        story_id, similarity = self._find_best_story(vectors, doc.published)
        if story_id is None:
            story_id = self._max_story_id + 1
            self._add_to_story(story_id, features, doc.published)
            self._age.touch(story_id, doc.ingested)
            return StoryAssignment(doc.id, story_id, 0.0, True)
        self._add_to_story(story_id, features, doc.published)
        self._age.touch(story_id, doc.ingested)
        return StoryAssignment(doc.id, story_id, round(similarity, 6), False)

    def restore(self, doc: Document, story_id: int) -> None:
        """Replay an already-stored article into ``story_id`` (no decision is made)."""
        self._add_to_story(story_id, self._count_features(doc), doc.published)
        self._age.advance(doc.ingested)
        self._age.touch(story_id, doc.ingested)
        self._forget_expired()

    def is_live(self, story_id: int) -> bool:
        """Whether ``story_id`` is still held (not forgotten by age)."""
        return story_id in self._stories

    def _forget_expired(self) -> None:
        """Drop the stories no article joined within ``max_age_days`` of the newest one."""
        for story_id in self._age.expired():
            story = self._stories.pop(story_id, None)
            if story is not None:
                self._index.remove(story_id, _terms(story), _weeks(story))

    def _count_features(self, doc: Document) -> ArticleFeatures:
        s = self.settings
        features = extract_features(doc.title, doc.text, s.lead_words, s.title_weight)
        self._frequencies.add(set(features.words) | {_name_key(n) for n in features.names})
        return features

    def _weigh(self, features: ArticleFeatures) -> tuple[dict[str, float], dict[str, float]]:
        idf = self._frequencies.idf
        words = {t: w * idf(t) for t, w in sublinear(features.words).items()}
        names = {n: w * idf(_name_key(n)) for n, w in sublinear(features.names).items()}
        return _normalise(words), _normalise(names)

    def _add_to_story(self, story_id: int, features: ArticleFeatures, when: datetime | None):
        story = self._stories.setdefault(story_id, _Story())
        vectors = self._weigh(features)
        weeks_before = _weeks(story)
        new_terms = {t for t in (*vectors[0], *(_name_key(n) for n in vectors[1]))}
        new_terms.difference_update(story.words, (_name_key(n) for n in story.names))
        story.add(vectors, when)
        weeks = _weeks(story)
        self._index.add(story_id, new_terms, weeks)
        if weeks != weeks_before:  # its span grew, or its first date came (off week None)
            old_terms = _terms(story) - new_terms
            self._index.add(story_id, old_terms, weeks - weeks_before)
            self._index.remove(story_id, old_terms, weeks_before - weeks)
        self._max_story_id = max(self._max_story_id, story_id)

    def _find_best_story(
        self, vectors: tuple[dict[str, float], dict[str, float]], when: datetime | None
    ) -> tuple[int | None, float]:
        """The story with the largest margin over its joining threshold, if any clears it."""
        best_id, best_similarity, best_margin = None, 0.0, 0.0
        for story_id in self._select_candidates(vectors, when):
            story = self._stories[story_id]
            if not self._within_window(story, when):
                continue
            similarity = self._similarity(vectors, story) * self._time_decay(story, when)
            margin = similarity - self._threshold(story, when)
            if margin >= best_margin and (best_id is None or margin > best_margin):
                best_id, best_similarity, best_margin = story_id, similarity, margin
        return best_id, best_similarity

    def _threshold(self, story: _Story, when: datetime | None) -> float:
        """Joining threshold: lower when dates show the article is close to the story."""
        if when is None or story.first is None:
            return self.settings.undated_threshold
        return self.settings.threshold

    def _select_candidates(
        self, vectors: tuple[dict[str, float], dict[str, float]], when: datetime | None
    ) -> list[int]:
        """Stories in reach of ``when`` sharing the article's strongest terms, best
        ``candidates`` by shared weight."""
        terms = dict(vectors[0])
        for name, weight in vectors[1].items():
            key = _name_key(name)
            terms[key] = max(terms.get(key, 0.0), weight)
        probe = heapq.nlargest(self.settings.probe_terms, terms.items(), key=_weight_then_term)
        weeks = _weeks_in_reach(when, self.settings.window_days)
        scores: Counter[int] = Counter()
        for term, weight in probe:
            for story_id in self._index.holders(term, weeks):
                scores[story_id] += weight
        ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
        return [story_id for story_id, _ in ranked[: self.settings.candidates]]

    def _within_window(self, story: _Story, when: datetime | None) -> bool:
        """Whether ``when`` is at most ``window_days`` outside the story's span."""
        gap = _gap(story, when)
        return gap is None or gap <= timedelta(days=self.settings.window_days)

    def _time_decay(self, story: _Story, when: datetime | None) -> float:
        """1.0 within the grace period of the story's span, then exponential decay."""
        gap = _gap(story, when)
        if gap is None:
            return 1.0
        extra_days = gap.total_seconds() / 86_400 - self.settings.decay_grace_days
        if extra_days <= 0 or self.settings.decay_days <= 0:
            return 1.0
        return math.exp(-extra_days / self.settings.decay_days)

    def _similarity(
        self, vectors: tuple[dict[str, float], dict[str, float]], story: _Story
    ) -> float:
        name_weight = self.settings.name_weight
        average = self.settings.linkage == "average"
        words = _cosine(vectors[0], story.words, story.size if average else story.word_norm)
        if not vectors[1] or not story.names:
            return words
        names = _cosine(vectors[1], story.names, story.size if average else story.name_norm)
        return (1.0 - name_weight) * words + name_weight * names


class _WeeklyIndex:
    """Term -> week -> stories holding the term whose time span covers that week.

    Undated stories sit under week ``None``, which every lookup reads; an undated article
    reads every week.
    """

    def __init__(self) -> None:
        self._weeks: dict[str, dict[int | None, set[int]]] = defaultdict(dict)

    def add(self, story_id: int, terms: Iterable[str], weeks: set[int | None]) -> None:
        """File ``story_id`` under each of ``terms`` for each of ``weeks``."""
        for term in terms:
            by_week = self._weeks[term]
            for week in weeks:
                by_week.setdefault(week, set()).add(story_id)

    def remove(self, story_id: int, terms: Iterable[str], weeks: set[int | None]) -> None:
        """Forget ``story_id`` under ``terms`` and ``weeks``."""
        for term in terms:
            by_week = self._weeks.get(term)
            if by_week is None:
                continue
            for week in weeks:
                holders = by_week.get(week)
                if holders is not None:
                    holders.discard(story_id)
                    if not holders:
                        del by_week[week]
            if not by_week:
                del self._weeks[term]

    def holders(self, term: str, weeks: range | None) -> set[int]:
        """Stories holding ``term`` filed under ``weeks`` or undated (every week if None)."""
        by_week = self._weeks.get(term)
        if not by_week:
            return set()
        if weeks is None:
            return set().union(*by_week.values())
        found = set(by_week.get(None, ()))
        for week in weeks:
            found.update(by_week.get(week, ()))
        return found


def _week(when: datetime) -> int:
    """Whole weeks since the epoch (naive times are taken as UTC, as everywhere here)."""
    epoch = EPOCH if when.tzinfo is None else EPOCH.replace(tzinfo=UTC)
    return (when - epoch).days // 7


def _weeks(story: _Story) -> set[int | None]:
    """The weeks a story's time span covers ({None} while it is undated)."""
    if story.first is None or story.last is None:
        return {None}
    return set(range(_week(story.first), _week(story.last) + 1))


def _weeks_in_reach(when: datetime | None, window_days: float) -> range | None:
    """Weeks a story must cover to lie within ``window_days`` of ``when`` (None: all)."""
    if when is None:
        return None
    reach = timedelta(days=window_days)
    try:
        low, high = when - reach, when + reach
    except OverflowError:  # within a window of the calendar's ends
        return None
    return range(_week(low), _week(high) + 1)


def _terms(story: _Story) -> set[str]:
    """Every index key of a story's words and names."""
    return {*story.words, *(_name_key(n) for n in story.names)}


def _gap(story: _Story, when: datetime | None) -> timedelta | None:
    """How far ``when`` lies outside the story's span (0 inside it); None when undated.

    Dates are subtracted from each other, never shifted by a window, so that no date, not
    even datetime.min or datetime.max, overflows.
    """
    if when is None or story.first is None or story.last is None:
        return None
    return max(story.first - when, when - story.last, timedelta(0))


def _name_key(name: str) -> str:
    """Index/IDF key of a name feature (kept apart from content words)."""
    return "@" + name


def _weight_then_term(item: tuple[str, float]) -> tuple[float, str]:
    return item[1], item[0]


def _norm(vector: dict[str, float]) -> float:
    return math.sqrt(sum(w * w for w in vector.values()))


def _normalise(vector: dict[str, float]) -> dict[str, float]:
    norm = _norm(vector)
    return {t: w / norm for t, w in vector.items()} if norm else {}


def _cosine(vector: dict[str, float], centroid: Counter[str], norm: float) -> float:
    """Cosine between a unit vector and a (summed, unnormalised) centroid of norm ``norm``."""
    if not norm:
        return 0.0
    return sum(w * centroid.get(t, 0.0) for t, w in vector.items()) / norm
