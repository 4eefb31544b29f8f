"""Whose country an event's sides are: made-up sentences through the real path (entities
with the parse, actors, the coder, the story step), as ``eventwire run`` does it."""

from __future__ import annotations

import pytest

from eventwire.actors import ActorResolver
from eventwire.entities import EntitiesSettings, EntityRecognizer
from eventwire.model import PART_BODY, ArticleMeta, Document, Event, EventsInput, Span


def sides(events: list[Event], root: str) -> tuple[set[str], set[str]]:
    """The source and target countries (or actor codes) of the one event of ``root``."""
    (event,) = [e for e in events if e.cameo.startswith(root)]
    return (
        {a.country or a.code or "" for a in event.source},
        {a.country or a.code or "" for a in event.target},
    )


def test_a_body_qualifying_a_person_gives_its_code(events) -> None:
    source, _ = sides(events("U.N. envoy Maria Okafor criticized Peru on Monday."), "11")
    assert source == {"IGOUNO"}


def test_a_demand_noun_targets_the_subject_of_its_that_clause(events) -> None:
    found = events("The European Union renewed its demand that Turkey release the journalists.")
    assert sides(found, "10")[1] == {"TUR"}


def test_a_threat_targets_the_subject_of_its_condition(events) -> None:
    found = events("Bolivia threatened to halt gas exports unless Argentina pays its debts.")
    assert sides(found, "13") == ({"BOL"}, {"ARG"})


def test_a_protest_is_aimed_at_whom_its_purpose_names(events) -> None:
    found = events(
        "Farmers in Ecuador staged demonstrations to demand the resignation"
        " of Peru's trade minister."
    )
    assert sides(found, "14")[1] == {"PER"}


def test_an_act_with_no_other_target_is_aimed_at_its_place(events) -> None:
    found = events("The army imposed a curfew in Nairobi on Sunday.")
    assert sides(found, "17")[1] == {"KEN"}


def test_talks_in_a_city_are_not_with_the_city(events) -> None:
    found = events("Chile and Peru held talks in Lima on Tuesday.")
    source, target = sides(found, "04")
    assert source | target == {"CHL", "PER"}


def test_an_actor_named_only_by_its_city_takes_the_city_s_country(events) -> None:
    found = events("Police in Nairobi arrested ten students on Sunday.")
    assert sides(found, "17")[0] == {"KEN"}


def test_an_act_in_protest_of_something_targets_its_author(events) -> None:
    found = events("Farmers began a hunger strike in protest of Peru's new tax on potatoes.")
    assert sides(found, "14")[1] == {"PER"}


def test_an_unnamed_state_organ_acts_for_the_state_where_it_acts(events) -> None:
    found = events("Police arrested twelve students in Cairo.")
    assert sides(found, "17") == ({"EGY"}, {"EGY"})


def test_an_unplaced_side_is_of_the_one_country_its_sentence_names(events) -> None:
    found = events(
        "Opposition leader Daniel Moyo began a hunger strike against the Kenyan government."
    )
    assert sides(found, "14") == ({"KEN"}, {"KEN"})


def test_a_sentence_naming_two_countries_places_no_unplaced_side(events) -> None:
    found = events("Daniel Moyo criticized Kenya and Uganda on Monday.")
    source, target = sides(found, "11")
    assert source == {""} and target == {"KEN", "UGA"}  # the person, of no country


def test_whom_a_verb_lets_or_makes_act_is_its_target(events) -> None:
    found = events("Kenya's electoral board allowed opposition leader Daniel Moyo to run.")
    assert sides(found, "08") == ({"KEN"}, {"KEN"})


def test_forces_led_by_a_country_are_of_that_country(events) -> None:
    found = events("Nigerian-led forces recaptured the town of Gwoza from the rebels in Chad.")
    assert sides(found, "19")[0] == {"NGA"}


def test_an_unnamed_group_that_belongs_where_it_is_is_of_the_one_country_named(events) -> None:
    found = events("Rebels killed twelve villagers in northern Uganda on Sunday.")
    assert sides(found, "18")[0] == {"UGA"}


def test_a_country_named_as_the_other_side_places_no_one(events) -> None:
    found = events("President Daniel Ortuno threatened further action against Peru.")
    assert sides(found, "13") == ({""}, {"PER"})


def test_an_article_about_several_countries_places_no_unplaced_person(events) -> None:
    text = "Chile and Peru signed a trade deal. Daniel Moyo criticized Peru on Monday."
    assert sides(events(text), "11") == ({""}, {"PER"})


def test_a_destination_state_is_the_other_side(events) -> None:
    found = events("President Daniel Ortuno traveled to Lima on Monday.")
    assert sides(found, "04") == ({""}, {"PER"})


def test_a_protest_aimed_at_no_one_named_is_aimed_at_its_own_country(events) -> None:
    found = events("Thousands of Peruvian farmers marched against low prices on Monday.")
    assert sides(found, "14") == ({"PER"}, {"PER"})


