"""Full-text search (migration 0010): SQLite FTS5 and PostgreSQL full text, one query syntax."""

from __future__ import annotations

import pytest

from eventwire.store import Repository
from eventwire.store.search import fts5_expression
from tests.store.helpers import make_item

TEXTS = {
    "harbour": ("The harbour authority closed the port after the storm.", "Ships waited."),
    "budget": ("The finance minister presented the budget to parliament.", "Debate followed."),
    "storm": ("A storm hit the coast; the harbour flooded.", "Rescue teams arrived."),
}


@pytest.fixture
def filled(repo: Repository) -> dict[str, int]:
    ids = repo.add_articles([make_item(key, paragraphs=text) for key, text in TEXTS.items()])
    return dict(zip(TEXTS, ids, strict=True))


def found(repo: Repository, query: str) -> set[int]:
    return {hit.id for hit in repo.search(query, limit=None)}


def test_words_must_all_occur(repo: Repository, filled: dict[str, int]) -> None:
    assert found(repo, "harbour storm") == {filled["harbour"], filled["storm"]}
    assert found(repo, "harbour parliament") == set()


def test_phrases_or_and_exclusions(repo: Repository, filled: dict[str, int]) -> None:
    assert found(repo, '"finance minister"') == {filled["budget"]}
    assert found(repo, '"minister finance"') == set()
    assert found(repo, "budget OR flooded") == {filled["budget"], filled["storm"]}
    assert found(repo, "harbour -flooded") == {filled["harbour"]}


def test_hits_carry_outlet_title_and_a_snippet(repo: Repository, filled: dict[str, int]) -> None:
    [hit] = repo.search("parliament", limit=10)
    assert hit.id == filled["budget"] and hit.source == "outlet-a"
    assert hit.title == "Title budget" and "parliament" in hit.snippet


def test_paging_is_stable(repo: Repository, filled: dict[str, int]) -> None:
    every = [hit.id for hit in repo.search("title", limit=None)]
    pages = [hit.id for offset in range(3) for hit in repo.search("title", 1, offset)]
    assert pages == every and len(every) == 3


@pytest.mark.parametrize("query", ['"', "(", "NEAR(", "*", "a:b", "-", "OR", "^x", "'"])
def test_any_text_is_a_query(repo: Repository, filled: dict[str, int], query: str) -> None:
    repo.search(query, limit=5)  # never a syntax error


def test_the_index_follows_deletes(repo: Repository, filled: dict[str, int]) -> None:
    with repo.engine.begin() as conn:
        conn.exec_driver_sql(f"DELETE FROM cleaning_notes WHERE article_id = {filled['budget']}")
        conn.exec_driver_sql(f"DELETE FROM articles WHERE id = {filled['budget']}")
    assert found(repo, "parliament") == set()


@pytest.mark.parametrize(
    ("query", "expression"),
    [
        ("putin talks", '"putin" AND "talks"'),
        ('"north korea" OR summit', '"north korea" OR "summit"'),
        ("-trump kim", '("kim") NOT "trump"'),
        ("OR a OR", '"a"'),
        ("-only", ""),
        ('NEAR("x', '"NEAR x"'),
    ],
)
def test_fts5_expressions_quote_every_term(query: str, expression: str) -> None:
    assert fts5_expression(query) == expression


def test_outlet_counts_of_a_search(repo: Repository, filled: dict[str, int]) -> None:
    repo.add_articles([make_item("more", source="outlet-b", paragraphs=("Harbour news.",))])
    counts = {f.value: f.count for f in repo.search_outlets("harbour")}
    assert counts == {"outlet-a": 2, "outlet-b": 1}
    assert repo.search_outlets("-harbour") == []


@pytest.mark.parametrize("query", ["-harbour", '-"finance minister"', "!!", "OR"])
def test_a_query_with_nothing_to_look_for_matches_nothing(
    repo: Repository, filled: dict[str, int], query: str
) -> None:
    assert repo.search(query, limit=None) == []
