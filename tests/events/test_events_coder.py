"""The coder on made-up sentences: frames, passive voice, negation, modality, speech."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.entities import EntitiesSettings, EntityRecognizer
from eventwire.events.coder import code_article
from eventwire.events.lexicon import load_lexicon
from eventwire.model import PART_TITLE, Document, EventMention


def only(mentions: list[EventMention], prefix: str) -> EventMention:
    matching = [m for m in mentions if m.cameo.startswith(prefix)]
    assert len(matching) == 1, [(m.cameo, m.trigger.text) for m in mentions]
    return matching[0]


def test_threat_frame_codes_the_action_inside(code) -> None:
    event = only(code("Peru threatened to impose sanctions on Chile."), "13")
    assert event.cameo == "1312"
    assert [s.text for s in event.sources] == ["Peru"]
    assert not event.hypothetical  # the threat itself happened


def test_negated_action_is_flagged(code) -> None:
    event = only(code("Kenya did not arrest the protesters from Uganda."), "17")
    assert event.negated


def test_possible_action_is_hypothetical(code) -> None:
    event = only(code("Brazil may impose sanctions on Venezuela."), "16")
    assert event.hypothetical and not event.negated


def test_passive_voice_swaps_source_and_target(code) -> None:
    event = only(code("Norway was criticized by Sweden on Monday."), "11")
    assert [s.text for s in event.sources] == ["Sweden"]
    assert [t.text for t in event.targets] == ["Norway"]


def test_reported_speech_names_the_reporter_and_pronoun_source(code) -> None:
    event = only(code("Ghana said it will send humanitarian aid to Togo."), "03")
    assert event.cameo == "0333"  # intent to provide humanitarian aid
    assert event.reported_by is not None and event.reported_by.text == "Ghana"
    assert [s.text for s in event.sources] == ["Ghana"]


def test_coordinated_subjects_of_a_meeting_meet_each_other(code) -> None:
    event = only(code("Chile and Peru held talks in Lima on Tuesday."), "04")
    assert [s.text for s in event.sources] == ["Chile", "Peru"]
    assert event.symmetric and not event.targets  # the story step pairs them
    assert event.place is not None and event.place.text == "Lima"
    assert event.date is not None and event.date.text == "Tuesday"


def test_refusal_frame(code) -> None:
    event = only(code("Bolivia refused to release the detained Chilean officers."), "12")
    assert event.cameo == "1243"


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Ecuador is suing Colombia over the spraying of herbicides.", "115"),
        ("Thousands of refugees sought asylum in Kenya last year.", "0233"),
        ("Israel and Egypt reached an agreement on the border crossing.", "057"),
        ("The rebels seized the town of Goma on Tuesday.", "192"),
        ("The minister stepped down after the scandal.", "0831"),
        ("Cuba lifted travel restrictions on its citizens.", "081"),
        ("Peru and Chile agreed to boost trade between them.", "0311"),
        ("Bolivia summoned the Chilean ambassador on Monday.", "114"),
        ("The rebels violated the ceasefire in Darfur.", "196"),
        ("Iraq moved two armored divisions toward the border.", "154"),
        ("Italy sent two planeloads of medicine to Iran.", "070"),
        ("Russian warplanes bombed rebel positions near Aleppo.", "195"),
        ("Kuwait accepted the demands of the striking oil workers.", "083"),
        ("Iraq allowed UN weapons inspectors to return to Baghdad.", "086"),
        ("Hijackers seized an Indian Airlines plane on Friday.", "181"),
        ("Eritrean forces attacked Ethiopian positions near Badme.", "190"),
        ("South Korea raised its military alert on Monday.", "152"),
        ("Ethiopian troops withdrew from the disputed town of Badme.", "0874"),
        ("Israel called up thousands of army reservists on Sunday.", "154"),
        ("Saudi Arabia donated 10,000 tons of rice to Bangladesh.", "070"),
        ("Japan has been in talks with Peru on the fishing dispute.", "046"),
        ("The Pakistani prime minister paid a two-day visit to Saudi Arabia.", "042"),
        ("Russian troops pulled out of Chechnya on Monday.", "0874"),
        ("Serbia allowed UN aid convoys to enter Srebrenica.", "086"),
    ],
)
def test_trigger_lemmas_by_category(code, text: str, cameo: str) -> None:
    """Triggers from the pattern files: a short verb's own lemma ("suing"), a verb with the
    object that names the act ("sought asylum", "seized the town"), a particle ("stepped
    down")."""
    assert cameo in [m.cameo for m in code(text)]


def test_an_intent_to_do_harm_is_a_threat(code) -> None:
    event = only(code("The militia vowed to attack Kenya."), "13")
    assert [t.text for t in event.targets] == ["Kenya"]


def test_an_intent_frame_around_an_aid_noun(code) -> None:
    event = only(code("Japan offered aid to the Philippines."), "03")
    assert event.cameo == "033"  # intent to provide material aid
    assert [t.text for t in event.targets] == ["Philippines"]


def test_a_mediated_agreement_targets_both_sides(code) -> None:
    event = only(code("Egypt brokered a ceasefire between Israel and Jordan."), "04")
    assert {t.text for t in event.targets} == {"Israel", "Jordan"}


def test_a_demand_targets_the_named_subject_of_its_clause(code) -> None:
    event = only(code("Pakistan demanded that India hand over the suspects."), "10")
    assert [t.text for t in event.targets] == ["India"]


def test_agreeing_to_a_mutual_act_is_mutual(code) -> None:
    event = only(code("Brazil and Argentina agreed to cooperate on energy."), "03")
    assert event.symmetric and [s.text for s in event.sources] == ["Brazil", "Argentina"]


def test_a_crowd_protesting_demonstrates_an_official_protest_complains(code) -> None:
    assert only(code("Thousands of farmers protested against the new tax."), "14").cameo == "141"
    assert only(code("The Chinese government protested to Japan."), "11").cameo == "114"


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Dock workers in Chile went on strike on Monday.", "143"),
        ("Cambodia and Thailand exchanged fire along the border.", "190"),
        ("Israel closed its border crossings with Egypt.", "191"),
        ("Britain froze the assets of the Libyan leader.", "163"),
    ],
)
def test_light_verbs_and_objects_name_the_act(code, text: str, cameo: str) -> None:
    assert cameo in [m.cameo for m in code(text)]


