"""Precision first: a lapse the engine is unsure of is a softer "possible" note, not a flag; the threshold comes from
a reliability table on held-out turns; a risk question and an invitation to tell are never lapses."""
from feedback import HistoryTurn, analyse_turn, session_scores
from feedback.engine import LAPSE_FLAG_CONFIDENCE, decide
from feedback.evaluate import flag_threshold, reliability
from feedback.types import LABELS

CLIENT = "Work has been non-stop and I'm not sleeping."
TURN = "The overtime again."  # no rule reads it: the model alone decides


def probs(**given):
    whole = {lab: 0.0 for lab in LABELS} | given
    return whole, []


def test_an_unsure_lapse_is_shown_as_its_best_other_reading_with_a_possible_note():
    d = decide(CLIENT, TURN, probs=probs(advice=0.6, reflection=0.3, other=0.1))
    assert d.label == "reflection" and d.possible == "advice" and d.lapse_confidence == 0.6


def test_a_sure_lapse_is_a_lapse_and_lapse_mass_counts_together():
    assert decide(CLIENT, TURN, probs=probs(advice=0.95, other=0.05)).label == "advice"
    d = decide(CLIENT, TURN, probs=probs(advice=0.7, interpretation=0.25, other=0.05))
    assert d.label == "advice" and not d.possible and d.lapse_confidence >= LAPSE_FLAG_CONFIDENCE


def test_the_possible_note_reaches_the_turn_and_the_scores_but_is_not_a_lapse(monkeypatch):
    from feedback import engine

    monkeypatch.setattr(engine, "model_probs", lambda pairs, stance=None: [probs(advice=0.6, reflection=0.4)] * len(pairs))
    history = [HistoryTurn(speaker="client", text=CLIENT)]
    fb = analyse_turn(TURN, history)
    assert fb.label == "reflection" and fb.family == "exploring" and fb.lapse is None
    assert fb.possible_lapse.label == "advice" and fb.possible_lapse.severity == "mild"
    assert "may read as advice" in fb.possible_lapse.reason
    scores = session_scores([*history, HistoryTurn(speaker="trainee", text=TURN, feedback=fb)])
    assert scores.lapses == 0 and scores.possible_lapses == 1


def test_reliability_bins_and_the_threshold_they_allow():
    gold = ["advice"] * 9 + ["reflection"] + ["advice", "reflection", "reflection", "advice"]
    pred = ["advice"] * 14
    conf = [0.97] * 10 + [0.85] * 4
    rows = {r["bin"]: r for r in reliability(gold, pred, conf, lapses_only=True)}
    assert rows["0.95-1.00"]["turns"] == 10 and rows["0.95-1.00"]["any_lapse"] == 0.9
    assert rows["0.80-0.90"]["any_lapse"] == 0.5
    assert flag_threshold(gold, pred, conf) == 0.95  # the 0.8 band is right only half the time
    assert flag_threshold(gold, pred, conf, precision=0.5) == 0.8


def test_a_risk_question_is_never_a_lapse():
    history = [HistoryTurn(speaker="client", text="Honestly everyone would be better off without me around.")]
    for ask in ("r u thinking of killing urself", "Sometimes when people feel this low they think about ending their life. Is that true for you?"):
        fb = analyse_turn(ask, history)
        assert fb.asks_about_risk and fb.family != "lapse" and fb.lapse is None, (ask, fb.label)


def test_an_invitation_to_tell_is_an_open_question_not_advice():
    for turn in ("Walk me through a normal workday.", "Talk me through what happens in the evenings.",
                 "Tell me about the last time it happened."):
        fb = analyse_turn(turn, [HistoryTurn(speaker="client", text="Work is the same every day, it grinds me down.")])
        assert fb.label == "open_question", (turn, fb.label)
    assert analyse_turn("Walk the dog every evening, it will clear your head.",
                        [HistoryTurn(speaker="client", text="I can't switch off after work.")]).label == "advice"
