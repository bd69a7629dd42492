"""analyse_turn and classify: the fine-tuned model decides over the whole turn and each sentence; the rules break near-ties."""
from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from feedback import depth, model, risk
from feedback.explain import build_lapse, build_possible, invited_advice, is_repair, last_client_text
from feedback.rules import INVITES_TELLING, asks_about_risk, combine, fold, gives_back_a_cause, turn_cues
from feedback.text import MAX_CHARS, clean, sentences
from feedback.types import LAPSES, HistoryTurn, TurnFeedback, family_of

LAPSE_MIN_PROB = 0.5  # a lapse no rule supports needs a majority from the model: a false flag ruptures the simulated client
RULE_TIE = 0.5  # a rule's label stands when the model gives it this share of its top probability (0.9 scored 0.004
#   higher on the held-out split but lost the hard case "a cause the client gave stays a reflection")
SENTENCE_LAPSE_PROB = 0.98  # one sentence this sure of a lapse makes the turn a lapse (stance.md: a lapse anywhere counts).
#   Engine 3.1, held-out split: 0.8 gave macro-F1 0.922, 0.98 gives 0.927 (skilled sessions' median flag rate 5.6% -> 3.8%)
MAX_SENTENCES = 12  # sentences scored one by one; a longer turn is a pasted essay, judged whole
LAPSE_FLAG_CONFIDENCE = 0.9
"""A lapse the engine is less sure of than this (its probability that the turn is any lapse) is shown as a softer
"possible" note, not flagged: a flag is what a trainee reads as criticism. Chosen on the held-out corpus split for
flag precision of at least 0.90 in every confidence band above it (`python -m feedback evaluate --calibration`)."""
QUESTIONS = ("open_question", "closed_question")
Probs = dict[str, float]
TurnProbs = tuple[Probs, list[tuple[str, Probs]]]  # the whole turn's, and (sentence, probs) for each sentence


def model_probs(pairs: Sequence[tuple[str, str]], stance: model.StanceModel | None = None) -> list[TurnProbs | None]:
    """The model's probabilities for each turn and for each of its sentences (when it has several), in one batch."""
    split = [sentences(trainee)[:MAX_SENTENCES] for _, trainee in pairs]
    split = [parts if len(parts) > 1 else [] for parts in split]
    flat = [(client, text) for (client, trainee), parts in zip(pairs, split) for text in [trainee, *parts]]
    found = (stance or model).predict_proba(flat) if flat else []
    if found is None:
        return [None] * len(pairs)
    out, k = [], 0
    for parts in split:
        out.append((found[k], list(zip(parts, found[k + 1:k + 1 + len(parts)]))))
        k += 1 + len(parts)
    return out


class Decision(NamedTuple):
    """The label shown for a turn, and, when the engine leaned to a lapse it is not sure of, that lapse."""

    label: str
    confidence: float
    evidence: str
    possible: str = ""  # the lapse this turn may be, below LAPSE_FLAG_CONFIDENCE
    lapse_confidence: float = 0.0  # for a lapse label: how sure the engine is that the turn is a lapse of any kind