def test_a_verb_that_needs_a_named_actor_as_its_object(code) -> None:
    """objects_any_actor: "received the Yemeni president" is a meeting, "received a degree"
    is not; "allowed Ouko to run" is a concession, even parsed as a clause's subject."""
    assert "043" in [m.cameo for m in code("The Saudi king received the Yemeni president.")]
    assert not [m for m in code("The minister received a degree in law.") if m.cameo == "043"]
    assert "080" in [m.cameo for m in code("Kenya allowed Raila Odinga to run for office.")]


def test_violence_named_by_its_means_is_one_event(code) -> None:
    found = code("Israeli air strikes killed ten Palestinians in Gaza.")
    assert [m.cameo for m in found] == ["195"]  # not also 1823 for "killed"
    assert [t.text for t in found[0].targets] == ["Palestinians"]


def test_a_passive_subject_controls_its_complement(code) -> None:
    event = only(code("The Iranian president is expected to visit Iraq next week."), "04")
    assert any("Iranian" in s.text for s in event.sources)


def test_mediating_between_two_sides_targets_both(code) -> None:
    event = only(code("Uganda has offered to mediate between Kenya and Tanzania."), "03")
    assert {t.text for t in event.targets} == {"Kenya", "Tanzania"}


def test_one_country_s_exercises_show_force_two_countries_cooperate(code) -> None:
    assert only(code("China held military exercises near Taiwan."), "15").cameo == "150"
    joint = code("France and Egypt held military exercises in the Mediterranean.")
    assert only(joint, "06").cameo == "062"


def test_an_intent_noun_frames_the_act_it_names(code) -> None:
    event = only(code("Syria expressed its willingness to negotiate with Israel."), "03")
    assert event.cameo == "036" and [s.text for s in event.sources] == ["Syria"]


def test_a_force_of_nature_is_no_actor(code) -> None:
    assert not [m for m in code("A powerful earthquake killed 300 people in Peru.") if m.cameo]
    assert only(code("Rebels killed 300 people in Peru."), "18").cameo == "1823"


def test_readying_force_shows_it(code) -> None:
    found = code("The Macedonian army prepared to resume shelling Albanian rebel positions.")
    assert only(found, "15").cameo == "150"


def test_a_purpose_is_carried_out_where_its_verb_sends(code) -> None:
    found = code("The United Nations sent twenty experts to Bosnia to investigate the killings.")
    event = only(found, "09")
    assert event.place is not None and event.place.text == "Bosnia"


def test_a_frame_reaches_the_act_its_means_name(code) -> None:
    found = code("Hamas vowed to avenge the killing of its leader by attacking Israel.")
    assert only(found, "13").cameo == "1383"


def test_what_a_demand_asks_for_did_not_happen(code) -> None:
    found = code("The ILO reiterated its demand that Israel ease restrictions on workers.")
    assert [m.cameo[:2] for m in found if not m.cameo.startswith("01")] == ["10"]


def test_an_act_in_a_phrase_setting_the_scene_is_no_event(code) -> None:
    text = "Peru freed the strikers after an agreement on carrying out a peaceful demonstration."
    assert not [m for m in code(text) if m.cameo.startswith("14")]


def test_the_outcome_of_an_act_of_violence_is_that_act(code) -> None:
    found = code("Egyptian police opened fire on demonstrators in Cairo, killing one person.")
    assert [m.cameo for m in found if not m.cameo.startswith("01")] == ["175"]  # repression


def test_a_host_receives_a_named_actor_not_something_from_one(code) -> None:
    assert only(code("Syria received the visiting Iranian foreign minister."), "04").cameo == "043"
    found = code("Employees are receiving counselling from the Vancouver police.")
    assert not [m for m in found if m.cameo.startswith("04")]


def test_a_name_the_parser_reads_as_an_adverb_before_a_subjectless_verb_is_its_subject(
    code,
) -> None:
    event = only(code("Beijing massed troops on the coast facing Taiwan."), "15")
    assert [s.text for s in event.sources] == ["Beijing"] and event.place is None


def test_money_in_aid_is_aid(code) -> None:
    assert only(code("Japan provided $100 million in aid to Indonesia."), "07").cameo == "070"


def test_a_frame_noun_in_a_phrase_that_does_not_carry_it_frames_nothing(code) -> None:
    found = code("Of critical importance, Peru gave no sign it would leave the talks.")
    assert not [m for m in found if m.cameo.startswith("02")]


