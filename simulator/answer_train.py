"""Rebuild simulator/model/answers.npz from the training personas, and report held-out figures.

`corpus/interview/<author>_<persona>.yaml` are invented training personas, written here for the purpose: each has
`facts` (topic, fact, says, as on a card) and `questions`, trainee turns labelled with the fact that answers them
(`about`, plus any `also` that answers as well) or `none` (feelings questions, reflections, advice...). A seeded
fifth of the personas (the dev split) is kept out of fitting to choose the threshold and report figures; the shipped
cards are never trained on, and their interview questions give the figure that matters (`evaluate`).

    python -m simulator train-answers      # about 2.5 minutes on 2 cores (most of it embedding); prints the figures
    python -m simulator evaluate-answers   # the figures for the artefact as shipped
"""
from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml

from . import answering
from .grounding import CardIndex, Material, index_for

CORPUS = Path(__file__).parent / "corpus" / "interview"
SEED = 0
DEV_SHARE = 0.2
HIDDEN = 64
RANK = 32
EPOCHS = 60
LEARNING_RATE, WEIGHT_DECAY, DROPOUT = 2e-3, 1e-4, 0.1
MAX_NONE_GIVEN_A_FACT = 0.1
THRESHOLDS = tuple(round(t, 2) for t in np.arange(0.2, 0.96, 0.05))


@dataclass
class Persona:
    name: str
    file: str
    facts: list[dict]
    questions: list[dict]


