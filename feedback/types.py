"""Shared shapes for the stance engine's output.

These are the contract between `feedback` (which produces them), `simulator` (whose client state
reacts to them), `logbook` (which stores them as JSON) and the pages (which show them).
"""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

Label = Literal[
    "open_question",
    "closed_question",
    "reflection",
    "summary",
    "affirmation",
    "information",
    "other",
    "advice",
    "interpretation",
    "reassurance",
]
LABELS: tuple[str, ...] = Label.__args__  # type: ignore[attr-defined]
EXPLORING = frozenset({"open_question", "reflection", "summary", "affirmation"})
NEUTRAL = frozenset({"closed_question", "information", "other"})
LAPSES = frozenset({"advice", "interpretation", "reassurance"})

Family = Literal["exploring", "neutral", "lapse"]
Severity = Literal["mild", "moderate", "severe"]


def family_of(label: str) -> Family:
    if label in LAPSES:
        return "lapse"
    if label in EXPLORING:
        return "exploring"
    return "neutral"


class Lapse(BaseModel):
    """Why a trainee turn closed the conversation down, and what would have kept it open."""

    evidence: str = Field(description="the span of the trainee's own words that carries the lapse")
    reason: str = Field(description="one plain sentence: what this closes down for the client")
    severity: Severity
    severity_score: float = Field(ge=0.0, le=1.0, description="0 mild .. 1 severe; drives the client's state")
    context: list[str] = Field(default_factory=list, description="context that changed the severity, in words")
    alternative: str = Field(description="a more curious response built from the client's own words")
    label: str = Field("", description="on a possible note: the lapse it may be (a flagged lapse's is the turn's label)")


class TurnFeedback(BaseModel):
    """The engine's verdict on one trainee turn."""

    label: Label
    confidence: float = Field(ge=0.0, le=1.0)
    family: Family
    lapse: Lapse | None = Field(None, description="a flagged lapse; family is 'lapse' exactly when this is set")
    possible_lapse: Lapse | None = Field(None, description="a softer note: a lapse the engine is unsure of, or advice the "
                                         "client invited; the label is the engine's best other reading")
    repair: bool = Field(default=False, description="this turn repairs an earlier lapse")
    complex_reflection: bool | None = Field(default=None, description="for a reflection or summary: does it add meaning "
                                            "(MITI's complex reflection)? None for other labels")
    asks_about_risk: bool = Field(default=False, description="this turn asks about self-harm or suicide")
    risk_confidence: float = Field(default=0.0, ge=0.0, le=1.0, description="the risk detector's confidence that it asks")
    risk_cue_missed: str = Field(default="", description="the client's cue this turn left unasked for the second turn running")


class HistoryTurn(BaseModel):
    """One earlier turn of the session, as the engine sees it."""

    speaker: Literal["trainee", "client"]
    text: str
    feedback: TurnFeedback | None = None


LABEL_NAMES: dict[str, str] = {
    "open_question": "Open question",
    "closed_question": "Closed question",
    "reflection": "Reflection",
    "summary": "Summary",
    "affirmation": "Affirmation",
    "information": "Information",
    "other": "Other",
    "advice": "Advice",
    "interpretation": "Interpretation",
    "reassurance": "Reassurance",
}