def test_a_force_of_nature_acts_for_no_one_but_armed_fire_does(code) -> None:
    assert code("An earthquake killed 300 people in the mountain villages.") == []
    assert code("A fire destroyed the old market on Monday.") == []
    killed = only(code("Artillery fire killed three civilians in the town on Monday."), "18")
    assert [s.text for s in killed.sources] == ["Artillery fire"]


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Vietnam lodged a protest with China over the seizure of its boats.", "114"),
        ("The Burmese junta placed the opposition leader under house arrest.", "173"),
        ("Rebels in Sierra Leone laid down their arms on Monday.", "0873"),
        ("Israel eased the closure of the Gaza Strip.", "0872"),
        ("Syria said it would not attend the conference in Madrid.", "125"),
        ("The Israeli cabinet accepted the peace plan of Egypt.", "037"),
        ("Saudi Arabia pledged $500 million to help rebuild Lebanon.", "033"),
        ("Opposition parties in Bangladesh called off their general strike.", "082"),
        ("Angola accepted the deployment of U.N. peacekeepers.", "086"),
        ("Iraq returned the Kuwaiti archives seized during the occupation.", "0842"),
        ("Indonesian police went on high alert ahead of the elections.", "152"),
        ("Pakistan conducted five nuclear tests in May 1998.", "150"),
        ("The Sudanese government expelled foreign aid agencies from Darfur.", "166"),
        ("Israeli naval vessels blockaded the Lebanese coast.", "191"),
        ("Iraqi forces used chemical weapons against Kurdish villages.", "204"),
        ("Israel consented to the deployment of observers in Hebron.", "030"),
        ("Hungary denied a request by Romania for the extradition of the officer.", "120"),
        ("Venezuela's president lashed out at the United States.", "111"),
        ("France pushed for an end to the embargo against Iraq.", "020"),
        ("Ukraine made an urgent plea to the European Union for financial aid.", "0231"),
    ],
)
def test_codebook_patterns(code, text: str, cameo: str) -> None:
    """Patterns of CAMEO categories: an object after "under", an amount with a currency
    symbol as money, a refused meeting (125)."""
    assert cameo in [m.cameo for m in code(text)]


def test_an_appeal_to_act_for_or_against_a_third_party_rallies(code) -> None:
    """053 / 113, aimed at the third party; an appeal whose act names no third party, or
    an act beside the appeal's clause, stays an appeal to its addressee."""
    support = only(code("The Arab League urged Germany to support the PLO."), "05")
    assert support.cameo == "053" and [t.text for t in support.targets] == ["PLO"]
    against = only(code("Iran called on Muslim countries to sever ties with Israel."), "11")
    assert against.cameo == "113" and [t.text for t in against.targets] == ["Israel"]
    plain = only(code("The Arab League urged Israel to halt settlement construction."), "02")
    assert [t.text for t in plain.targets] == ["Israel"]
    beside = code("After sentencing Nichols, the judge urged the victims to regroup.")
    assert not [m for m in beside if m.cameo in ("053", "113")]


def test_an_announced_conflictual_act_is_the_decision_not_a_threat(code) -> None:
    """decision_speech: "announced it would suspend aid" is the suspension (162); "said it
    would impose sanctions" stays a threat (1312)."""
    decided = code("Japan announced that it would suspend economic aid to Myanmar.")
    assert only(decided, "16").cameo == "162" and not [m for m in decided if m.cameo[:2] == "13"]
    assert only(code("Peru said it would impose sanctions on Chile."), "13").cameo == "1312"


def test_violence_named_by_its_means_needs_no_named_modifier(code) -> None:
    """ "US drone strikes have killed ...": the entity model tags no "US", yet the strikes
    are the event (195), with the untagged name as its source for the story step."""
    found = code("US drone strikes have killed dozens of militants in Waziristan.")
    assert [m.cameo for m in found] == ["195"]
    assert [s.text for s in found[0].sources] == ["US"]
    assert not [m for m in code("The talks killed any hope of a deal.") if m.cameo == "195"]


def test_a_crowds_violence_is_a_riot_an_armys_is_not(code) -> None:
    """crowd_codes 190/180 -> 145; "thousands of troops" is counted troops, no crowd."""
    assert only(code("Demonstrators stormed the U.S. embassy in Tehran."), "14").cameo == "145"
    stormed = code("Thousands of Iraqi troops stormed the Kuwaiti border post.")
    assert "190" in [m.cameo for m in stormed] and not [m for m in stormed if m.cameo == "145"]


def test_an_ultimatum_is_a_threat_and_leaving_talks_halts_them(code) -> None:
    ultimatum = code("The United Nations gave Iraq an ultimatum to allow the inspectors back.")
    assert only(ultimatum, "13") and not [m for m in ultimatum if m.cameo.startswith("10")]
    threat = only(code("Kenya threatened to withdraw from the peace talks with Uganda."), "13")
    assert threat.cameo == "134"  # threaten to halt negotiations


def test_an_act_ruled_out_by_its_predicate_is_refused(code) -> None:
    """frames.yaml refuse predicates: the clausal subject "removing the sanctions" of "is
    out of the question" is refused (1244), by the speaker; "is a good idea" rules out nothing."""
    found = code("US officials said that removing the sanctions on Burma is out of the question.")
    refused = only(found, "12")
    assert refused.cameo == "1244" and [t.text for t in refused.targets] == ["Burma"]
    idea = code("Lifting the embargo on Cuba is a good idea.")
    assert not [m for m in idea if m.cameo.startswith("12")]


def test_a_journey_for_talks_carries_them(code) -> None:
    """motion_verbs carry an event noun after "for"/"on" ("flew to Damascus for talks"), not
    after another preposition ("came under attack": the subject was attacked)."""
    talks = only(code("The Lebanese prime minister flew to Damascus for talks with Syria."), "04")
    assert talks.trigger.text == "talks" and "Syria" in [t.text for t in talks.targets]
    attacked = code("The Syrian convoy came under attack near Homs.")
    assert not [m for m in attacked if any("convoy" in s.text for s in m.sources)]


def test_persuading_is_an_appeal(code) -> None:
    event = only(code("Russia tried to persuade Serbia to accept the peace plan."), "02")
    assert [s.text for s in event.sources] == ["Russia"]
    assert [t.text for t in event.targets] == ["Serbia"]