def test_historical_state_names_and_demonym_spellings_are_countries(events) -> None:
    found = events("The United States and the Soviet Union held talks in Geneva.")
    assert sides(found, "04") == ({"USA"}, {"RUS"})
    assert sides(events("Serb police arrested ten Croats."), "17") == ({"SRB"}, {"HRV"})


def test_a_leader_named_without_a_country_is_placed(events) -> None:
    found = events("Mr. Putin threatened to halt gas exports to Latvia.")
    assert sides(found, "13") == ({"RUS"}, {"LVA"})


def test_a_side_named_only_by_its_role_is_that_role_of_no_country(events) -> None:
    source, target = sides(events("The mayor was charged with fraud on Monday."), "17")
    assert (source, target) == (set(), {"GOV"})


def test_a_role_in_a_sentence_naming_one_country_is_that_country_s_group(events) -> None:
    (event,) = [e for e in events("Two journalists were detained in Turkey on Monday.")]
    assert event.cameo == "173"
    assert [(a.country, a.code) for a in event.target] == [("TUR", "TURMED")]


def test_an_event_noun_naming_both_sides_states_the_event_wherever_it_stands(events) -> None:
    text = "The new shipment brings total Japanese food aid to Indonesia this year to 9,000 tonnes."
    assert sides(events(text), "07") == ({"JPN"}, {"IDN"})


def test_an_event_noun_naming_both_sides_in_its_own_phrase(events) -> None:
    text = "The minister spoke at length about Russian aid to Syria on Monday."
    assert sides(events(text), "07") == ({"RUS"}, {"SYR"})


def test_a_noun_of_a_verb_s_family_codes_as_the_verb_with_its_of_phrase_the_patient(
    events,
) -> None:
    text = "Moscow announced the expulsion of two British diplomats on Monday."
    assert sides(events(text), "16") == ({"RUS"}, {"GBR"})


def test_a_name_after_anti_in_front_of_an_event_noun_is_its_target(events) -> None:
    text = "Students staged anti-Israel demonstrations in Amman on Friday."
    assert sides(events(text), "14") == ({"JOR"}, {"ISR"})


def test_a_giving_verb_carries_an_event_noun_to_whom_its_phrase_names(events) -> None:
    text = "Mexico granted a permanent exemption on steel tariffs to Canada on Monday."
    assert sides(events(text), "08") == ({"MEX"}, {"CAN"})


def test_a_count_names_what_it_counts(events) -> None:
    text = "Hundreds of students marched in Nairobi on Friday."
    assert sides(events(text), "14") == ({"KEN"}, {"KEN"})


GREEK_STORY = (
    "Greek police fired tear gas at students in Athens on Saturday. "
    "Riots spread to Thessaloniki on Sunday, Greek officials said. "
    "The Greek government promised an inquiry into the shooting. "
)


def test_a_role_in_a_sentence_naming_no_country_is_of_its_article_s_country(events) -> None:
    found = events(GREEK_STORY + "The mayor was charged with negligence on Monday.")
    assert sides(found, "173")[1] == {"GRC"}  # the police's tear gas: 175


def test_an_unnamed_state_organ_acts_for_its_article_s_country(events) -> None:
    found = events(GREEK_STORY + "Police arrested the mayor on Monday.")
    assert sides(found, "17") == ({"GRC"}, {"GRC"})


def test_an_unplaced_side_in_a_sentence_naming_its_article_s_country_is_of_it(events) -> None:
    text = GREEK_STORY + "Daniel Moyo criticized Greece and the police on Monday."
    found = events("Turkey sent condolences. " + text)
    assert sides(found, "11")[0] == {"GRC"}


def test_an_article_split_between_countries_places_no_role(events) -> None:
    text = (
        "Chilean police fired tear gas at students in Santiago on Saturday. "
        "Peru closed its border with Chile on Sunday, Peruvian officials said. "
        "The Peruvian government and Chile's foreign minister promised talks. "
        "The mayor was charged with negligence on Monday."
    )
    assert sides(events(text), "173")[1] == {"GOV"}


def test_a_dateline_s_country_is_its_article_s_own(events) -> None:
    text = "NAIROBI, Kenya (AP) _ Thousands marched on Sunday. The mayor was charged with fraud."
    assert sides(events(text), "17")[1] == {"KEN"}


def test_two_uncoded_people_placed_in_one_country_are_two_sides(events) -> None:
    text = GREEK_STORY + (
        "Daniel Moyo criticized the police on Monday. Maria Okafor criticized the police on Monday."
    )
    found = [e for e in events(text) if e.cameo.startswith("11")]
    assert sorted(a.name for e in found for a in e.source) == ["Daniel Moyo", "Maria Okafor"]


