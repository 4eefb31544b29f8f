"""What the story page shows, built from a story's JSON document (api/documents.py).

Long lists are cut so that a page stays light for a big story: each list keeps its first
items and says how many more the JSON document (``/api/stories/{id}``) holds.
"""

from __future__ import annotations

from typing import Any

from eventwire.events.tables import cameo_name

FACT_GROUPS = (
    ("corroborated", "Corroborated", "reported by two or more independent outlets"),
    ("single-source", "Single source", "reported by one outlet only"),
    ("disputed", "Disputed", "outlets give different details"),
    ("commentary", "Commentary", "opinion and analysis, never counted as a fact"),
)
SHOWN = {
    "facts": 15,
    "summary": 8,
    "disputes": 20,
    "unique": 5,
    "timeline": 30,
    "events": 40,
    "articles": 100,
    "actors": 60,
}


def cut(items: list[Any], limit: int) -> dict[str, Any]:
    """The first ``limit`` items and how many were left out."""
    return {"items": items[:limit], "more": max(0, len(items) - limit)}


def fact_groups(facts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Facts by status (corroborated, single-source, disputed, commentary), non-empty only."""
    groups = []
    for status, label, meaning in FACT_GROUPS:
        members = [f for f in facts if f.get("status") == status]
        if members:
            shown = cut(members, SHOWN["facts"])
            groups.append({"status": status, "label": label, "meaning": meaning, **shown})
    return groups


def disputes(story: dict[str, Any]) -> dict[str, Any]:
    """Each disputed detail: its fact's text, the kind of detail, each value and its outlets."""
    return cut(story.get("disputes", []), SHOWN["disputes"])


def unique_by_outlet(story: dict[str, Any]) -> list[dict[str, Any]]:
    """Per outlet with any: the facts only it reports (their texts)."""
    texts = {fact["id"]: fact["text"] for fact in story.get("facts", [])}
    found = []
    for entry in story.get("unique_by_source", []):
        facts = [texts[i] for i in entry["facts"] if i in texts]
        if facts:
            found.append({"source": entry["source"], **cut(facts, SHOWN["unique"])})
    return found


def timeline(story: dict[str, Any]) -> dict[str, Any]:
    """Dated facts and dated events in day order."""
    entries = [
        {"date": line["date"], "kind": "fact", "text": line["text"], "sources": line["sources"]}
        for line in story.get("timeline", [])
        if line.get("date")
    ]
    for event in story.get("events", []):
        if event.get("date"):
            row = event_row(event)
            who, whom = _names(event.get("source", [])), _names(event.get("target", []))
            text = f"{who} — {row['what']} — {whom}".strip(" —")
            entries.append(
                {"date": event["date"], "kind": "event", "text": text, "sources": row["outlets"]}
            )
    entries.sort(key=lambda entry: (entry["date"], entry["kind"]))
    return cut(entries, SHOWN["timeline"])


def event_row(event: dict[str, Any]) -> dict[str, Any]:
    """An event as words: who, what (CAMEO and PLOVER names), whom, when, where, outlets."""
    what = " ".join(p for p in (event["cameo"], cameo_name(event["cameo"])) if p)
    plover = event.get("plover")
    if plover:
        plover += f" ({event['mode']})" if event.get("mode") else ""
    flags = [name for name in ("negated", "hypothetical") if event.get(name)]
    place = event.get("place") or {}
    outlets = sorted({e["source"] for e in event.get("evidence", [])})
    return {
        "who": event.get("source", []),
        "what": what,
        "plover": plover or "",
        "flags": flags,
        "whom": event.get("target", []),
        "when": event.get("date") or "",
        "where": " ".join(p for p in (place.get("name"), _paren(place.get("country"))) if p),
        "outlets": outlets,
        "num_sources": event.get("num_sources", len(outlets)),
        "story_id": event.get("story_id"),
    }


def events_table(events: list[dict[str, Any]]) -> dict[str, Any]:
    """The events as table rows, the first SHOWN["events"] of them."""
    return cut([event_row(event) for event in events], SHOWN["events"])


def story_sections(story: dict[str, Any]) -> dict[str, Any]:
    """Everything the story page shows beyond the document itself."""
    return {
        "summary": cut(story.get("summary", []), SHOWN["summary"]),
        "fact_groups": fact_groups(story.get("facts", [])),
        "disputes": disputes(story),
        "unique": unique_by_outlet(story),
        "dated": timeline(story),
        "events_table": events_table(story.get("events", [])),
        "articles": cut(story.get("articles", []), SHOWN["articles"]),
        "actors": cut(story.get("actors", []), SHOWN["actors"]),
    }


def _names(actors: list[dict[str, Any]]) -> str:
    return ", ".join(actor["name"] for actor in actors)


def _paren(value: str | None) -> str | None:
    return f"({value})" if value else None
