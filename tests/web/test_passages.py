"""Shared passages between outlets, and which URLs may become links."""

from __future__ import annotations

import pytest

from eventwire.web.pages import safe_url
from eventwire.web.passages import mark_shared

SHARED = "The committee approved the new water plan after a long night of talks."


def test_a_sentence_another_outlet_has_is_shared() -> None:
    texts = {
        1: ("outlet-a", f"{SHARED} Officials declined to comment."),
        2: ("outlet-b", f"Residents gathered outside. {SHARED}"),
    }
    marked = mark_shared(texts)
    assert [(s.text, s.shared) for s in marked[1][0]] == [
        (SHARED, True),
        ("Officials declined to comment.", False),
    ]
    assert [s.shared for s in marked[2][0]] == [False, True]


def test_the_same_outlet_twice_shares_nothing() -> None:
    marked = mark_shared({1: ("outlet-a", SHARED), 2: ("outlet-a", SHARED)})
    assert not any(s.shared for paragraph in marked[1] for s in paragraph)


@pytest.mark.parametrize(
    ("url", "link"),
    [
        ("https://example.org/a?b=1", "https://example.org/a?b=1"),
        ("http://example.org", "http://example.org"),
        ("javascript:alert(1)", None),
        ("JaVaScRiPt:alert(1)", None),
        (" javascript:alert(1)", None),
        ("data:text/html,<script>alert(1)</script>", None),
        ("//example.org/path", None),
        ("https:alert", None),
        ("", None),
        (None, None),
    ],
)
def test_only_http_urls_become_links(url: str | None, link: str | None) -> None:
    assert safe_url(url) == link
