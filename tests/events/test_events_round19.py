"""The coder on made-up sentences of session 19's round: a welcome given is a visit hosted,
a gerund after "resorted to" is the act of the clause's subject, "up to" a number counts the
object."""

from __future__ import annotations

from eventwire.model import EventMention


def acts(mentions: list[EventMention]) -> list[EventMention]:
    """The mentions that are no statements."""
    return [m for m in mentions if not m.cameo.startswith("01")]


def test_a_welcome_given_is_a_visit_hosted(code) -> None:
    text = "The king extended a warm welcome to the visiting Chinese president."
    (hosted,) = acts(code(text))
    assert hosted.cameo == "043"
    assert [s.text for s in hosted.sources] == ["king"]
    assert "Chinese" in {s.text for s in hosted.targets}
    text = "President Roe gave a warm welcome on Thursday to the Kenyan leader."
    assert [m.cameo for m in acts(code(text))] == ["043"]
    # a welcome given to a plan, or a welcome received, hosts no one
    assert acts(code("The EU gave a guarded welcome to Iran's proposal.")) == []
    assert acts(code("Israel's offer received a cool welcome from Syria.")) == []


def test_a_gerund_resorted_to_is_the_subject_s_act(code) -> None:
    (thrown,) = acts(code("Protesters resorted to throwing stones at police on Monday."))
    assert thrown.cameo == "145"
    assert [s.text for s in thrown.sources] == ["Protesters"]
    (shelled,) = acts(code("The army turned to shelling rebel positions after the talks."))
    assert [s.text for s in shelled.sources] == ["army"]
    # an objection to an act is no act of the objector's
    (objection, talks) = acts(code("The minister objected to holding talks with the rebels."))
    assert objection.cameo == "114" and talks.sources == ()


def test_up_to_a_number_is_the_object_s_quantity(code) -> None:
    # parsed "kidnapped up" (particle) + "to advisers": the advisers are the ones kidnapped
    text = "Afghan rebels have kidnapped up to 16 Russian civilian advisers from a bazaar."
    (kidnap,) = acts(code(text))
    assert kidnap.cameo == "181"
    assert [t.text for t in kidnap.targets] == ["Russian"]


def test_a_call_for_someone_to_act_is_an_appeal_to_them(code) -> None:
    (appeal,) = acts(code("The UN called for Israel to withdraw from Lebanon."))
    assert appeal.cameo == "020"
    assert [t.text for t in appeal.targets] == ["Israel"]
    text = "Washington called for Russia to release the detained journalist."
    (appeal,) = acts(code(text))
    assert appeal.cameo == "0253" and [t.text for t in appeal.targets] == ["Russia"]
    # the need for someone to act: the act asked of them
    text = "The minister stressed the need for Iran to cooperate with the inspectors."
    (appeal,) = acts(code(text))
    assert appeal.cameo == "021" and [t.text for t in appeal.targets] == ["Iran"]
    assert appeal.hypothetical is False
    assert not [m for m in code(text) if m.cameo.startswith("06")]  # asked for, not done


def test_a_welcome_received_from_someone_or_given_to_them(code) -> None:
    (hosted,) = acts(code("Putin received a warm welcome from Chinese leaders in Beijing."))
    assert hosted.cameo == "043"
    assert [s.text for s in hosted.sources] == ["Chinese"]
    assert [t.text for t in hosted.targets] == ["Putin"]
    (hosted,) = acts(code("Cuba gave Chavez a warm welcome."))
    assert [t.text for t in hosted.targets] == ["Chavez"]


def test_a_call_on_someone_to_stop_an_attack_asks_for_its_end(code) -> None:
    (appeal,) = acts(code("The UN called for Israel to stop attacking Gaza."))
    assert appeal.cameo == "0256"  # an appeal to de-escalate, not opposition rallied
    assert [t.text for t in appeal.targets] == ["Israel"]
    (appeal,) = acts(code("The EU called for Egypt to stop arresting activists."))
    assert appeal.cameo.startswith("02") and [t.text for t in appeal.targets] == ["Egypt"]
    (appeal,) = acts(code("Israel saw no need for Egypt to mediate."))
    assert appeal.negated
    # a vow to stop attacks is no cessation: whose attacks is open
    assert not acts(code("Israel vowed to stop the rocket attacks on its towns."))[
        0
    ].cameo.startswith("03")
