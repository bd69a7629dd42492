"""Features shared by training (scikit-learn) and inference (plain numpy, so loading stays fast).

Word 1-2-grams and character 2-5-grams of the folded turn, plus dense features from the cue rules:
the model learns how far to trust each rule and covers turns where no rule fires.
"""
from __future__ import annotations

import re

import numpy as np

from feedback.rules import TENTATIVE, _QUOTED, combine, fold, turn_cues
from feedback.text import clean, content_words
from feedback.types import LABELS

LABELS10 = LABELS  # the model's output order is the shared label order
_TOKEN = re.compile(r"[a-z0-9']+|[?!]")
_ASKS = re.compile(r"\b(?:what (?:should|can|do) i do|any (?:advice|ideas|suggestions|tips)|how do i|should i|what would you do)\b")


def embedding_text(trainee: str) -> str:
    """The text the sentence encoder sees: cleaned, quotes kept (the encoder reads them as quotes)."""
    return clean(trainee)


def prepared(trainee: str) -> str:
    """The text the n-gram analysers see: folded, with quoted client words masked."""
    return _QUOTED.sub(' "quote" ', fold(clean(trainee)))


def word_ngrams(text: str) -> list[str]:
    toks = _TOKEN.findall(text)
    return toks + [f"{a} {b}" for a, b in zip(toks, toks[1:])] + ([f"^ {toks[0]}", f"^ {' '.join(toks[:2])}"] if toks else [])


def char_ngrams(text: str) -> list[str]:
    out = []
    for w in text.split():
        w = f" {w} "
        out.extend(w[i:i + n] for n in range(2, 6) for i in range(len(w) - n + 1))
    return out


DENSE_NAMES = ([f"turn={lab}" for lab in LABELS10] + [f"any={lab}" for lab in LABELS10] + [f"last={lab}" for lab in LABELS10]
               + ["none", "ends_q", "any_q", "n_sent", "tentative", "client_asks", "overlap", "length", "starts_you"])


def dense(client: str, trainee: str) -> np.ndarray:
    """Rule-derived features for one turn."""
    cues = turn_cues(trainee, client)
    top = combine(cues)
    v = np.zeros(len(DENSE_NAMES), dtype=np.float64)
    idx = {lab: i for i, lab in enumerate(LABELS10)}
    if top.label in idx:
        v[idx[top.label]] = max(top.strength, 0.3)
    for c in cues:
        if c.label in idx:
            v[10 + idx[c.label]] = max(v[10 + idx[c.label]], c.strength)
    if cues and cues[-1].label in idx:
        v[20 + idx[cues[-1].label]] = 1.0
    t = fold(clean(trainee))
    mine, said = set(content_words(trainee)), set(content_words(client))
    v[30:] = [not top.label, t.endswith("?"), "?" in t, min(len(cues), 6) / 6, bool(TENTATIVE.search(t)),
              bool(_ASKS.search(fold(clean(client)))), len(mine & said) / len(mine) if mine else 0.0,
              min(len(t.split()), 60) / 60, t.startswith(("you", "your"))]
    return v