def test_a_purpose_shares_its_verbs_modality_and_a_protest_by_force_is_kept(code) -> None:
    """ "would send a delegation to mediate": an intent to mediate (039); "occupied the
    embassy to protest": the protest (141) beside the occupation, by a counted crowd."""
    mediate = code("Egypt said it would send a delegation to Sudan to mediate between the parties.")
    assert "039" in [m.cameo for m in mediate] and "045" not in [m.cameo for m in mediate]
    occupied = code("Hundreds of Kurds occupied the Greek embassy to protest the arrest.")
    assert {"192", "141"} <= {m.cameo for m in occupied}
    staged = code("Thousands of students staged demonstrations to protest the new law.")
    assert len([m for m in staged if m.cameo.startswith("14")]) == 1


def test_seeking_an_extradition_appeals_for_judicial_cooperation(code) -> None:
    found = code("The Indian government sought the extradition of the suspects from Britain.")
    assert "0213" in [m.cameo for m in found]


def test_a_host_of_talks_between_two_others_mediates(code) -> None:
    """ "X will host the talks between A and B": X's intent to mediate (039) between them."""
    found = code("Norway will host the peace talks between Serbia and Albania.")
    host = only(found, "03")
    assert host.cameo == "039" and [s.text for s in host.sources] == ["Norway"]
    assert {t.text for t in host.targets} == {"Serbia", "Albania"}


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("U.N. inspectors visited the suspected weapons site in Iraq.", "090"),
        ("Kenya handed over the suspects to Tanzanian authorities.", "063"),
        ("Colombian and Venezuelan troops launched a joint operation on the border.", "062"),
    ],
)
def test_who_acts_and_with_whom_names_the_act(code, text: str, cameo: str) -> None:
    """inspector_codes: an inspectors' visit is an investigation; suspects handed over are
    judicial cooperation; a joint operation is military cooperation."""
    assert cameo in [m.cameo for m in code(text)]


def test_an_intent_not_to_act_is_a_refusal_or_a_pledge_of_restraint(code) -> None:
    """ "vowed not to return X": a refusal (120), not an intent; "agreed not to attack each
    other": an intent that happened (030), neither a threat nor negated."""
    refused = only(code("Israel has vowed not to return the Golan Heights to Syria."), "12")
    assert not refused.negated
    restraint = only(code("India and Pakistan agreed not to attack each other."), "03")
    assert restraint.cameo == "030" and not restraint.negated


def test_a_statement_saying_what_its_issuer_does_is_the_issuers_act(code) -> None:
    """statement_nouns: "issued a statement condemning the raid" is the ministry's
    condemnation; "the planned deployment" still describes a participant."""
    found = code("The Egyptian foreign ministry issued a statement condemning the Israeli raid.")
    condemned = only(found, "11")
    assert any("ministry" in s.text or "Egyptian" in s.text for s in condemned.sources)
    assert not [m for m in code("Peru criticized the planned deployment.") if m.cameo == "154"]


def test_fighting_that_erupts_between_two_sides_is_between_them(code) -> None:
    found = code("Fighting erupted between Armenian and Azerbaijani forces on Monday.")
    fight = only(found, "19")
    assert {s.text for s in [*fight.sources, *fight.targets]} >= {"Armenian", "Azerbaijani"}


def test_wanting_someone_else_to_act_is_an_appeal_to_them(code) -> None:
    """wish_verbs: "wants Israel to freeze ..." appeals to Israel (and the freeze did not
    happen); "wants to know" asks no one."""
    found = code("The United States wants Israel to release the Palestinian prisoners.")
    appeal = only(found, "02")
    assert [t.text for t in appeal.targets] == ["Israel"]
    assert not [m for m in found if m.cameo.startswith("08")]
    assert not [m for m in code("Peru wants to know what happened.") if m.cameo[:2] == "02"]


def test_a_frame_in_the_passive_voice_swaps_its_sides(code) -> None:
    """ "X was urged by Y to ...": Y appeals to X; "the proposal was rejected by X": X refuses."""
    urged = only(code("Israel was urged by Egypt to halt the construction of settlements."), "02")
    assert [s.text for s in urged.sources] == ["Egypt"]
    assert [t.text for t in urged.targets] == ["Israel"]
    warned = only(code("Iraq was warned by Turkey not to move troops toward the border."), "13")
    assert [s.text for s in warned.sources] == ["Turkey"]
    assert [t.text for t in warned.targets] == ["Iraq"]
    rejected = only(code("The proposal was rejected by Kenya."), "12")
    assert [s.text for s in rejected.sources] == ["Kenya"]


def test_a_crowd_as_the_passive_agent_is_a_crowd(code) -> None:
    found = code("The Israeli embassy in Cairo was attacked by demonstrators.")
    assert only(found, "14").cameo == "145"


def test_violence_done_in_an_act_of_violence_is_that_act(code) -> None:
    """ "troops killed 12 guerrillas in a clash": the clash (190), not a killing by assault."""
    found = code("Colombian troops killed 12 guerrillas in a clash near the border.")
    assert [m.cameo for m in found if m.cameo[:2] in ("18", "19")] == ["190"]


def test_unwilling_is_a_refusal(code) -> None:
    event = only(code("Syria is unwilling to negotiate with Israel."), "12")
    assert event.cameo == "125"


def test_a_decision_names_the_act_decided_by_its_owner(code) -> None:
    """decision_nouns: the infinitive of "its decision to expel" is the act; a possessor is
    the subject of the clause on its noun ("Ethiopia's decision to expel ...")."""
    announced = only(code("Ethiopia announced its decision to expel Eritrean nationals."), "17")
    assert [s.text for s in announced.sources] == ["Ethiopia"]
    owned = only(code("Ethiopia's decision to expel Eritrean nationals drew protests."), "17")
    assert [s.text for s in owned.sources] == ["Ethiopia"]


