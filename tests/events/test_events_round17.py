"""The coder on made-up sentences of denials, seizures of property, arms supplied, riot
control, shows of force and mediation accepted."""

from __future__ import annotations

from eventwire.model import EventMention


def acts(mentions: list[EventMention]) -> list[EventMention]:
    """The mentions that are no statements."""
    return [m for m in mentions if not m.cameo.startswith("01")]


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
    assert [t.text for t in sent.targets] == ["Gulf"]
    (massed,) = acts(code("China massed troops near the Vietnamese border."))
    assert [t.text for t in massed.targets] == ["Vietnamese"]
    (deployed,) = acts(code("Uganda deployed troops along its border with Congo."))
    assert [t.text for t in deployed.targets] == ["Congo"]


def test_mediation_accepted_and_to_be_accepted(code) -> None:
    (accepted,) = acts(code("Armenia accepted Russian mediation in the conflict."))
    assert accepted.cameo == "038"
    (intended,) = acts(code("Sudan said it would accept Qatari mediation."))
    assert intended.cameo == "038"
    (rejected,) = acts(code("Israel rejected Egyptian mediation."))
    assert rejected.cameo == "126"
