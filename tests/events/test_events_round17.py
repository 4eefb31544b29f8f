"""The coder on made-up sentences of session 17's round: denials, property seized, arms
supplied, riot control, shows of force, mediation, event nouns and their doers, meetings that
set a scene, demands and whom they ask, object control, claims of responsibility."""

from __future__ import annotations

import pytest

from eventwire.model import EventMention


def acts(mentions: list[EventMention]) -> list[EventMention]:
    """The mentions that are no statements."""
    return [m for m in mentions if not m.cameo.startswith("01")]


def only_code(code, text: str) -> str:
    """The code of the one act a text states."""
    (act,) = acts(code(text))
    return act.cameo


def test_an_act_denied_is_kept_as_hypothetical(code) -> None:
    for text in (
        "Israel denied that its troops had killed the boy.",
        "Egypt denied supplying weapons to the Sudanese rebels.",
    ):
        (denied,) = acts(code(text))
        assert denied.hypothetical, text
    (stated,) = acts(code("Police said Israeli troops had killed the boy."))
    assert not stated.hypothetical


def test_property_taken_by_a_state_is_confiscation(code) -> None:
    assert [m.cameo for m in acts(code("Venezuela nationalized two American oil firms."))] == [
        "1711"
    ]
    text = "Bolivia announced the nationalization of its gas industry."
    assert "1711" in [m.cameo for m in acts(code(text))]


def test_warplanes_supplied_are_military_aid_but_airliners_delivered_are_not(code) -> None:
    (supplied,) = acts(code("Russia supplied fighter jets to the Syrian government."))
    assert supplied.cameo == "072"
    assert acts(code("Bombardier will deliver 85 jets to Air Canada by September.")) == []


def test_riot_control_means_are_repression(code) -> None:
    text = "Security forces used tear gas and water cannon against protesters in Istanbul."
    assert [m.cameo for m in acts(code(text))] == ["175"]
    text = "Riot police fired rubber bullets to disperse the crowd in Nairobi."
    assert [m.cameo for m in acts(code(text))] == ["175"]


def test_forces_moved_in_a_show_of_force_are_no_target(code) -> None:
    (sent,) = acts(code("Iran sent warships to the Gulf of Aden."))
    assert sent.cameo == "154"
    assert [t.text for t in sent.targets] == ["the Gulf of Aden"]  # the place, whole


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("China massed troops near the Vietnamese border.", "Vietnamese"),
        ("Uganda deployed troops along its border with Congo.", "Congo"),
    ],
)
def test_a_show_of_force_at_a_border_is_aimed_across_it(code, text: str, target: str) -> None:
    (shown,) = acts(code(text))
    assert shown.cameo == "154" and [t.text for t in shown.targets] == [target]


def test_mediation_accepted_and_to_be_accepted(code) -> None:
    (accepted,) = acts(code("Armenia accepted Russian mediation in the conflict."))
    assert accepted.cameo == "038"
    assert only_code(code, "Sudan said it would accept Qatari mediation.") == "038"
    (rejected,) = acts(code("Israel rejected Egyptian mediation."))
    assert rejected.cameo == "126"
    text = "Egypt welcomed the Saudi mediation between Qatar and Bahrain."
    assert "038" not in [m.cameo for m in acts(code(text))]


def test_an_event_noun_names_its_doer_by_a_participle_of_doing(code) -> None:
    (strike,) = acts(code("A general strike called by the opposition paralyzed the capital."))
    assert strike.cameo == "143"
    assert [s.text for s in strike.sources] == ["opposition"]
    (attack,) = acts(code("The attack, condemned by the United Nations, killed 20 people."))
    assert attack.sources == ()  # the UN only judged it
    text = "According to a news release sent by the Red Cross, the minister will resign."
    assert "0841" not in [m.cameo for m in acts(code(text))]  # a news release frees no one


def test_an_event_noun_breaking_out_happened(code) -> None:
    (riot,) = acts(code("Rioting broke out in Lagos after the election results."))
    assert riot.cameo == "145"


def test_a_meeting_that_sets_the_scene_is_the_subjects_with_its_partner(code) -> None:
    text = "In a telephone conversation with Chirac, Putin discussed the situation in Iraq."
    (call,) = [m for m in acts(code(text)) if m.cameo == "041"]
    assert [s.text for s in call.sources] == ["Putin"]
    assert [t.text for t in call.targets] == ["Chirac"]
    text = "In a separate trade battle with China, the United States has threatened tariffs."
    assert all(not m.cameo.startswith("19") for m in acts(code(text)))


def test_a_place_named_inside_the_place_phrase_places_the_act(code) -> None:
    (bombing,) = acts(code("A suicide bomber blew himself up in a crowded market in Baghdad."))
    assert bombing.cameo == "1831"
    assert bombing.place is not None and bombing.place.text == "Baghdad"