def test_welcoming_a_decision_is_praise_and_a_visitor_is_hosted(code) -> None:
    praised = only(code("Chile welcomed the decision of the court."), "05")
    assert praised.cameo == "051"
    hosted = only(code("Peru welcomed President Ana Soto of Chile to Lima."), "04")
    assert hosted.cameo == "043"


def test_people_captured_are_detained_and_a_town_captured_is_taken(code) -> None:
    detained = only(code("The Kenyan navy captured eight pirates off Somalia."), "17")
    assert detained.cameo == "173"
    assert only(code("Rebels captured the town of Kindia in Guinea."), "19").cameo == "192"


def test_a_retaliation_to_come_is_a_threat(code) -> None:
    threat = only(code("Chile said it will retaliate against Peru."), "13")
    assert [s.text for s in threat.sources] == ["Chile"]
    assert only(code("Peru retaliated against Chile on Monday."), "19").cameo == "190"


def test_inspecting_is_investigating(code) -> None:
    event = only(code("United Nations inspectors inspected eight sites in Iraq."), "09")
    assert event.cameo == "090"


def test_an_act_begun_later_takes_the_modals_of_its_aspect_verb(code) -> None:
    intent = only(code("Peru said it will begin withdrawing troops from Chile."), "03")
    assert intent.cameo == "0356"  # intent to de-escalate
    assert only(code("Peru began withdrawing troops from Chile."), "08").cameo == "0874"


def test_a_past_participle_without_auxiliary_names_its_patient(code) -> None:
    text = "Two Chileans killed in an ambush in Peru were buried on Friday."
    event = only(code(text), "18")
    assert [t.text for t in event.targets] == ["Chileans"] and not event.sources


def test_coordinated_passive_verbs_share_patient_and_agent(code) -> None:
    mentions = code("Two protesters were beaten and arrested by Kenyan police on Monday.")
    for event in (only(mentions, "18"), only(mentions, "17")):
        assert [s.text for s in event.sources] == ["Kenyan"]
        assert [t.text for t in event.targets] == ["protesters"]


def test_a_deployment_planned_or_to_come_is_force_shown_not_a_threat(code) -> None:
    assert only(code("Peru plans to deploy 5,000 troops to the border."), "15").cameo == "154"
    assert only(code("Peru will deploy 5,000 troops to the border."), "15").cameo == "154"
    assert only(code("Peru threatened to send troops to the border."), "13").cameo == "138"
    refused = code("Peru said it would not deploy troops in Chile.")
    assert only(refused, "12").cameo == "120"


def test_a_conjunct_with_no_modal_of_its_own_shares_its_verbs(code) -> None:
    mentions = code("Peru will close its border and seize the ships of Chile.")
    assert [m.cameo[:2] for m in mentions if m.cameo[:2] != "01"] == ["13"]  # one threat


def test_a_participle_on_the_object_names_the_target(code) -> None:
    event = only(code("The United Nations ended the embargo imposed on Libya in 1992."), "08")
    assert [t.text for t in event.targets] == ["Libya"]


def test_joining_a_coalition_and_wounding_are_coded(code) -> None:
    assert only(code("Peru joined the coalition against Chile."), "06").cameo == "060"
    assert only(code("Peruvian gunmen wounded four Chilean soldiers."), "18").cameo == "180"
    # by a state's troops it is conventional military force
    assert only(code("Peruvian troops wounded four Chilean soldiers."), "19").cameo == "190"
    assert not code("The Chilean captain pleaded guilty to smuggling.")  # no appeal
    killed = code("Chilean rebels killed three Peruvian soldiers and wounded six others.")
    assert only(killed, "18").cameo == "1823"  # the wounding is the same attack


def test_an_intransitive_pattern_needs_no_direct_object(code) -> None:
    assert only(code("Chilean truckers struck on Monday."), "14").cameo == "143"
    assert not [m for m in code("Peru struck a blow for free trade.") if m.cameo[:2] == "14"]


def test_a_conflict_noun_with_its_doer_named_is_stated(code) -> None:
    event = only(code("The arrest of ten Chilean fishermen by Peruvian police angered Lima."), "17")
    assert [s.text for s in event.sources] == ["Peruvian"]
    assert [t.text for t in event.targets] == ["Chilean"]
    assert not [
        m for m in code("A visit by Chilean officials to Lima is planned.") if m.cameo[:2] == "04"
    ]


def test_a_participle_on_the_main_event_is_no_event_of_its_own(code) -> None:
    found = code("Chile rejected the Peruvian proposal, urging Lima to sign the older treaty.")
    assert [m.cameo[:2] for m in found if not m.cameo.startswith("01")] == ["12"]


def test_a_clause_a_subordinator_opens_on_the_main_event_is_no_event(code) -> None:
    text = "Rebels killed four villagers in Kenya as police arrested twelve students in Nairobi."
    assert [m.cameo[:2] for m in code(text) if not m.cameo.startswith("01")] == ["18"]
    alone = code("Police arrested twelve students in Nairobi as the strike went on.")
    assert [m.cameo[:2] for m in alone if not m.cameo.startswith("01")] == ["17"]


def test_a_completed_meeting_is_a_meeting(code) -> None:
    text = "Annan wrapped up a three hour meeting with the Iraqi president in Baghdad today."
    event = only(code(text), "04")
    assert [s.text for s in event.sources] == ["Annan"]


