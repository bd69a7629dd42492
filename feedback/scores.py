"""Session scores from stance.md (MITI 4.2.1 / MITI 3 thresholds), computed from labelled turns."""
from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel, Field

from feedback.risk import NO_CARD, CardRisk
from feedback.types import LABELS, HistoryTurn, TurnFeedback

REPAIR_WINDOW = 2  # trainee turns after a lapse in which a repair still counts


class SessionScores(BaseModel):
    """What a supervisor reads first: balance of reflecting and asking, and how lapses were handled."""

    trainee_turns: int
    counts: dict[str, int] = Field(description="trainee turns per label (all ten labels present)")
    reflections: int = Field(description="reflections + summaries")
    questions: int = Field(description="open + closed questions")
    rq_ratio: float | None = Field(description="reflections / questions; None when no questions")
    rq_band: str | None = Field(description='MITI band: "below fair" (< 1), "fair" (>= 1), "good" (>= 2)')
    complex_reflections: int = Field(0, description="reflections and summaries that add meaning")
    pct_complex_reflections: float | None = Field(None, description="complex / all reflections, in percent")
    complex_band: str | None = Field(None, description='MITI 4.2 band: "below fair" (< 40%), "fair" (>= 40%), "good" (>= 50%)')
    pct_open_questions: float | None = Field(description="open / all questions, in percent")
    open_band: str | None = Field(description='"below fair" (< 50%), "fair" (>= 50%), "good" (>= 70%)')
    lapses: int
    lapse_rate: float = Field(description="lapses / trainee turns")
    possible_lapses: int = Field(0, description="softer notes: lapses the engine is unsure of, advice the client invited")
    exploring_before_first_lapse: int = Field(description="exploring turns before the first lapse (all of them if none)")
    first_lapse_turn: int | None = Field(description="1-based trainee turn number of the first lapse")
    lapses_repaired: int = Field(description="lapses followed by a repair within the next two trainee turns")
    lapses_unrepaired: int
    risk_asked_turns: list[int] = Field(default_factory=list, description="1-based trainee turns that asked about risk")
    risk_cues: int = Field(0, description="client turns carrying a risk cue")
    risk_cues_missed: int = Field(0, description="cues the next two trainee turns did not ask about")


def _band(value: float, fair: float, good: float) -> str:
    return "good" if value >= good else "fair" if value >= fair else "below fair"


def labelled(turns: Sequence[HistoryTurn]) -> list[TurnFeedback]:
    """Feedback for every trainee turn, analysing in context any turn stored without it (and the depth of a
    reflection stored before the engine judged depth)."""
    from feedback import depth
    from feedback.engine import analyse_turn
    from feedback.explain import last_client_text

    out = []
    for i, t in enumerate(turns):
        if t.speaker != "trainee":
            continue
        fb = t.feedback if t.feedback is not None else analyse_turn(t.text, turns[:i])
        if fb.label in depth.REFLECTIONS and fb.complex_reflection is None:
            fb = fb.model_copy(update={"complex_reflection": depth.is_complex(last_client_text(turns[:i]), t.text)})
        out.append(fb)
    return out


def session_scores(turns: Sequence[HistoryTurn], card: CardRisk = NO_CARD) -> SessionScores:
    """`card`: what the persona card says about risk (its own cues always count)."""
    from feedback.risk import missed_risk_cues, risk_cue

    fb = labelled(turns)
    counts = {lab: sum(f.label == lab for f in fb) for lab in LABELS}
    refl = counts["reflection"] + counts["summary"]
    qs = counts["open_question"] + counts["closed_question"]
    rq = round(refl / qs, 2) if qs else None
    pct_open = round(100 * counts["open_question"] / qs, 1) if qs else None
    deep = sum(bool(f.complex_reflection) for f in fb if f.label in ("reflection", "summary"))
    pct_complex = round(100 * deep / refl, 1) if refl else None
    lapse_at = [i for i, f in enumerate(fb) if f.family == "lapse"]
    first = lapse_at[0] if lapse_at else len(fb)
    repaired = sum(any(f.repair for f in fb[i + 1:i + 1 + REPAIR_WINDOW]) for i in lapse_at)
    return SessionScores(
        trainee_turns=len(fb), counts=counts, reflections=refl, questions=qs,
        rq_ratio=rq, rq_band=None if rq is None else _band(rq, 1, 2),
        complex_reflections=deep, pct_complex_reflections=pct_complex,
        complex_band=None if pct_complex is None else _band(pct_complex, 40, 50),
        pct_open_questions=pct_open, open_band=None if pct_open is None else _band(pct_open, 50, 70),
        lapses=len(lapse_at), lapse_rate=round(len(lapse_at) / len(fb), 3) if fb else 0.0,
        possible_lapses=sum(f.possible_lapse is not None for f in fb),
        exploring_before_first_lapse=sum(f.family == "exploring" for f in fb[:first]),
        first_lapse_turn=lapse_at[0] + 1 if lapse_at else None,
        lapses_repaired=repaired, lapses_unrepaired=len(lapse_at) - repaired,
        risk_asked_turns=[i + 1 for i, f in enumerate(fb) if f.asks_about_risk],
        risk_cues=sum(bool(risk_cue(t.text, card)) for t in turns if t.speaker == "client"),
        risk_cues_missed=len(missed_risk_cues(turns, card)),
    )
