"""The consolidated story: a representative title, a summary of the most corroborated and
central facts in time order, a timeline of dated facts, and what each outlet alone reports."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from eventwire.facts.claims import COMMENTARY
from eventwire.facts.features import (
    SentenceWords,
    idf_table,
    sentence_words,
    tfidf_cosine,
    tfidf_norm,
)
from eventwire.facts.settings import FactsSettings
from eventwire.model import Fact, FactsInput, SourceAdditions, StoryFacts, SummaryLine

COUNTED = frozenset({"corroborated", "disputed", "single-source"})


def consolidate(
    story: FactsInput,
    facts: Sequence[Fact],
    settings: FactsSettings,
    aligned: bool,
    words: dict[str, SentenceWords] | None = None,
) -> StoryFacts:
    """The story's title, summary, timeline and per-outlet additions over its facts
    (``words``: the words of sentences already read, by sentence; only stems are used)."""
    counted = [f for f in facts if f.status in COUNTED]
    known = dict(words or {})
    summary = summary_facts(story, counted, settings.summary_sentences, known)
    return StoryFacts(
        story_id=story.story_id,
        title=representative_title(story, counted, known),
        facts=tuple(facts),
        summary=tuple(_line(f) for f in summary),
        timeline=tuple(_line(f) for f in sorted((f for f in counted if f.date), key=_dated)),
        unique_by_source=unique_by_source(story, counted) if aligned else (),
        aligned=aligned,
    )


def representative_title(
    story: FactsInput, facts: Sequence[Fact], known: dict[str, SentenceWords] | None = None
) -> str:
    """The headline closest to the story's facts (weighted by their independent outlets)."""
    titles = [d.title for d in story.documents if d.title.strip()]
    if not titles:
        return ""
    words = [sentence_words(t) for t in titles]
    fact_words = _words_of([f.text for f in facts], known)
    idf = idf_table(words + fact_words)
    norms = [tfidf_norm(w.stems, idf) for w in words]
    fact_norms = [tfidf_norm(w.stems, idf) for w in fact_words]

    def closeness(n: int) -> float:
        to_facts = sum(
            f.independent_sources * tfidf_cosine(words[n], w, idf, norms[n] * norm)
            for f, w, norm in zip(facts, fact_words, fact_norms, strict=True)
            if f.independent_sources and words[n].stems & w.stems
        )
        to_titles = sum(
            tfidf_cosine(words[n], w, idf, norms[n] * norms[m])
            for m, w in enumerate(words)
            if m != n
        )
        return to_facts + to_titles

    return titles[max(range(len(titles)), key=lambda n: (closeness(n), -n))]


def summary_facts(
    story: FactsInput,
    facts: Sequence[Fact],
    size: int,
    known: dict[str, SentenceWords] | None = None,
) -> list[Fact]:
    """At most ``size`` facts, the most corroborated and central first, shown in time order."""
    known = {} if known is None else known
    claims = _words_of([c.sentence for f in facts for c in f.claims], known)
    idf = idf_table(claims)
    centre = sentence_words(" ".join(f.text for f in facts))
    centre_norm = tfidf_norm(centre.stems, idf)

    def rank(fact: Fact) -> tuple[float, float, int]:
        words = known.get(fact.text) or sentence_words(fact.text)
        norms = tfidf_norm(words.stems, idf) * centre_norm  # the centre's computed once
        centrality = tfidf_cosine(words, centre, idf, norms)
        return (-fact.independent_sources, -centrality, fact.seq)

    chosen = sorted(facts, key=rank)[:size]
    published = {d.id: d.published for d in story.documents}
    return sorted(chosen, key=lambda f: (_when(f, published), f.seq))


def _words_of(
    texts: Sequence[str], known: dict[str, SentenceWords] | None = None
) -> list[SentenceWords]:
    """``sentence_words`` of each text, each distinct text read once (``known``: already
    read, and added to)."""
    found = {} if known is None else known
    return [found.get(t) or found.setdefault(t, sentence_words(t)) for t in texts]


def _when(fact: Fact, published: dict[int, datetime | None]) -> str:
    """The day a fact happened, else the first day an article reporting it was published."""
    if fact.date:
        return fact.date
    days = [published[c.article_id] for c in fact.claims if published.get(c.article_id)]
    return min(days).date().isoformat() if days else "9999"


def unique_by_source(story: FactsInput, facts: Sequence[Fact]) -> tuple[SourceAdditions, ...]:
    """Per outlet, the facts that it alone reports."""
    outlets = dict.fromkeys(d.source for d in story.documents)
    return tuple(
        SourceAdditions(
            outlet,
            tuple(f.seq for f in facts if f.kind != COMMENTARY and set(f.sources) == {outlet}),
        )
        for outlet in outlets
    )


def _dated(fact: Fact) -> tuple[str, int]:
    return (fact.date or "", fact.seq)


def _line(fact: Fact) -> SummaryLine:
    return SummaryLine(fact.seq, fact.text, fact.sources, fact.date)
