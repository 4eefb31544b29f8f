"""The Deduplicator on exact copies, syndicated copies and different same-event articles."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from eventwire.dedup import Deduplicator, DedupSettings
from eventwire.model import Document

PUBLISHED = datetime(2024, 5, 1, tzinfo=UTC)
REPO_ROOT = Path(__file__).resolve().parents[2]
SHARED = REPO_ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
NEWSWCL50 = SHARED / "data" / "newswcl50" / "newswcl50_docs.jsonl"

# An invented wire story (no real people or outlets), one paragraph per item.
WIRE_STORY = (
    "The regional council of Westmere voted on Tuesday to close the old harbour bridge "
    "for at least eighteen months while engineers replace its corroded steel supports.",
    "Council members said the decision followed an inspection in the spring that found "
    "cracks in two of the four main girders, and that the bridge would have become unsafe "
    "for heavy lorries within a year.",
    "Local shop owners warned that the closure would cut them off from customers on the "
    "north bank, who will now face a detour of almost twelve kilometres through the "
    "industrial estate.",
    "A temporary ferry service will run every twenty minutes during the day, the council "
    "said, and cyclists will be allowed to use a narrow walkway on the railway bridge.",
    "The repair is expected to cost about forty million, most of it paid by the national "
    "transport fund, with the remainder coming from the council's reserves.",
    "Work is due to begin in early autumn, once the summer festival traffic has passed.",
)
# A different article on the same event that repeats the first story's lead paragraph.
FOLLOW_UP = (
    "Hundreds of residents gathered outside the council offices on Thursday evening to "
    "protest against the closure, carrying banners and blocking the main road for an hour.",
    "Organisers said the ferry could carry only a fraction of the daily commuters and "
    "demanded a temporary pontoon crossing while the repairs are carried out.",
    "A spokeswoman for the council said a pontoon had been considered but rejected because "
    "the river's currents are too strong in winter.",
    "The protesters plan to return next week, when the council's transport committee meets "
    "to approve the final contract for the works.",
)
FOOTER = "This story was distributed by a news agency. All rights reserved."


@pytest.fixture
def story_text() -> str:
    """The invented story's body, paragraphs separated by blank lines."""
    return "\n\n".join(WIRE_STORY)


def make_doc(doc_id: int, text: str, title: str = "A headline", source: str = "outlet") -> Document:
    """A Document as the pipeline builds it from a stored article."""
    return Document(id=doc_id, source=source, title=title, text=text, published=PUBLISHED)


def test_original_is_indexed_and_not_linked(story_text: str) -> None:
    dedup = Deduplicator()
    assert dedup.check_and_add(make_doc(1, story_text)) is None
    assert len(dedup) == 1


def test_exact_copy_with_other_quotes_and_whitespace_is_linked_exact(story_text: str) -> None:
    dedup = Deduplicator()
    dedup.check_and_add(make_doc(1, story_text))
    copy = story_text.replace("council's", "council\u2019s").replace(" ", "  ").replace("\n", "\n ")
    link = dedup.check_and_add(make_doc(2, copy, title="A completely different headline"))
    assert link is not None
    assert (link.article_id, link.copy_of, link.kind, link.similarity) == (2, 1, "exact", 1.0)


def test_syndicated_copy_with_new_title_and_footer_is_linked_near(story_text: str) -> None:
    dedup = Deduplicator()
    dedup.check_and_add(make_doc(1, story_text, title="Bridge to close"))
    copy = f"{story_text}\n\n{FOOTER}"
    link = dedup.check_and_add(make_doc(2, copy, title="Harbour bridge shut for repairs"))
    assert link is not None
    assert (link.copy_of, link.kind) == (1, "near")
    assert DedupSettings().threshold <= link.similarity < 1.0


def test_copy_is_not_indexed_so_chain_links_to_root(story_text: str) -> None:
    dedup = Deduplicator()
    dedup.check_and_add(make_doc(1, story_text))
    second = "\n\n".join([*WIRE_STORY[:-1], FOOTER])  # last paragraph dropped, footer added
    third = second.replace("eighteen months", "a year and a half").replace("Tuesday", "Monday")
    first_link = dedup.check_and_add(make_doc(2, second))
    second_link = dedup.check_and_add(make_doc(3, third))
    assert first_link is not None and first_link.copy_of == 1
    assert second_link is not None and second_link.copy_of == 1
    assert len(dedup) == 1


