"""The story page shows events and facts exactly when the story's document carries them."""

from __future__ import annotations

from typing import Any

from eventwire.web.pages import make_environment
from eventwire.web.story_view import SHOWN, story_sections


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
    sections = story_sections(story)
    return template.render(
        path="/stories/7", story=story, columns=[], timeline=[], sections=sections
    )


def test_without_events_or_facts_no_such_section() -> None:
    html = render(story_document())
    assert "Events</h2>" not in html and "Facts</h2>" not in html
    assert "&lt;b&gt;Title&lt;/b&gt;" in html and "javascript:" not in html


def fact(n: int, status: str, text: str, sources: list[str]) -> dict[str, Any]:
    independent = len(sources) if status != "single-source" else 1
    return {"id": n, "text": text, "status": status, "sources": sources,
            "independent_sources": independent}  # fmt: skip


def event(cameo: str, who: str, whom: str, day: str | None) -> dict[str, Any]:
    return {
        "story_id": 7, "date": day, "cameo": cameo, "plover": "CONSULT", "mode": "phone",
        "source": [{"id": 1, "name": who, "country": "RUS"}],
        "target": [{"id": 2, "name": whom, "country": "OMN"}],
        "place": {"name": "Muscat", "country": "OMN"}, "negated": False, "hypothetical": True,
        "num_sources": 2,
        "evidence": [{"source": "outlet-a"}, {"source": "outlet-b"}, {"source": "outlet-a"}],
    }  # fmt: skip


def test_events_and_facts_appear_when_the_document_has_them() -> None:
    facts = [
        fact(1, "corroborated", "<script>x</script> said", ["outlet-a", "outlet-b"]),
        fact(2, "single-source", "Only A says so.", ["outlet-a"]),
        fact(3, "disputed", "Ten or twelve died.", ["outlet-a", "outlet-b"]),
    ]
    disputes = [
        {"fact": 3, "text": "Ten or twelve died.", "kind": "number",
         "values": [{"value": "10", "sources": ["outlet-a"]},
                    {"value": "12", "sources": ["outlet-b"]}]},
    ]  # fmt: skip
    timeline = [
        {"fact": 2, "text": "Only A says so.", "sources": ["outlet-a"], "date": "2026-02-06"}
    ]
    events = [event("041", "<i>Lavrov</i>", "Busaidi", "2026-02-08")]
    unique = [{"source": "outlet-a", "facts": [2]}, {"source": "outlet-b", "facts": []}]
    html = render(
        story_document(
            facts=facts, disputes=disputes, timeline=timeline, events=events,
            unique_by_source=unique, summary=[],
        )
    )  # fmt: skip
    assert "Facts</h2>" in html and ">Corroborated" in html and ">Disputed" in html
    assert "2 independent outlets" in html and "1 independent outlet<" in html
    assert "&lt;script&gt;x&lt;/script&gt; said" in html and "<script>x" not in html
    assert "Disputed details</h2>" in html and "<strong>12</strong>" in html
    assert "Only one outlet reports</h2>" in html and html.count("Only A says so.") == 3
    assert "Events</h2>" in html and "041 Make a visit" not in html
    assert "041 Discuss by telephone" in html and "CONSULT (phone)" in html
    assert "&lt;i&gt;Lavrov&lt;/i&gt;" in html and "Muscat (OMN)" in html
    assert "outlet-a, outlet-b" in html and "hypothetical" in html
    dated = html.index("2026-02-06</time>"), html.index("2026-02-08</time>")
    assert dated[0] < dated[1]  # the timeline runs in day order


def test_long_lists_are_cut_and_say_how_many_more() -> None:
    many = [fact(n, "single-source", f"Fact number {n}.", ["outlet-a"]) for n in range(40)]
    html = render(story_document(facts=many))
    assert html.count("Fact number") == SHOWN["facts"]
    assert f"{40 - SHOWN['facts']} more single source facts not shown" in html


def test_a_big_story_page_stays_light() -> None:
    """1,000 articles, 600 facts, 300 events, 200 actors: every list is cut, the page is small."""
    articles = [
        {"id": n, "source": f"outlet-{n % 150}", "url": None, "title": f"Article title {n}",
         "published_at": "2026-02-08T16:46:00+00:00", "copy_of": None}
        for n in range(1000)
    ]  # fmt: skip
    statuses = ("corroborated", "single-source", "disputed", "commentary")
    facts = [
        fact(n, statuses[n % 4], f"Fact {n} " + "word " * 30, ["outlet-1", "outlet-2"])
        for n in range(600)
    ]
    events = [event("041", f"Actor {n}", "Other", f"2026-02-{1 + n % 28:02d}") for n in range(300)]
    actors = [
        {"id": n, "name": f"Actor {n}", "type": "person", "country": "RUS"} for n in range(200)
    ]
    lines = [{"fact": n, "text": f"Fact {n}", "sources": ["outlet-1"], "date": "2026-02-01"}
             for n in range(200)]  # fmt: skip
    document = story_document(
        articles=articles, facts=facts, events=events, actors=actors, summary=lines,
        timeline=lines, unique_by_source=[{"source": "outlet-1", "facts": list(range(600))}],
    )  # fmt: skip
    html = render(document)
    assert html.count("<tr><td>outlet-") == SHOWN["articles"]
    assert html.count('<li class="fact ') == 4 * SHOWN["facts"]
    assert "900 more articles not shown" in html and "140 more actors not shown" in html
    assert len(html.encode()) < 100_000, len(html.encode())  # 65 kB when written
