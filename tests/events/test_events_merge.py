"""The story step: mentions of one real event become one event; others stay apart."""

from __future__ import annotations

import dataclasses

from eventwire.events.merge import mention_key, merge_story
from eventwire.model import (
    PART_BODY,
    Actor,
    ArticleMeta,
    Document,
    EventMention,
    EventsInput,
    Span,
)

PERU = Actor("country:PER", "Peru", "country", "PER", code="PER", id=1)
CHILE = Actor("country:CHL", "Chile", "country", "CHL", code="CHL", id=2)
SENTENCE = "Peru and Chile held talks on Monday."


def span(start: int, end: int) -> Span:
    return Span(PART_BODY, start, end, SENTENCE[start:end])


def mention(article: int, negated: bool = False, dated: bool = True) -> EventMention:
    return EventMention(
        article_id=article,
        sentence=0,
        part=PART_BODY,
        text=SENTENCE,
        trigger=span(24, 29),
        cameo="046",
        sources=(span(0, 4), span(9, 14)),
        negated=negated,
        symmetric=True,
        date=span(33, 39) if dated else None,
    )


def story(articles: dict[int, tuple[str, int]], days: dict[int, str]) -> EventsInput:
    """Articles id -> (outlet, copies); each with the sentence above, ``days`` its Monday."""
    actors = []
    for article in articles:
        actors += [
            (mention_key(article, span(0, 4)), PERU),
            (mention_key(article, span(9, 14)), CHILE),
        ]
    return EventsInput(
        story_id=1,
        documents=tuple(Document(a, o, "", SENTENCE) for a, (o, _) in articles.items()),
        entities=(),
        articles=tuple(ArticleMeta(a, o, None, "2026-03-03", c) for a, (o, c) in articles.items()),
        actors=tuple(actors),
        days=tuple((mention_key(a, span(33, 39)), d, d) for a, d in days.items()),
    )


def test_reports_of_one_meeting_are_one_event_counting_outlets_once() -> None:
    data = story({1: ("a", 2), 2: ("b", 0), 3: ("a", 0)}, {1: "2026-03-02", 2: "2026-03-02"})
    [event] = merge_story(data, [mention(1), mention(2), mention(3, dated=False)])
    assert (event.cameo, event.plover, event.date) == ("046", "CONSULT", "2026-03-02")
    assert [a.country for a in event.source] == ["PER"]
    assert [a.country for a in event.target] == ["CHL"]
    assert (event.num_mentions, event.num_articles, event.num_sources) == (3, 5, 2)
    assert event.evidence[0].span == (24, 29)


def test_evidence_sentences_end_at_their_last_character_not_a_paragraph_break() -> None:
    data = story({1: ("a", 0)}, {1: "2026-03-02"})
    broken = dataclasses.replace(mention(1), text=SENTENCE + "\n\n")
    [event] = merge_story(data, [broken])
    assert event.evidence[0].sentence == SENTENCE
    assert event.evidence[0].span == (24, 29)


def test_days_further_apart_than_the_setting_are_two_events() -> None:
    data = story({1: ("a", 0), 2: ("b", 0)}, {1: "2026-03-02", 2: "2026-03-09"})
    assert len(merge_story(data, [mention(1), mention(2)], merge_days=1)) == 2


def test_a_negated_mention_is_never_merged_with_one_that_happened() -> None:
    data = story({1: ("a", 0), 2: ("b", 0)}, {1: "2026-03-02", 2: "2026-03-02"})
    events = merge_story(data, [mention(1), mention(2, negated=True)])
    assert sorted(e.negated for e in events) == [False, True]


def test_a_side_the_entity_model_missed_is_still_a_country_or_its_people() -> None:
    from eventwire.events.merge import untagged_country

    def named(text: str) -> Span:
        return Span(PART_BODY, 0, len(text), text)

    uzbekistan, afghans = untagged_country(named("Uzbekistan")), untagged_country(named("Afghans"))
    assert uzbekistan is not None and (uzbekistan.type, uzbekistan.code) == ("country", "UZB")
    assert afghans is not None and (afghans.country, afghans.code) == ("AFG", "AFGCVL")
    assert untagged_country(named("led forces")) is None
    assert untagged_country(named("us")) is None


def test_an_untagged_demonym_names_its_country_s_group() -> None:
    from eventwire.events.merge import untagged_country

    pirates = untagged_country(Span(PART_BODY, 0, 14, "Somali pirates"))
    assert pirates is not None and pirates.country == "SOM"
    assert untagged_country(Span(PART_BODY, 0, 12, "Red pirates")) is None