def test_a_when_clause_on_a_date_says_what_happened_then(code) -> None:
    text = "Sudan's war began in 1983 when Uganda and Kenya invaded to back rebels fighting it."
    event = only(code(text), "19")
    assert {s.text for s in event.sources} == {"Uganda", "Kenya"}


def test_a_means_gerund_after_by_takes_the_verbs_subject(code) -> None:
    text = "Chile ended the dispute by issuing an ultimatum to Peru."
    assert [s.text for s in only(code(text), "13").sources] == ["Chile"]


def test_an_attack_by_armed_forces_is_conventional_force(code) -> None:
    assert only(code("A Kenyan warship attacked two pirate boats."), "1").cameo == "190"
    assert only(code("Somali gunmen attacked two fishing boats."), "1").cameo == "180"


def test_an_intent_negated_outright_is_a_refusal(code) -> None:
    found = only(code("Canada won't commit more troops to Kenya."), "")
    assert found.cameo.startswith("12") and not found.negated
    assert only(code("Peru did not agree to the Chilean proposal."), "12").cameo == "120"
    still_open = only(code("Peru has not yet agreed to the Chilean proposal."), "03")
    assert still_open.negated


def test_coordinated_violence_is_one_act_named_by_its_outcome(code) -> None:
    found = code("Kenyan police shot and killed a Somali trader in Nairobi.")
    assert [m.cameo for m in found if not m.cameo.startswith("01")] == ["1823"]


def test_a_relative_clause_on_a_participant_is_no_second_event(code) -> None:
    text = "Syria condemned Israel's prime minister, who has vowed not to return the Golan Heights."
    assert [m.cameo[:2] for m in code(text) if not m.cameo.startswith("01")] == ["11"]


def test_a_crowd_gathering_or_taking_to_the_streets_is_a_demonstration(code) -> None:
    text = "Thousands of demonstrators gathered in Nairobi to stand before the parliament."
    assert only(code(text), "14").cameo == "141"
    assert only(code("Thousands of Kenyans took to the streets of Nairobi."), "14").cameo == "141"
    assert not code("Ministers from Kenya gathered in Brussels on Monday.")


def test_family_nouns_take_their_verb_s_codes_unless_a_pattern_names_them() -> None:
    lexicon = load_lexicon()
    codes = {p.code: p for p in lexicon.noun_patterns["deportation"]}
    assert set(codes) == {"174", "201"} and not codes["174"].nouns[0].of  # of thousands: 201
    assert all(p.of_patient for p in lexicon.noun_patterns["deportation"])
    assert not any(p.of_patient for p in lexicon.noun_patterns["surrender"])
    # "arrest" is named by cameo_17_coerce.yaml itself: no family copy beside it
    assert not any(p.origin.startswith("noun_families") for p in lexicon.noun_patterns["arrest"])


def test_every_verb_of_a_coordinated_purpose_clause_is_the_event_s_purpose(code) -> None:
    found = code(
        "Thousands of Kenyans marched in Nairobi on Friday to protest and demand new elections."
    )
    assert [m.cameo for m in found] == ["141"]


def test_state_forces_violence_at_a_crowd_is_repression(code) -> None:
    assert only(code("Kenyan police fired on protesters in Nairobi."), "17").cameo == "175"
    assert only(code("Soldiers beat the demonstrators in Lima."), "17").cameo == "175"
    assert only(code("Kenyan troops fired on the rebels."), "19").cameo == "193"  # no crowd


def test_an_explosive_device_going_off_is_a_bombing(code) -> None:
    assert only(code("A bomb exploded near the Kenyan embassy."), "18").cameo == "183"
    assert only(code("A car bomb went off outside a hotel in Lima."), "18").cameo == "1832"
    assert not [m for m in code("The old boiler exploded in a Lima factory.") if m.cameo >= "02"]


def test_expelling_people_in_numbers_is_a_mass_expulsion(code) -> None:
    assert only(code("Peru expelled tens of thousands of migrants."), "20").cameo == "201"
    assert only(code("Peru expelled two Chilean diplomats."), "16").cameo.startswith("16")


def test_a_plural_noun_after_to_is_no_infinitive(code) -> None:
    assert (
        only(code("The Kenyan government agreed to demands for new elections."), "08").cameo
        == "083"
    )


def test_access_to_a_medium_is_the_medium(code) -> None:
    assert only(code("Kenya blocked access to the internet."), "17").cameo == "1721"


def test_support_rallied_against_someone_is_opposition(code) -> None:
    found = code("The Kenyan opposition rallied support against Uganda.")
    assert only(found, "11").cameo == "113"
    assert only(code("Kenya rallied support for Uganda."), "05").cameo == "053"


def test_an_appeal_on_behalf_of_a_third_party_rallies_support_for_it(code) -> None:
    event = only(code("France lobbied Germany on behalf of Greece."), "05")
    assert event.cameo == "053" and [t.text for t in event.targets] == ["Greece"]


def test_doers_acting_jointly_cooperate_beside_the_act(code) -> None:
    found = code("Kenyan and Ugandan police jointly arrested five suspects in Nairobi.")
    assert sorted(m.cameo for m in found) == ["063", "173"]
    assert [m.cameo for m in code("Kenyan police arrested five suspects in Nairobi.")] == ["173"]


def test_whom_the_outcome_of_a_bombing_names_is_its_target(code) -> None:
    event = only(code("A bomb exploded in Nairobi, killing Moses Kuria."), "18")
    assert event.cameo == "183" and any("Kuria" in t.text for t in event.targets)