def test_armed_forces_leaving_withdraw_and_forces_ordered_out_are_expelled(code) -> None:
    (left,) = acts(code("The last Soviet troops left Afghanistan on February 15."))
    assert left.cameo == "0874"
    assert acts(code("The Afghan minister left Kabul on Monday.")) == []
    assert acts(code("About 2,000 French troops left for Chad on Monday.")) == []
    (expelled,) = acts(code("Uzbekistan ordered the American military out of its air base."))
    assert expelled.cameo == "166"
    assert only_code(code, "Zimbabwe ordered all foreign journalists out of the country.") == "174"
    assert acts(code("Argentina was kicked out of the World Cup by Germany.")) == []


def test_the_speaker_is_not_the_doer_of_an_event_noun_that_happened(code) -> None:
    text = "The blast occurred at 5 a.m. in the Al-Bayaa district of Baghdad, police said."
    (blast,) = acts(code(text))
    assert blast.sources == ()
    (attacks,) = acts(code("Hamas said its rocket attacks on Israel would continue."))
    assert [s.text for s in attacks.sources] == ["Hamas"]


def test_a_demand_is_aimed_at_whom_its_clause_asks_to_act(code) -> None:
    text = "The Security Council demanded that Syria withdraw its troops from Lebanon."
    (demand,) = acts(code(text))
    assert demand.cameo == "106"
    assert [t.text for t in demand.targets] == ["Syria"]


def test_an_act_asked_about_is_not_what_an_appeal_asks_for(code) -> None:
    text = "Washington asked Beijing to explain why a U.S. citizen had been detained."
    codes = [m.cameo for m in acts(code(text))]
    assert codes and all(not c.startswith("11") for c in codes)  # no rally against anyone


def test_giving_way_to_demands_is_yielding_not_demanding(code) -> None:
    text = "Indonesia's President Suharto bowed to student demands and agreed to step down."
    codes = [m.cameo for m in acts(code(text))]
    assert "083" in codes and "100" not in codes
    (caved,) = acts(code("The Kenyan government caved in to pressure from the unions."))
    assert caved.cameo == "083"
    text = "Syria gave its response to the Arab League request on Sunday."
    assert "083" not in [m.cameo for m in acts(code(text))]


def test_a_relative_clause_on_the_object_names_its_target(code) -> None:
    text = "The European Union decided to lift the oil embargo it had imposed on Yugoslavia."
    (lifted,) = acts(code(text))
    assert lifted.cameo == "085" and [t.text for t in lifted.targets] == ["Yugoslavia"]
    text = "The Royal Navy captured eight pirates, who were handed over to Kenya for trial."
    (captured,) = acts(code(text))
    assert "Kenya" not in [t.text for t in captured.targets]


def test_an_infinitive_after_an_object_control_verb_is_the_objects_act(code) -> None:
    assert acts(code("The army forced villagers to leave their homes.")) == []  # no withdrawal
    doers = {
        "The government ordered troops to fire on the protesters.": "troops",
        "Police used a Taser to arrest the suspect.": "Police",  # "use" is no control verb
    }
    for text, doer in doers.items():
        (act,) = acts(code(text))
        assert [s.text for s in act.sources] == [doer], text


def test_meetings_proposed_mediators_and_topics(code) -> None:
    (proposed,) = acts(code("Iran proposed talks with Iraq on the exchange of prisoners."))
    assert proposed.cameo == "036" and [t.text for t in proposed.targets] == ["Iraq"]
    assert acts(code("Microsoft has proposed a workaround for the flaw.")) == []
    text = "Norwegian officials acted as intermediaries between Israel and the PLO."
    assert [m.cameo for m in acts(code(text))] == ["045"]
    (talks,) = acts(code("Britain and China resumed negotiations on the future of Hong Kong."))
    assert "Hong Kong" not in [t.text for t in talks.targets]  # what they talked about


def test_forces_pulled_back_are_no_target_of_the_withdrawal(code) -> None:
    text = "Ethiopia and Eritrea agreed to pull back their forces from the border."
    (pulled,) = acts(code(text))
    assert pulled.cameo == "0356"
    assert "forces" not in [t.text for t in pulled.targets]


def test_concern_voiced_visa_bans_and_protests_crushed(code) -> None:
    text = "Japanese officials expressed concern about the tension on the Korean peninsula."
    assert [m.cameo for m in code(text)] == ["012"]
    (ban,) = acts(code("The European Union imposed a visa ban on Burmese officials."))
    assert ban.cameo == "163"
    (crushed,) = acts(code("Chinese troops crushed the pro-democracy demonstrations."))
    assert crushed.cameo == "175"


def test_walking_out_of_talks_halts_them_and_troops_pulling_out_withdraw(code) -> None:
    text = "The Palestinians pulled out of the negotiations with Israel."
    assert [m.cameo for m in acts(code(text))] == ["164"]
    assert [m.cameo for m in acts(code("Russian troops pulled out of Chechnya."))] == ["0874"]


def test_most_of_the_sanctions_lifted_are_sanctions_lifted(code) -> None:
    text = "The United States lifted most of its remaining sanctions against Libya."
    (lifted,) = acts(code(text))
    assert lifted.cameo == "085"


