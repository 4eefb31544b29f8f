"""The events benchmark's runs through ``eventwire run``'s runner: sentences in their articles
(``in_article``) and sentences alone (``through_run``), on tiny made-up documents."""

from __future__ import annotations

from benchmarks.events import _reached, coded_through_run
from benchmarks.events_articles import (
    ALONE,
    FIXED_DATE,
    IN_COPY,
    IN_TITLE,
    NOT_REACHED,
    REACHED,
    code_in_articles,
    placed_article,
    published,
)

ARREST = "French police arrested two protesters in Lyon on Monday."
CONDEMN = "Germany condemned Russia on Tuesday."
NOTICE = "Comments are closed on this article."  # a line the clean stage drops as boilerplate
DEAL = "Kenya and Uganda signed a trade deal in Nairobi."
HEADLINE = "Kenya And Uganda Sign Trade Deal In Nairobi"
DOCUMENTS = {  # one corpus line a paragraph, as benchmarks.events_articles reads them
    "first": ("Police detain protesters", f"{ARREST}\nThe march had been peaceful until dusk."),
    "second": ("Berlin", f"{CONDEMN}\nOfficials in Berlin gave no further details.\n{NOTICE}"),
    "untitled": ("", f"{DEAL}\nThe talks lasted two days."),  # its first line becomes the title
    "again": ("Police detain protesters", f"{ARREST}\nThe march had been peaceful until dusk."),
    "headline": ("", f"{HEADLINE}\nMinisters from both countries met for a week of talks."),
}


def record(text: str, doc_id: str | None) -> dict:
    origin = {"dataset": "tiny", "doc_id": doc_id} if doc_id else {"dataset": "msrp"}
    return {"text": text, "origin": origin}


def tiny_document(origin: dict) -> tuple[str, str] | None:
    """A made-up document by its id (an MSRP-like record has none)."""
    return DOCUMENTS.get(origin.get("doc_id", ""))


def test_each_sentence_is_read_back_from_its_article_in_the_store() -> None:
    gold = [
        record(ARREST, "first"),
        record(CONDEMN, "second"),
        record(NOTICE, "second"),  # same article as the one before; cleaned away
        record(ARREST, "again"),  # an exact copy of the first article: dedup links it
        record(DEAL, "untitled"),
        record(HEADLINE, "headline"),
        record("Kenya and Uganda signed a trade deal.", None),  # no document
        record("A sentence its document does not hold.", "first"),
    ]
    alone = [[(f"alone-{i}", set(), set(), "")] for i in range(len(gold))]
    coded, reach = code_in_articles(gold, alone, tiny_document)
    assert reach == [REACHED, REACHED, NOT_REACHED, IN_COPY, IN_TITLE, IN_TITLE, ALONE, ALONE]
    assert coded[0] == [("173", {"FRA"}, {"FRA"}, "")]
    assert coded[1] == [("111", {"DEU"}, {"RUS"}, "")]  # not the other article's arrest
    assert coded[2] == []  # lost by the run: scored as lost, and counted
    assert coded[3] == coded[0]  # the copy is read through its original, as a user reads it
    assert coded[4] == [("057", {"KEN"}, {"UGA"}, "")]  # a title written as a sentence is coded
    assert coded[5] == []  # a title in headline style is not
    assert coded[6:] == alone[6:]
    assert _reached(reach) == {
        "sentences_alone": 2,
        "sentences_not_reached": 1,
        "sentences_in_title": 2,
        "sentences_in_copies": 1,
    }


def test_sentences_alone_through_the_runner_and_a_repeated_one() -> None:
    gold = [{"text": text} for text in (CONDEMN, ARREST, ARREST, NOTICE)]
    assert coded_through_run(gold) == [
        [("111", {"DEU"}, {"RUS"}, "")],
        [("173", {"FRA"}, {"FRA"}, "")],
        [("173", {"FRA"}, {"FRA"}, "")],  # dedup's copy: its original's events
        [],
    ]


def test_several_gold_sentences_are_placed_in_one_article() -> None:
    body = 'Police in Lyon arrested 2 men.\nThe mayor said , "we are calm."\nNo more.'
    sentences = ["Police in Lyon arrested 2 men.", 'The mayor said, "we are calm."', "Not there."]
    title, text, placed = placed_article(sentences, "Arrests in Lyon", body)
    assert placed == [True, True, False]
    assert title == "Arrests in Lyon"
    assert text == 'Police in Lyon arrested 2 men.\n\nThe mayor said, "we are calm."\n\nNo more.'


def test_publication_day_from_a_timebank_id_else_the_fixed_one() -> None:
    def day(dataset: str, doc_id: str) -> str:
        return published({"dataset": dataset, "doc_id": doc_id})

    assert day("timex-timebank", "APW19980219.0476.tml") == "1998-02-19T12:00:00+00:00"
    assert day("timex-timebank", "AP900815-0044.tml") == "1990-08-15T12:00:00+00:00"
    assert day("timex-timebank", "wsj_0533.tml") == FIXED_DATE
    assert day("ecbplus", "10_1ecb") == FIXED_DATE


def test_held_out_sentences_misses_are_never_written() -> None:
    from benchmarks.events import HALF_NAMES, UNREAD, _scored

    gold = [{"id": f"S{n}", "event": "PROTEST", "source": [], "target": []} for n in range(4)]
    nothing: list[list] = [[] for _ in gold]
    halves = _scored("fresh5", gold, nothing, "events", HALF_NAMES["fresh5"])
    assert "misses" not in halves["fresh5_held_out"]
    assert halves["fresh5_tune"]["misses"] == [
        "S0 gold PROTEST; coded -",
        "S2 gold PROTEST; coded -",
    ]
    name = UNREAD[0][0]
    assert "misses" not in _scored(name, gold, nothing, "events", ("", ""))[f"{name}_held_out"]
