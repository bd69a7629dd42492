"""Which of the card's facts answers the trainee's question, or none of them: a small learned model.

Cosine similarity alone ranks a fact's neighbour first too often for a client worth practising with ("Whose idea
was it to come?" found the friends fact; "What do you do for work?" the typical day). This model reads the same
frozen MiniLM vectors (the question turned round into the client's words; each fact's topic and its best-matching
line) and scores every fact of the card against the question, with one more score for "no fact answers this"
(a feelings question, a reflection). A softmax over the card's facts and that "none" gives each fact's probability
of being the answer. It is trained by `python -m simulator train-answers` on invented training personas
(`corpus/interview/`), never on the shipped cards, so their interview probes measure it held out.

A fact's score adds up three kinds of evidence: the cosine ranking's own (topic and best-line cosines, a name the
question uses, the share of the question's content words the fact uses), weighted directly; a hidden layer over the
question's vector times the topic's and the best line's, element by element (a learned weighting of the cosine);
and a low-rank bilinear term between the question and the topic, which can learn that "whose idea was it" asks
what "who suggested it" answers. Inference is numpy: a card's facts score in well under a millisecond.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

ARTEFACT = Path(__file__).parent / "model" / "answers.npz"
SCALARS = 5
STOPWORDS = frozenset(
    "a an the and or but so if then than to of in on at by for with from about into over after before up out off as "
    "is am are was were be been being do does did doing have has had having i me my mine myself you your yours we us "
    "our they them their he him his she her it its this that these those what which who whom whose when where why how "
    "there here any some all just really very much many more most can could would should will shall may might must "
    "not no yes yeah ok okay well like get got go going tell bit little mind say said know think feel thing things "
    "right now still also ever even lot".split()
)
WORD = re.compile(r"[a-z]+")


def content_words(text: str) -> set[str]:
    """Lower-cased words that carry content, cut to five letters (a crude stem: work/working, sleep/sleeping)."""
    return {w[:5] for w in WORD.findall(text.lower().replace("’", "'")) if w not in STOPWORDS and len(w) > 2}


def overlap(question_words: set[str], fact_words: set[str]) -> float:
    return len(question_words & fact_words) / len(question_words) if question_words else 0.0


@dataclass(frozen=True)
class FactVectors:
    """One card's facts, ready to score: topic vectors (facts, dim), each fact's line vectors, content words."""

    topics: np.ndarray
    lines: list[np.ndarray]
    words: list[set[str]]


def fact_inputs(q: np.ndarray, question_words: set[str], facts: FactVectors, names: np.ndarray):
    """(topic vectors, best-line vectors, scalar columns) of every fact for question vector `q`. The scalars: topic
    cosine, best line cosine, mean line cosine, name match (1, 0.5 or 0), and the share of the question's content
    words found in the topic and fact."""
    best, scalars = [], []
    for topic, vectors, words, name in zip(facts.topics, facts.lines, facts.words, names):
        sims = vectors @ q if len(vectors) else np.array([float(topic @ q)])
        best.append(vectors[int(np.argmax(sims))] if len(vectors) else topic)
        scalars.append((float(topic @ q), float(sims.max()), float(sims.mean()), float(name),
                        overlap(question_words, words)))
    return facts.topics, np.array(best, dtype=np.float32).reshape(facts.topics.shape), \
        np.array(scalars, dtype=np.float32).reshape(-1, SCALARS)


@dataclass(frozen=True)
class AnswerModel:
    """Weights: the hidden layer (w1, b1; output w2, b2) over [topic*q, best line*q, scalars]; the direct weighting
    `v` of the scalars; the bilinear term (p q).(r topic); none's score u.q + c + z.(each scalar's largest value over
    the facts: how well the best-matching fact matches)."""

    w1: np.ndarray
    b1: np.ndarray
    w2: np.ndarray
    b2: float
    v: np.ndarray
    p: np.ndarray
    r: np.ndarray
    u: np.ndarray
    c: float
    z: np.ndarray
    threshold: float
    digest: str

    FIELDS = ("w1", "b1", "w2", "b2", "v", "p", "r", "u", "c", "z")

    @classmethod
    def load(cls, path: Path = ARTEFACT) -> AnswerModel:
        with np.load(path) as a:
            return cls(*(a[k] for k in cls.FIELDS), float(a["threshold"]), str(a["digest"]))

    def probabilities(self, q: np.ndarray, topics: np.ndarray, best: np.ndarray, scalars: np.ndarray
                      ) -> tuple[np.ndarray, float]:
        """(each fact's probability of answering, the probability that none does) for question vector `q`."""
        x = np.concatenate([topics * q, best * q, scalars], axis=1)
        hidden = np.maximum(x @ self.w1.T + self.b1, 0.0)
        facts = hidden @ self.w2 + self.b2 + scalars @ self.v + (topics @ self.r.T) @ (self.p @ q)
        logits = np.append(facts, float(q @ self.u) + self.c + float(scalars.max(axis=0) @ self.z))
        e = np.exp(logits - logits.max())
        e /= e.sum()
        return e[:-1], float(e[-1])


@lru_cache(maxsize=1)
def load() -> AnswerModel:
    return AnswerModel.load()