def test_arming_a_group_is_military_aid(code) -> None:
    (armed,) = acts(code("Syria has been arming Hezbollah guerrillas in Lebanon."))
    assert armed.cameo == "072" and [s.text for s in armed.sources] == ["Syria"]


def test_workers_expelled_are_people_not_aid_agencies(code) -> None:
    (expelled,) = acts(code("Saudi Arabia has expelled hundreds of illegal Yemeni workers."))
    assert not expelled.cameo.startswith("16")


def test_a_speaker_saying_it_was_responsible_claims_responsibility(code) -> None:
    text = "The militant group Hamas said it was responsible for the bus bombing in Tel Aviv."
    (claim,) = [m for m in code(text) if m.cameo == "015"]
    assert [s.text for s in claim.sources] == ["Hamas"]
    (accusation,) = code("Israel said Hamas was responsible for the bus bombing.")
    assert accusation.cameo == "112"
    duty = code("The Egyptian army said it was responsible for security in Cairo.")
    assert [m.cameo for m in duty] == ["010"]  # a duty, not an act claimed


def test_an_investigation_announced_is_one_to_come_not_a_threat(code) -> None:
    text = "The Organization of African Unity said it would investigate the genocide in Rwanda."
    (probe,) = acts(code(text))
    assert probe.cameo == "090" and probe.hypothetical
    (threat,) = acts(code("Congress threatened to investigate the FBI."))
    assert threat.cameo.startswith("13")


def test_files_shared_are_information_shared(code) -> None:
    (shared,) = acts(code("Israel shared the Iranian files with the United States."))
    assert shared.cameo == "064"


def test_welcoming_a_mediation_praises_it_and_the_mediation_stays(code) -> None:
    text = "The United States welcomed Qatar's mediation between Sudan and the rebels."
    codes = sorted(m.cameo for m in acts(code(text)))
    assert codes == ["045", "051"]
    text = "The Kenyan president welcomed the Ugandan delegation in Nairobi."
    assert only_code(code, text) == "043"


def test_meeting_someone_not_a_target_or_a_shortfall(code) -> None:
    assert acts(code("OPEC said it would meet any shortfall in supply.")) == []
    assert acts(code("The Japanese company met its sales target.")) == []
    (met,) = acts(code("The Chinese foreign minister met his Japanese counterpart in Beijing."))
    assert met.cameo == "040"
    (unions,) = acts(code("The Kenyan labour minister met the three unions on Monday."))
    assert unions.cameo == "040"


def test_blocking_is_of_a_way_not_of_justice_or_a_bill(code) -> None:
    (blocked,) = acts(code("Thousands of farmers blocked highways in southern Brazil."))
    assert blocked.cameo == "144"
    (palace,) = acts(code("Protesters blocked access to the presidential palace in Kiev."))
    assert palace.cameo == "144"
    text = "Mueller is investigating whether Trump sought to obstruct justice."
    assert "144" not in [m.cameo for m in acts(code(text))]


def test_asking_a_question_is_no_appeal(code) -> None:
    assert acts(code("The prosecutor asked Franklin, pointing to a photo on the screen.")) == []
    text = "The reporter asked the Kenyan minister about the sanctions."
    assert all(not m.cameo.startswith("02") for m in acts(code(text)))
    text = "Asked about other possible attacks, Roberts said the threat was global."
    assert all(not m.cameo.startswith("02") for m in acts(code(text)))
    (helped,) = acts(code("Iran asked the United Nations for help."))
    assert helped.cameo.startswith("02")
    (release,) = acts(code("Iran asked Iraq to release the prisoners."))
    assert release.cameo.startswith("02")


def test_harm_done_by_a_fire_or_a_flood_is_no_ones_but_by_someones_fire_is(code, events) -> None:
    text = "Eleven houses were destroyed by the now-smoldering blaze west of Durango."
    assert acts(code(text)) == []  # not the town doing it
    (killed,) = events("Two Palestinian teenagers were killed by Israeli fire in Gaza.")
    assert killed.cameo == "1823" and [a.country for a in killed.source] == ["ISR"]
    (shot,) = acts(code("Two protesters were killed by army fire in the city on Tuesday."))
    assert shot.cameo == "1823"  # an armed word makes the fire someone's


def test_capturing_is_of_a_place_or_fighters_not_of_the_imagination(code) -> None:
    assert acts(code("The actress captured the imagination of a generation.")) == []
    assert only_code(code, "Rebels captured the town of Bunia in eastern Congo.") == "192"
    assert only_code(code, "Islamist fighters captured Mosul in June.") == "190"


def test_apologies_offered_are_an_apology(code) -> None:
    text = "The Japanese prime minister offered his sincere apologies to South Korea."
    (apology,) = acts(code(text))
    assert apology.cameo == "055"
    (promise,) = acts(code("Japan promised to apologize to South Korea for the abuses."))
    assert promise.cameo == "032"  # an apology to come