def test_follow_up_quoting_the_lead_is_not_linked(story_text: str) -> None:
    dedup = Deduplicator()
    dedup.check_and_add(make_doc(1, story_text))
    follow_up = "\n\n".join([WIRE_STORY[0], *FOLLOW_UP])
    assert dedup.check_and_add(make_doc(2, follow_up)) is None
    assert len(dedup) == 2


def test_seed_articles_about_the_same_event_are_not_linked() -> None:
    paths = sorted(SEEDS.glob("*.txt"))
    assert len(paths) == 2
    dedup = Deduplicator()
    links = [
        dedup.check_and_add(make_doc(i, path.read_text(encoding="utf-8")))
        for i, path in enumerate(paths, start=1)
    ]
    assert links == [None, None]
    assert len(dedup) == 2


def test_real_articles_from_different_outlets_are_never_linked() -> None:
    docs = [json.loads(line) for line in NEWSWCL50.read_text(encoding="utf-8").splitlines()]
    assert len(docs) == 50
    dedup = Deduplicator()
    links = [dedup.check_and_add(make_doc(i, d["text"])) for i, d in enumerate(docs, start=1)]
    assert links == [None] * 50


def test_restored_original_is_found(story_text: str) -> None:
    dedup = Deduplicator()
    dedup.restore(make_doc(41, story_text))
    link = dedup.check_and_add(make_doc(42, f"{story_text}\n\n{FOOTER}"))
    assert link is not None and link.copy_of == 41
    assert dedup.check_and_add(make_doc(43, story_text)).kind == "exact"


def test_exact_copy_links_to_lowest_restored_id(story_text: str) -> None:
    dedup = Deduplicator()
    dedup.restore(make_doc(7, story_text))
    dedup.restore(make_doc(3, story_text))
    link = dedup.check_and_add(make_doc(9, story_text))
    assert link is not None and link.copy_of == 3


def test_rechecking_an_indexed_original_is_not_a_self_link(story_text: str) -> None:
    dedup = Deduplicator()
    dedup.check_and_add(make_doc(1, story_text))
    assert dedup.check_and_add(make_doc(1, story_text)) is None
    assert len(dedup) == 1


def test_short_bodies_match_only_exactly() -> None:
    dedup = Deduplicator()
    assert dedup.check_and_add(make_doc(1, "Markets closed higher")) is None
    assert dedup.check_and_add(make_doc(2, "Markets closed lower")) is None
    link = dedup.check_and_add(make_doc(3, "markets  closed HIGHER"))
    assert link is not None and (link.copy_of, link.kind) == (1, "exact")


def test_empty_bodies_are_never_linked() -> None:
    dedup = Deduplicator()
    assert dedup.check_and_add(make_doc(1, "")) is None
    assert dedup.check_and_add(make_doc(2, "  \n ")) is None
    assert len(dedup) == 0


def test_links_are_deterministic_across_instances(story_text: str) -> None:
    paragraphs = list(WIRE_STORY)
    texts = [
        story_text,
        "\n\n".join(paragraphs[1:]),
        "\n\n".join([*paragraphs, FOOTER]),
        "\n\n".join(paragraphs[:3]),
        "\n\n".join(paragraphs[3:]),
        "\n\n".join(paragraphs[2:5]),
    ]

    def run() -> list:
        dedup = Deduplicator()
        return [dedup.check_and_add(make_doc(i, t)) for i, t in enumerate(texts, start=1)]

    first = run()
    assert first == run()
    assert any(link is not None for link in first)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"threshold": 0.0}, "threshold"),
        ({"shingle_size": 0}, "shingle_size"),
        ({"num_perm": 100, "num_bands": 32}, "multiple"),
    ],
)
def test_invalid_settings_are_rejected(changes: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        DedupSettings(**changes)
