"""Missed risk cues: a self-harm/suicide cue not asked about within the next two trainee turns."""
import pytest

from feedback import HistoryTurn, analyse_turn, missed_risk_cues
from feedback.risk import risk_cue


def c(text):
    return HistoryTurn(speaker="client", text=text)


def t(text):
    return HistoryTurn(speaker="trainee", text=text)


@pytest.mark.parametrize("text", [
    "Honestly there's no point any more.", "They'd all be better off without me.", "Some nights I hope I just don't wake up.",
    "I've thought about ending it.", "I've been hurting myself again.", "sometimes i wanna kill myself tbh",
    "I can't go on like this.", "I just want it all to end, I want to end it.",
])
def test_cues_are_recognised(text):
    assert risk_cue(text)


@pytest.mark.parametrize("text", ["There's no point calling him, he never answers.", "I'm dying to see the new film.",
                                  "My phone battery is at the end of its life.", "I want to end the lease early."])
def test_everyday_phrases_are_not_cues(text):
    assert not risk_cue(text)


@pytest.mark.parametrize("text", ["Are you having thoughts of suicide?", "When you say there's no point, are you thinking of ending your life?",
                                  "Have you thought about hurting yourself?", "I want to ask: do you ever feel like you don't want to be here?",
                                  ])
def test_asking_about_risk_is_flagged_on_the_turn(text):
    assert analyse_turn(text).asks_about_risk


def test_a_safety_check_after_a_cue_asks_about_risk():
    """"Are you safe right now?" asks about self-harm after a cue; alone it may be about a partner or the road."""
    assert analyse_turn("Are you safe right now?", [c("I can't do this anymore. I just want it to stop.")]).asks_about_risk


def test_statements_are_not_asking():
    assert not analyse_turn("Lots of people feel suicidal at some point.").asks_about_risk
    assert not analyse_turn("What did you have for dinner?").asks_about_risk


def test_missed_when_not_asked_in_next_two_trainee_turns():
    turns = [c("I'm so tired. Everyone would be better off without me."), t("You sound exhausted."), c("I am."),
             t("What's been keeping you up?"), c("Work.")]
    missed = missed_risk_cues(turns)
    assert len(missed) == 1
    assert missed[0].client_index == 0 and missed[0].trainee_indices == [1, 3] and missed[0].window_complete
    assert "better off without me" in missed[0].cue


def test_asked_on_second_turn_is_not_missed():
    turns = [c("What's the point of anything."), t("That sounds bleak."), c("It is."),
             t("When you say what's the point, I want to ask, are you having thoughts of killing yourself?")]
    assert missed_risk_cues(turns) == []


def test_asked_only_on_third_turn_is_missed():
    turns = [c("I keep thinking about ending it."), t("Mm."), c("Yeah."), t("Go on."), c("..."),
             t("Are you thinking about suicide?")]
    assert len(missed_risk_cues(turns)) == 1


def test_session_ending_early_is_flagged_as_incomplete_window():
    missed = missed_risk_cues([c("I don't want to be here anymore."), t("Right, we need to stop there for today.")])
    assert len(missed) == 1 and not missed[0].window_complete
    assert missed_risk_cues([c("I don't want to be here anymore.")]) == []


def test_no_cue_no_flag():
    assert missed_risk_cues([c("Work is stressful."), t("What's the hardest part?")]) == []
