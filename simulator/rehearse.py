"""Headless rehearsal: a scripted trainee against a persona, through the real feedback engine.

Course leads use it to try a persona before release; the tests and the benchmark use it to see
whether the client opens up with listening and closes down after lapses.
"""
from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from langchain_core.language_models import BaseChatModel

from feedback.risk import CardRisk
from feedback.types import HistoryTurn, TurnFeedback
from personas.schema import PersonaCard

from .checks import check_reply, near_repeat
from .client import Grounding, PromptForm, SimulatedClient
from .state import initial_state, next_state

PROBES = Path(__file__).parent / "probes"
Analyse = Callable[[str, Sequence[HistoryTurn], CardRisk], TurnFeedback]


def card_risk(card: PersonaCard) -> CardRisk:
    """What the feedback engine needs of the card's risk section."""
    return CardRisk(tuple(card.risk.cues), hints=card.risk.level != "none")


def read_script(path: Path | str) -> list[str]:
    """One trainee utterance per line; blank lines and lines starting with '#' are skipped."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def rehearse(*args, **kwargs) -> list[dict]:
    """``rehearsal_turns``, all at once."""
    return list(rehearsal_turns(*args, **kwargs))


def rehearsal_turns(
    card: PersonaCard,
    script: Iterable[str],
    model: BaseChatModel,
    seed: int | None = 0,
    *,
    prompt_form: PromptForm | None = None,
    analyse: Analyse | None = None,
    timeout_s: float = 60,
    grounding: Grounding = "assembled",
) -> Iterator[dict]:
    """Play the script; one record per trainee turn as each completes, shaped like the CLI's JSON lines.

    Besides the CLI's fields, each record has a ``detail`` object: the fuller state, the checks the
    model's rejected text failed, and timings (``first_chunk_s``, ``reply_s``) for the benchmark.
    """
    if analyse is None:
        from feedback import analyse_turn as analyse

    client = SimulatedClient(card, model, prompt_form=prompt_form, timeout_s=timeout_s, grounding=grounding)
    state = initial_state(card)
    history = [HistoryTurn(speaker="client", text=card.opening_line)]
    for turn, trainee in enumerate(script, start=1):
        verdict = analyse(trainee, history, card_risk(card))
        state = next_state(card, state, verdict)
        history.append(HistoryTurn(speaker="trainee", text=trainee, feedback=verdict))
        started, first = time.perf_counter(), None
        stream = client.stream_reply(history, state, seed=None if seed is None else seed + turn)
        for _ in stream:
            first = first if first is not None else time.perf_counter() - started
        reply = stream.result
        said = [t.text for t in history if t.speaker == "client"]
        history.append(HistoryTurn(speaker="client", text=reply.text))
        yield {
            "turn": turn,
            "trainee": trainee,
            "client": reply.text,
            "source": reply.source,
            "state": {"openness": state.openness, "layer": state.layer},
            "feedback": verdict.model_dump(),
            "detail": {
                "reached": state.reached,
                "ruptured": state.ruptured,
                "event": state.event,
                "attempts": reply.attempts,
                "checks_failed": reply.checks_failed,
                "topic": reply.topic,
                "role_checks": check_reply(reply.text, trainee, earlier_client_lines=tuple(said)),
                "near_repeat": near_repeat(reply.text, said),
                "first_chunk_s": round(first or 0.0, 3),
                "reply_s": round(time.perf_counter() - started, 3),
            },
        }


def interview(card: PersonaCard, model: BaseChatModel, seed: int | None = 0, **options) -> Iterator[dict]:
    """The card's interview probe: its questions about the client's own life, asked in one session. A reply is
    *answered* when it contains what a real answer would (the question's ``expect`` pattern), passes the role
    checks and repeats nothing the client said before. One record per question, as ``rehearsal_turns``'s plus
    ``expect``, ``matched`` and ``answered``."""
    questions = card.interview
    for record, question in zip(rehearsal_turns(card, [q.ask for q in questions], model, seed, **options), questions):
        matched = bool(re.search(question.expect, record["client"], re.IGNORECASE))
        in_role = not record["detail"]["role_checks"]
        yield record | {"expect": question.expect, "matched": matched,
                        "answered": matched and in_role and not record["detail"]["near_repeat"]}


def answered_share(records: Sequence[dict]) -> float | None:
    """Percent of interview questions answered, or None when the card has no interview probe."""
    return round(100 * sum(r["answered"] for r in records) / len(records), 1) if records else None