def decide(client_text: str, trainee_text: str, stance: model.StanceModel | None = None,
           probs: TurnProbs | None = None) -> Decision:
    """Label, confidence and evidence sentence for one turn; a lapse below LAPSE_FLAG_CONFIDENCE comes back as its best
    other reading with the lapse in `possible`.

    The model decides; a rule's label stands when the model gives it RULE_TIE of its top probability (letting
    strong rules overrule the model outright lost F1 on the held-out corpus), and a sentence the model is sure is
    a lapse makes the turn one. `stance` overrides the shipped model (cross-validation); `probs` are model_probs'
    for this turn, computed in a batch.
    """
    client_text, trainee_text = client_text[-MAX_CHARS:], trainee_text[:MAX_CHARS]
    cues = turn_cues(trainee_text, client_text)
    top = combine(cues)
    if probs is None:
        probs = model_probs([(client_text, trainee_text)], stance)[0]
    if probs is None:
        return Decision(top.label or "other", top.strength or 0.4, top.sentence)
    whole, per_sentence = probs
    label, p = max(whole.items(), key=lambda kv: kv[1])
    if label in LAPSES and p < LAPSE_MIN_PROB and top.label not in LAPSES:
        label, p = max(((k, v) for k, v in whole.items() if k not in LAPSES), key=lambda kv: kv[1])
    if top.label and whole.get(top.label, 0) >= RULE_TIE * p:
        label, p = top.label, max(top.strength, whole[top.label])
    if label == "advice" and top.label == "open_question" and INVITES_TELLING.match(fold(trainee_text)):
        label, p = "open_question", max(top.strength, whole["open_question"])  # "Walk me through a normal day."
    if label in ("interpretation", "reassurance") and asks_about_risk(trainee_text):
        label, p = max(((q, whole[q]) for q in QUESTIONS), key=lambda kv: kv[1])  # a risk question is never a lapse
    if label == "interpretation" and gives_back_a_cause(trainee_text, client_text):
        label, p = "reflection", max(whole["reflection"], top.strength if top.label == "reflection" else 0.6)
    if label not in LAPSES and per_sentence:
        lapse, q = max(((lab, sp[lab]) for _, sp in per_sentence for lab in LAPSES), key=lambda kv: kv[1])
        if q >= SENTENCE_LAPSE_PROB:
            label, p = lapse, q
    evidence = next((c.sentence for c in cues if c.label == label), "")
    if not evidence and per_sentence:
        evidence = max(per_sentence, key=lambda sp: sp[1][label])[0]
    evidence = evidence or top.sentence or trainee_text
    if label not in LAPSES:
        return Decision(label, round(float(p), 3), evidence)
    sure = round(float(max(p, sum(whole[lab] for lab in LAPSES))), 3)
    if sure < LAPSE_FLAG_CONFIDENCE:
        shown = top.label if top.label and top.label not in LAPSES else max(
            (k for k in whole if k not in LAPSES), key=whole.__getitem__)
        return Decision(shown, round(float(whole[shown]), 3), evidence, label, sure)
    return Decision(label, round(float(p), 3), evidence, lapse_confidence=sure)


def analyse_turn(trainee_text: str, history: Sequence[HistoryTurn] = (), card: risk.CardRisk = risk.NO_CARD) -> TurnFeedback:
    """The engine's verdict on one trainee turn, in the context of the session so far (`card`: what the persona
    card says about risk)."""
    trainee_text = clean(str(trainee_text)[:MAX_CHARS])
    last_client = last_client_text(history)
    label, conf, evidence, possible, _ = decide(last_client, trainee_text)
    cue = risk.open_cue(history, card)
    asks = risk.trainee_asks(trainee_text, cue, bool(cue) and cue in clean(last_client))
    if asks.flag and (label in ("interpretation", "reassurance") or possible):  # a risk question is never a lapse
        label, possible = (_question_label(trainee_text) if label in LAPSES else label), ""
    if label == "advice" and invited_advice(history):  # the client asked for ideas, or agreed to hear them
        possible = "advice"
    flagged = label in LAPSES and not possible
    missed = [m for m in risk.missed_risk_cues([*history, HistoryTurn(speaker="trainee", text=trainee_text)], card)
              if m.window_complete and m.trainee_indices[-1] == len(history)] if cue and not asks.flag else []
    return TurnFeedback(
        label=label, confidence=min(1.0, max(0.0, conf)), family="neutral" if possible == label else family_of(label),
        lapse=build_lapse(label, evidence or trainee_text, history) if flagged else None,
        possible_lapse=build_possible(possible, evidence or trainee_text, history) if possible else None,
        repair=is_repair(trainee_text, label, history),
        complex_reflection=depth.is_complex(last_client, trainee_text) if label in depth.REFLECTIONS else None,
        asks_about_risk=asks.flag, risk_confidence=asks.confidence,
        risk_cue_missed=missed[0].cue if missed else "",
    )


def _question_label(text: str) -> str:
    """Open or closed, by the rules' reading of the question (closed when they cannot tell)."""
    label = combine(turn_cues(text)).label
    return label if label in QUESTIONS else "closed_question"


def classify(client_text: str, trainee_text: str) -> tuple[str, float]:
    """Label and confidence with only the client's previous turn as context (CLI, batch evaluation)."""
    return decide(clean(client_text), clean(trainee_text))[:2]


def decide_many(pairs: Sequence[tuple[str, str]]) -> list[Decision]:
    """`decide` for many (client, trainee) turns, embedding them in batches (several times faster than one by one)."""
    pairs = [(clean(c)[-MAX_CHARS:], clean(t)[:MAX_CHARS]) for c, t in pairs]
    return [decide(c, t, probs=p) for (c, t), p in zip(pairs, model_probs(pairs))]


def classify_many(pairs: Sequence[tuple[str, str]]) -> list[tuple[str, float]]:
    """`classify` for many turns."""
    return [d[:2] for d in decide_many(pairs)]
