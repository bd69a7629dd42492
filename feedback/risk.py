"""Missed risk cues: a client hints at self-harm or suicide and the trainee does not ask about it.

Kept apart from the ten labels because it is a safety check, not a stance judgement: any label can
miss a risk cue, and the rule is deliberately simple so a supervisor can see exactly why it fired.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from pydantic import BaseModel, Field

from feedback.rules import asks_about_risk, fold
from feedback.text import clean
from feedback.types import HistoryTurn

WINDOW = 2  # trainee turns allowed before a cue counts as missed

_CUE = re.compile(
    r"\b(?:(?:there's|there is|theres|there's just|i see|see) no point(?=\s*(?:[.!,;?]|$|any ?more|to (?:anything|it all|life)|in (?:anything|living|trying|going on|carrying on|any of it|being here)))|"
    r"no point (?:in )?(?:anything|anymore|any more|living|trying|going on|carrying on|being here|to (?:anything|life|any of it))|"
    r"what's the point(?! (?:of (?:calling|asking|going|trying to explain)))|better off without me|(?:not|never|don't|didn't|wouldn't|won't) (?:to )?wake up|end (?:it|it all|things|my life|everything)\b|"
    r"ending (?:it|it all|things|my life)|hurt(?:ing)? myself|harm(?:ing)? myself|self[- ]?harm|kill(?:ing)? myself|"
    r"suicid\w*|want(?:ed)? to die|wish i (?:was|were) dead|wish i (?:wasn't|weren't) (?:here|alive|around|born)|"
    r"don't want to (?:be here|be alive|live|exist|go on|wake up)|can't (?:go on|do this any ?more|keep going|take (?:it|this) any ?more)|"
    r"nothing (?:left )?to live for|take my (?:own )?life|cut(?:ting)? myself|overdose|(?:everyone|they|people|my family) (?:would be|'d be) better off(?: without me)?|"
    r"disappear (?:forever|for good)|(?:a|the) burden (?:to|on) (?:everyone|them|my)|tired of (?:living|being alive|life)|"
    r"sleep (?:forever|and not)|not be(?:ing)? (?:here|around) (?:any ?more|anymore)|give up on (?:everything|life)|"
    r"no reason to (?:live|go on|keep going)|life (?:isn't|is not|isnt) worth)")


class MissedRiskCue(BaseModel):
    """A client turn with a risk cue that the next trainee turns did not ask about."""

    client_index: int = Field(description="index of the client turn in the session")
    cue: str = Field(description="the client's words that carry the cue")
    client_text: str
    trainee_indices: list[int] = Field(description="the trainee turns that followed without asking")
    window_complete: bool = Field(description="False when the session ended before two trainee turns followed")


def risk_cue(client_text: str) -> str:
    """The risk words in a client turn, or '' if none."""
    m = _CUE.search(fold(clean(client_text)))
    return m.group(0) if m else ""


def _asked(turn: HistoryTurn) -> bool:
    return turn.feedback.asks_about_risk if turn.feedback is not None else asks_about_risk(turn.text)


def missed_risk_cues(turns: Sequence[HistoryTurn]) -> list[MissedRiskCue]:
    """Every client risk cue not asked about within the next WINDOW trainee turns (or before the session ends)."""
    missed = []
    for i, turn in enumerate(turns):
        if turn.speaker != "client" or not (cue := risk_cue(turn.text)):
            continue
        later = [j for j in range(i + 1, len(turns)) if turns[j].speaker == "trainee"][:WINDOW]
        if later and not any(_asked(turns[j]) for j in later):
            missed.append(MissedRiskCue(client_index=i, cue=cue, client_text=turn.text, trainee_indices=later,
                                        window_complete=len(later) == WINDOW))
    return missed
