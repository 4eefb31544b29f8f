"""The actor codes benchmark's scorer, on hand-made PLOVER-style records and outcomes."""

from __future__ import annotations

from benchmarks.actor_codes import find_spans, gold_actors, score

from eventwire.model import PART_BODY, PART_TITLE, Actor, ActorLink, Mention, StoryActors

ARMY = "The Chilean army shelled positions held by Peruvian rebels near the border."
TALKS = "Senior Kenyan officials met the U.N. envoy ... in Nairobi on Monday."
RECORDS = [
    {
        "id": "R1",
        "date": "2001-02-03",
        "text": ARMY,
        "source": [{"actorText": "Chilean army", "code": "CHL", "sector": "MIL"}],
        "target": [{"actorText": "Peruvian rebels", "code": "PER", "sector": "REB"}],
    },
    {
        "id": "R2",
        "date": "2001-02-03",
        "text": TALKS,
        "source": [{"actorText": "Kenian ... officials", "code": "KEN", "sector": "***"}],
        "target": "",
    },
]


def mention(article: int, text: str, surface: str, label: str, part: str = PART_BODY) -> Mention:
    start = text.index(surface)
    return Mention(article, part, 0, start, start + len(surface), surface, label)


def story(story_id: int, *pairs: tuple[Mention, Actor]) -> StoryActors:
    actors = tuple({actor.key: actor for _, actor in pairs}.values())
    return StoryActors(story_id, actors, tuple(ActorLink(m, a.key) for m, a in pairs))


CHILE_ARMY = Actor("institution:CHL:army", "Chilean army", "institution", "CHL", "MIL", "CHLMIL")
BOLIVIA = Actor("country:BOL", "Bolivia", "country", "BOL", None, "BOL")
KENYA = Actor("country:KEN", "Kenya", "country", "KEN", None, "KEN")
PERU = Actor("country:PER", "Peru", "country", "PER", None, "PER")


def test_spans_are_found_through_gaps_case_and_misspellings() -> None:
    assert find_spans(ARMY, "chilean ARMY") == ((4, 16),)
    kenyan, officials = TALKS.index("Kenyan"), TALKS.index("officials")
    spans = find_spans(TALKS, "Kenian ... officials")
    assert spans == ((kenyan, kenyan + 6), (officials, officials + 9))
    assert find_spans(TALKS, "Tanzanian delegates") == ()


def test_gold_actors_skip_empty_roles_and_unknown_sectors() -> None:
    first, second = gold_actors(RECORDS[0]), gold_actors(RECORDS[1])
    assert [(g.role, g.country, g.code) for g in first] == [
        ("source", "CHL", "CHLMIL"),
        ("target", "PER", "PERREB"),
    ]
    assert [(g.role, g.country, g.code) for g in second] == [("source", "KEN", None)]


def test_hits_misses_and_precision_are_counted() -> None:
    results = [
        story(
            1,
            (mention(1, ARMY, "Chilean army", "ORG"), CHILE_ARMY),
            (mention(1, ARMY, "Peruvian", "NORP"), BOLIVIA),  # wrong country: a miss
        ),
        story(
            2,
            (mention(2, TALKS, "Kenyan", "NORP"), KENYA),
            (mention(2, "Senior Kenyan", "Kenyan", "NORP", PART_TITLE), PERU),  # title: ignored
        ),
    ]
    report = score(RECORDS, results)
    assert (report["gold_actors"], report["country_found"], report["code_exact"]) == (3, 2, 1)
    assert (report["gold_with_sector"], report["code_rate"]) == (2, 0.5)
    assert report["country_precision"] == {"assigned": 3, "right": 2, "precision": 0.667}
    [miss] = report["country_misses"]
    assert (miss["id"], miss["actorText"], miss["gold"]) == ("R1", "Peruvian rebels", "PERREB")
    assert miss["found"] == ["BOL (country: Bolivia)"]
    assert [m["actorText"] for m in report["code_misses"]] == ["Peruvian rebels"]
    assert report["by_role"]["target"]["country_found"] == 0
