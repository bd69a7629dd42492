"""The stance engine: labels each trainee turn, explains lapses, scores sessions, flags missed risk cues.

Offline and deterministic: transparent cue rules (rules.py) plus all-MiniLM-L6-v2 with its top layers fine-tuned
on the project's own corpus (model.py, artefact in feedback/model/). Never imports streamlit.
"""
from feedback.engine import analyse_turn, classify
from feedback.model import ENGINE_VERSION
from feedback.risk import CardRisk, MissedRiskCue, missed_risk_cues
from feedback.scores import SessionScores, session_scores
from feedback.types import EXPLORING, LABELS, LAPSES, NEUTRAL, HistoryTurn, Lapse, TurnFeedback, family_of

__all__ = [
    "CardRisk", "ENGINE_VERSION", "EXPLORING", "LABELS", "LAPSES", "NEUTRAL", "HistoryTurn", "Lapse", "MissedRiskCue",
    "SessionScores", "TurnFeedback", "analyse_turn", "classify", "family_of", "missed_risk_cues", "session_scores",
]
