"""The coder on made-up sentences of legal process and of acts their subject undergoes."""

from __future__ import annotations

import pytest

from eventwire.model import EventMention


def acts(mentions: list[EventMention]) -> list[str]:
    """The codes of the mentions that are no statements."""
    return [m.cameo for m in mentions if not m.cameo.startswith("01")]


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Police in Lagos charged two Ghanaians with smuggling.", "173"),
        ("Marta Velkova was charged in the death of her neighbour.", "173"),
        ("A court in Quito sentenced Rafael Ortuno to ten years in prison.", "173"),
        ("Prosecutors charged that Rafael Ortuno lied to the Ecuadorean court.", "112"),
        ("A court in Quito convicted Rafael Ortuno of fraud.", "116"),
    ],
)
def test_legal_process_is_coercion_a_charge_made_in_words_an_accusation(
    code, text: str, cameo: str
) -> None:
    assert acts(code(text)) == [cameo]


def test_a_legal_noun_a_verb_of_undergoing_carries_is_done_to_its_subject(code) -> None:
    (found,) = [m for m in code("Tomas Ravel received a life sentence in Prague.") if m.cameo]
    assert found.cameo == "173"
    assert not found.sources and [t.text for t in found.targets] == ["Tomas Ravel"]
    (trial,) = code("Tomas Ravel will face trial in Prague.")
    assert trial.cameo == "173" and not trial.hypothetical  # no intent or threat of his


def test_an_attack_suffered_is_done_to_the_subject_by_whom_the_phrase_names(code) -> None:
    (found,) = code("Kenya suffered an attack by Somali gunmen.")
    assert found.cameo == "180"
    assert [t.text for t in found.targets] == ["Kenya"]
    assert [s.text for s in found.sources] == ["Somali"]


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("A gunman shot four shoppers at a mall in Ohio on Sunday.", "180"),
        ("Chilean soldiers shot four rebels near the border.", "193"),
        ("Two officers fatally shot a Bolivian miner in La Paz.", "1823"),
        ("Rioters attacked the Bulgarian embassy in Skopje.", "145"),
        ("A man threw a grenade at a Kenyan patrol in Mombasa.", "180"),
        ("Estonian coast guards caught six Latvian poachers.", "173"),
        ("The men strangled a Mexican shopkeeper in Tijuana.", "1823"),
    ],
)
def test_who_does_violence_and_how_it_ended_set_its_code(code, text: str, cameo: str) -> None:
    assert acts(code(text)) == [cameo]


def test_a_reported_judgement_of_conduct_is_the_speaker_s_disapproval(code) -> None:
    text = 'Senator Ida Marsh said the Danish minister\'s remarks were "a disgrace."'
    found = only_act(code(text))
    assert found is not None and found.cameo == "111"
    assert [s.text for s in found.sources] == ["Ida Marsh"]
    assert only_act(code("Ida Marsh said the Danish envoy was a fine man.")) is None
    assert only_act(code("Ida Marsh said the damage was terrible.")) is None


def test_wanting_a_named_object_to_act_is_an_appeal_to_it(code) -> None:
    found = only_act(code("Ida Marsh said she would like Denmark to reopen the inquiry."))
    assert found is not None and found.cameo.startswith("02")
    assert [t.text for t in found.targets] == ["Denmark"]


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Nordlux filed a suit against Siemens in Munich.", "115"),
        ("The Danish government ignored the Swedish objections.", "120"),
    ],
)
def test_lawsuits_and_ignoring(code, text: str, cameo: str) -> None:
    assert acts(code(text)) == [cameo]


def only_act(mentions: list[EventMention]) -> EventMention | None:
    """The one mention that is no statement, or None."""
    found = [m for m in mentions if not m.cameo.startswith("01")]
    assert len(found) <= 1, [(m.cameo, m.trigger.text) for m in found]
    return found[0] if found else None


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("A jury in Leeds found Owen Pryce guilty of arson.", "116"),
        ("Owen Pryce was found liable for the flood damage.", "116"),
        ("Latvia held Estonia responsible for the blackout.", "112"),
        ("Owen Pryce was taken into custody in Leeds.", "173"),
    ],
)
def test_a_verdict_or_blame_told_by_a_predicate_adjective(code, text: str, cameo: str) -> None:
    assert acts(code(text)) == [cameo]


