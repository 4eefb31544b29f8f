"""The coder on made-up sentences whose act is stated by a participle, a raising verb, a
ruling or a judging word (the recall round on randomly drawn sentences, docs/events.md)."""

from __future__ import annotations

import pytest

from eventwire.model import EventMention


def acts(mentions: list[EventMention]) -> list[str]:
    """The codes of the mentions that are no statements."""
    return [m.cameo for m in mentions if not m.cameo.startswith("01")]


def test_a_participle_on_a_verbless_sentence_states_the_act(code) -> None:
    (found,) = code("Ohio man charged with fraud in insurance scheme.")
    assert found.cameo == "173"
    assert [t.text for t in found.targets] == ["Ohio"]  # the man, placed


def test_a_participle_set_off_by_commas_after_a_name_states_the_act(code) -> None:
    found = code("Marta Velkova, 41, of Lyon, charged with arson and fraud, was freed on bail.")
    assert "173" in acts(found)
    (charge,) = [m for m in found if m.cameo == "173"]
    assert [t.text for t in charge.targets] == ["Marta Velkova"]


def test_a_restrictive_participle_describes_a_participant(code) -> None:
    assert acts(code("The dinner hosted by Poland ended late.")) == []


def test_a_raising_verb_passes_its_subject_to_a_passive_infinitive(code) -> None:
    found = code("John Ravel appeared to have been beaten, the coroner in Prague said.")
    (beating,) = [m for m in found if not m.cameo.startswith("01")]
    assert beating.cameo.startswith("18")
    assert [t.text for t in beating.targets] == ["John Ravel"]


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("A judge in Oslo ruled that Norsk Hydro violated the Norwegian Environment Act.", "112"),
        ("Investigators found that Norsk Hydro misled its Norwegian shareholders.", "112"),
        ("Erna Solberg said Norsk Hydro continued to meddle in Swedish politics.", "111"),
    ],
)
def test_a_ruling_or_a_report_that_someone_did_wrong_is_a_judgement(
    code, text: str, cameo: str
) -> None:
    (found,) = acts(code(text))
    assert found == cameo


def test_should_have_done_is_hindsight_not_a_demand(code) -> None:
    found = code("Erna Solberg said Norsk Hydro should have checked its Swedish pipelines.")
    assert acts(found) == ["111"]
    (demand,) = code("Erna Solberg said Norsk Hydro should check its Swedish pipelines.")
    assert demand.cameo == "100"


@pytest.mark.parametrize(
    ("text", "cameo", "target"),
    [
        ("Two Ghanaians are under arrest in Accra.", "173", "Ghanaians"),
        ("The Hungarian government remains under investigation by Brussels.", "090", "Hungarian"),
    ],
)
def test_an_event_noun_under_a_verb_of_state_is_done_to_its_subject(
    code, text: str, cameo: str, target: str
) -> None:
    (found,) = [m for m in code(text) if m.cameo == cameo]
    assert any(target in t.text for t in found.targets)
    assert not any(target in s.text for s in found.sources)


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("The Kenyan police contacted the Ugandan embassy on Monday.", "040"),
        ("A Senate committee in Canberra subpoenaed the Australian Treasurer.", "090"),
        ("Police in Oslo interviewed three witnesses on Monday.", "090"),
        ("The Danish premier kept bashing the Swedish government.", "111"),
        ("Poland lobbied Germany to cut the tariffs.", "020"),
    ],
)
def test_verbs_the_lexicon_lacked(code, text: str, cameo: str) -> None:
    assert cameo in acts(code(text))


def test_a_person_named_shooting_someone_is_an_assault_troops_firing_force(code) -> None:
    assert acts(code("Marta Velkova shot her neighbour in Lyon on Monday.")) == ["180"]
    assert acts(code("Russian troops shot two Georgian soldiers on Monday.")) == ["193"]


def test_a_passive_strike_is_no_labour_strike(code) -> None:
    assert "143" not in acts(code("The Polish mayor was struck on the head in Gdansk."))
    assert acts(code("Polish dockworkers struck on Monday.")) == ["143"]


def test_a_crowd_setting_fire_to_property_is_a_riot(code) -> None:
    assert acts(code("Hundreds of protesters torched cars in Athens.")) == ["145"]


def test_a_person_shooting_and_killing_is_one_killing(code) -> None:
    assert acts(code("Marta Velkova shot and killed a Polish tourist in Lyon.")) == ["1823"]


def test_naming_an_object_with_a_judgement_word_is_disapproval(code) -> None:
    (found,) = code("The Polish minister called the German decision a disgrace.")
    assert found.cameo == "111" and [t.text for t in found.targets] == ["German"]
    assert acts(code("The Polish minister described the German plan as a travesty.")) == ["111"]
    assert acts(code("The Polish minister called the German plan a compromise.")) == []


def test_a_noun_conjoined_with_a_carried_event_noun_is_carried_too(code) -> None:
    found = acts(code("The Polish minister made accusations and threats against Germany."))
    assert "130" in found and "112" in found


def test_one_person_of_a_crowd_noun_is_no_crowd(code) -> None:
    assert acts(code("Greek students attacked the police station in Athens.")) == ["145"]
    assert acts(code("A Greek student attacked the police station in Athens.")) == ["180"]


def test_meeting_with_a_reaction_is_no_meeting(code) -> None:
    (found,) = code("The Polish plan met with criticism from Germany.")
    assert found.cameo == "111" and [s.text for s in found.sources] == ["Germany"]
    assert acts(code("The Polish plan met with resistance in Germany.")) == []
    assert acts(code("The Polish minister met with German officials in Berlin.")) == ["040"]


def test_a_judgement_negated_by_its_object_is_none(code) -> None:
    assert acts(code("Erna Solberg said Norsk Hydro had done nothing wrong.")) == []
    assert acts(code("Erna Solberg said the Swedish ruling was unjustified.")) == ["111"]
    assert acts(code("Erna Solberg said the Swedish ruling was no mistake.")) == []
    assert acts(code("Erna Solberg said the Swedish ruling was a mistake.")) == ["111"]
