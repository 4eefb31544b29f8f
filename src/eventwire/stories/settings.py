"""Settings of the ``stories`` stage (its own module: importing it loads nothing else)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class StoriesSettings:
    """Settings of the ``stories`` stage (section ``[stories]``)."""

    threshold: float = 0.21  # minimum similarity to join a story, both sides dated
    undated_threshold: float = 0.21  # the same when the article or the story has no date
    name_weight: float = 0.3  # share of the name cosine in the similarity (rest: words)
    lead_words: int = 150  # words of the body compared, after the title (0 = all)
    title_weight: int = 2  # title terms count this many times
    window_days: float = 7.0  # max days between an article and its story's time span
    decay_grace_days: float = 1.0  # no time penalty within this many days of the story's span
    decay_days: float = 3.0  # beyond the grace, similarity decays by exp(-extra days / this)
    linkage: str = "centroid"  # "centroid" (cosine to the mean) or "average" (mean cosine)
    candidates: int = 20  # stories compared in full per article (best by shared terms)
    probe_terms: int = 30  # highest-weighted terms of an article used to find candidates
    max_age_days: float = 28.0  # stories no article joined this long (by storage time) are
    # forgotten by the clusterer (bounded memory in a long `watch`); 0 keeps every story
