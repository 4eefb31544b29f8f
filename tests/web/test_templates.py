"""The story page shows events and facts exactly when the story's document carries them."""

from __future__ import annotations

from typing import Any

from eventwire.web.pages import make_environment


def story_document(**sections: Any) -> dict[str, Any]:
    article = {
        "id": 1,
        "source": "outlet-a",
        "url": "javascript:alert(1)",
        "title": "<b>Title</b>",
        "published_at": "2026-02-08T16:46:00+00:00",
        "copy_of": None,
    }
    return {
        "id": 7,
        "title": "A story",
        "first_seen": None,
        "last_seen": None,
        "articles": [article],
        "outlets": ["outlet-a"],
        "outlet_count": 1,
        "independent_outlets": 1,
        "actors": [],
        "overview": {"lead": "Lead.", "lead_article_id": 1, "outlets": []},
        **sections,
    }


def render(story: dict[str, Any]) -> str:
    template = make_environment().get_template("story.html")
    return template.render(path="/stories/7", story=story, columns=[], timeline=[])


def test_without_events_or_facts_no_such_section() -> None:
    html = render(story_document())
    assert "Events</h2>" not in html and "Facts</h2>" not in html
    assert "&lt;b&gt;Title&lt;/b&gt;" in html and "javascript:" not in html


def test_events_and_facts_appear_when_the_document_has_them() -> None:
    facts = [{"text": "<script>x</script> said", "status": "disputed", "sources": ["a", "b"]}]
    events = [{"date": "2026-02-08", "code": "042", "actor1": "<i>A</i>", "actor2": None}]
    html = render(story_document(facts=facts, events=events))
    assert "Facts</h2>" in html and "disputed" in html
    assert "&lt;script&gt;x&lt;/script&gt; said" in html and "<script>x" not in html
    assert "Events</h2>" in html and '<th scope="col">code</th>' in html
    assert "&lt;i&gt;A&lt;/i&gt;" in html
