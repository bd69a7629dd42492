"""What the client draws on for each reply: the card material most relevant to the trainee's turn.

Every piece of the card the client may say (plain facts, each disclosure layer's lines, the reactions, the
repair lines, and the quoted answers in ``risk.if_asked``) becomes a `Material`, embedded once per card with
the sentence encoder the feedback engine ships (all-MiniLM-L6-v2, base weights). Per turn the trainee's words
are embedded and the materials ranked by cosine similarity, plus a bonus when the turn names a person or place
the material names: MiniLM represents "Who is Imran?" mostly by its shape, so a name needs the help.

The state decides *which* materials may be ranked (the layers reached so far, the reaction while ruptured,
the risk answers once risk is asked about); this module only ranks them.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from personas.schema import LAYER_ORDER, PersonaCard

from . import answering
from .checks import repeats

TOPIC_SHARE = 0.5
"""A material's score: this share of its topic's similarity plus the rest of its best line's (on the shipped cards'
interview questions the top fact held the answer for 90.5% of questions as asked; 88.1% by the best vector alone,
89.3% by topic alone)."""
NAME_BONUS = 0.25
"""Added when the turn names someone the material is about (half when the name is only in its lines)."""
NAME = re.compile(r"\b[A-Z][a-z]{2,}(?:'s)?\b")
NOT_NAMES = frozenset(
    "The This That They There Then What When Where Who Why How And But Yeah Yes Not Just Well Maybe Sure Okay Sorry "
    "She Her His Him You Your Mum Dad Mom Christ God Mass Fridays Friday Monday Tuesday Wednesday Thursday Saturday "
    "Sunday Christmas June July January February March April May August September October November December".split()
)
RISK_QUOTE = re.compile(r"(?:^|(?<=[.!?\"”]))\s*([^\"“”]*?)\s*[\"“]([^\"”]{8,})[\"”]")


TO_FIRST_PERSON = [(re.compile(a, re.I), b) for a, b in [
    (r"\byou're\b", "I'm"), (r"\byou've\b", "I've"), (r"\byou'll\b", "I'll"), (r"\byourself\b", "myself"),
    (r"\byour\b", "my"), (r"\byou\b", "I"), (r"\bare I\b", "am I"), (r"\bI are\b", "I am")]]
"""The trainee's "you" is the client's "I": a question turned round reads like the lines that answer it
(on the shipped cards' interview questions the top fact held the answer for 92.9% turned, 90.5% as asked)."""


def as_the_client_would_say(text: str) -> str:
    for pattern, replacement in TO_FIRST_PERSON:
        text = pattern.sub(replacement, text)
    return text


@dataclass(frozen=True)
class Material:
    """One piece of the card the client may say: what it is about, and the client's own lines for it."""

    kind: str  # "fact", a layer name, a lapse kind, "repair" or "risk"
    topic: str
    lines: tuple[str, ...]
    about: str = ""  # the plain fact, for the prompt; empty for layer and reaction lines


@dataclass(frozen=True)
class Match:
    material: Material
    score: float
    line_scores: tuple[float, ...] = ()  # each line's own similarity to the turn

    def lines_best_first(self) -> list[str]:
        """The first line (the plain answer, by the card's convention) first, then the others by similarity."""
        lines = self.material.lines
        rest = sorted(range(1, len(lines)), key=lambda i: -self.line_scores[i]) if self.line_scores else range(1, len(lines))
        return [lines[0], *(lines[i] for i in rest)] if lines else []


def risk_answers(card: PersonaCard) -> list[Material]:
    """The quoted answers in ``risk.if_asked``: the first is the answer to being asked; each later one answers
    the follow-up its preceding words name ("Means:", "Pills:", "What keeps him here:")."""
    found = []
    for i, m in enumerate(RISK_QUOTE.finditer(card.risk.if_asked)):
        lead = m.group(1).strip(" :.-")
        topic = "thoughts of dying, suicide, self-harm" if i == 0 else (lead or "risk")
        found.append(Material("risk", topic, (m.group(2).strip(),)))
    return found


def materials(card: PersonaCard) -> list[Material]:
    """Everything the client may say, as materials (gating is the caller's)."""
    out = [Material("fact", f.topic, tuple(f.says), f.fact) for f in card.facts if f.says]
    for name in LAYER_ORDER:
        layer = card.layer(name)
        out += [Material(name, layer.material, (line,)) for line in layer.lines]
    for kind in ("advice", "interpretation", "reassurance"):
        reaction = card.reaction(kind)
        out += [Material(kind, reaction.how, (line,)) for line in reaction.lines]
    out += [Material("repair", "the counsellor owned getting it wrong", (line,)) for line in card.repair.lines]
    return out + risk_answers(card)


def names_in(text: str) -> set[str]:
    """Capitalised words that are likely names ("Imran", "Karen's"), lower-cased without the 's."""
    return {w.removesuffix("'s").lower() for w in NAME.findall(text.replace("’", "'")) if w.removesuffix("'s") not in NOT_NAMES}


class CardIndex:
    """The card's materials and their embeddings; built once per card (see `index_for`). Training builds one for
    each training persona from its facts alone (``CardIndex(name, materials)``)."""

    def __init__(self, display_name: str, card_materials: Sequence[Material]):
        from feedback import embed

        self.materials = list(card_materials)
        texts, owners = [], []
        for i, m in enumerate(self.materials):
            for text in (f"{m.topic}. {m.about}".strip(". "), *m.lines):
                texts.append(text)
                owners.append(i)
        self._first_vector = {}
        for position, owner in enumerate(owners):
            self._first_vector.setdefault(owner, position)
        vectors = embed.load().encode(texts) if texts else np.zeros((0, 384), dtype=np.float32)
        self._vectors, self._owners = vectors, np.array(owners, dtype=int)
        self.own_names = names_in(display_name)  # the client's own name says nothing about what is asked
        self._own = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(self.own_names))) + r")\b,?\s*", re.I) \
            if self.own_names else None
        self._topic_names = [names_in(m.topic) - self.own_names for m in self.materials]
        self._names = [names_in(f"{m.about} {' '.join(m.lines)}") - self.own_names | t
                       for m, t in zip(self.materials, self._topic_names)]
        self.card_names = set().union(*self._names) if self._names else set()
        self.facts = [i for i, m in enumerate(self.materials) if m.kind == "fact"]
        topics = vectors[[self._first_vector[i] for i in self.facts]] if self.facts else np.zeros((0, 384), np.float32)
        self._facts = answering.FactVectors(
            topics, [self._line_vectors(i) for i in self.facts],
            [answering.content_words(f"{m.topic} {m.about}") for m in map(self.materials.__getitem__, self.facts)])

    def _line_vectors(self, owner: int) -> np.ndarray:
        start = self._first_vector[owner] + 1
        return self._vectors[start:start + len(self.materials[owner].lines)]

    def embed(self, text: str) -> np.ndarray:
        return _embedded(text)

    def query_vector(self, query: str) -> np.ndarray:
        """The trainee's words as the client would say them, embedded; the client's own name taken out ("What did
        you do for a living, Frank?" asks about work, not about Frank)."""
        return self.embed(as_the_client_would_say(self._without_own_name(query)))

    def _without_own_name(self, query: str) -> str:
        return (self._own.sub("", query).strip() or query) if self._own is not None else query

    def name_matches(self, query: str) -> list[float]:
        """Per material: 1 when the turn names someone its topic is about, 0.5 when only its lines name them."""
        asked = names_in(query) & self.card_names
        return [1.0 if asked & topic else 0.5 if asked & named else 0.0
                for topic, named in zip(self._topic_names, self._names)]

    def rank(self, query: str, kinds: Sequence[str]) -> list[Match]:
        """Materials of these kinds, best first, for the trainee's words (cosine similarity and names)."""
        if not len(self._vectors):
            return []
        sims = self._vectors @ self.query_vector(query)
        named = self.name_matches(query)
        out = []
        for owner, material in enumerate(self.materials):
            if material.kind not in kinds:
                continue
            start = self._first_vector[owner]  # the topic's vector, then one per line
            lines = tuple(round(float(v), 4) for v in sims[start + 1:start + 1 + len(material.lines)])
            # What it is about and how it is said both count: one line alone can match by accident.
            score = TOPIC_SHARE * float(sims[start]) + (1 - TOPIC_SHARE) * max(lines, default=float(sims[start]))
            out.append(Match(material, round(score + NAME_BONUS * named[owner], 4), lines))
        return sorted(out, key=lambda m: -m.score)

    def fact_inputs(self, query: str):
        """(question vector, then each fact's topic vectors, best-line vectors and scalars) for answering.py."""
        q = self.query_vector(query)
        named = self.name_matches(query)
        words = answering.content_words(self._without_own_name(query))
        return (q, *answering.fact_inputs(q, words, self._facts, np.array([named[i] for i in self.facts])))

    def answers(self, query: str) -> tuple[list[Match], float]:
        """The facts, most likely answer first, each scored by the answer model's probability that it answers the
        trainee's words; and the probability that no fact does."""
        if not self.facts:
            return [], 1.0
        inputs = self.fact_inputs(query)
        p, none = answering.load().probabilities(*inputs)
        matches = []
        for k, owner in enumerate(self.facts):
            lines = tuple(round(float(v), 4) for v in self._facts.lines[k] @ inputs[0])
            matches.append(Match(self.materials[owner], round(float(p[k]), 4), lines))
        return sorted(matches, key=lambda m: -m.score), none


@lru_cache(maxsize=64)
def _embedded(text: str) -> np.ndarray:
    """One turn's vector, kept: a reply ranks the same turn several ways (the answer model, then the layers)."""
    from feedback import embed

    vector = embed.load().encode([text])[0]
    vector.setflags(write=False)
    return vector


@lru_cache(maxsize=32)
def _index(card_json: str) -> CardIndex:
    card = PersonaCard.model_validate_json(card_json)
    return CardIndex(card.display_name, materials(card))


def index_for(card: PersonaCard) -> CardIndex:
    """The card's index, cached by the card's content (a draft edited in the studio gets a new one)."""
    return _index(card.model_dump_json())


def fresh_line(lines: Sequence[str], said: Sequence[str]) -> str | None:
    """The first of these lines not said (or nearly said) in the session yet."""
    return next((line for line in lines if not repeats(line, tuple(said))), None)
