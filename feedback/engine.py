"""analyse_turn and classify: rules first, the trained model where the rules are unsure."""
from __future__ import annotations

from collections.abc import Sequence

from feedback import model
from feedback.explain import build_lapse, is_repair, last_client_text
from feedback.rules import asks_about_risk, combine, turn_cues
from feedback.text import MAX_CHARS, clean
from feedback.types import LAPSES, HistoryTurn, TurnFeedback, family_of

LAPSE_MIN_PROB = 0.5  # a lapse no rule supports needs a majority from the model: a false flag ruptures the simulated client


def decide(client_text: str, trainee_text: str, linear: model.LinearModel | None = None,
           probs: dict[str, float] | None = None) -> tuple[str, float, str]:
    """Label, confidence and evidence sentence for one turn.

    The model decides, with the rules' cues among its features; a rule's label stands when the model gives it at
    least half the top probability (measured on the held-out corpus, letting strong rules overrule the model lost
    F1). `linear` overrides the shipped model (cross-validation); `probs` are the model's, computed in a batch.
    """
    client_text, trainee_text = client_text[-MAX_CHARS:], trainee_text[:MAX_CHARS]
    cues = turn_cues(trainee_text, client_text)
    top = combine(cues)
    if probs is None:
        found = (linear or model).predict_proba([(client_text, trainee_text)])
        probs = found[0] if found else None
    if probs is None:
        return (top.label or "other"), (top.strength or 0.4), top.sentence
    label, p = max(probs.items(), key=lambda kv: kv[1])
    if label in LAPSES and p < LAPSE_MIN_PROB and top.label not in LAPSES:
        label, p = max(((k, v) for k, v in probs.items() if k not in LAPSES), key=lambda kv: kv[1])
    if top.label and probs.get(top.label, 0) >= 0.5 * p:
        label, p = top.label, max(top.strength, probs[top.label])
    evidence = next((c.sentence for c in cues if c.label == label), top.sentence or trainee_text)
    return label, round(float(p), 3), evidence


def analyse_turn(trainee_text: str, history: Sequence[HistoryTurn] = ()) -> TurnFeedback:
    """The engine's verdict on one trainee turn, in the context of the session so far."""
    trainee_text = clean(str(trainee_text)[:MAX_CHARS])
    label, conf, evidence = decide(last_client_text(history), trainee_text)
    return TurnFeedback(
        label=label, confidence=min(1.0, max(0.0, conf)), family=family_of(label),
        lapse=build_lapse(label, evidence or trainee_text, history) if label in LAPSES else None,
        repair=is_repair(trainee_text, label, history),
        asks_about_risk=asks_about_risk(trainee_text),
    )


def classify(client_text: str, trainee_text: str) -> tuple[str, float]:
    """Label and confidence with only the client's previous turn as context (CLI, batch evaluation)."""
    label, conf, _ = decide(clean(client_text), clean(trainee_text))
    return label, conf


def classify_many(pairs: Sequence[tuple[str, str]]) -> list[tuple[str, float]]:
    """`classify` for many turns, embedding them in batches (several times faster than one by one)."""
    pairs = [(clean(c)[-MAX_CHARS:], clean(t)[:MAX_CHARS]) for c, t in pairs]
    probs = model.predict_proba(pairs) or [None] * len(pairs)
    return [decide(c, t, probs=p)[:2] for (c, t), p in zip(pairs, probs)]