@pytest.fixture(scope="module")
def code_titled() -> Callable[[str, str], list[EventMention]]:
    """The coder on one article with a title (default settings: ``titles`` off)."""
    recognizer = EntityRecognizer(EntitiesSettings(n_process=1))

    def coded(title: str, text: str) -> list[EventMention]:
        document = Document(1, "test", title, text)
        (found,) = recognizer.recognize([document])
        return code_article(document, found.parse, found.mentions, load_lexicon())

    return coded


def test_a_title_written_as_a_sentence_is_coded(code_titled) -> None:
    found = code_titled("Peru expelled two Chilean diplomats on Monday.", "Talks resume next week.")
    assert [(m.part, m.cameo[:2]) for m in found] == [(PART_TITLE, "16")]


def test_a_headline_in_title_case_is_not_coded(code_titled) -> None:
    assert code_titled("Peru Expels Two Chilean Diplomats", "Talks resume next week.") == []


# Sentences whose coding reads the token's own characters (a verb's stems beside its rule
# lemma: "reversed" -> "revers"; "according to"; "anti-"), each after a sentence stating nothing.
LATER_SENTENCES = [
    "The government reversed its decision to raise fuel prices after protests.",
    "The opposition filed a lawsuit against the government.",
    "The opposition boycotted the election to demand constitutional reform.",
    "Britain downgraded its relations with Iran.",
    "A car bomb exploded outside the ministry.",
    "Militants massacred civilians.",
]


@pytest.mark.parametrize("sentence", LATER_SENTENCES)
def test_a_sentence_codes_the_same_wherever_it_stands_in_its_article(code, sentence) -> None:
    def coded(text: str, start: int) -> list[tuple]:
        found = [m for m in code(text) if m.trigger.start >= start]
        return sorted((m.cameo, m.trigger.start - start, m.trigger.text) for m in found)

    opening = "The weather was mild on Monday. "
    alone = coded(sentence, 0)
    assert alone  # each states an event
    assert coded(opening + sentence, len(opening)) == alone
    assert coded(opening + "\n\n" + sentence, len(opening) + 2) == alone


@pytest.mark.parametrize(
    "sentence",
    [
        "A Kenyan police spokesman declined to comment on the report.",
        "The Egyptian ministry refused to say how much it paid.",
        "Chile declined to discuss the matter.",
    ],
)
def test_a_refusal_to_speak_is_declining_comment(code, sentence) -> None:
    assert [m.cameo for m in code(sentence)] == ["011"]


def test_a_refusal_to_talk_with_an_actor_is_a_refusal(code) -> None:
    event = only(code("Syria refused to discuss a ceasefire with the rebels."), "12")
    assert event.cameo != "011"


def test_declined_comment_as_a_noun_is_declining_comment(code) -> None:
    assert [m.cameo for m in code("The Kenyan ministry declined comment on Sunday.")] == ["011"]


# False alarms of a kind (frames.yaml's lists), each with the root codes it must not give.
NOT_EVENTS = [
    ("Shares of the Swiss bank rallied 43 cents to $3.95.", "14"),  # a market move
    ("The Dow Jones industrial average has rallied 13.8%.", "14"),
    ("Chilean fire crews were called in to fight a major blaze at the port.", "19"),
    ("Firefighters in Greece battled the flames for hours.", "19"),
    ("Ten people were killed in an earthquake in Peru.", "18"),  # no one acted
    ("A Kenyan was killed in a car accident.", "18"),
    ("A charter plane crashed in Turkey on Monday, killing all 75 people aboard.", "18"),
    ("Defense lawyers said Nichols committed the crimes because of a delusion.", "03"),
    ("The Swiss carmaker said its sales declined more than predicted last month.", "12"),
    ("The Nasdaq Composite Index declined 25.78 points, or 1.56 percent.", "12"),
    ("The Kenyan minister had been in declining health.", "12"),
    ("The Kenyan police failed to pursue other leads.", "12"),
    ("The French film bombed with just $2.9 million.", "19"),
    ("Google has released a new beta of its toolbar.", "08"),  # things, not persons
    ("A report on the Kenyan government's handling of the outbreak has been released.", "08"),
    ("A Georgia judge handed down the maximum sentence on each charge.", "08"),
    ("The Philadelphia 76ers fired Jim O'Brien on Monday after one season.", "19"),
    ("The Dodgers beat Colorado 3-2 on Wednesday.", "18"),  # a game
    ("Howell shot an 8-under 64 on Thursday.", "19"),
    ("The Kenyan goalkeeper was struck in the face by the ball.", "18"),  # a game's mishap
    ("Kenya hit back in the face of the criticism from Uganda.", "18"),  # no body part
    ("Work on the new Kenyan embassy is under way.", "0"),  # no event noun
    ("Ghana listed cocoa as its main export.", "11"),
    # an attack on an idea is criticism, not violence; an illness is no act
    ("Senator Otieno attacked Kenya's plan to raise taxes.", "18"),
    ("Uganda launched a fierce attack on the Kenyan constitution.", "18"),
    ("The Kenyan minister died after suffering a heart attack in Nairobi.", "18"),
    ("Heart attacks kill about 40,000 Kenyans a year.", "18"),
    ("Senator Otieno feared Kenya would be late with the payment.", "11"),  # no judgement
    ("The Kenyan airline moved two jets to Nairobi.", "15"),  # no armed craft
    ("Kenya is considering imposing sanctions on Uganda.", "16"),  # not imposed yet
    ("France led the charge against Kenya's proposal.", "17"),  # an idiom, no legal charge
    ("Uganda retaliated against Kenya with tariffs.", "19"),  # no force
    ("Kenya welcomed Uganda's decision to reopen the border.", "04"),  # no visitor
    ("Kenya accused Uganda of supporting the rebels.", "05"),  # alleged, not an event
]

