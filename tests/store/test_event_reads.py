"""Reads of stored events: filters in SQL, keyset pages, facets, days (store/event_reads.py)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from eventwire.model import Event, EventActor, EventEvidence, EventFilter, StoryEvents
from eventwire.service import BadCursor, BadQuery, Queries, event_filter
from eventwire.store import Repository, event_reads
from tests.store.helpers import make_item, opened

RUSSIA = EventActor(1, "Russia", "RUS", "RUS", "country:RUS")
OMAN = EventActor(12, "Oman", "OMN", "OMN", "country:OMN")
LAVROV = EventActor(None, "Sergey Lavrov", "RUS", "RUSGOV", None)


def event(story_id: int, day: str, cameo: str, source: EventActor, target: EventActor) -> Event:
    evidence = (EventEvidence(1, "outlet-a", "They talked.", (5, 11), ((0, 4),), day),)
    return Event(
        story_id, day, (source,), (target,), cameo, "CONSULT" if cameo[:2] == "04" else None,
        None, 1, 1.0, "Muscat" if target is OMAN else None, "OMN" if target is OMAN else None,
        False, False, 1, 1, 1, evidence,
    )  # fmt: skip


@pytest.fixture
def queries(tmp_path: Path) -> Iterator[Queries]:
    """Story 1 with 30 events: days 2026-01-01..30, codes 04x / 11x, actors by turn."""
    repo = Repository.open(f"sqlite:///{tmp_path / 'events.db'}")
    [article] = repo.add_articles([make_item("talks")])
    repo.save_results([opened(article, 1)])
    found = []
    for n in range(30):
        pair = [(RUSSIA, OMAN), (OMAN, LAVROV), (LAVROV, RUSSIA)][n % 3]
        found.append(event(1, f"2026-01-{n + 1:02d}", ("040", "112")[n % 2], *pair))
    repo.save_story_events([StoryEvents(1, tuple(found))])
    yield Queries(repo)
    repo.close()


def every_page(queries: Queries, filters: EventFilter, limit: int) -> list[Event]:
    found, cursor = [], None
    while True:
        page = queries.events(filters, limit, cursor)
        found += page.items
        if page.next is None:
            return found
        cursor = page.next


def test_keyset_pages_reach_every_event_once(queries: Queries) -> None:
    everything = queries.events().items
    assert len(everything) == 30
    paged = every_page(queries, EventFilter(), 7)
    assert [e.id for e in paged] == [e.id for e in everything]
    assert all(e.evidence for e in paged)


def test_an_actor_id_matches_exactly_in_sql(queries: Queries) -> None:
    with_russia = every_page(queries, event_filter(actor="1"), 4)
    assert len(with_russia) == 20  # id 1 is not id 12
    assert all(RUSSIA.id in {a.id for a in (*e.source, *e.target)} for e in with_russia)
    assert len(queries.events(event_filter(actor="12")).items) == 20


def test_a_free_text_actor_matches_names_keys_and_codes(
    queries: Queries, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert len(queries.events(event_filter(actor="rusgov")).items) == 20
    assert len(queries.events(event_filter(actor="sergey lavrov")).items) == 20
    assert queries.events(event_filter(actor="Lavrov")).items == ()  # a name, not a part
    monkeypatch.setattr(event_reads, "SCAN_ROWS", 5)  # a page scans this much, then stops
    sergey = event_filter(actor="sergey")  # in SQL's LIKE narrowing, but no whole name
    first = queries.events(sergey, limit=10)
    assert first.items == () and first.next is not None  # a short page, and more to scan
    assert every_page(queries, sergey, 10) == []
    assert len(every_page(queries, event_filter(actor="rusgov"), 3)) == 20


def test_country_code_and_days(queries: Queries) -> None:
    in_oman = queries.events(event_filter(country="omn")).items
    assert len(in_oman) == 20  # an actor of Oman, or the place (Muscat)
    consults = queries.events(event_filter(code="04")).items
    assert {e.cameo for e in consults} == {"040"}
    assert queries.events(event_filter(code="consult")).items == consults
    days = queries.events(event_filter(since="2026-01-10", until="2026-01-12")).items
    assert [e.date for e in days] == ["2026-01-10", "2026-01-11", "2026-01-12"]
    with pytest.raises(BadQuery):
        event_filter(country="Russia")
    with pytest.raises(BadQuery):
        event_filter(code="04%")


def test_a_cursor_belongs_to_its_query(queries: Queries) -> None:
    page = queries.events(event_filter(code="04"), limit=2)
    with pytest.raises(BadCursor):
        queries.events(event_filter(code="11"), limit=2, cursor=page.next)
    with pytest.raises(BadCursor):
        queries.events(limit=2, cursor="e30")  # "{}" encoded


def test_facets_days_and_latest(queries: Queries) -> None:
    facets = queries.event_facets(event_filter(actor="1"))
    assert {(f.value, f.count) for f in facets["root"]} == {("04", 10), ("11", 10)}
    assert facets["country"][0].value == "RUS" and facets["country"][0].count == 20
    actors = {f.value: (f.count, f.id) for f in facets["actor"]}
    assert actors == {"Russia": (20, 1), "Oman": (10, 12)}  # Lavrov has no stored id
    assert [f.value for f in facets["plover"]] == ["CONSULT"]
    days = queries.actor_event_days(12)
    assert len(days) == 20 and days[0].day == "2026-01-01"
    latest = queries.actor_latest_events(1, top=3)
    assert [e.date for e in latest] == ["2026-01-30", "2026-01-28", "2026-01-27"]
    assert event_filter(until="2026-01-31").until == date(2026, 1, 31)
    partners = queries.actor_event_partners(1)
    assert [(p.value, p.count, p.id) for p in partners] == [("Oman", 10, 12)]  # Lavrov: no id