def test_a_private_person_done_to_is_a_civilian_of_no_country(events) -> None:
    assert sides(events("The cyclist's passenger was arrested on Tuesday."), "17") == (
        set(),
        {"CVL"},
    )
    text = "NAIROBI, Kenya (AP) _ Thousands marched on Sunday. Two women were detained on Monday."
    assert sides(events(text), "17")[1] == {"KEN"}  # placed like any unplaced side
    assert not [e for e in events("The manager was promoted on Tuesday.") if e.cameo]


def test_a_meeting_whose_subject_names_no_actor_still_has_two_sides(events) -> None:
    assert sides(events("The firm is negotiating with the Brazilians over a new plant."), "04")
    assert not [e for e in events("The Brazilians discussed the plan on Monday.") if e.cameo]


def test_whom_a_legal_act_is_done_to_is_a_person_whatever_the_noun(events) -> None:
    assert sides(events("The bus conductor was charged with fraud on Tuesday."), "17") == (
        set(),
        {"CVL"},
    )
    assert not [e for e in events("The bus conductor was praised on Tuesday.") if e.cameo]


def test_a_known_leader_the_entity_model_missed_is_still_placed() -> None:
    from eventwire.actors.known import known_actors
    from eventwire.events.merge import untagged_known

    known = known_actors()

    def named(text: str) -> Span:
        return Span(PART_BODY, 0, len(text), text)

    leader = untagged_known(named("Macron"), known)
    assert leader is not None and leader.country == "FRA"
    assert untagged_known(named("macron"), known) is None
    assert untagged_known(named("Smithers"), known) is None


@pytest.mark.parametrize(
    ("text", "root"),
    [
        ("The company was accused of fraud on Tuesday.", "11"),
        ("The newspaper was found liable for libel on Tuesday.", "11"),
        ("The bank was charged with fraud on Tuesday.", "17"),
    ],
)
def test_a_company_accused_or_charged_is_no_civilian(events, text: str, root: str) -> None:
    assert not [e for e in events(text) if e.cameo.startswith(root)]


def test_a_leader_of_the_user_s_actor_file_is_placed_by_the_story_step(tmp_path) -> None:
    from eventwire.actors.settings import ActorsSettings
    from eventwire.events.settings import EventsSettings
    from eventwire.events.stage import EventsStage

    text = "Velmork ridiculed Sweden on Monday."
    document = Document(1, "test", "", text)
    (found,) = EntityRecognizer(EntitiesSettings(n_process=1, parse=True)).recognize([document])
    assert not [m for m in found.mentions if m.text == "Velmork"]  # untagged: the story step's
    story = EventsInput(1, (document,), (found,), (ArticleMeta(1, "test"),), ())
    user_file = tmp_path / "actors.yaml"
    user_file.write_text("- {name: Velmork, type: person, country: DNK}\n", encoding="utf-8")
    placed = EventsStage(EventsSettings(actors=ActorsSettings(user_file=str(user_file))))
    assert sides(placed.code_story(story).events, "11") == ({"DNK"}, {"SWE"})
    unplaced = EventsStage(EventsSettings()).code_story(story).events
    assert sides(unplaced, "11")[0] != {"DNK"}
    resolver = ActorResolver(ActorsSettings(user_file=str(user_file)))
    assert resolver.known is placed.known  # loaded once, shared by the two stages


def test_the_events_stage_reads_the_actors_section_s_user_file() -> None:
    from eventwire.config import load_config
    from eventwire.settings import Settings

    config = load_config(env={"EVENTWIRE_ACTORS__USER_FILE": "leaders.yaml"})
    assert Settings.from_config(config).sections()["events"].actors.user_file == "leaders.yaml"


def test_a_doer_named_only_by_a_role_that_does_such_acts_is_its_sector(events) -> None:
    assert sides(events("Police questioned three witnesses on Monday."), "09")[0] == {"COP"}
    assert sides(events("Hundreds of protesters marched on Sunday."), "14")[0] == {"CVL"}
    # a sector that does the act only in a figure names no side: no event
    assert not [e for e in events("Employers fought the new rules on Monday.") if e.cameo]


def test_a_name_taken_for_an_unknown_place_is_a_side_of_no_country(events) -> None:
    # the entity model tags this surname GPE; no gazetteer places it
    (appeal,) = [e for e in events("Quenby asked the court for a delay.") if e.cameo[:2] == "02"]
    assert [(a.name, a.country) for a in appeal.source] == [("Quenby", None)]
    (accusation,) = events("The board accused Tilbury of fraud.")
    assert [a.name for a in accusation.target] == ["Tilbury"]


def test_a_known_place_stays_where_an_act_happens(events) -> None:
    found = events("Rebels attacked a convoy in Kandahar.")
    assert all(a.name != "Kandahar" for e in found for a in e.source)


def test_a_government_named_by_role_is_the_doer_of_a_government_act(events) -> None:
    (lifted,) = [
        e for e in events("The government lifted the curfew on Tuesday.") if e.cameo[:2] == "08"
    ]
    assert [a.code for a in lifted.source] == ["GOV"]