def test_the_one_found_guilty_is_the_target(code) -> None:
    found = only_act(code("A jury in Leeds found Owen Pryce guilty of arson."))
    assert found is not None and [t.text for t in found.targets] == ["Owen Pryce"]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        (
            "A Boston judge today found a former Acme Foods company employee guilty of murder "
            "in a workplace rampage.",
            "Acme Foods",
        ),
        (
            "The judge found a former Globex Corp. employee guilty of fraud on Monday.",
            "Globex Corp.",
        ),
    ],
)
def test_a_verdict_whose_adjective_the_parser_hangs_on_the_object(
    code, text: str, target: str
) -> None:
    """The small model reads "employee guilty" as a noun and its modifier, not a clause."""
    found = only_act(code(text))
    assert found is not None and found.cameo == "116"
    assert [t.text for t in found.targets] == [target]


def test_a_passive_subject_that_is_the_thing_done_leaves_the_target_to_the_preposition(
    code,
) -> None:
    found = only_act(code("Two grenades were thrown at Kenyan soldiers in Mombasa."))
    assert found is not None and found.cameo == "180"
    assert [t.text for t in found.targets] == ["Kenyan"]
    taken = only_act(code("Two Kenyan pirates were captured by the navy."))
    assert taken is not None and [t.text for t in taken.targets] == ["Kenyan"]


def test_a_participle_completing_an_order_is_done_to_its_object(code) -> None:
    held = only_act(code("Owen Pryce was ordered held on two counts of arson."))
    assert held is not None and held.cameo == "173"
    assert not held.sources and [t.text for t in held.targets] == ["Owen Pryce"]
    freed = only_act(code("A Danish judge ordered the journalist released."))
    assert freed is not None and freed.cameo.startswith("084")
    assert [s.text for s in freed.sources] == ["Danish"]
    assert [t.text for t in freed.targets] == ["journalist"]


def test_arrests_an_operation_resulted_in_are_its_event(code) -> None:
    found = only_act(code("The police operation in Leeds resulted in 42 arrests."))
    assert found is not None and found.cameo == "173"


def test_a_reported_belief_that_someone_was_behind_an_act_accuses_them(code) -> None:
    found = code("Danish police said they believe Swedish smugglers were behind the bombing.")
    accusation = only_act(found)
    assert accusation is not None and accusation.cameo == "112"  # the bombing is alleged
    assert [t.text for t in accusation.targets] == ["Swedish"]
    suspected = only_act(code("Danish police suspect Swedish smugglers were behind the fire."))
    assert suspected is not None and suspected.cameo == "112"
    assert only_act(code("Experts think better screening was responsible.")) is None


def test_saying_one_is_sorry_apologises_to_whom_one_tells(code) -> None:
    found = only_act(code("Lena Holm told the Danish minister she was sorry."))
    assert found is not None and found.cameo == "055"
    assert [t.text for t in found.targets] == ["Danish"]
    assert only_act(code('"I feel sorry for the young," Lena Holm said.')) is None


def test_coordinated_participles_after_found_share_its_patient(code) -> None:
    found = only_act(code("A Kenyan trader was found bound and strangled in Nairobi."))
    assert found is not None and found.cameo == "1823"
    assert [t.text for t in found.targets] == ["Kenyan"]


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Kenyan rebels held two Danish journalists for a week.", "173"),
        ("Regulators in Oslo fined the Danish bank two million crowns.", "172"),
        ("Police in Oslo evicted forty Danish squatters on Monday.", "174"),
    ],
)
def test_people_held_fined_or_evicted(code, text: str, cameo: str) -> None:
    assert acts(code(text)) == [cameo]


def test_resorting_to_mass_action_is_a_threat_when_it_is_to_come(code) -> None:
    found = only_act(code("The Danish union said it would resort to mass action."))
    assert found is not None and found.cameo.startswith("13")


def test_volleys_of_what_is_thrown_name_the_weapon(code) -> None:
    text = "About 100 youths hurled volleys of petrol bombs at a Danish police station."
    found = only_act(code(text))
    assert found is not None and found.cameo == "145"


def test_a_participle_set_off_by_commas_is_done_to_the_noun_before_it(code) -> None:
    """The small model reads "Morton, shot in the neck, remained" as Morton shooting."""
    text = "Morton, shot in the neck, remained in intensive care Friday at Mercy Hospital."
    found = only_act(code(text))
    assert found is not None and found.cameo == "182"
    assert [t.text for t in found.targets] == ["Morton"]
    assert "Morton" not in [s.text for s in found.sources]
    active = only_act(code("Smith, 45, shot his neighbour on Friday."))
    assert active is not None and [s.text for s in active.sources] == ["Smith"]
