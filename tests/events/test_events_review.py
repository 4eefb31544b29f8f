"""The coder on made-up sentences the recall round's review found coded wrong: judgements
(accusations, disapproval, apologies), deadly violence, predicate adjectives, and whom the
story step makes a civilian."""

from __future__ import annotations

import pytest

from eventwire.events.coder import code_article
from eventwire.events.lexicon import load_lexicon
from eventwire.model import (
    PART_BODY,
    ArticleParse,
    Document,
    EventMention,
    Mention,
    SentenceParse,
)


def codes(mentions: list[EventMention]) -> list[str]:
    return [m.cameo for m in mentions]


def test_an_accusation_of_no_one_named_leaves_the_act_it_alleges(code) -> None:
    found = code(
        "Police in Oslo said they believe a gunman was behind the bombing of the Swedish embassy."
    )
    assert "183" in codes(found) and "112" not in codes(found)


def test_a_negated_belief_accuses_no_one_and_leaves_the_act(code) -> None:
    found = code("Police in Oslo do not believe Swedish smugglers were behind the bombing.")
    assert codes(found) == ["183"]


def test_a_hedged_belief_is_a_hypothetical_accusation(code) -> None:
    (found,) = code("Danish police may believe Swedish smugglers were behind the bombing.")
    assert found.cameo == "112" and found.hypothetical and not found.negated
    (plain,) = code("Danish police believe Swedish smugglers were behind the bombing.")
    assert plain.cameo == "112" and not plain.hypothetical


@pytest.mark.parametrize(
    "text",
    [
        "Ida Marsh told Denmark he was a disgrace.",  # he, not Denmark
        "Ida Marsh told Denmark that arriving late was a disgrace.",  # no subject at all
        "Ida Marsh said the launch was a failure.",  # no one judged
    ],
)
def test_a_disapproval_needs_someone_judged_and_is_not_aimed_at_whom_one_tells(
    code, text: str
) -> None:
    assert codes(code(text)) == ["010"]  # the statement alone


def test_an_apology_is_made_to_whom_one_tells(code) -> None:
    found = [m for m in code("Ida Marsh told the Danish families she was sorry.") if m.cameo]
    (apology,) = [m for m in found if m.cameo == "055"]
    assert [t.text for t in apology.targets] == ["Danish"]
    assert "055" not in codes(code("The Danish minister said she was sorry."))  # to no one


@pytest.mark.parametrize(
    "text",
    [
        "Ida Marsh said the Danish minister was behind schedule.",
        "Ida Marsh said Arsenal was behind by three points at half-time.",
    ],
)
def test_being_behind_schedule_or_in_a_match_accuses_no_one(code, text: str) -> None:
    assert codes(code(text)) == ["010"]


def test_being_behind_a_fire_or_an_attack_is_an_accusation(code) -> None:
    assert codes(code("Ida Marsh said Swedish smugglers were behind the fire.")) == ["112"]
    assert codes(code("Ida Marsh said Swedish smugglers were behind the attack.")) == ["112"]


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Danish jets fatally bombed a convoy near Kabul.", "195"),
        ("Serbian forces fatally shelled a village in Kosovo.", "194"),
        ("Two officers fatally shot a Bolivian miner in La Paz.", "1823"),
        ("A Chilean man fatally stabbed a Peruvian tourist.", "1823"),
    ],
)
def test_fatally_makes_a_killing_only_of_assault_and_shooting(code, text: str, cameo: str) -> None:
    assert codes(code(text)) == [cameo]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ida Marsh said she would like to thank Denmark for its help.", ["051", "010"]),
        ("Ida Marsh said Norway would like the chance to compete.", ["010"]),
    ],
)
def test_would_like_without_someone_to_act_is_no_appeal(
    code, text: str, expected: list[str]
) -> None:
    assert codes(code(text)) == expected  # thanks is praise (051), no appeal (02x)


def test_talks_resulting_in_nothing_give_no_event_of_the_result(code) -> None:
    assert codes(code("The talks between Denmark and Sweden resulted in nothing.")) == ["046"]


def small_clause(text: str, words: list[tuple[str, str, str, str, int]]) -> ArticleParse:
    """A hand-written parse of ``text`` (word, pos, tag, dependency, head) as spaCy's small
    model writes a small clause ("found X guilty": the adjective a clause with a subject)."""
    tokens, at = [], 0
    for word, pos, tag, dep, head in words:
        start = text.index(word, at)
        at = start + len(word)
        tokens.append((start, at, "", pos, tag, dep, head))
    return ArticleParse(1, (SentenceParse(PART_BODY, 0, tuple(tokens)),))


@pytest.mark.parametrize(
    ("verb", "adjective", "targets"),
    [("denied", "ready", []), ("found", "guilty", ["Siemens"])],
)
def test_a_predicate_adjective_s_subject_is_a_target_only_when_the_pattern_names_it(
    verb: str, adjective: str, targets: list[str]
) -> None:
    text = f"Nordlux {verb} Siemens {adjective}."
    words = [
        ("Nordlux", "PROPN", "NNP", "nsubj", 1),
        (verb, "VERB", "VBD", "ROOT", 1),
        ("Siemens", "PROPN", "NNP", "nsubj", 3),
        (adjective, "ADJ", "JJ", "ccomp", 1),
        (".", "PUNCT", ".", "punct", 1),
    ]
    siemens = text.index("Siemens")
    mentions = [
        Mention(1, PART_BODY, 0, 0, 7, "Nordlux", "ORG"),
        Mention(1, PART_BODY, 0, siemens, siemens + 7, "Siemens", "ORG"),
    ]
    document = Document(1, "test", "", text)
    found = code_article(document, small_clause(text, words), mentions, load_lexicon())
    acts = [m for m in found if m.cameo]
    assert acts and all([t.text for t in m.targets] == targets for m in acts)


def test_plural_companies_and_authorities_are_no_civilians() -> None:
    from eventwire.events.merge import _private_person

    for text in ("the companies", "the authorities", "three agencies", "the charities"):
        assert _private_person(text, anyone=True) is None, text
    assert _private_person("two women") is not None
    assert _private_person("the bounty hunters", anyone=True) is not None


def test_an_unreadable_actor_file_is_named_in_one_warning_and_packaged_actors_used(
    tmp_path, caplog: pytest.LogCaptureFixture
) -> None:
    from eventwire.actors.known import known_actors
    from eventwire.events.stage import shared_known_actors

    broken = tmp_path / "leaders.yaml"
    broken.write_text("- name: [unclosed\n", encoding="utf-8")
    with caplog.at_level("WARNING", logger="eventwire.events.stage"):
        found = shared_known_actors(str(broken))
    assert found is known_actors()
    [record] = caplog.records
    assert str(broken) in record.getMessage() and "\n" not in record.getMessage()