def read_personas() -> list[Persona]:
    out = []
    for path in sorted(CORPUS.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        out.append(Persona(data["display_name"], path.stem, data["facts"], data["questions"]))
    return out


def split(personas: Sequence[Persona]) -> tuple[list[Persona], list[Persona]]:
    """(fit, dev) by persona: a question about a persona the model has seen says little about a new card."""
    order = list(personas)
    random.Random(SEED).shuffle(order)
    n_dev = max(1, round(len(order) * DEV_SHARE))
    dev = {p.file for p in order[:n_dev]}
    return [p for p in personas if p.file not in dev], [p for p in personas if p.file in dev]


def digest(personas: Sequence[Persona]) -> str:
    h = hashlib.sha256()
    for p in personas:
        h.update(yaml.safe_dump({"name": p.name, "facts": p.facts, "questions": p.questions}, sort_keys=True).encode())
    return h.hexdigest()[:16]


@dataclass
class Examples:
    """One persona's questions as arrays: question vectors (questions, dim); topic vectors (facts, dim); best-line
    vectors (questions, facts, dim); scalars (questions, facts, SCALARS); and which of the facts plus "none" (the
    last column) answer each."""

    q: np.ndarray
    topics: np.ndarray
    best: np.ndarray
    scalars: np.ndarray
    answers: np.ndarray
    asks: list[str]

    def rows(self):
        """Each question's model inputs (as `AnswerModel.probabilities` takes them) and its answers."""
        for i in range(len(self.asks)):
            yield (self.q[i], self.topics, self.best[i], self.scalars[i]), self.answers[i]


def examples(persona: Persona) -> Examples:
    index = CardIndex(persona.name, [Material("fact", f["topic"], tuple(f["says"]), f["fact"]) for f in persona.facts])
    topics = [f["topic"] for f in persona.facts]
    qs, bests, scalars, answers = [], [], [], []
    for question in persona.questions:
        q, topic_vectors, best, scalar = index.fact_inputs(question["ask"])
        right = np.zeros(len(topics) + 1, dtype=bool)
        if question["about"] == "none":
            right[-1] = True
        else:
            for topic in (question["about"], *question.get("also", [])):
                right[topics.index(topic)] = True
        qs.append(q)
        bests.append(best)
        scalars.append(scalar)
        answers.append(right)
    return Examples(np.array(qs), topic_vectors, np.array(bests), np.array(scalars), np.array(answers),
                    [q["ask"] for q in persona.questions])


def fit(data: Sequence[Examples], epochs: int = EPOCHS) -> dict[str, np.ndarray]:
    """Softmax over each persona's facts and "none"; the loss is minus the log of the answers' total probability."""
    import torch

    torch.manual_seed(SEED)
    rng = random.Random(SEED)
    dim = data[0].q.shape[1]
    hidden, out = torch.nn.Linear(2 * dim + answering.SCALARS, HIDDEN), torch.nn.Linear(HIDDEN, 1)
    direct = torch.nn.Linear(answering.SCALARS, 1, bias=False)
    p, r = torch.nn.Linear(dim, RANK, bias=False), torch.nn.Linear(dim, RANK, bias=False)
    none, none_scalars = torch.nn.Linear(dim, 1), torch.nn.Linear(answering.SCALARS, 1, bias=False)
    with torch.no_grad():  # start from the cosine ranking: half topic, half best line, a bonus for a name
        direct.weight[:] = torch.tensor([[5.0, 5.0, 0.0, 2.5, 0.0]])
        p.weight.mul_(0.1)
        r.weight.mul_(0.1)
    modules = (hidden, out, direct, p, r, none, none_scalars)
    opt = torch.optim.AdamW([w for m in modules for w in m.parameters()], lr=LEARNING_RATE, weight_decay=WEIGHT_DECAY)
    tensors = [tuple(torch.from_numpy(a) for a in (d.q, d.topics, d.best, d.scalars, d.answers)) for d in data]
    drop = torch.nn.functional.dropout
    for _ in range(epochs):
        rng.shuffle(tensors)
        for q, topics, best, scalars, right in tensors:
            qd = q[:, None, :]
            x = torch.cat([topics[None] * qd, best * qd, scalars], dim=-1)
            facts = out(torch.relu(hidden(drop(x, DROPOUT, True))))[..., 0] + direct(scalars)[..., 0] \
                + (r(topics)[None] * p(drop(q, DROPOUT, True))[:, None, :]).sum(-1)
            logits = torch.cat([facts, none(q) + none_scalars(scalars.max(1).values)], dim=1)
            loss = (logits.logsumexp(1) - logits.masked_fill(~right, float("-inf")).logsumexp(1)).mean()
            opt.zero_grad()
            loss.backward()
            opt.step()

    def np_(t):
        return t.detach().numpy().astype(np.float32)

    return {"w1": np_(hidden.weight), "b1": np_(hidden.bias), "w2": np_(out.weight[0]), "b2": np_(out.bias[0]),
            "v": np_(direct.weight[0]), "p": np_(p.weight), "r": np_(r.weight), "u": np_(none.weight[0]),
            "c": np_(none.bias[0]), "z": np_(none_scalars.weight[0])}


def model_from(arrays: dict[str, np.ndarray], threshold: float = 0.5) -> answering.AnswerModel:
    """The model the arrays `fit` returned make, before its threshold is chosen (figures on the dev split)."""
    return answering.AnswerModel(*(arrays[k] for k in answering.AnswerModel.FIELDS), threshold, "")


def outcomes(model: answering.AnswerModel, data: Sequence[Examples]) -> list[tuple[float, bool, bool]]:
    """Per question: (the probability that some fact answers it, whether one does, whether the top fact is one)."""
    out = []
    for d in data:
        for inputs, right in d.rows():
            p, none = model.probabilities(*inputs)
            top = int(np.argmax(p))
            out.append((1.0 - none, not right[-1], bool(right[top])))
    return out


def top_choice(data: Sequence[Examples], model: answering.AnswerModel | None) -> float:
    """Of the questions a fact answers, the share whose top fact is a right one: by the model, or (None) by the
    cosine ranking (half topic, half best line, a bonus for a name)."""
    right = total = 0
    for d in data:
        for inputs, answers in d.rows():
            if answers[-1]:
                continue
            score = model.probabilities(*inputs)[0] if model else inputs[3] @ np.array([0.5, 0.5, 0.0, 0.25, 0.0])
            right += bool(answers[int(np.argmax(score))])
            total += 1
    return right / max(1, total)


def threshold_table(results: list[tuple[float, bool, bool]]) -> list[dict]:
    """At each threshold (the top fact answers when the probability that some fact answers reaches it; "Tell me about
    your family" spreads its probability over every relative's fact): of the questions a fact answers,
    the share answered by a right fact and by a wrong one; of the rest, the share given a fact anyway."""
    factual = [r for r in results if r[1]]
    other = [r for r in results if not r[1]]
    rows = []
    for t in THRESHOLDS:
        rows.append({"threshold": t,
                     "right": sum(p >= t and ok for p, _, ok in factual) / max(1, len(factual)),
                     "wrong": sum(p >= t and not ok for p, _, ok in factual) / max(1, len(factual)),
                     "none_given_a_fact": sum(p >= t for p, _, _ in other) / max(1, len(other))})
    return rows


def choose_threshold(rows: list[dict]) -> float:
    """The lowest threshold at which at most MAX_NONE_GIVEN_A_FACT of the dev turns no fact answers get a fact anyway,
    so that as many factual questions as that allows are answered. (A wrong fact costs no more than no fact: either
    way the question goes unanswered. A feelings question answered with a fact is the harm to bound: below the
    threshold it gets a line from the layers instead.)"""
    return next((r["threshold"] for r in rows if r["none_given_a_fact"] <= MAX_NONE_GIVEN_A_FACT), rows[-1]["threshold"])


def shipped_card_figures(model: answering.AnswerModel | None = None) -> dict[str, float]:
    """On the shipped cards' interview questions (never trained on): the share whose top fact has a line matching
    the question's expected content, by the answer model and by the cosine ranking it replaced."""
    from personas import load_cards

    by_model = by_cosine = total = 0
    model = model or answering.load()
    for card in load_cards().cards.values():
        index = index_for(card)
        for item in card.interview:
            expect = re.compile(item.expect, re.I)
            p, _ = model.probabilities(*index.fact_inputs(item.ask))
            top = index.materials[index.facts[int(np.argmax(p))]]
            cosine = index.rank(item.ask, ["fact"])[0].material
            by_model += any(expect.search(line) for line in top.lines)
            by_cosine += any(expect.search(line) for line in cosine.lines)
            total += 1
    return {"questions": total, "model": by_model / max(1, total), "cosine": by_cosine / max(1, total)}


def train(path: Path = answering.ARTEFACT) -> dict:
    personas = read_personas()
    fit_personas, dev_personas = split(personas)
    arrays = fit([examples(p) for p in fit_personas])
    dev = [examples(p) for p in dev_personas]
    table = threshold_table(outcomes(model_from(arrays), dev))
    threshold = choose_threshold(table)
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(path, **arrays, threshold=np.array(threshold, dtype=np.float32),
                        digest=np.array(digest(personas)))
    answering.load.cache_clear()
    return {"personas": len(personas), "fit": len(fit_personas), "dev": len(dev_personas),
            "dev_questions": sum(len(d.asks) for d in dev), "threshold": threshold, "table": table,
            "top": top_choice(dev, model_from(arrays)), "top_cosine": top_choice(dev, None),
            "shipped": shipped_card_figures()}


def evaluate() -> dict:
    model = answering.load()
    _, dev_personas = split(read_personas())
    dev = [examples(p) for p in dev_personas]
    return {"threshold": model.threshold, "table": threshold_table(outcomes(model, dev)), "shipped": shipped_card_figures(),
            "top": top_choice(dev, model), "top_cosine": top_choice(dev, None)}


def report(figures: dict) -> str:
    lines = [f"threshold {figures['threshold']:.2f}"]
    if "personas" in figures:
        lines.insert(0, f"{figures['personas']} training personas: {figures['fit']} fit, {figures['dev']} dev "
                        f"({figures['dev_questions']} dev turns)")
    lines.append(f"dev split, questions a fact answers, top fact right: answer model {figures['top']:.1%}, "
                 f"cosine ranking {figures['top_cosine']:.1%}")
    lines.append("dev split      threshold  right  wrong  none given a fact")
    for r in figures["table"]:
        mark = " <-" if abs(r["threshold"] - figures["threshold"]) < 1e-6 else ""
        lines.append(f"               {r['threshold']:.2f}       {r['right']:.3f}  {r['wrong']:.3f}  "
                     f"{r['none_given_a_fact']:.3f}{mark}")
    s = figures["shipped"]
    lines.append(f"shipped cards' {s['questions']} interview questions, top fact holds the answer: "
                 f"answer model {s['model']:.1%}, cosine ranking {s['cosine']:.1%}")
    return "\n".join(lines)