# Their look-alikes that are events, with the root code each must give.
EVENTS = [
    ("Thousands of protesters rallied in Cairo against the government.", "14"),
    ("Israeli troops opened fire on the protesters in Gaza.", "17"),  # repression of a crowd
    ("Five people were killed in a fire set by rebels in Goma.", "18"),
    ("Kenya committed 500 troops to the mission.", "03"),
    ("A car bomb exploded in Baghdad, killing 12 Iraqi policemen.", "18"),
    ("The Kenyan government declined.", "12"),
    ("Israel and Syria failed to reach an agreement.", "12"),
    ("Kenya Airways rejected a $15 a share offer from Qatar.", "12"),
    ("Israel released 26 Palestinian prisoners.", "08"),
    ("Russia freed the Ukrainian pilot Nadiya Savchenko.", "08"),
    ("Syrian troops fired at the Turkish border post on Monday.", "19"),
    # a blow or shot a body part names is an assault on a person, not a fight
    ("A Kenyan shopkeeper was hit on the head with a bat in Nairobi.", "182"),
    ("The Kenyan guard was shot in the back of the leg outside the bank.", "182"),
    # a settlement is an agreement between its parties
    ("Uganda settled the lawsuit with the Kenyan airline.", "057"),
    ("The former Kenyan treasurer signed a plea deal with prosecutors.", "057"),
    # praise lavished on someone
    ("The Kenyan president showered the athletes with praise.", "051"),
    ("Uganda put its full weight behind the Kenyan candidate.", "051"),
    # an event noun a predicate says is going on happens
    ("A Kenyan police investigation is under way in Mombasa.", "090"),
    ("Talks between Kenya and Uganda are underway.", "04"),
    # naming someone the suspect or a defendant accuses them
    ("The suit lists the Kenyan mayor as a defendant.", "112"),
    ("The two Kenyan drivers were released on Friday.", "0841"),  # persons released
    # verbs ending in -ie keep their lemma ("lied" is "lie", a judgement word)
    ("Senator Otieno said Kenya has lied about the deal.", "112"),
    # reporting verbs report speech, and the judgements in it
    ("Senator Otieno contended that Kenya's decision was unconstitutional.", "111"),
    ("Senator Otieno attacked Kenya's plan to raise taxes.", "111"),
    ("Uganda launched a fierce attack on the Kenyan constitution.", "111"),
    ("Gunmen attacked the Kenyan minister's convoy.", "180"),
    # an event noun a passive light verb carries: by-phrase the doer, the verb's target
    ("A lawsuit was filed by Kenya against Uganda on Monday.", "115"),
    ("An investigation was launched into the Kenyan minister's dealings.", "090"),
    # judgements: a predicate noun of disapproval, a fear, a quarrel, charges notified
    ("Senator Otieno said the Kenyan decree was an attack on the constitution.", "111"),
    ("Senator Otieno fears Kenya is lying about the deal.", "112"),
    ("Kenya Airways is feuding with its pilots over pay.", "110"),
    ("The federation informed Kenya Airways of two safety violations.", "112"),
    ("Uganda singled out Kenya for its handling of the smuggling.", "111"),
    ("Kenyan prosecutors charged the Nairobi mayor with fraud.", "173"),  # with: legal action
    ("Uganda scrambled two fighter jets after the incursion.", "154"),  # armed craft placed
    # an act its doer is weighing is one to come: a threat around conflict, else an intent
    ("Kenya is considering sanctions against Uganda.", "1312"),
    ("Kenya is weighing a lawsuit against Uganda.", "13"),
    ("Kenya is considering sending aid to Uganda.", "033"),
    # an attack repelled is fought; an event noun an outcome verb leads to happened
    ("Kenyan troops repelled an attack by the rebels.", "190"),
    ("A Kenyan frigate fended off a raid by pirates.", "190"),
    ("The raid in Mombasa led to the arrest of ten Kenyan fishermen.", "173"),
    # welcoming a decision praises it; trade retaliation is a sanction; crowds dispersed
    ("Kenya welcomed Uganda's decision to reopen the border.", "051"),
    ("Uganda retaliated against Kenya with tariffs.", "163"),
    ("Kenyan police dispersed the protesters in Nairobi.", "170"),
    ("Mr. Otieno was booked into the Nairobi county jail.", "173"),
    ("Mr. Otieno was gunned down outside his home in Nairobi.", "180"),
    ("Kenya accused Uganda of supporting the rebels.", "112"),
]


@pytest.mark.parametrize(("sentence", "root"), NOT_EVENTS)
def test_false_alarms_of_a_kind_are_no_events(code, sentence, root) -> None:
    assert [m.cameo for m in code(sentence) if m.cameo.startswith(root)] == []


@pytest.mark.parametrize(("sentence", "root"), EVENTS)
def test_their_look_alikes_stay_events(code, sentence, root) -> None:
    assert only(code(sentence), root)


def test_a_passive_light_verb_carries_its_event_noun(code) -> None:
    event = only(code("A lawsuit was filed by Kenya against Uganda on Monday."), "115")
    assert [s.text for s in event.sources] == ["Kenya"]
    assert [t.text for t in event.targets] == ["Uganda"]
    assert not event.negated
    assert only(code("No lawsuit has been filed against Kenya Airways."), "115").negated


def test_violence_no_one_did_in_a_disaster_report_is_the_disasters(code) -> None:
    quake = "A strong earthquake struck southern Iran on Sunday. Ten people were killed."
    assert [m.cameo[:2] for m in code(quake)] == []
    bombing = "A car bomb exploded in Baghdad on Sunday. Ten people were killed."
    assert "18" in [m.cameo[:2] for m in code(bombing) if m.trigger.text == "killed"]
