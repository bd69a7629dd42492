"""The client's inner state: how open they are, and how deep they will go.

The rules are deliberately simple and card-driven, so that a course lead can predict from the card
what a lapse will do to the client, and a trainee can see it in the review:

- Exploring moves (open question, reflection, summary, affirmation) raise openness a little; how
  much depends on the card's resistance dial.
- A lapse (advice, interpretation, reassurance) is a rupture: openness falls by the card's
  ``reactions.<kind>.openness_drop`` scaled by the engine's ``severity_score``, and the client answers
  in the card's reaction style until the rupture ends.
- A rupture ends with a repair (the engine's ``repair`` flag), which gives back ``repair.restores`` of
  everything lost during the rupture, or eases after two exploring turns in a row without one.
- Layers: ``layer`` is the deepest layer whose threshold the current openness meets, so it *does* go
  back down when a lapse drops openness below a threshold (the client stops talking from that depth).
  ``reached`` remembers the deepest layer ever unlocked (what was said stays said). While ruptured the
  layer never rises: a client who has just been fixed or explained to does not disclose more.
"""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from feedback.types import EXPLORING, LAPSES, TurnFeedback
from personas.schema import LAYER_ORDER, LayerName, PersonaCard

LapseKind = Literal["advice", "interpretation", "reassurance"]
Event = Literal["start", "warmed", "unlocked", "steady", "rupture", "repaired", "eased"]

START_OPENNESS = {"low": 0.2, "medium": 0.12, "high": 0.05}
"""Openness above the surface threshold at the first turn, by the card's resistance dial."""
RESISTANCE_PACE = {"low": 1.2, "medium": 1.0, "high": 0.85}
"""How quickly exploring moves open the client, by resistance."""
EXPLORING_GAIN = {"reflection": 0.09, "summary": 0.09, "affirmation": 0.07, "open_question": 0.07}
RUPTURED_GAIN_SHARE = 0.5
"""Exploring during a rupture still helps, at half pace: trust comes back slowly."""
EASE_AFTER = 2
"""Exploring turns in a row that end a rupture without an explicit repair."""
DEFAULT_SEVERITY = 0.5
"""Used when the engine labels a lapse but gives no severity detail."""


class ClientState(BaseModel):
    """Saved with every client turn, so the review can show what each lapse did to the client."""

    openness: float = Field(ge=0.0, le=1.0)
    layer: LayerName
    reached: LayerName = Field(description="deepest layer unlocked so far; never goes back down")
    ruptured: bool = False
    rupture_kind: LapseKind | None = None
    rupture_drop: float = Field(0.0, ge=0.0, description="openness lost during the current rupture")
    calm_turns: int = Field(0, ge=0, description="exploring turns in a row since the rupture began")
    turn: int = Field(0, ge=0, description="trainee turns taken into account")
    last_label: str | None = None
    event: Event = "start"
    risk_asked: bool = Field(False, description="the last trainee turn asked about self-harm or suicide")


def _depth(layer: LayerName) -> int:
    return LAYER_ORDER.index(layer)


def layer_for(card: PersonaCard, openness: float) -> LayerName:
    """The deepest layer whose threshold this openness meets."""
    found: LayerName = "surface"
    for name in LAYER_ORDER:
        if openness >= card.layer(name).threshold:
            found = name
    return found


def initial_state(card: PersonaCard) -> ClientState:
    openness = card.disclosure.surface.threshold + START_OPENNESS[card.style.resistance.level]
    openness = min(openness, max(card.disclosure.middle.threshold - 0.05, card.disclosure.surface.threshold))
    return ClientState(openness=round(openness, 4), layer="surface", reached="surface")


def _severity(feedback: TurnFeedback) -> float:
    return feedback.lapse.severity_score if feedback.lapse is not None else DEFAULT_SEVERITY


def next_state(card: PersonaCard, state: ClientState, feedback: TurnFeedback) -> ClientState:
    """The client's state after one trainee turn, as labelled by the feedback engine."""
    openness = state.openness
    ruptured, kind, drop, calm = state.ruptured, state.rupture_kind, state.rupture_drop, state.calm_turns
    event: Event = "steady"
    label = feedback.label

    if label in LAPSES:
        lost = min(openness, card.reaction(label).openness_drop * _severity(feedback))
        openness -= lost
        drop = drop + lost if ruptured else lost
        ruptured, kind, calm, event = True, label, 0, "rupture"
    else:
        gain = EXPLORING_GAIN.get(label, 0.0) * RESISTANCE_PACE[card.style.resistance.level]
        if ruptured and feedback.repair:
            openness += card.repair.restores * drop + gain
            ruptured, kind, drop, calm, event = False, None, 0.0, 0, "repaired"
        elif ruptured:
            openness += gain * RUPTURED_GAIN_SHARE
            calm = calm + 1 if label in EXPLORING else 0
            if calm >= EASE_AFTER:
                ruptured, kind, drop, calm, event = False, None, 0.0, 0, "eased"
        elif gain:
            openness += gain
            event = "warmed"

    openness = round(min(1.0, max(0.0, openness)), 4)
    layer = layer_for(card, openness)
    if ruptured and _depth(layer) > _depth(state.layer):
        layer = state.layer
    reached = state.reached
    if _depth(layer) > _depth(reached):
        reached, event = layer, "unlocked"
    return ClientState(
        openness=openness,
        layer=layer,
        reached=reached,
        ruptured=ruptured,
        rupture_kind=kind,
        rupture_drop=round(drop, 4),
        calm_turns=calm,
        turn=state.turn + 1,
        last_label=label,
        event=event,
        risk_asked=feedback.asks_about_risk,
    )
