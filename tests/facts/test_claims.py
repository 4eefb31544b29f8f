"""Claims: sentences and clauses with their spans, quotes with speakers, commentary."""

from __future__ import annotations

from eventwire.facts.claims import COMMENTARY, FACT, QUOTE, document_claims, is_commentary
from tests.facts.conftest import actor_mention, document


def claims_of(doc, mentions=()):
    return document_claims(doc, list(mentions), min_words=5, quote_words=4)


def test_spans_point_at_the_sentence_in_the_body() -> None:
    doc = document(
        1,
        "north-post",
        "The port authority closed two terminals on Tuesday after the storm. Dr. Okafor led the"
        " inspection of the damaged cranes.",
        "Shipping lines rerouted 14 vessels to the northern harbour.",
    )
    claims = claims_of(doc)
    assert [c.sentence for c in claims] == [
        "The port authority closed two terminals on Tuesday after the storm.",
        "Dr. Okafor led the inspection of the damaged cranes.",
        "Shipping lines rerouted 14 vessels to the northern harbour.",
    ]
    for claim in claims:
        assert doc.text[claim.start : claim.end] == claim.sentence


def test_two_independent_clauses_give_two_claims() -> None:
    doc = document(
        1,
        "north-post",
        "The council approved the new budget for the coming year; the mayor vetoed the transport"
        " levy the same evening.",
    )
    assert len(claims_of(doc)) == 2


def test_short_leftovers_are_not_claims() -> None:
    doc = document(1, "north-post", "Advertisement", "Read more", "The bridge reopened at noon.")
    assert [c.sentence for c in claims_of(doc)] == ["The bridge reopened at noon."]


def test_commentary_cues_are_kinds_of_sentences() -> None:
    assert is_commentary("The decision underscores a growing rift within the coalition.")
    assert is_commentary("The deal is widely seen as a turning point for the region.")
    assert is_commentary("Analysts say the merger could reshape the industry.")
    assert is_commentary("It remains to be seen whether the truce will hold.")
    assert not is_commentary("The ministry said the truce began at midnight.")
    assert not is_commentary("Troops withdrew from the border, raising hopes of a settlement.")


def test_a_quote_keeps_its_words_and_speaker() -> None:
    doc = document(
        1,
        "north-post",
        '"We will rebuild every terminal within a year," Maria Okafor told reporters.',
    )
    mentions = [actor_mention(doc, "Maria Okafor", "person:maria okafor", "person")]
    [claim] = claims_of(doc, mentions)
    assert claim.kind == QUOTE
    assert claim.quote == '"We will rebuild every terminal within a year,"'
    assert (claim.speaker, claim.speaker_actor) == ("Maria Okafor", "person:maria okafor")


def test_a_statement_quoted_later_is_the_source_named_before() -> None:
    doc = document(
        1,
        "north-post",
        "The harbour reopened on Friday, according to the Port Authority of Lagos.",
        '"All berths are operational again after the inspection," the statement said.',
    )
    mentions = [
        actor_mention(
            doc, "Port Authority of Lagos", "institution:NGA:port authority", "institution"
        )
    ]
    claims = claims_of(doc, mentions)
    assert [c.kind for c in claims] == [FACT, QUOTE]
    assert claims[1].speaker_actor == "institution:NGA:port authority"


def test_quoted_commentary_words_do_not_make_a_quote_commentary() -> None:
    doc = document(
        1,
        "north-post",
        'The minister said the accord "underscores our shared commitment to open trade" in a'
        " statement.",
        "Observers say the accord signals a thaw between the neighbours.",
    )
    assert [c.kind for c in claims_of(doc)] == [QUOTE, COMMENTARY]
