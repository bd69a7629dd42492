"""analyse_turn and classify: the fine-tuned model decides over the whole turn and each sentence; the rules break near-ties."""
from __future__ import annotations

from collections.abc import Sequence

from feedback import model, risk
from feedback.explain import build_lapse, is_repair, last_client_text
from feedback.rules import combine, gives_back_a_cause, turn_cues
from feedback.text import MAX_CHARS, clean, sentences
from feedback.types import LAPSES, HistoryTurn, TurnFeedback, family_of

LAPSE_MIN_PROB = 0.5  # a lapse no rule supports needs a majority from the model: a false flag ruptures the simulated client
RULE_TIE = 0.5  # a rule's label stands when the model gives it this share of its top probability (0.9 scored 0.004
#   higher on the held-out split but lost the hard case "a cause the client gave stays a reflection")
SENTENCE_LAPSE_PROB = 0.8  # one sentence this sure of a lapse makes the turn a lapse (stance.md: a lapse anywhere counts)
MAX_SENTENCES = 12  # sentences scored one by one; a longer turn is a pasted essay, judged whole
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


def decide(client_text: str, trainee_text: str, stance: model.StanceModel | None = None,
           probs: TurnProbs | None = None) -> tuple[str, float, str]:
    """Label, confidence and evidence sentence for one turn.

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
        return (top.label or "other"), (top.strength or 0.4), top.sentence
    whole, per_sentence = probs
    label, p = max(whole.items(), key=lambda kv: kv[1])
    if label in LAPSES and p < LAPSE_MIN_PROB and top.label not in LAPSES:
        label, p = max(((k, v) for k, v in whole.items() if k not in LAPSES), key=lambda kv: kv[1])
    if top.label and whole.get(top.label, 0) >= RULE_TIE * p:
        label, p = top.label, max(top.strength, whole[top.label])
    if label == "interpretation" and gives_back_a_cause(trainee_text, client_text):
        label, p = "reflection", max(whole["reflection"], top.strength if top.label == "reflection" else 0.6)
    if label not in LAPSES and per_sentence:
        lapse, q = max(((lab, sp[lab]) for _, sp in per_sentence for lab in LAPSES), key=lambda kv: kv[1])
        if q >= SENTENCE_LAPSE_PROB:
            label, p = lapse, q
    evidence = next((c.sentence for c in cues if c.label == label), "")
    if not evidence and per_sentence:
        evidence = max(per_sentence, key=lambda sp: sp[1][label])[0]
    return label, round(float(p), 3), evidence or top.sentence or trainee_text


def analyse_turn(trainee_text: str, history: Sequence[HistoryTurn] = (), card: risk.CardRisk = risk.NO_CARD) -> TurnFeedback:
    """The engine's verdict on one trainee turn, in the context of the session so far (`card`: what the persona
    card says about risk)."""
    trainee_text = clean(str(trainee_text)[:MAX_CHARS])
    last_client = last_client_text(history)
    label, conf, evidence = decide(last_client, trainee_text)
    cue = risk.open_cue(history, card)
    asks = risk.trainee_asks(trainee_text, cue, bool(cue) and cue in clean(last_client))
    missed = [m for m in risk.missed_risk_cues([*history, HistoryTurn(speaker="trainee", text=trainee_text)], card)
              if m.window_complete and m.trainee_indices[-1] == len(history)] if cue and not asks.flag else []
    return TurnFeedback(
        label=label, confidence=min(1.0, max(0.0, conf)), family=family_of(label),
        lapse=build_lapse(label, evidence or trainee_text, history) if label in LAPSES else None,
        repair=is_repair(trainee_text, label, history),
        asks_about_risk=asks.flag, risk_confidence=asks.confidence,
        risk_cue_missed=missed[0].cue if missed else "",
    )


def classify(client_text: str, trainee_text: str) -> tuple[str, float]:
    """Label and confidence with only the client's previous turn as context (CLI, batch evaluation)."""
    label, conf, _ = decide(clean(client_text), clean(trainee_text))
    return label, conf


def classify_many(pairs: Sequence[tuple[str, str]]) -> list[tuple[str, float]]:
    """`classify` for many turns, embedding them in batches (several times faster than one by one)."""
    pairs = [(clean(c)[-MAX_CHARS:], clean(t)[:MAX_CHARS]) for c, t in pairs]
    return [decide(c, t, probs=p)[:2] for (c, t), p in zip(pairs, model_probs(pairs))]
