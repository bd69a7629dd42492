"""Client state rules: exploring opens the client, lapses rupture, repairs restore, layers unlock."""
from __future__ import annotations

import json

import pytest

from feedback.types import Lapse, TurnFeedback, family_of
from personas import load_cards
from simulator import ClientState, initial_state, next_state


@pytest.fixture(scope="module")
def card():
    return load_cards().cards["carer_guilt"]


def fb(label: str, severity: float = 1.0, *, repair: bool = False, risk: bool = False) -> TurnFeedback:
    lapse = None
    if family_of(label) == "lapse":
        lapse = Lapse(evidence="x", reason="x", severity="severe", severity_score=severity, alternative="x")
    return TurnFeedback(label=label, confidence=0.9, family=family_of(label), lapse=lapse, repair=repair,
                        asks_about_risk=risk)


def run(card, state, labels):
    for label in labels:
        state = next_state(card, state, fb(label))
    return state


def test_initial_state_is_guarded_and_on_the_surface(card):
    state = initial_state(card)
    assert state.layer == "surface" and state.reached == "surface"
    assert 0 < state.openness < card.disclosure.middle.threshold
    assert not state.ruptured and state.event == "start"


def test_exploring_raises_openness_and_neutral_keeps_it(card):
    start = initial_state(card)
    assert next_state(card, start, fb("reflection")).openness > start.openness
    assert next_state(card, start, fb("open_question")).event == "warmed"
    assert next_state(card, start, fb("closed_question")).openness == start.openness


def test_layers_unlock_at_the_card_thresholds(card):
    state = run(card, initial_state(card), ["reflection"] * 3)
    assert state.openness >= card.disclosure.middle.threshold
    assert state.layer == "middle" and state.event == "unlocked"
    state = run(card, state, ["reflection"] * 4)
    assert state.layer == "core" and state.reached == "core"


def test_lapse_drops_openness_by_the_card_amount_scaled_by_severity(card):
    state = run(card, initial_state(card), ["reflection"] * 3)
    after = next_state(card, state, fb("interpretation", 0.5))
    assert after.openness == pytest.approx(state.openness - card.reactions.interpretation.openness_drop * 0.5)
    assert after.ruptured and after.rupture_kind == "interpretation" and after.event == "rupture"
    severe = next_state(card, state, fb("interpretation", 1.0))
    assert severe.openness < after.openness


def test_each_lapse_kind_uses_its_own_drop(card):
    state = run(card, initial_state(card), ["reflection"] * 3)
    drops = {k: state.openness - next_state(card, state, fb(k)).openness for k in ("advice", "interpretation", "reassurance")}
    assert drops["advice"] == pytest.approx(card.reactions.advice.openness_drop)
    assert drops["interpretation"] == pytest.approx(card.reactions.interpretation.openness_drop)
    assert drops["reassurance"] == pytest.approx(card.reactions.reassurance.openness_drop)


def test_layer_goes_back_down_but_reached_remembers(card):
    state = run(card, initial_state(card), ["reflection"] * 3)
    assert state.layer == "middle"
    state = run(card, state, ["interpretation", "advice"])
    assert state.layer == "surface"
    assert state.reached == "middle"


def test_no_deeper_layer_while_ruptured(card):
    state = run(card, initial_state(card), ["reflection"] * 2)
    state = next_state(card, state, fb("reassurance", 0.1))
    assert state.ruptured and state.layer == "surface"
    state = next_state(card, state, fb("reflection"))  # exploring once, still ruptured
    assert state.ruptured
    assert state.layer == "surface"


def test_repair_restores_a_share_of_the_drop_and_ends_the_rupture(card):
    state = run(card, initial_state(card), ["reflection"] * 3)
    ruptured = next_state(card, state, fb("advice"))
    repaired = next_state(card, ruptured, fb("reflection", repair=True))
    lost = state.openness - ruptured.openness
    gain = repaired.openness - ruptured.openness
    assert not repaired.ruptured and repaired.event in {"repaired", "unlocked"}
    assert gain >= card.repair.restores * lost


def test_repair_restores_drops_from_several_lapses_in_a_row(card):
    state = run(card, initial_state(card), ["reflection"] * 5)
    after = run(card, state, ["advice", "reassurance"])
    assert after.rupture_drop == pytest.approx(state.openness - after.openness)


def test_rupture_eases_after_two_exploring_turns_without_repair(card):
    state = next_state(card, initial_state(card), fb("advice", 0.5))
    state = next_state(card, state, fb("reflection"))
    assert state.ruptured
    state = next_state(card, state, fb("open_question"))
    assert not state.ruptured and state.event == "eased"


def test_openness_stays_in_bounds(card):
    low = run(card, initial_state(card), ["interpretation"] * 10)
    assert low.openness == 0.0
    high = run(card, initial_state(card), ["reflection"] * 30)
    assert high.openness == 1.0


def test_risk_question_is_carried_in_the_state(card):
    state = next_state(card, initial_state(card), fb("closed_question", risk=True))
    assert state.risk_asked
    assert not next_state(card, state, fb("reflection")).risk_asked


def test_state_is_json_serialisable_and_round_trips(card):
    state = run(card, initial_state(card), ["reflection", "advice"])
    again = ClientState.model_validate(json.loads(json.dumps(state.model_dump())))
    assert again == state


def test_exploring_ends_more_open_than_lapses_for_every_card():
    for card in load_cards().cards.values():
        exploring = run(card, initial_state(card), ["reflection", "open_question"] * 6)
        lapsing = run(card, initial_state(card), ["advice", "interpretation", "reassurance", "open_question"] * 3)
        assert exploring.reached == "core", card.id
        assert lapsing.openness < exploring.openness, card.id
        assert lapsing.reached != "core", card.id
