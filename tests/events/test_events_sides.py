"""Sides named by role, by a private person's noun or by a name the entity model did not tag:
when the story step stores the act (session 15). Made-up sentences through the real path."""

from __future__ import annotations

from tests.events.test_events_countries import sides


def test_a_private_person_doing_violence_is_a_civilian_doer(events) -> None:
    assert sides(events("A man stabbed two shoppers at a mall on Sunday."), "18")[0] == {"CVL"}


def test_roles_that_do_such_acts_are_their_sector(events) -> None:
    assert sides(events("The judge refused to delay the hearing."), "12")[0] == {"JUD"}
    assert sides(events("Opposition parties welcomed the ruling on Tuesday."), "05")[0] == {"OPP"}
    assert sides(events("Villagers denounced the new tax on Monday."), "11")[0] == {"CVL"}


def test_a_role_s_act_that_did_not_happen_is_not_stored(events) -> None:
    assert not events("The police did not question the witnesses.")


def test_a_group_noun_in_the_singular_is_a_side(events) -> None:
    assert sides(events("The officer was convicted of assault on Friday."), "11")[1] == {"MIL"}


def test_a_name_the_entity_model_missed_is_a_side_of_no_country(events) -> None:
    (charge,) = events("Quillfeather was charged with fraud on Monday.")
    assert [(a.name, a.country) for a in charge.target] == [("Quillfeather", None)]
    (verdict,) = events("Ardent was convicted of perjury last year.")
    assert [a.name for a in verdict.target] == ["Ardent"]


def test_a_missed_name_is_the_doer_only_beside_a_target(events) -> None:
    (criticism,) = events("Quillfeather criticized the mayor on Monday.")
    assert [a.name for a in criticism.source] == ["Quillfeather"]
    assert not events("Quillfeather resigned on Monday.")


def test_one_of_a_group_names_the_group(events) -> None:
    found = events("One of the soldiers shot a farmer near the border.")
    assert sides(found, "19") == ({"MIL"}, {"CVL"})


def test_a_speaker_is_not_the_doer_a_by_phrase_names(events) -> None:
    found = events("Maria Okafor said she was beaten by one of the guards.")
    assert not [e for e in found if e.cameo.startswith("18") and e.source]


def test_a_surname_read_as_a_common_noun_is_the_story_s_person(events) -> None:
    text = "Lisa Price ran the clinic for ten years. Price was arrested on Friday."
    (arrest,) = [e for e in events(text) if e.cameo.startswith("17")]
    assert [a.name for a in arrest.target] == ["Lisa Price"]


def test_a_pronoun_is_the_person_named_just_before(events) -> None:
    text = "Maria Okafor fled the city in March. She was arrested on Friday."
    (arrest,) = [e for e in events(text) if e.cameo.startswith("17")]
    assert [a.name for a in arrest.target] == ["Maria Okafor"]
    text = "Tom Okafor arrived in Lima on Monday. He stabbed a guard at the airport."
    (stabbing,) = [e for e in events(text) if e.cameo.startswith("18")]
    assert [a.name for a in stabbing.source] == ["Tom Okafor"]


def test_a_pronoun_alone_makes_no_act_a_private_person_s_noun_would_not(events) -> None:
    text = "Tom Okafor arrived in Lima on Monday. He was willing to negotiate."
    assert not [e for e in events(text) if e.cameo.startswith("03")]


def test_an_amount_or_an_abbreviation_is_no_missed_name(events) -> None:
    assert not events("Ortiz lobbied Mr.")  # a sentence cut after the title
